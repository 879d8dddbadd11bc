import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { StaffQuestion } from '../content/schema.ts';
import { openHallDb } from './db.ts';
import { createStaffQuestionRepo, StaffQuestionStorageError, type StaffQuestionRecord } from './staffQuestions.ts';
import { createHallStorage } from './storage.ts';

let n = 0;
const freshName = () => `staff-q-${++n}-${Date.now()}`;

const rec = (id: string, t = 1): StaffQuestionRecord => ({
  id,
  zone: 'ebike',
  question: {
    id,
    zone: 'ebike',
    groups: ['teen'],
    difficulty: 1,
    kind: 'truefalse',
    topic: 'staff',
    prompt: { 'zh-Hans': `题目 ${id}`, en: '', 'zh-Hant': `題目 ${id}` },
    choices: [
      { id: 'yes', text: { 'zh-Hans': '对', en: '' } },
      { id: 'no', text: { 'zh-Hans': '错', en: '' } },
    ],
    answer: ['yes'],
    explanation: { 'zh-Hans': '解析', en: '' },
    source: { facts: ['2.1'] },
  } as StaffQuestion,
  createdAt: t,
  updatedAt: t,
});

describe('staff question repository (Dexie v4)', () => {
  it('puts, lists (oldest first), deletes and replaces all, and tells subscribers', async () => {
    const name = freshName();
    const repo = createStaffQuestionRepo(() => openHallDb(name));
    let heard = 0;
    repo.subscribe(() => heard++);
    await repo.put([rec('ebike-b', 2), rec('ebike-a', 1)]);
    expect((await repo.list()).map((r) => r.id)).toEqual(['ebike-a', 'ebike-b']);
    await repo.delete(['ebike-a']);
    expect((await repo.list()).map((r) => r.id)).toEqual(['ebike-b']);
    await repo.replaceAll([rec('ebike-c', 5), rec('ebike-d', 6)]);
    // a second connection (another tab, or after a reload) reads the same
    expect((await createStaffQuestionRepo(() => openHallDb(name)).list()).map((r) => r.id)).toEqual(['ebike-c', 'ebike-d']);
    expect(heard).toBe(3);
  });

  it('an import either lands whole or not at all', async () => {
    const repo = createStaffQuestionRepo(() => openHallDb(freshName()));
    await repo.put([rec('ebike-kept')]);
    const broken = { ...rec('x'), id: undefined } as unknown as StaffQuestionRecord;
    await expect(repo.put([rec('ebike-new'), broken])).rejects.toBeInstanceOf(StaffQuestionStorageError);
    expect((await repo.list()).map((r) => r.id)).toEqual(['ebike-kept']);
  });

  it('says why when storage cannot be used, and holds nothing it could lose', async () => {
    const repo = createStaffQuestionRepo(() => {
      const db = openHallDb(freshName());
      db.open = () => Promise.reject(Object.assign(new Error('disk'), { name: 'QuotaExceededError' })) as never;
      return db;
    });
    await expect(repo.put([rec('ebike-a')])).rejects.toThrow('the device storage is full');
    await expect(repo.list()).rejects.toThrow('the device storage is full');
  });

  it('gives up on a database blocked by another window instead of hanging', async () => {
    const repo = createStaffQuestionRepo(() => {
      const db = openHallDb(freshName());
      db.open = () => new Promise(() => {}) as never;
      return db;
    }, 50);
    await expect(repo.list()).rejects.toThrow('the database is blocked by another window');
  });

  it('v3 rows survive the upgrade to v4 (staffQuestions table)', async () => {
    const Dexie = (await import('dexie')).default;
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(1).stores({ visitors: 'id, group, createdAt', attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]', settings: 'key' });
    v3.version(2).stores({ progress: 'key, updatedAt' });
    v3.version(3).stores({ competitions: 'id, updatedAt' });
    await v3.table('visitors').put({ id: 'v1', nickname: '小红', group: 'child', createdAt: 1 });
    await v3.table('competitions').put({ id: 'c1', title: '竞赛', logText: '', updatedAt: 1, finished: true });
    v3.close();
    const repo = createStaffQuestionRepo(() => openHallDb(name));
    await repo.put([rec('ebike-a')]);
    const s = createHallStorage(() => openHallDb(name));
    expect(await s.getVisitor('v1')).toMatchObject({ nickname: '小红' });
    expect((await s.listCompetitions()).map((c) => c.id)).toEqual(['c1']);
    expect((await repo.list()).map((r) => r.id)).toEqual(['ebike-a']);
  });
});
