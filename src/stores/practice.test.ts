import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupsFileSchema, quizFileSchema } from '../content/schema.ts';
import { createPracticeStore } from './practice.ts';

const groups = groupsFileSchema.parse(JSON.parse(readFileSync('quizzes/groups.json', 'utf8'))).groups;
const bankOf = (zone: string) => quizFileSchema.parse(JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8'))).questions;

function setup(zone: 'crossing' | 'drunk', group = 'adult') {
  let t = 10_000;
  const loaded: string[] = [];
  const store = createPracticeStore({
    zone,
    group: groups.find((g) => g.id === group)!,
    loadBank: async (z) => {
      loaded.push(z);
      return { ok: true, questions: bankOf(z), topics: {} };
    },
    now: () => t,
    seed: () => 9,
  });
  return { store, advance: (ms: number) => (t += ms), loaded };
}

describe('practice store', () => {
  it('shows the intro, then runs the clock: an answer in time scores, a question left alone times out', async () => {
    const { store, advance, loaded } = setup('crossing');
    await store.getState().actions.load();
    expect(loaded).toEqual([]); // the crossing challenge needs no question bank
    expect(store.getState().stage).toBe('intro');
    advance(60_000);
    store.getState().actions.tick(); // the clock does not run on the intro
    expect(store.getState().practice!.phase).toBe('question');
    store.getState().actions.begin();
    advance(3000);
    const item = store.getState().practice!.items[0]!;
    store.getState().actions.answer(item.answer);
    expect(store.getState().practice!.answers[0]).toMatchObject({ correct: true, points: 10, ms: 3000 });
    store.getState().actions.next();
    advance(19_000);
    store.getState().actions.tick();
    expect(store.getState().practice!.phase).toBe('question');
    advance(2_000);
    store.getState().actions.tick();
    expect(store.getState().practice!.answers[1]).toMatchObject({ late: true, points: 0 });
  });

  it('a zone without a challenge loads its bank; the result comes at the end and "again" starts a new round', async () => {
    const { store, loaded } = setup('drunk', 'driver');
    await store.getState().actions.load();
    expect(loaded).toEqual(['drunk']);
    store.getState().actions.begin();
    for (const item of store.getState().practice!.items) {
      store.getState().actions.answer(item.answer);
      store.getState().actions.next();
    }
    expect(store.getState().result).toMatchObject({ correct: store.getState().practice!.items.length });
    store.getState().actions.again();
    expect(store.getState().result).toBeNull();
    expect(store.getState().practice!.phase).toBe('question');
  });
});
