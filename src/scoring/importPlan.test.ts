// Issue 15 item 6: an import is planned in one pass with lookups by id (the old merge searched the
// added list for every row: 20k rows took 24 s), in chunks a worker can report and cancel between,
// with a size limit; item 8: imported visitors meet the same nickname rules as the profile form.
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });
import type { Attempt } from '../storage/types.ts';
import { buildExport } from './exchange.ts';
import { canonical, CHECK_CHUNK, checkAttempts, MAX_IMPORT_BYTES, planImport, readExport, sizeProblem } from './importPlan.ts';

const NOW = Date.UTC(2026, 4, 1, 7);
const attempt = (id: string, p: Partial<Attempt> = {}): Attempt => ({
  id,
  visitorId: 'v1',
  group: 'child',
  zone: 'crossing',
  mode: 'test',
  startedAt: NOW - 60_000,
  endedAt: NOW,
  score: 80,
  stars: 2,
  passed: true,
  answers: [{ question: 'crossing-red-light-enter', chosen: ['no'], correct: true, ms: 3200 }],
  appVersion: '0.1.0',
  device: 'kiosk',
  ...p,
});

/** the device's records as the worker sees them: looked up by id, counting the lookups */
function device(attempts: Attempt[], visitorIds: string[] = []) {
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const calls = { attempts: 0, rows: 0 };
  return {
    calls,
    lookup: {
      attempts: async (ids: string[]) => {
        calls.attempts++;
        calls.rows += ids.length;
        return ids.map((id) => byId.get(id));
      },
      visitorIds: async (ids: string[]) => new Set(ids.filter((id) => visitorIds.includes(id))),
    },
  };
}

describe('planning an import', () => {
  it('adds new attempts, skips those it has (in any key order), reports conflicts, never duplicates', async () => {
    const mine = [attempt('a1'), attempt('a2')];
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(mine[1]!).reverse()))) as Attempt;
    const theirs = [reordered, attempt('a3'), attempt('a1', { score: 10 }), attempt('a3')];
    const { lookup } = device(mine);
    const plan = await planImport(theirs, [], NOW, lookup);
    expect(plan.attempts.map((a) => a.id)).toEqual(['a3']);
    expect(plan.skipped).toBe(2);
    expect(plan.conflicts).toBe(1);
    expect(canonical(reordered)).toBe(canonical(mine[1]));
  });

  it('looks each row up once, a chunk at a time, and reports progress per chunk (90,000 rows)', async () => {
    const n = 90_000;
    const have = Array.from({ length: n / 2 }, (_, i) => attempt(`a${i}`));
    const incoming = Array.from({ length: n }, (_, i) => attempt(`a${i}`));
    const { lookup, calls } = device(have);
    const progress: number[] = [];
    const plan = await planImport(incoming, [{ id: 'v1', nickname: '小红', group: 'child' }], NOW, lookup, (d) => progress.push(d));
    expect(plan.attempts).toHaveLength(n / 2);
    expect(plan.skipped).toBe(n / 2);
    expect(calls.rows).toBe(n);
    expect(calls.attempts).toBe(Math.ceil(n / CHECK_CHUNK));
    expect(progress.at(-1)).toBe(n);
    expect(plan.visitors).toEqual([{ id: 'v1', nickname: '小红', group: 'child', createdAt: NOW }]);
  });

  it('imported visitors meet the nickname rules: a rude or disguised nickname is dropped (a guest), a known visitor keeps its record', async () => {
    const incoming = [attempt('a1', { visitorId: 'v1' }), attempt('a2', { visitorId: 'v2' }), attempt('a3', { visitorId: 'v3' }), attempt('a4', { visitorId: 'v4' })];
    const { lookup } = device([], ['v4']);
    const plan = await planImport(
      incoming,
      [
        { id: 'v1', nickname: 'f_u_c_k', group: 'child' },
        { id: 'v2', nickname: '他媽的', group: 'teen' },
        { id: 'v3', nickname: '死角小队', group: 'adult' },
        { id: 'v4', nickname: 'sh1t', group: 'adult' },
      ],
      NOW,
      lookup,
    );
    expect(plan.visitors.map((v) => [v.id, v.nickname])).toEqual([
      ['v1', ''],
      ['v2', ''],
      ['v3', '死角小队'],
    ]);
    expect(plan.nicknamesCleared).toBe(2);
  });
});

describe('reading an import in steps', () => {
  it('checks attempts a chunk at a time with the same messages as a whole-file read', () => {
    const file = buildExport([attempt('a1'), attempt('a2', { score: 140 }), attempt('a3')], [], NOW);
    const shape = readExport(JSON.parse(JSON.stringify(file)));
    expect(shape.ok).toBe(true);
    if (!shape.ok) return;
    const out: Attempt[] = [];
    const errors: string[] = [];
    checkAttempts(shape.body.attempts, 0, 2, out, errors);
    checkAttempts(shape.body.attempts, 2, 4, out, errors);
    expect(out.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(errors).toEqual(['attempts[1].score: must be between 0 and 100']);
    expect(readExport({ format: 'traffic-hall-export', version: 1, exportedAt: NOW, attempts: 'x' })).toEqual({ ok: false, errors: ['attempts: must be a list'] });
  });

  it('a file over the limit gets a clear message before anything is read', () => {
    expect(sizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeProblem(50 * 1024 * 1024)).toBeNull();
    expect(sizeProblem(MAX_IMPORT_BYTES + 1)).toMatch(/^the file is 64\.0 MB; at most 64 MB can be imported at once/);
  });
});
