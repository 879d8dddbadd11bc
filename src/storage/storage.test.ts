import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openHallDb } from './db.ts';
import { createHallStorage } from './storage.ts';
import type { Attempt } from './types.ts';

let n = 0;
const freshName = () => `hall-test-${++n}-${Date.now()}`;

const attempt = (id: string): Attempt => ({
  id,
  visitorId: 'v1',
  group: 'child',
  zone: 'crossing',
  mode: 'test',
  startedAt: 1000,
  endedAt: 2000 + n,
  score: 80,
  stars: 2,
  passed: true,
  answers: [{ question: 'crossing-red-light-enter', chosen: ['no'], correct: true, ms: 3200 }],
  appVersion: 'test',
  device: 'desktop',
});

describe('hall storage', () => {
  it('keeps visitors, attempts and settings across a reopen', async () => {
    const name = freshName();
    const a = createHallStorage(() => openHallDb(name));
    await a.putVisitor({ id: 'v1', nickname: '勇敢的斑马', group: 'child', createdAt: 1 });
    await a.putAttempt(attempt('a1'));
    await a.putSettings({ lang: 'en', currentVisitorId: 'v1' });
    expect(a.status).toBe('ok');

    const b = createHallStorage(() => openHallDb(name));
    expect(await b.getVisitor('v1')).toMatchObject({ nickname: '勇敢的斑马', group: 'child' });
    expect((await b.listAttempts()).map((x) => x.id)).toEqual(['a1']);
    expect(await b.getSettings()).toMatchObject({ lang: 'en', currentVisitorId: 'v1' });
  });

  it('runs in memory with a clear reason when the database cannot open, then saves what it held', async () => {
    const name = freshName();
    let broken = true;
    const s = createHallStorage(() => {
      if (broken) {
        const db = openHallDb(name);
        db.open = () => Promise.reject(Object.assign(new Error('disk'), { name: 'QuotaExceededError' })) as never;
        return db;
      }
      return openHallDb(name);
    });
    await s.putAttempt(attempt('held'));
    expect(s.status).toBe('memory');
    expect(s.problem).toMatch(/full/);
    // nothing is lost while storage is down
    expect((await s.listAttempts()).map((x) => x.id)).toEqual(['held']);

    broken = false;
    expect(await s.retry()).toBe(true);
    expect(s.status).toBe('ok');
    const again = createHallStorage(() => openHallDb(name));
    expect((await again.listAttempts()).map((x) => x.id)).toEqual(['held']);
  });

  it('reports a database blocked by another window instead of hanging', async () => {
    const s = createHallStorage(() => {
      const db = openHallDb(freshName());
      db.open = () => new Promise(() => {}) as never;
      return db;
    }, 50);
    expect(await s.getSettings()).toEqual({});
    expect(s.status).toBe('memory');
    expect(s.problem).toMatch(/blocked/);
  });
});

describe('schema versions', () => {
  it('v1 rows survive the upgrade to v2 (progress table)', async () => {
    const Dexie = (await import('dexie')).default;
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ visitors: 'id, group, createdAt', attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]', settings: 'key' });
    await v1.table('attempts').put(attempt('old'));
    v1.close();
    const s = createHallStorage(() => openHallDb(name));
    expect((await s.listAttempts()).map((a) => a.id)).toEqual(['old']);
    await s.putProgress({ key: 'v1:crossing:test', updatedAt: 5, state: { index: 3 } });
    const again = createHallStorage(() => openHallDb(name));
    expect(await again.getProgress('v1:crossing:test')).toMatchObject({ state: { index: 3 } });
    await again.deleteProgress('v1:crossing:test');
    expect(await createHallStorage(() => openHallDb(name)).getProgress('v1:crossing:test')).toBeUndefined();
  });
});

describe('purge, visitors and competition logs', () => {
  const comp = (id: string, updatedAt: number, finished = false) => ({ id, title: '知识赛', logText: `{"seq":1}\n`, updatedAt, finished });

  it('lists visitors, deletes attempts and visitors, and keeps competition logs (newest first) across a reopen', async () => {
    const name = freshName();
    const s = createHallStorage(() => openHallDb(name));
    await s.putVisitor({ id: 'v1', nickname: '勇敢的斑马', group: 'child', createdAt: 1 });
    await s.putVisitor({ id: 'v2', nickname: 'Lee', group: 'adult', createdAt: 2 });
    await s.putAttempt(attempt('a1'));
    await s.putAttempt(attempt('a2'));
    await s.putCompetition(comp('c1', 10));
    await s.putCompetition(comp('c2', 20, true));
    expect((await s.listVisitors()).map((v) => v.id)).toEqual(['v1', 'v2']);

    await s.deleteAttempts(['a1']);
    await s.deleteVisitors(['v2']);
    expect((await s.listAttempts()).map((a) => a.id)).toEqual(['a2']);
    expect(await s.getVisitor('v2')).toBeUndefined();

    const again = createHallStorage(() => openHallDb(name));
    expect((await again.listAttempts()).map((a) => a.id)).toEqual(['a2']);
    expect((await again.listVisitors()).map((v) => v.id)).toEqual(['v1']);
    expect((await again.listCompetitions()).map((c) => c.id)).toEqual(['c2', 'c1']);
    expect(await again.getCompetition('c1')).toMatchObject({ logText: '{"seq":1}\n', finished: false });
    await again.deleteCompetitions(['c1']);
    expect((await createHallStorage(() => openHallDb(name)).listCompetitions()).map((c) => c.id)).toEqual(['c2']);
  });

  it('rows another writer puts back after a purge (the import worker) show again once reported as restored', async () => {
    const name = freshName();
    const s = createHallStorage(() => openHallDb(name));
    await s.putVisitor({ id: 'v1', nickname: '勇敢的斑马', group: 'child', createdAt: 1 });
    await s.putAttempt(attempt('a1'));
    await s.putAttempt(attempt('a2'));
    await s.deleteAttempts(['a1', 'a2']);
    await s.deleteVisitors(['v1']);
    // the worker writes straight into IndexedDB (its own connection)
    const other = openHallDb(name);
    await other.open();
    await other.visitors.bulkPut([{ id: 'v1', nickname: '勇敢的斑马', group: 'child', createdAt: 1 }]);
    await other.attempts.bulkPut([attempt('a1'), attempt('a2')]);
    other.close();
    // until reported, this session's deletions still hide them (an older copy must not come back by itself)
    expect(await s.listAttempts()).toEqual([]);
    await s.restored({ attempts: ['a1', 'a2'], visitors: ['v1'] });
    expect((await s.listAttempts()).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    expect((await s.listVisitors()).map((v) => v.id)).toEqual(['v1']);
  });

  it('holds competition saves and deletions in memory while storage is down, then writes them through', async () => {
    const name = freshName();
    const seed = createHallStorage(() => openHallDb(name));
    await seed.putAttempt(attempt('old'));
    let broken = true;
    const s = createHallStorage(() => {
      const db = openHallDb(name);
      if (broken) db.open = () => Promise.reject(Object.assign(new Error('disk'), { name: 'QuotaExceededError' })) as never;
      return db;
    });
    await s.putCompetition(comp('c1', 5));
    await s.putCompetition({ ...comp('c1', 6), logText: '{"seq":1}\n{"seq":2}\n' });
    await s.putVisitor({ id: 'v9', nickname: '第1队', group: 'teen', createdAt: 3 });
    expect(s.status).toBe('memory');
    expect(await s.getCompetition('c1')).toMatchObject({ updatedAt: 6 });
    expect((await s.listCompetitions()).map((c) => c.updatedAt)).toEqual([6]);
    expect((await s.listVisitors()).map((v) => v.id)).toEqual(['v9']);

    broken = false;
    expect(await s.retry()).toBe(true);
    await s.deleteAttempts(['old']);
    const again = createHallStorage(() => openHallDb(name));
    expect(await again.getCompetition('c1')).toMatchObject({ logText: '{"seq":1}\n{"seq":2}\n' });
    expect(await again.listAttempts()).toEqual([]);
  });

  it('v2 rows survive the upgrade to v3 (competitions table)', async () => {
    const Dexie = (await import('dexie')).default;
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(1).stores({ visitors: 'id, group, createdAt', attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]', settings: 'key' });
    v2.version(2).stores({ progress: 'key, updatedAt' });
    await v2.table('attempts').put(attempt('kept'));
    await v2.table('progress').put({ key: 'v1:crossing:test', updatedAt: 1, state: { index: 2 } });
    v2.close();
    const s = createHallStorage(() => openHallDb(name));
    expect((await s.listAttempts()).map((a) => a.id)).toEqual(['kept']);
    expect(await s.getProgress('v1:crossing:test')).toMatchObject({ state: { index: 2 } });
    await s.putCompetition(comp('c1', 1));
    expect(await s.listCompetitions()).toHaveLength(1);
  });
});

describe('v8 participants (programmes)', () => {
  it('v7 rows (attempts, learning records) survive the upgrade to v8; participants are saved and listed', async () => {
    const Dexie = (await import('dexie')).default;
    const { createParticipantRepo } = await import('./participants.ts');
    const { newParticipant } = await import('../modes/programme.ts');
    const name = freshName();
    const v7 = new Dexie(name);
    v7.version(1).stores({ visitors: 'id, group, createdAt', attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]', settings: 'key' });
    v7.version(2).stores({ progress: 'key, updatedAt' });
    v7.version(3).stores({ competitions: 'id, updatedAt' });
    v7.version(4).stores({ staffQuestions: 'id, zone, updatedAt' });
    v7.version(6).stores({ outbox: 'id, state, [state+nextAt]', hallDevice: 'key' });
    v7.version(7).stores({ learning: 'id, zone, visit, createdAt' });
    await v7.table('attempts').put(attempt('kept'));
    await v7.table('learning').put({ id: 'l1', zone: 'crossing', group: 'child', visit: null, where: 'hall', createdAt: 5, items: ['q'], pre: [true], post: [true] });
    v7.close();
    const db = openHallDb(name);
    const repo = createParticipantRepo(() => db);
    await repo.put(newParticipant({ id: 'pp-2', visitorId: 'pv-2', code: 'B', now: 20 }));
    await repo.put(newParticipant({ id: 'pp-1', visitorId: 'pv-1', code: 'A', now: 10 }));
    expect((await repo.list()).map((p) => p.code)).toEqual(['A', 'B']);
    expect(db.verno).toBe(8);
    expect((await db.attempts.toArray()).map((a) => a.id)).toEqual(['kept']);
    expect((await db.learning.toArray()).map((r) => r.id)).toEqual(['l1']);
    await repo.delete('pp-1');
    expect((await repo.list()).map((p) => p.code)).toEqual(['B']);
    db.close();
  });
});
