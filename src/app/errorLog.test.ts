import { describe, expect, it } from 'vitest';
import { clearErrorLog, ERROR_LOG_KEY, logError, MAX_ENTRIES, readErrorLog } from './errorLog.ts';

class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('local error log', () => {
  it('keeps the newest entries with where and when, cut short, and survives a damaged value', () => {
    const store = new MemoryStore();
    for (let i = 0; i < MAX_ENTRIES + 5; i++) logError('zone', new Error(`boom ${i} ${'x'.repeat(400)}`), { route: '/zone/crossing', now: 1000 + i, store });
    const log = readErrorLog(store);
    expect(log).toHaveLength(MAX_ENTRIES);
    expect(log[0]!.message.startsWith('Error: boom 5 ')).toBe(true);
    expect(log.at(-1)).toMatchObject({ source: 'zone', route: '/zone/crossing', at: 1000 + MAX_ENTRIES + 4 });
    expect(log.at(-1)!.message.length).toBeLessThanOrEqual(300);
    store.setItem(ERROR_LOG_KEY, '{not json');
    expect(readErrorLog(store)).toEqual([]);
    logError('window', 'plain text', { route: '/', store });
    expect(readErrorLog(store)).toEqual([expect.objectContaining({ source: 'window', message: 'plain text' })]);
    clearErrorLog(store);
    expect(readErrorLog(store)).toEqual([]);
  });
});
