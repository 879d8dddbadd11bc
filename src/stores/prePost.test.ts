import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupsFileSchema, quizFileSchema, type Group, type Question } from '../content/schema.ts';
import { DEFAULT_LEARNING, drawCheck, postCheck, preCheckOn } from '../modes/prePost.ts';
import { learningReport, type LearningRecord } from '../scoring/learning.ts';
import { openHallDb } from '../storage/db.ts';
import { createLearningRepo } from '../storage/learning.ts';
import type { LearningSettings } from '../storage/types.ts';
import { createPrePostStore } from './prePost.ts';

const load = (zone: string): Question[] =>
  quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;
const groups = groupsFileSchema.parse(JSON.parse(readFileSync(new URL('../../quizzes/groups.json', import.meta.url), 'utf8'))).groups;
const group = (id: string): Group => groups.find((g) => g.id === id)!;
const crossing = load('crossing');

describe('pre/post checks (pure)', () => {
  it('draws 3–5 of the group\'s questions, no scene questions, and asks the same ones after with choices reshuffled', () => {
    const pre = drawCheck(crossing, group('child'), 7)!;
    expect(pre.items).toHaveLength(4);
    for (const i of pre.items) {
      const q = crossing.find((x) => x.id === i.id)!;
      expect(q.groups).toContain('child');
      expect(q.kind).not.toBe('scene');
    }
    expect(drawCheck(crossing, group('child'), 7, 10)!.items).toHaveLength(5);
    expect(drawCheck(crossing, group('child'), 7, 1)!.items).toHaveLength(3);
    expect(drawCheck(crossing.slice(0, 2), group('child'), 7)).toBeNull();
    // over a few seeds at least one multi-choice item changes its order; true/false never does
    let moved = false;
    for (let s = 1; s < 6; s++) {
      const post = postCheck(pre, crossing, s);
      expect(post.items.map((i) => i.id)).toEqual(pre.items.map((i) => i.id));
      post.items.forEach((it, k) => {
        expect([...it.choices].sort()).toEqual([...pre.items[k]!.choices].sort());
        if (crossing.find((q) => q.id === it.id)!.kind === 'truefalse') expect(it.choices).toEqual(pre.items[k]!.choices);
        if (it.choices.join() !== pre.items[k]!.choices.join()) moved = true;
      });
      expect(post.answers.every((a) => a === null)).toBe(true);
    }
    expect(moved).toBe(true);
  });

  it('takes the visiting group\'s choice over the hall\'s', () => {
    const visit = { id: 'v1', name: '三(2)班', kind: 'school' as const, preCheck: true, createdAt: 0 };
    expect(preCheckOn(DEFAULT_LEARNING)).toBe(false);
    expect(preCheckOn({ ...DEFAULT_LEARNING, visits: [visit], activeVisit: 'v1' })).toBe(true);
    expect(preCheckOn({ ...DEFAULT_LEARNING, preCheck: true, visits: [{ ...visit, preCheck: false }], activeVisit: 'v1' })).toBe(false);
    expect(preCheckOn({ ...DEFAULT_LEARNING, preCheck: true, visits: [{ ...visit, preCheck: null }], activeVisit: 'v1' })).toBe(true);
  });
});

function store(settings: LearningSettings, saved: LearningRecord[]) {
  return createPrePostStore({
    loadBank: async () => ({ ok: true, questions: crossing, topics: {} }),
    settings: async () => settings,
    save: async (r) => void saved.push(r),
    zone: 'crossing',
    group: group('child'),
    lang: () => 'zh-Hans',
    seed: () => 42,
    now: () => 1_000,
  });
}

const answerAll = async (s: ReturnType<typeof store>, right: (i: number) => boolean) => {
  while (s.getState().check && s.getState().check!.phase === 'question') {
    const c = s.getState().check!;
    const item = c.items[c.index]!;
    await s.getState().actions.answer(right(c.index) ? item.answer : item.choices.filter((x) => !item.answer.includes(x)).slice(0, 1));
  }
};

describe('pre/post store', () => {
  it('is off unless staff switch it on', async () => {
    const s = store(DEFAULT_LEARNING, []);
    await s.getState().actions.init();
    expect(s.getState().phase).toBe('off');
  });

  it('runs pre → zone → post and saves one record with the visiting group and no visitor', async () => {
    const saved: LearningRecord[] = [];
    const s = store({ ...DEFAULT_LEARNING, visits: [{ id: 'v9', name: '三(2)班', kind: 'school', preCheck: true, createdAt: 0 }], activeVisit: 'v9' }, saved);
    await s.getState().actions.init();
    expect(s.getState().phase).toBe('offer');
    s.getState().actions.zoneFinished(); // nothing to do before the pre-check
    expect(s.getState().phase).toBe('offer');
    s.getState().actions.startPre();
    await answerAll(s, (i) => i === 0);
    expect(s.getState().phase).toBe('zone');
    expect(saved.at(-1)!.pre).toEqual([true, false, false, false]);
    s.getState().actions.zoneFinished();
    expect(s.getState().phase).toBe('postOffer');
    s.getState().actions.startPost();
    await answerAll(s, (i) => i < 3);
    expect(s.getState().phase).toBe('done');
    const r = saved.at(-1)!;
    expect(r).toMatchObject({ zone: 'crossing', group: 'child', visit: 'v9', where: 'hall', pre: [true, false, false, false], post: [true, true, true, false] });
    expect(Object.keys(r).sort()).toEqual(['createdAt', 'group', 'id', 'items', 'post', 'postAt', 'pre', 'visit', 'where', 'zone']);
    expect(learningReport(saved).byVisit[0]).toMatchObject({ key: 'v9', n: 1, meanPre: 25, meanPost: 75, gain: 50 });
  });

  it('lets the visitor skip: a skipped pre-check has no post-check', async () => {
    const saved: LearningRecord[] = [];
    const s = store({ ...DEFAULT_LEARNING, preCheck: true }, saved);
    await s.getState().actions.init();
    await s.getState().actions.skipPre();
    expect(s.getState().phase).toBe('zone');
    s.getState().actions.zoneFinished();
    expect(s.getState().phase).toBe('zone');
    expect(saved.at(-1)!.pre).toBeNull();
    expect(learningReport(saved).counts.skippedPre).toBe(1);
  });
});

describe('learning storage (Dexie v7)', () => {
  it('keeps v6 rows on the upgrade and stores records', async () => {
    const Dexie = (await import('dexie')).default;
    const name = `learning-${Date.now()}`;
    const v6 = new Dexie(name);
    v6.version(1).stores({ visitors: 'id, group, createdAt', attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]', settings: 'key' });
    v6.version(2).stores({ progress: 'key, updatedAt' });
    v6.version(3).stores({ competitions: 'id, updatedAt' });
    v6.version(4).stores({ staffQuestions: 'id, zone, updatedAt' });
    v6.version(6).stores({ outbox: 'id, state, [state+nextAt]', hallDevice: 'key' });
    await v6.table('outbox').put({ id: 'a1', state: 'queued', nextAt: 0 });
    await v6.table('settings').put({ key: 'main', lang: 'en' });
    v6.close();
    const repo = createLearningRepo(() => openHallDb(name));
    const rec: LearningRecord = { id: 'lr-1', zone: 'crossing', group: 'child', visit: null, where: 'hall', createdAt: 5, items: ['a'], pre: [false], post: [true] };
    await repo.put(rec);
    expect(await repo.list()).toEqual([rec]);
    const db = openHallDb(name);
    expect(await db.outbox.get('a1')).toMatchObject({ state: 'queued' });
    expect(await db.settings.get('main')).toMatchObject({ lang: 'en' });
    expect(await repo.deleteBefore(10)).toBe(1);
    db.close();
  });
});
