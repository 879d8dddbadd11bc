import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizFileSchema, type Question } from '../content/schema.ts';
import { ranking } from '../modes/competition/log.ts';
import { parseSetup, type CompetitionSetup, type CompetitionSetupInput } from '../modes/competition/setup.ts';
import { openHallDb } from '../storage/db.ts';
import { createHallStorage } from '../storage/storage.ts';
import type { HallStorage } from '../storage/types.ts';
import { createCompetitionStore, HEARTBEAT_MS, type CompetitionStore } from './competition.ts';

const bank = (zone: string): Question[] =>
  quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;
const loadBank = async (zone: string) => ({ ok: true as const, questions: bank(zone), topics: {} });

let n = 0;
const fresh = () => `competition-store-${++n}-${Date.now()}`;

function setup(over: Partial<CompetitionSetupInput> = {}): CompetitionSetup {
  const r = parseSetup({
    id: 'c-test',
    title: '周末知识赛',
    seed: 42,
    entrants: 'teams',
    players: [
      { id: 'p1', name: '红队', group: 'child' },
      { id: 'p2', name: '蓝队', group: 'teen' },
      { id: 'p3', name: '黄队', group: 'adult' },
      { id: 'p4', name: '绿队', group: 'senior' },
    ],
    rounds: [
      { kind: 'quiz', zone: 'crossing', count: 3, timeLimitSec: 20 },
      { kind: 'challenge', challenge: 'safe-to-cross', count: 1, timeLimitSec: 10 },
    ],
    answering: 'buzz',
    scoring: { correct: 10, wrongBuzz: 5 },
    buzzers: { p1: { keys: ['Digit1'] }, p2: { keys: ['Digit2'] }, p3: { keys: ['Digit3'] }, p4: { keys: ['Digit4'] } },
    ...over,
  });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
}

function make(storage: HallStorage, clock: { t: number }): CompetitionStore {
  return createCompetitionStore({ storage, loadBank, now: () => clock.t, passMarks: { child: 60 } });
}

const key = (store: CompetitionStore, code: string) => store.getState().actions.input({ kind: 'key', code });
const right = (store: CompetitionStore) => store.getState().state.plan[store.getState().state.q]!.answer[0]!;
const wrong = (store: CompetitionStore) => {
  const p = store.getState().state.plan[store.getState().state.q]!;
  return p.choices.find((c) => !p.answer.includes(c))!;
};
const points = (store: CompetitionStore) => Object.fromEntries(store.getState().state.players.map((p) => [p.id, p.points]));

describe('competition store', () => {
  it('saves after every action; a reload resumes the same question and scores, paused from the last heartbeat', async () => {
    const name = fresh();
    const clock = { t: Date.UTC(2026, 4, 2, 2) };
    const storage = createHallStorage(() => openHallDb(name));
    const store = make(storage, clock);
    expect(await store.getState().actions.resume()).toBe(false);
    expect(await store.getState().actions.create(setup())).toEqual({ ok: true });
    const { actions } = store.getState();
    expect(store.getState().state.phase).toBe('roundIntro');
    actions.dispatch({ type: 'next', phase: 'roundIntro' });
    expect(store.getState().state.phase).toBe('question');

    clock.t += 1500;
    key(store, 'Digit2');
    expect(store.getState().state.phase).toBe('buzzed');
    expect(store.getState().state.questions[0]!.buzzes[0]).toMatchObject({ player: 'p2', atMs: 1500 });
    key(store, 'Digit3'); // the floor is taken: ignored
    actions.answerHolder(right(store));
    expect(store.getState().state.phase).toBe('locked');
    actions.dispatch({ type: 'reveal' });
    actions.dispatch({ type: 'next' });
    actions.dispatch({ type: 'next' });
    expect(store.getState().state.q).toBe(1);

    key(store, 'Digit1');
    actions.answerHolder(wrong(store));
    expect(points(store)).toEqual({ p1: -5, p2: 10, p3: 0, p4: 0 });
    key(store, 'Digit1'); // locked out of this question
    expect(store.getState().state.phase).toBe('question');

    // heartbeats while the question runs
    clock.t += HEARTBEAT_MS + 100;
    actions.tick();
    const aliveAt = clock.t;
    await actions.flush();
    const saved = await storage.getCompetition('c-test');
    expect(saved).toMatchObject({ updatedAt: aliveAt, finished: false });

    // the page reloads 30 s later (PIN asked again): same question, same scores, clock paused at the heartbeat
    clock.t += 30_000;
    const again = make(createHallStorage(() => openHallDb(name)), clock);
    expect(await again.getState().actions.resume()).toBe(true);
    const s = again.getState().state;
    expect(s.q).toBe(1);
    expect(s.plan.map((p) => p.id)).toEqual(store.getState().state.plan.map((p) => p.id));
    expect(points(again)).toEqual({ p1: -5, p2: 10, p3: 0, p4: 0 });
    expect(s.paused).toBe(true);
    expect(s.pausedAt).toBe(aliveAt);
    expect(again.getState().resumed).toBe(true);
    // buzzers do nothing while paused
    key(again, 'Digit3');
    expect(again.getState().state.phase).toBe('question');
    again.getState().actions.dispatch({ type: 'resume' });
    const q1 = again.getState().state.questions[1]!;
    // only the time up to the last heartbeat counts: 1000 ms of actions + the heartbeat gap
    expect(20_000 - (clock.t - q1.shownAt! - q1.pausedMs)).toBeGreaterThan(15_000);
    key(again, 'Digit3');
    expect(again.getState().state.questions[1]!.holder).toBe('p3');
  });

  it('expires the clock, and at the podium saves one attempt per player with its group (again after an undo)', async () => {
    const name = fresh();
    const clock = { t: Date.UTC(2026, 4, 2, 3) };
    const storage = createHallStorage(() => openHallDb(name));
    const store = make(storage, clock);
    await store.getState().actions.create(setup());
    const { actions } = store.getState();
    actions.dispatch({ type: 'next' });
    // q0: p1 right
    key(store, 'Digit1');
    actions.answerHolder(right(store));
    actions.dispatch({ type: 'reveal' });
    actions.dispatch({ type: 'next' });
    actions.dispatch({ type: 'next' });
    // q1: nobody buzzes, the clock runs out
    clock.t += 21_000;
    actions.tick();
    expect(store.getState().state.phase).toBe('locked');
    expect(store.getState().state.questions[1]!.lockedBy).toBe('timer');
    actions.dispatch({ type: 'reveal' });
    actions.dispatch({ type: 'next' });
    actions.dispatch({ type: 'next' });
    // q2: p4 right
    key(store, 'Digit4');
    actions.answerHolder(right(store));
    // end early: the challenge round is dropped
    actions.dispatch({ type: 'endEarly' });
    expect(store.getState().state.phase).toBe('podium');
    await actions.flush();
    let attempts = await storage.listAttempts();
    expect(attempts).toHaveLength(4);
    expect(attempts.map((a) => [a.group, a.mode, a.score]).sort()).toEqual([
      ['adult', 'competition', 0],
      ['child', 'competition', 33],
      ['senior', 'competition', 33],
      ['teen', 'competition', 0],
    ]);
    expect((await storage.listVisitors()).map((v) => v.nickname).sort()).toEqual(['红队', '绿队', '蓝队', '黄队'].sort());
    expect((await storage.getCompetition('c-test'))?.finished).toBe(true);

    // undo the last award on the podium: the attempts are replaced, not doubled
    actions.dispatch({ type: 'undo' });
    await actions.flush();
    attempts = await storage.listAttempts();
    expect(attempts).toHaveLength(4);
    expect(attempts.find((a) => a.group === 'senior')!.score).toBe(0);
    expect(ranking(store.getState().state)[0]!.name).toBe('红队');

    // a finished competition is not resumed
    expect(await make(storage, clock).getState().actions.resume()).toBe(false);
    actions.close();
    expect(store.getState().status).toBe('idle');
  });

  it("'all' mode: keys pick choices, on-screen answers count, all answered locks", async () => {
    const clock = { t: Date.UTC(2026, 4, 2, 4) };
    const storage = createHallStorage(() => openHallDb(fresh()));
    const store = make(storage, clock);
    const s = setup({
      answering: 'all',
      players: [
        { id: 'p1', name: 'A', group: 'adult' },
        { id: 'p2', name: 'B', group: 'adult' },
      ],
      buzzers: { p1: { keys: ['KeyQ', 'KeyW', 'KeyE', 'KeyR'] } },
    });
    await store.getState().actions.create(s);
    const { actions } = store.getState();
    actions.dispatch({ type: 'next' });
    const planned = store.getState().state.plan[0]!;
    const idx = planned.choices.indexOf(planned.answer[0]!);
    key(store, ['KeyQ', 'KeyW', 'KeyE', 'KeyR'][idx]!);
    expect(store.getState().state.questions[0]!.answers).toHaveLength(1);
    actions.answerFor('p2', wrong(store));
    expect(store.getState().state.phase).toBe('locked');
    expect(points(store)).toEqual({ p1: 10, p2: 0 });
  });

  it('saves no results when it ends before any question was scored', async () => {
    const clock = { t: Date.UTC(2026, 4, 2, 5) };
    const storage = createHallStorage(() => openHallDb(fresh()));
    const store = make(storage, clock);
    await store.getState().actions.create(setup());
    store.getState().actions.dispatch({ type: 'next' });
    key(store, 'Digit1');
    store.getState().actions.dispatch({ type: 'endEarly' });
    await store.getState().actions.flush();
    expect(store.getState().state.phase).toBe('podium');
    expect(store.getState().noResults).toBe(true);
    expect(await storage.listAttempts()).toEqual([]);
    expect((await storage.getCompetition('c-test'))?.finished).toBe(true);
  });

  it('refuses to start without a loadable bank, and explains', async () => {
    const storage = createHallStorage(() => openHallDb(fresh()));
    const store = createCompetitionStore({
      storage,
      loadBank: async () => ({ ok: false as const, problems: [{ file: 'quizzes/crossing.json', path: '', message: 'file is missing' }] }),
    });
    const r = await store.getState().actions.create(setup());
    expect(r).toEqual({ ok: false, problems: ['quizzes/crossing.json: (file): file is missing'] });
    expect(await storage.listCompetitions()).toEqual([]);
  });
});

describe('write-ahead copy of the log', () => {
  it('wins over the saved log only when it is the same log with more actions', async () => {
    const { newerLog } = await import('./competition.ts');
    const mem = new Map<string, string>();
    const g = globalThis as unknown as { localStorage?: unknown };
    const had = g.localStorage;
    g.localStorage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v) };
    try {
      mem.set('hall.competition.writeAhead', JSON.stringify({ id: 'c1', text: 'a\nb\nc\n' }));
      expect(newerLog('c1', 'a\nb\n')).toBe('a\nb\nc\n');
      expect(newerLog('c2', 'a\nb\n')).toBe('a\nb\n'); // another competition
      expect(newerLog('c1', 'x\n')).toBe('x\n'); // not a continuation
      mem.set('hall.competition.writeAhead', '{broken');
      expect(newerLog('c1', 'a\n')).toBe('a\n');
    } finally {
      g.localStorage = had;
    }
  });
});

describe('the screens show only what is on disk (issue 15 item 3)', () => {
  it('an award appears in `shown` once its write is done, never before; the next action is judged on the latest state', async () => {
    const clock = { t: Date.UTC(2026, 4, 2, 2) };
    const real = createHallStorage(() => openHallDb(fresh()));
    // a slow disk: each competition write waits until the test lets it through
    const gates: (() => void)[] = [];
    const storage: HallStorage = Object.create(real, {
      putCompetition: {
        value: (c: Parameters<HallStorage['putCompetition']>[0]) => new Promise<void>((done) => gates.push(() => void real.putCompetition(c).then(done))),
      },
    });
    const store = make(storage, clock);
    const created = store.getState().actions.create(setup());
    // the host view does not open before the setup is written
    await expect.poll(() => gates.length).toBe(1);
    expect(store.getState().status).toBe('idle');
    gates.shift()!();
    expect(await created).toEqual({ ok: true });
    expect(store.getState().status).toBe('ready');
    expect(store.getState().shown.phase).toBe('roundIntro');

    const { actions } = store.getState();
    actions.dispatch({ type: 'next', phase: 'roundIntro' });
    key(store, 'Digit2');
    // a second buzz right after loses to the first even though neither is on disk yet
    key(store, 'Digit3');
    actions.answerHolder(right(store));
    expect(store.getState().state.phase).toBe('locked');
    expect(points(store).p2).toBe(10);
    // nothing written yet: the screen still shows the round intro, and says it is saving
    expect(store.getState().shown.phase).toBe('roundIntro');
    expect(store.getState().saving).toBe(true);
    // saves run one after another: each is let through as it comes
    const flushed = actions.flush();
    for (let i = 0; i < 50 && store.getState().saving; i++) {
      if (gates.length) gates.shift()!();
      await new Promise((r) => setTimeout(r, 10));
    }
    await flushed;
    expect(store.getState().shown.phase).toBe('locked');
    expect(store.getState().shown.players.find((p) => p.id === 'p2')!.points).toBe(10);
    expect(store.getState().shown.questions[0]!.buzzes.map((b) => b.player)).toEqual(['p2']);
    expect(store.getState().saving).toBe(false);
    expect((await real.getCompetition('c-test'))!.logText).toBe(store.getState().text);
  });
});
