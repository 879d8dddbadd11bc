import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupsFileSchema, quizFileSchema, type ZoneId } from '../content/schema.ts';
import { openHallDb } from '../storage/db.ts';
import { createHallStorage } from '../storage/storage.ts';
import { createSelfTestStore, progressKey } from './selfTest.ts';

const groups = groupsFileSchema.parse(JSON.parse(readFileSync('quizzes/groups.json', 'utf8'))).groups;
const bankOf = (zone: string) => quizFileSchema.parse(JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8'))).questions;

function setup(dbName: string, group = 'child', zone: ZoneId = 'crossing') {
  const storage = createHallStorage(() => openHallDb(dbName));
  let t = 1000;
  // a group the hall added after the question banks were written
  const added = { ...groups.find((g) => g.id === 'adult')!, id: group };
  const store = createSelfTestStore({
    storage,
    zone,
    group: groups.find((g) => g.id === group) ?? added,
    visitorId: 'v1',
    device: () => 'desktop',
    loadBank: async (z) => ({ ok: true, questions: bankOf(z), topics: {} }),
    now: () => (t += 1500),
    seed: () => 42,
  });
  return { storage, store };
}

describe('self-test store', () => {
  it('runs a whole test, saves the attempt with every answer and clears the progress', async () => {
    const name = `st-${Math.random()}`;
    const { store, storage } = setup(name);
    await store.getState().actions.start();
    const test = store.getState().test!;
    expect(test.items).toHaveLength(8); // the child group's question count
    for (const item of test.items) {
      store.getState().actions.answer(item.answer); // always right
      expect(store.getState().test!.phase).toBe('feedback');
      await store.getState().actions.next();
    }
    const r = store.getState().result!;
    expect(r).toMatchObject({ score: 100, passed: true, stars: 3 });
    const [a] = await storage.listAttempts();
    expect(a).toMatchObject({ zone: 'crossing', mode: 'test', group: 'child', score: 100, device: 'desktop' });
    expect(a!.answers).toHaveLength(8);
    expect(a!.answers!.every((x) => x.correct && x.ms >= 1500)).toBe(true);
    expect(await storage.getProgress(progressKey('v1', 'crossing'))).toBeUndefined();
  });

  it('resumes the same test at the same question after a reload', async () => {
    const name = `st-${Math.random()}`;
    const first = setup(name);
    await first.store.getState().actions.start();
    const items = first.store.getState().test!.items;
    first.store.getState().actions.answer(['definitely-wrong-id'].filter(() => false)); // an empty answer counts as wrong
    await first.store.getState().actions.next();
    first.store.getState().actions.answer(items[1]!.answer);
    await new Promise((r) => setTimeout(r, 20));

    const second = setup(name);
    await second.store.getState().actions.start();
    const resumed = second.store.getState().test!;
    expect(resumed.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(resumed.items.map((i) => i.choices)).toEqual(items.map((i) => i.choices));
    expect(resumed.index).toBe(1);
    expect(resumed.phase).toBe('feedback');
    expect(resumed.answers[0]!.correct).toBe(false);
  });

  it('gives a child and a driver different questions from the same bank', async () => {
    const child = setup(`st-${Math.random()}`, 'child', 'seatbelt');
    const driver = setup(`st-${Math.random()}`, 'driver', 'seatbelt');
    await child.store.getState().actions.start();
    await driver.store.getState().actions.start();
    const bank = bankOf('seatbelt');
    const c = child.store.getState().test!.items.map((i) => i.id);
    const d = driver.store.getState().test!.items.map((i) => i.id);
    expect(c).not.toEqual(d);
    for (const id of c) expect(bank.find((q) => q.id === id)!.groups).toContain('child');
    for (const id of d) expect(bank.find((q) => q.id === id)!.groups).toContain('driver');
  });

  it('a group without questions gets an empty test, then the zone\'s questions for all ages on request (kept across restart and reload)', async () => {
    const name = `st-${Math.random()}`;
    const { store } = setup(name, 'family');
    await store.getState().actions.start();
    expect(store.getState().test!.items).toHaveLength(0);
    await store.getState().actions.startAllAges();
    const test = store.getState().test!;
    expect(test.pool).toBe('all-ages');
    expect(test.items.length).toBeGreaterThan(0);
    store.getState().actions.answer(test.items[0]!.answer);
    await store.getState().actions.restart();
    expect(store.getState().test!.pool).toBe('all-ages');
    const firstId = store.getState().test!.items[0]!.id;
    const again = setup(name, 'family').store;
    await again.getState().actions.start();
    expect(again.getState().test!.items[0]!.id).toBe(firstId);
  });

  it('reports a broken bank instead of starting', async () => {
    const storage = createHallStorage(() => openHallDb(`st-${Math.random()}`));
    const store = createSelfTestStore({
      storage,
      zone: 'drunk',
      group: groups[0]!,
      visitorId: 'v',
      device: () => 'kiosk',
      loadBank: async () => ({ ok: false, problems: [{ file: 'quizzes/drunk.json', path: 'questions[0].answer', message: 'bad' }] }),
    });
    await store.getState().actions.start();
    expect(store.getState()).toMatchObject({ status: 'error', test: null });
    expect(store.getState().problems[0]!.file).toBe('quizzes/drunk.json');
  });
});

describe('self-test store: staff questions without English', () => {
  // a staff question per topic-free slot: in the staff topic, so every test draws one (topics spread)
  const staff = (id: string, en: string) => ({
    ...bankOf('crossing').find((q) => q.kind === 'truefalse' && q.groups.includes('child'))!,
    id,
    topic: 'staff',
    prompt: { 'zh-Hans': `自编题 ${id}`, en },
  });

  function withStaff(dbName: string, lang: 'zh-Hans' | 'en') {
    const storage = createHallStorage(() => openHallDb(dbName));
    let current = lang;
    const store = createSelfTestStore({
      storage,
      zone: 'crossing',
      group: groups.find((g) => g.id === 'child')!,
      visitorId: 'v1',
      device: () => 'desktop',
      loadBank: async () => ({ ok: true, questions: [...bankOf('crossing'), staff('crossing-zh-only', '')], topics: {} }),
      seed: () => 7,
      lang: () => current,
    });
    return { store, setLang: (l: 'zh-Hans' | 'en') => (current = l) };
  }

  it('draws a Chinese-only question for a Chinese visitor, never for an English one', async () => {
    const zh = withStaff(`st-${Math.random()}`, 'zh-Hans');
    await zh.store.getState().actions.start();
    expect(zh.store.getState().test!.items.map((i) => i.id)).toContain('crossing-zh-only');
    const en = withStaff(`st-${Math.random()}`, 'en');
    await en.store.getState().actions.start();
    expect(en.store.getState().test!.items.map((i) => i.id)).not.toContain('crossing-zh-only');
    expect(en.store.getState().test!.items).toHaveLength(8);
  });

  it('a switch to English mid-test takes the unanswered Chinese-only question out; answers stay', async () => {
    const s = withStaff(`st-${Math.random()}`, 'zh-Hans');
    await s.store.getState().actions.start();
    const before = s.store.getState().test!;
    const at = before.items.findIndex((i) => i.id === 'crossing-zh-only');
    s.store.getState().actions.answer(before.items[0]!.answer);
    s.setLang('en');
    await s.store.getState().actions.languageChanged('en');
    const after = s.store.getState().test!;
    if (at === 0) expect(after.items.map((i) => i.id)).toContain('crossing-zh-only'); // answered: kept
    else {
      expect(after.items.map((i) => i.id)).not.toContain('crossing-zh-only');
      expect(after.items).toHaveLength(before.items.length - 1);
    }
    expect(after.answers[0]).toMatchObject({ correct: true });
  });

  it('a switch to English on the feedback of the Chinese-only question moves on (the answer stays)', async () => {
    const s = withStaff(`st-${Math.random()}`, 'zh-Hans');
    await s.store.getState().actions.start();
    for (;;) {
      const t = s.store.getState().test!;
      const item = t.items[t.index]!;
      s.store.getState().actions.answer(item.answer);
      if (item.id === 'crossing-zh-only') break;
      await s.store.getState().actions.next();
    }
    const at = s.store.getState().test!.index;
    s.setLang('en');
    await s.store.getState().actions.languageChanged('en');
    const after = s.store.getState().test!;
    expect(after.items[at]!.id).toBe('crossing-zh-only');
    expect(after.answers[at]).toMatchObject({ correct: true });
    expect(after.index).toBe(at + 1);
    expect(after.phase).toBe(at + 1 < after.items.length ? 'question' : 'finished');
  });
});
