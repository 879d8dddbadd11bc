// Issue 15 item 2: results held while IndexedDB is away are a durable, ordered queue: a reload keeps
// them, any write that succeeds flushes them first, and the status says "saved" only when none are left.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openHallDb } from './db.ts';
import { enqueue, HELD_KEY, loadHeld, MAX_HELD_CHARS, saveHeld, type HeldStore, type HeldWrite } from './held.ts';
import { createHallStorage } from './storage.ts';
import type { Attempt, Visitor } from './types.ts';

/** localStorage as a Map (what survives a reload of the page). */
class MemoryStore implements HeldStore {
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

let n = 0;
const freshName = () => `held-test-${++n}-${Date.now()}`;
const visitor: Visitor = { id: 'v1', nickname: '勇敢的斑马', group: 'child', createdAt: 1 };
const attempt = (id: string, score = 80): Attempt => ({
  id,
  visitorId: 'v1',
  group: 'child',
  zone: 'crossing',
  mode: 'test',
  startedAt: 1000,
  endedAt: 2000,
  score,
  stars: 2,
  passed: true,
  answers: [{ question: 'crossing-red-light-enter', chosen: ['no'], correct: true, ms: 3200 }],
  appVersion: 'test',
  device: 'desktop',
});
const quota = () => Object.assign(new Error('quota'), { name: 'QuotaExceededError' });

/** A database whose open() fails while `down.value` is true (indexedDB.open throwing at load). */
function flaky(name: string, down: { value: boolean }) {
  return () => {
    const db = openHallDb(name);
    if (down.value) db.open = () => Promise.reject(Object.assign(new Error('indexedDB.open is not available'), { name: 'UnknownError' })) as never;
    return db;
  };
}

describe('held writes (storage away at load)', () => {
  it('a self-test finished while IndexedDB is down is written — visitor, attempt and settings, in order — once any write succeeds', async () => {
    const name = freshName();
    const down = { value: true };
    const held = new MemoryStore();
    const s = createHallStorage(flaky(name, down), 4000, { held, autoRetryMs: 0, persist: null });
    await s.putVisitor(visitor);
    await s.putSettings({ currentVisitorId: 'v1' });
    await s.putAttempt(attempt('a1'));
    expect(s.status).toBe('memory');
    expect(s.held).toBe(3);
    expect(s.settingsKnown).toBe(false);
    // the held writes are in localStorage, in order
    expect(loadHeld(held).map((w) => w.kind)).toEqual(['visitor', 'settings', 'attempt']);

    // storage comes back; an unrelated write (the language) succeeds — and takes the held ones with it
    down.value = false;
    await s.putSettings({ lang: 'en' });
    expect(s.held).toBe(0);
    expect(s.status).toBe('ok');
    expect(held.getItem(HELD_KEY)).toBeNull();

    const reopened = createHallStorage(() => openHallDb(name), 4000, { held: new MemoryStore(), autoRetryMs: 0, persist: null });
    expect(await reopened.getVisitor('v1')).toMatchObject({ nickname: '勇敢的斑马' });
    expect((await reopened.listAttempts()).map((a) => a.id)).toEqual(['a1']);
    expect(await reopened.getSettings()).toMatchObject({ currentVisitorId: 'v1', lang: 'en' });
  });

  it('a reload while IndexedDB is still down keeps the held results (from localStorage) and writes them when it returns', async () => {
    const name = freshName();
    const down = { value: true };
    const held = new MemoryStore();
    const first = createHallStorage(flaky(name, down), 4000, { held, autoRetryMs: 0, persist: null });
    await first.putVisitor(visitor);
    await first.putAttempt(attempt('a1'));

    // the page reloads: a new storage on the same localStorage, IndexedDB still away
    const second = createHallStorage(flaky(name, down), 4000, { held, autoRetryMs: 0, persist: null });
    expect(second.held).toBe(2);
    expect((await second.listAttempts()).map((a) => a.id)).toEqual(['a1']);
    expect(await second.getVisitor('v1')).toMatchObject({ group: 'child' });
    expect(second.status).toBe('memory');

    down.value = false;
    expect(await second.retry()).toBe(true);
    expect(second.status).toBe('ok');
    const third = createHallStorage(() => openHallDb(name), 4000, { held: new MemoryStore(), autoRetryMs: 0, persist: null });
    expect((await third.listAttempts()).map((a) => a.id)).toEqual(['a1']);
  });

  it('an unrelated write that succeeds never hides a held attempt: the status stays "memory" until the attempt is written', async () => {
    const name = freshName();
    const held = new MemoryStore();
    let attemptsFull = true;
    const s = createHallStorage(
      () => {
        const db = openHallDb(name);
        const put = db.attempts.put.bind(db.attempts);
        db.attempts.put = ((row: Attempt) => (attemptsFull ? Promise.reject(quota()) : put(row))) as never;
        return db;
      },
      4000,
      { held, autoRetryMs: 0, persist: null },
    );
    await s.putProgress({ key: 'v1:crossing:test', updatedAt: 1, state: { index: 9 } });
    await s.putAttempt(attempt('a1'));
    expect(s.status).toBe('memory');
    expect(s.problem).toMatch(/full/);
    // the progress delete after the finished test is held behind the attempt (order), status unchanged
    await s.deleteProgress('v1:crossing:test');
    await s.putSettings({ staffPin: 'x' });
    expect(s.held).toBe(3);
    expect(s.status).toBe('memory');
    expect(await s.retry()).toBe(false);

    attemptsFull = false;
    expect(await s.retry()).toBe(true);
    expect(s.held).toBe(0);
    expect(s.status).toBe('ok');
    const again = createHallStorage(() => openHallDb(name), 4000, { held: new MemoryStore(), autoRetryMs: 0, persist: null });
    expect((await again.listAttempts()).map((a) => a.id)).toEqual(['a1']);
    expect(await again.getProgress('v1:crossing:test')).toBeUndefined();
  });

  it('tells its listeners the held count as it changes, and asks the browser to keep storage', async () => {
    const name = freshName();
    const down = { value: true };
    let asked = 0;
    const s = createHallStorage(flaky(name, down), 4000, {
      held: new MemoryStore(),
      autoRetryMs: 0,
      persist: async () => {
        asked++;
        return true;
      },
    });
    const counts: number[] = [];
    s.subscribe(() => counts.push(s.held));
    await s.putAttempt(attempt('a1'));
    await s.putAttempt(attempt('a2'));
    down.value = false;
    await s.retry();
    expect(asked).toBe(1);
    expect(s.persisted).toBe(true);
    expect(counts).toContain(2);
    expect(counts.at(-1)).toBe(0);
  });

  it('retries by itself while writes are held', async () => {
    const name = freshName();
    const down = { value: true };
    const s = createHallStorage(flaky(name, down), 4000, { held: new MemoryStore(), autoRetryMs: 20, persist: null });
    await s.putAttempt(attempt('a1'));
    down.value = false;
    await expect.poll(() => s.held, { timeout: 2000 }).toBe(0);
    expect(s.status).toBe('ok');
  });
});

describe('the held queue (pure)', () => {
  const v = (id: string, nickname = 'x'): HeldWrite => ({ kind: 'visitor', row: { id, nickname, group: 'child', createdAt: 1 } });
  it('a later write of the same row replaces the earlier one; a deletion drops the rows it deletes; settings patches merge', () => {
    let q: HeldWrite[] = [];
    q = enqueue(q, v('v1', 'a'));
    q = enqueue(q, { kind: 'attempt', row: attempt('a1') });
    q = enqueue(q, { kind: 'settings', patch: { lang: 'en' } });
    q = enqueue(q, v('v1', 'b'));
    q = enqueue(q, { kind: 'settings', patch: { textSize: 'large' } });
    q = enqueue(q, { kind: 'attempts-delete', ids: ['a1'] });
    expect(q.map((w) => w.kind)).toEqual(['visitor', 'settings', 'attempts-delete']);
    expect(q[0]).toMatchObject({ row: { nickname: 'b' } });
    expect(q[1]).toEqual({ kind: 'settings', patch: { lang: 'en', textSize: 'large' } });
    // a put after a delete of the same row is kept after it
    q = enqueue(q, { kind: 'attempt', row: attempt('a1', 50) });
    expect(q.map((w) => w.kind)).toEqual(['visitor', 'settings', 'attempts-delete', 'attempt']);
  });

  it('a queue too big for localStorage is reported as not durable (and not half-written)', () => {
    const store = new MemoryStore();
    const big: HeldWrite[] = [{ kind: 'progress', row: { key: 'k', updatedAt: 1, state: 'x'.repeat(MAX_HELD_CHARS) } }];
    expect(saveHeld(store, big)).toBe(false);
    expect(store.getItem(HELD_KEY)).toBeNull();
    expect(saveHeld(store, [v('v1')])).toBe(true);
    expect(loadHeld(store)).toHaveLength(1);
    store.setItem(HELD_KEY, '{broken');
    expect(loadHeld(store)).toEqual([]);
  });
});
