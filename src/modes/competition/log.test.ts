import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizFileSchema, type Question } from '../../content/schema.ts';
import { CHALLENGES } from './challenges.ts';
import {
  apply,
  currentQuestionView,
  initialState,
  nextAction,
  planQuestions,
  ranking,
  reduce,
  remainingMs,
  toAttempts,
  toVisitors,
  type Action,
  type ActionInput,
  type CompetitionContext,
  type CompetitionState,
} from './log.ts';
import { parseSetup, type CompetitionSetup, type CompetitionSetupInput } from './setup.ts';

// ---------------------------------------------------------------- helpers

const loadBank = (zone: string): Question[] =>
  quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;

const CTX: CompetitionContext = { banks: { crossing: loadBank('crossing'), signals: loadBank('signals') }, challenges: CHALLENGES };

const T0 = Date.UTC(2026, 4, 1, 2, 0, 0);

function setupInput(over: Partial<CompetitionSetupInput> = {}): CompetitionSetupInput {
  return {
    id: 'cup-1',
    title: '交通安全知识赛',
    seed: 7,
    players: [
      { id: 'p1', name: '小红', group: 'child' },
      { id: 'p2', name: '小明', group: 'teen' },
      { id: 'p3', name: 'Lee', group: 'adult' },
    ],
    rounds: [
      { kind: 'quiz', zone: 'crossing', count: 3, timeLimitSec: 20 },
      { kind: 'challenge', challenge: 'safe-to-cross', count: 2, timeLimitSec: 10 },
      { kind: 'quiz', zone: 'signals', count: 2, timeLimitSec: 20 },
    ],
    answering: 'all',
    scoring: { correct: 10, wrongBuzz: 5 },
    ...over,
  };
}

/** Builds a log action by action, each `dt` ms after the one before. */
class Game {
  log: Action[] = [];
  t = T0;
  constructor(readonly ctx: CompetitionContext = CTX) {}
  act(input: ActionInput, dt = 1000): this {
    this.t += dt;
    this.log.push(nextAction(this.log, input, this.t));
    return this;
  }
  get s(): CompetitionState {
    return reduce(this.log, this.ctx);
  }
  /** the right choices of the current question */
  right(): string[] {
    const s = this.s;
    return [...s.plan[s.q]!.answer];
  }
  /** one wrong choice of the current question */
  wrong(): string[] {
    const p = this.s.plan[this.s.q]!;
    return [p.choices.find((c) => !p.answer.includes(c))!];
  }
  answer(player: string, right: boolean, atMs: number): this {
    return this.act({ type: 'answer', player, q: this.s.q, choices: right ? this.right() : this.wrong(), atMs });
  }
  buzz(player: string, atMs: number): this {
    return this.act({ type: 'buzz', player, q: this.s.q, atMs });
  }
  /** 'all' mode: plays the current question: 'R' right, 'W' wrong, '-' no answer (then the timer runs out) */
  playAll(marks: Record<string, 'R' | 'W' | '-'>, ms: Record<string, number> = {}): this {
    if (this.s.phase === 'roundIntro' || this.s.phase === 'scoreboard') this.act({ type: 'next' });
    let silent = false;
    for (const [p, m] of Object.entries(marks)) {
      if (m === '-') silent = true;
      else this.answer(p, m === 'R', ms[p] ?? 1000);
    }
    if (silent) this.act({ type: 'timerExpired', q: this.s.q });
    return this.act({ type: 'reveal' }).act({ type: 'next' });
  }
}

const crossing = CTX.banks.crossing!;
const signals = CTX.banks.signals!;

function parsed(over: Partial<CompetitionSetupInput> = {}): CompetitionSetup {
  const r = parseSetup(setupInput(over));
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
}

const started = (over: Partial<CompetitionSetupInput> = {}) => new Game().act({ type: 'setup', setup: setupInput(over) }).act({ type: 'start' });
const totals = (s: CompetitionState) => Object.fromEntries(s.players.map((p) => [p.id, p.points]));
const without = (s: CompetitionState) => ({ ...s, warnings: [], lastSeq: 0, lastAt: null });

// ---------------------------------------------------------------- planning

describe('planQuestions', () => {
  it('draws the same questions in the same order for the same seed, whatever the bank order', () => {
    const setup = parsed();
    const a = planQuestions(setup, CTX);
    expect(a.problems).toEqual([]);
    expect(a.plan.map((p) => p.round)).toEqual([0, 0, 0, 1, 1, 2, 2]);
    expect(a.plan.map((p) => p.n)).toEqual([0, 1, 2, 0, 1, 0, 1]);
    const reversed: CompetitionContext = { ...CTX, banks: { crossing: [...crossing].reverse(), signals: [...signals].reverse() } };
    expect(planQuestions(setup, reversed)).toEqual(a);
    expect(planQuestions({ ...setup, seed: 8 }, CTX).plan.map((p) => p.id)).not.toEqual(a.plan.map((p) => p.id));
  });

  it('gives each round its own stream: changing a later round leaves earlier ones alone', () => {
    const setup = parsed();
    const a = planQuestions(setup, CTX).plan;
    const more = { ...setup, rounds: setup.rounds.map((r, i) => (i === 2 ? { ...r, count: 5 } : r)) };
    const b = planQuestions(more, CTX).plan;
    expect(b.slice(0, 5)).toEqual(a.slice(0, 5));
    expect(b).toHaveLength(10);
  });

  it('draws quiz questions that suit the groups in play, without repeats, easy to hard, choices shuffled except true/false', () => {
    const setup = parsed({
      rounds: [
        { kind: 'quiz', zone: 'crossing', count: 8, timeLimitSec: 20 },
        { kind: 'quiz', zone: 'crossing', count: 8, timeLimitSec: 20 },
      ],
    });
    const { plan, problems } = planQuestions(setup, CTX);
    expect(problems).toEqual([]);
    expect(new Set(plan.map((p) => p.id)).size).toBe(16);
    let shuffled = 0;
    for (const p of plan) {
      const q = crossing.find((x) => x.id === p.id)!;
      expect(q.groups.some((g) => ['child', 'teen', 'adult'].includes(g))).toBe(true);
      expect(q.kind).not.toBe('multiple');
      expect([...p.choices].sort()).toEqual(q.choices.map((c) => c.id).sort());
      expect(p.answer).toEqual(q.answer);
      if (q.kind === 'truefalse') expect(p.choices).toEqual(q.choices.map((c) => c.id));
      else if (p.choices.join() !== q.choices.map((c) => c.id).join()) shuffled++;
    }
    expect(shuffled).toBeGreaterThan(0);
    for (const r of [0, 1]) {
      const levels = plan.filter((p) => p.round === r).map((p) => crossing.find((x) => x.id === p.id)!.difficulty);
      expect(levels).toEqual([...levels].sort());
    }
  });

  it('puts challenge items in the plan with their text, counted for the challenge’s zone', () => {
    const { plan } = planQuestions(parsed(), CTX);
    const ch = plan.filter((p) => p.source === 'challenge');
    expect(ch).toHaveLength(2);
    for (const p of ch) {
      expect(p).toMatchObject({ zone: 'crossing', challenge: 'safe-to-cross', timeLimitSec: 10, choices: ['cross', 'wait'] });
      expect(p.item!.prompt['zh-Hans']).toMatch(/现在可以/);
      expect(p.answer).toEqual(p.item!.answer);
    }
  });

  it('reports what it cannot draw and plays the rest', () => {
    const setup = parsed({
      rounds: [
        { kind: 'quiz', zone: 'ebike', count: 3, timeLimitSec: 20 },
        { kind: 'challenge', challenge: 'no-such-thing', count: 2, timeLimitSec: 10 },
        { kind: 'quiz', zone: 'signals', count: 50, timeLimitSec: 20 },
      ],
    });
    const { plan, problems } = planQuestions(setup, CTX);
    expect(problems[0]).toBe('round 1: no question bank for zone "ebike"');
    expect(problems[1]).toBe('round 2: unknown challenge "no-such-thing"');
    expect(problems[2]).toMatch(/^round 3: only \d+ of 50 signals questions suit these groups$/);
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.every((p) => p.round === 2)).toBe(true);
  });
});

// ---------------------------------------------------------------- 'all' mode

describe('a competition where everyone answers', () => {
  it('walks the phase machine from setup to podium', () => {
    const g = new Game();
    const phases: string[] = [];
    const step = (input: ActionInput) => {
      g.act(input);
      phases.push(g.s.phase);
    };
    step({ type: 'setup', setup: setupInput() });
    step({ type: 'start' });
    step({ type: 'showQuestion' });
    g.answer('p1', true, 1000);
    g.answer('p2', true, 1000);
    phases.push(g.s.phase);
    g.answer('p3', false, 1000);
    phases.push(g.s.phase);
    step({ type: 'reveal' });
    step({ type: 'next' });
    step({ type: 'showQuestion' });
    expect(phases).toEqual(['setup', 'roundIntro', 'question', 'question', 'locked', 'revealed', 'scoreboard', 'question']);
    expect(g.s.q).toBe(1);
  });

  it('scores a whole competition: accuracy first, time of the right answers breaks the tie', () => {
    const g = started();
    expect(g.s.phase).toBe('roundIntro');
    expect(g.s.round).toBe(0);
    g.act({ type: 'next' });
    const shown = g.t;
    expect(g.s.phase).toBe('question');
    expect(remainingMs(g.s, shown)).toBe(20_000);
    expect(remainingMs(g.s, shown + 5_000)).toBe(15_000);
    expect(remainingMs(g.s, shown + 60_000)).toBe(0);
    g.answer('p1', true, 1200).answer('p2', false, 800);
    expect(g.s.phase).toBe('question');
    expect(g.s.awards).toEqual([]); // nothing is scored before the lock
    g.answer('p3', true, 3000);
    expect(g.s.phase).toBe('locked');
    expect(g.s.questions[0]!.lockedBy).toBe('all-answered');
    expect(totals(g.s)).toEqual({ p1: 10, p2: 0, p3: 10 });
    g.act({ type: 'reveal' }).act({ type: 'next' });
    expect(g.s.phase).toBe('scoreboard');

    g.playAll({ p1: 'R', p2: 'R', p3: '-' });
    expect(g.s.questions[1]!.lockedBy).toBe('timer');
    expect(g.s.awards.filter((w) => w.q === 1).map((w) => w.outcome)).toEqual(['correct', 'correct', 'noAnswer']);
    g.playAll({ p1: 'W', p2: 'R', p3: 'R' });
    g.act({ type: 'next' });
    expect(g.s.phase).toBe('roundIntro');
    expect(g.s.round).toBe(1);
    for (let i = 0; i < 4; i++) {
      g.playAll({ p1: 'R', p2: 'R', p3: 'R' });
      if (i === 1) {
        expect(g.s.phase).toBe('scoreboard');
        g.act({ type: 'next' });
        expect(g.s.phase).toBe('roundIntro');
        expect(g.s.round).toBe(2);
      }
    }
    expect(g.s.phase).toBe('scoreboard');
    expect(g.s.q).toBe(6);
    g.act({ type: 'next' });
    const s = g.s;
    expect(s.phase).toBe('podium');
    expect(s.endedEarly).toBe(false);
    expect(s.endedAt).toBe(g.t);
    expect(totals(s)).toEqual({ p1: 60, p2: 60, p3: 60 });
    expect(s.players.map((p) => [p.id, p.correct, p.timeMs])).toEqual([
      ['p1', 6, 1200 + 5 * 1000],
      ['p2', 6, 6 * 1000],
      ['p3', 6, 3000 + 5 * 1000],
    ]);
    expect(ranking(s).map((r) => [r.rank, r.player])).toEqual([
      [1, 'p2'],
      [2, 'p1'],
      [3, 'p3'],
    ]);
    expect(s.warnings).toEqual([]);
  });

  it('lets staff lock early: who has not answered scores nothing', () => {
    const g = started().act({ type: 'next' }).answer('p2', true, 900).act({ type: 'lock', phase: 'question' });
    expect(g.s.phase).toBe('locked');
    expect(g.s.questions[0]!.lockedBy).toBe('staff');
    expect(totals(g.s)).toEqual({ p1: 0, p2: 10, p3: 0 });
    // a late answer and the timer after the lock change nothing
    g.answer('p1', true, 19_000).act({ type: 'timerExpired', q: 0 });
    expect(totals(g.s)).toEqual({ p1: 0, p2: 10, p3: 0 });
    expect(g.s.warnings.map((w) => w.type)).toEqual(['answer', 'timerExpired']);
  });

  it('adds the streak bonus from the n-th right answer in a row; a wrong or missing answer ends the run', () => {
    const g = started({
      players: [
        { id: 'p1', name: 'A', group: 'adult' },
        { id: 'p2', name: 'B', group: 'adult' },
      ],
      rounds: [{ kind: 'quiz', zone: 'crossing', count: 5, timeLimitSec: 20 }],
      scoring: { correct: 10, wrongBuzz: 0, streakBonus: { after: 2, points: 5 } },
    });
    const marks: [('R' | 'W' | '-'), ('R' | 'W' | '-')][] = [
      ['R', 'R'],
      ['R', 'W'],
      ['R', 'R'],
      ['W', 'R'],
      ['R', '-'],
    ];
    for (const [a, b] of marks) g.playAll({ p1: a, p2: b });
    const s = g.s;
    expect(totals(s)).toEqual({ p1: 10 + 15 + 15 + 0 + 10, p2: 10 + 0 + 10 + 15 + 0 });
    expect(s.players.map((p) => [p.bestStreak, p.streak, p.correct, p.wrong])).toEqual([
      [3, 1, 4, 1],
      [2, 0, 3, 1],
    ]);
    expect(s.awards.filter((w) => w.player === 'p1').map((w) => w.bonus)).toEqual([0, 5, 5, 0, 0]);
  });

  it('takes one answer per player: a second one is ignored and reported', () => {
    const g = started().act({ type: 'next' }).answer('p1', false, 500).answer('p1', true, 900);
    expect(g.s.questions[0]!.answers).toHaveLength(1);
    expect(g.s.questions[0]!.answers[0]!.correct).toBe(false);
    expect(g.s.warnings).toEqual([{ seq: 5, type: 'answer', reason: 'p1 has already answered' }]);
  });
});

// ---------------------------------------------------------------- 'buzz' mode

describe('a buzzer competition', () => {
  const buzzSetup = { answering: 'buzz' as const, rounds: [{ kind: 'quiz' as const, zone: 'crossing' as const, count: 3, timeLimitSec: 20 }] };

  it('gives the floor to the first buzz, penalises a wrong answer and lets the others buzz', () => {
    const g = started(buzzSetup).act({ type: 'next' });
    g.buzz('p2', 900);
    expect(g.s.phase).toBe('buzzed');
    expect(g.s.questions[0]!.holder).toBe('p2');
    g.buzz('p1', 950); // too late
    g.answer('p1', true, 1000); // not theirs to answer
    expect(g.s.warnings.map((w) => w.reason)).toEqual(['p2 has the floor', 'p2 has the floor']);
    g.answer('p2', false, 2500);
    expect(g.s.phase).toBe('question');
    expect(g.s.questions[0]!.lockedOut).toEqual(['p2']);
    expect(totals(g.s)).toEqual({ p1: 0, p2: -5, p3: 0 });
    g.buzz('p2', 3000); // already out
    expect(g.s.phase).toBe('question');
    expect(g.s.warnings.at(-1)!.reason).toBe('p2 already answered this question');
    g.buzz('p3', 4000).answer('p3', true, 5200);
    expect(g.s.phase).toBe('locked');
    expect(g.s.questions[0]!.lockedBy).toBe('correct');
    expect(totals(g.s)).toEqual({ p1: 0, p2: -5, p3: 10 });
    // speed in buzz mode is the buzz time
    expect(g.s.players.find((p) => p.id === 'p3')!.timeMs).toBe(4000);
  });

  it('counts a timer expiry while holding the floor as a wrong buzz, and locks when everyone is out', () => {
    const g = started(buzzSetup).act({ type: 'next' });
    g.buzz('p1', 700).act({ type: 'timerExpired', q: 0 });
    expect(g.s.phase).toBe('locked');
    expect(g.s.awards.map((w) => [w.player, w.outcome, w.base])).toEqual([['p1', 'timeout', -5]]);
    g.act({ type: 'reveal' }).act({ type: 'next' }).act({ type: 'next' });
    for (const p of ['p1', 'p2', 'p3']) {
      expect(g.s.phase).toBe('question');
      g.buzz(p, 1000).answer(p, false, 1500);
    }
    expect(g.s.phase).toBe('locked');
    expect(g.s.questions[1]!.lockedBy).toBe('all-out');
    expect(totals(g.s)).toEqual({ p1: -10, p2: -5, p3: -5 });
    // nobody buzzing before the timer: no award at all
    g.act({ type: 'reveal' }).act({ type: 'next' }).act({ type: 'next' }).act({ type: 'timerExpired', q: 2 });
    expect(g.s.questions[2]!.lockedBy).toBe('timer');
    expect(g.s.awards.filter((w) => w.q === 2)).toEqual([]);
  });

  it('a staff lock while a player holds the floor takes it without a penalty', () => {
    const g = started(buzzSetup).act({ type: 'next' }).buzz('p1', 400).act({ type: 'lock', phase: 'buzzed' });
    expect(g.s.phase).toBe('locked');
    expect(g.s.questions[0]!).toMatchObject({ lockedBy: 'staff', holder: null, status: 'done' });
    expect(g.s.awards).toEqual([]);
  });

  it('ranks full ties together', () => {
    const g = started(buzzSetup).act({ type: 'next' });
    g.buzz('p1', 500).answer('p1', false, 600).buzz('p2', 700).answer('p2', false, 800).buzz('p3', 900).answer('p3', true, 1000);
    expect(ranking(g.s).map((r) => [r.player, r.rank, r.points])).toEqual([
      ['p3', 1, 10],
      ['p1', 2, -5],
      ['p2', 2, -5],
    ]);
  });

  it('refuses buzzes in everyone-answers mode and answers without a buzz', () => {
    const all = started().act({ type: 'next' }).buzz('p1', 100);
    expect(all.s.warnings.at(-1)!.reason).toBe('buzzing is off: everyone answers');
    const buzz = started(buzzSetup).act({ type: 'next' }).answer('p1', true, 100);
    expect(buzz.s.warnings.at(-1)!.reason).toBe('p1 must buzz first');
    expect(buzz.s.phase).toBe('question');
  });
});

// ---------------------------------------------------------------- staff controls

describe('undo', () => {
  it('voids the last wrong buzz and lets that player buzz again while the question is open', () => {
    const g = started({ answering: 'buzz' }).act({ type: 'next' });
    g.buzz('p1', 500).answer('p1', false, 900);
    expect(totals(g.s).p1).toBe(-5);
    g.act({ type: 'undo' });
    expect(totals(g.s).p1).toBe(0);
    expect(g.s.questions[0]!.lockedOut).toEqual([]);
    expect(g.s.awards[0]!.voided).toBe('undo');
    g.buzz('p1', 1500).answer('p1', true, 1800);
    expect(totals(g.s).p1).toBe(10);
    g.act({ type: 'undo' });
    expect(totals(g.s).p1).toBe(0);
    expect(g.s.phase).toBe('locked'); // the flow does not rewind
    g.act({ type: 'undo' });
    expect(g.s.warnings.at(-1)).toMatchObject({ type: 'undo', reason: 'no award to undo' });
  });

  it('voids a whole question’s awards in everyone-answers mode, one question per undo, and re-derives streaks', () => {
    const g = started({ scoring: { correct: 10, wrongBuzz: 0, streakBonus: { after: 2, points: 5 } } });
    g.playAll({ p1: 'R', p2: 'R', p3: 'W' }).playAll({ p1: 'R', p2: 'W', p3: 'R' });
    expect(totals(g.s)).toEqual({ p1: 25, p2: 10, p3: 10 });
    g.act({ type: 'undo' });
    expect(totals(g.s)).toEqual({ p1: 10, p2: 10, p3: 0 });
    expect(g.s.players[0]!.streak).toBe(1);
    g.playAll({ p1: 'R', p2: 'R', p3: 'R' });
    // p1's run: q0 right, q1 voided, q2 right → a run of two again
    expect(totals(g.s)).toEqual({ p1: 25, p2: 25, p3: 10 });
    g.act({ type: 'undo' }).act({ type: 'undo' });
    expect(totals(g.s)).toEqual({ p1: 0, p2: 0, p3: 0 });
    expect(g.s.phase).toBe('scoreboard');
  });

  it('works on the podium and while paused', () => {
    const g = started({ rounds: [{ kind: 'quiz', zone: 'crossing', count: 1, timeLimitSec: 20 }] });
    g.playAll({ p1: 'R', p2: 'W', p3: 'W' }).act({ type: 'next' });
    expect(g.s.phase).toBe('podium');
    g.act({ type: 'undo' });
    expect(totals(g.s).p1).toBe(0);
    const h = started().playAll({ p1: 'R', p2: 'R', p3: 'R' }).act({ type: 'pause' }).act({ type: 'undo' });
    expect(totals(h.s)).toEqual({ p1: 0, p2: 0, p3: 0 });
  });
});

describe('pause and resume', () => {
  it('stops the clock, refuses answers and timer expiries while paused, and adds the pause to the question', () => {
    const g = started().act({ type: 'next' });
    const shown = g.t;
    g.act({ type: 'pause' }, 5_000);
    const pausedAt = g.t;
    expect(g.s.paused).toBe(true);
    expect(remainingMs(g.s, pausedAt + 100_000)).toBe(15_000);
    g.answer('p1', true, 6_000).act({ type: 'timerExpired', q: 0 }).act({ type: 'next' });
    expect(g.s.phase).toBe('question');
    expect(g.s.questions[0]!.answers).toEqual([]);
    expect(g.s.warnings.map((w) => [w.type, w.reason])).toEqual([
      ['answer', 'the competition is paused'],
      ['timerExpired', 'the competition is paused'],
      ['next', 'the competition is paused'],
    ]);
    g.act({ type: 'resume' }, 60_000 - 3_000);
    const resumed = g.t;
    expect(resumed - pausedAt).toBe(60_000);
    expect(g.s.questions[0]!.pausedMs).toBe(60_000);
    expect(remainingMs(g.s, resumed)).toBe(15_000);
    expect(remainingMs(g.s, resumed + 3_000)).toBe(12_000);
    expect(remainingMs(g.s, shown + 80_000)).toBe(0);
    g.answer('p1', true, 7_000);
    expect(g.s.questions[0]!.answers).toHaveLength(1);
  });

  it('refuses pause before the start, twice, and resume when not paused', () => {
    const g = new Game().act({ type: 'pause' }).act({ type: 'setup', setup: setupInput() }).act({ type: 'start' });
    g.act({ type: 'pause' }).act({ type: 'pause' }).act({ type: 'resume' }).act({ type: 'resume' });
    expect(g.s.warnings.map((w) => w.reason)).toEqual(['cannot pause in phase setup', 'already paused', 'not paused']);
  });
});

describe('skip and end early', () => {
  it('skips an open question: nobody scores, not even a wrong buzz', () => {
    const g = started({ answering: 'buzz' }).act({ type: 'next' });
    g.buzz('p1', 400).answer('p1', false, 500).act({ type: 'skip' });
    expect(g.s.phase).toBe('scoreboard');
    expect(g.s.questions[0]!.status).toBe('skipped');
    expect(totals(g.s)).toEqual({ p1: 0, p2: 0, p3: 0 });
    expect(g.s.awards[0]!.voided).toBe('skip');
    g.act({ type: 'next' });
    expect(g.s.phase).toBe('question');
    expect(g.s.q).toBe(1);
  });

  it('skips a whole round from its intro, and refuses to skip a scored question', () => {
    const g = started().act({ type: 'skip' });
    expect(g.s.phase).toBe('roundIntro');
    expect(g.s.round).toBe(1);
    expect(g.s.questions.slice(0, 3).map((q) => q.status)).toEqual(['skipped', 'skipped', 'skipped']);
    g.playAll({ p1: 'R', p2: 'R', p3: 'R' });
    g.act({ type: 'skip' });
    expect(g.s.warnings.at(-1)!.reason).toBe('the question is already scored (use undo)');
    expect(g.s.q).toBe(3);
  });

  it('ends early: the open question is dropped, scored ones stand, attempts count only played questions', () => {
    const g = started().playAll({ p1: 'R', p2: 'W', p3: 'R' }).act({ type: 'next' }).answer('p2', true, 700);
    g.act({ type: 'pause' }).act({ type: 'endEarly' });
    const s = g.s;
    expect(s.phase).toBe('podium');
    expect(s.endedEarly).toBe(true);
    expect(s.paused).toBe(false);
    expect(s.questions[1]!.status).toBe('skipped');
    expect(totals(s)).toEqual({ p1: 10, p2: 0, p3: 10 });
    const attempts = toAttempts(s, { appVersion: '0.1.0' });
    expect(attempts.map((a) => a.score)).toEqual([100, 0, 100]);
    expect(attempts[1]!.answers).toEqual([{ question: s.plan[0]!.id, chosen: expect.any(Array), correct: false, ms: 1000 }]);
    // nothing moves after the podium
    g.act({ type: 'next' }).act({ type: 'endEarly' }).act({ type: 'pause' });
    expect(g.s.phase).toBe('podium');
    expect(g.s.warnings).toHaveLength(3);
  });

  it('finishes only when no question remains', () => {
    const g = started({ rounds: [{ kind: 'quiz', zone: 'crossing', count: 2, timeLimitSec: 20 }] });
    g.playAll({ p1: 'R', p2: 'R', p3: 'R' }).act({ type: 'finish' });
    expect(g.s.warnings.at(-1)!.reason).toBe('1 questions remain (end early to stop now)');
    g.playAll({ p1: 'R', p2: 'R', p3: 'R' }).act({ type: 'finish' });
    expect(g.s.phase).toBe('podium');
    expect(g.s.endedEarly).toBe(false);
  });
});

// ---------------------------------------------------------------- robustness

describe('invalid actions are ignored and reported', () => {
  it('before a setup, with an invalid setup, and a setup after the start', () => {
    const g = new Game().act({ type: 'start' }).act({ type: 'next' }).act({ type: 'setup', setup: { ...setupInput(), players: [] } });
    expect(g.s.phase).toBe('setup');
    expect(g.s.setup).toBeNull();
    expect(g.s.warnings.map((w) => w.reason)).toEqual(['no setup yet', 'next is not possible in phase setup', 'invalid setup: players: at least 2 players or teams']);
    g.act({ type: 'setup', setup: setupInput() }).act({ type: 'start' }).act({ type: 'setup', setup: setupInput({ seed: 9 }) }).act({ type: 'start' });
    expect(g.s.setup!.seed).toBe(7);
    expect(g.s.warnings.slice(3).map((w) => w.reason)).toEqual(['the competition has already started', 'already started']);
  });

  it('a setup can be replaced until the start, and a start without questions keeps the setup phase', () => {
    const none = setupInput({ rounds: [{ kind: 'quiz', zone: 'ebike', count: 3, timeLimitSec: 20 }] });
    const g = new Game().act({ type: 'setup', setup: none }).act({ type: 'start' });
    expect(g.s.phase).toBe('setup');
    expect(g.s.warnings.map((w) => w.reason)).toEqual(['round 1: no question bank for zone "ebike"', 'no questions to play']);
    g.act({ type: 'setup', setup: setupInput() }).act({ type: 'start' });
    expect(g.s.phase).toBe('roundIntro');
  });

  it('wrong phase, stale question, unknown player or choice: state unchanged but for the warning', () => {
    const g = started().act({ type: 'next' });
    const before = g.s;
    g.act({ type: 'reveal' });
    g.act({ type: 'finish' });
    g.act({ type: 'answer', player: 'p9', q: 0, choices: before.plan[0]!.answer, atMs: 1 });
    g.act({ type: 'answer', player: 'p1', q: 0, choices: ['zzz'], atMs: 1 });
    g.act({ type: 'answer', player: 'p1', q: 3, choices: before.plan[0]!.answer, atMs: 1 });
    expect(without(g.s)).toEqual(without(before));
    expect(g.s.warnings.map((w) => w.reason)).toEqual([
      'nothing to reveal in phase question',
      'cannot finish in phase question',
      'unknown player "p9"',
      'zzz not among the choices',
      'answer for question 3, the current one is 0',
    ]);
  });

  it('a late timer expiry of the previous question does not lock the next one', () => {
    const g = started().playAll({ p1: 'R', p2: 'R', p3: 'R' }).act({ type: 'next' }).act({ type: 'timerExpired', q: 0 });
    expect(g.s.phase).toBe('question');
    expect(g.s.q).toBe(1);
    expect(g.s.warnings.at(-1)!.reason).toBe('timer of question 0, the current one is 1');
  });

  it('a double tap on the host’s button does not skip a screen when the command names its phase', () => {
    const g = started().act({ type: 'next', phase: 'roundIntro' }).answer('p1', true, 1).answer('p2', true, 1).answer('p3', true, 1);
    g.act({ type: 'reveal', phase: 'locked' }).act({ type: 'next', phase: 'revealed' }).act({ type: 'next', phase: 'revealed' }, 30);
    expect(g.s.phase).toBe('scoreboard');
    expect(g.s.warnings.at(-1)!.reason).toBe('sent for the revealed screen, but the phase is scoreboard');
  });

  it('an action with a repeated or older sequence number is ignored', () => {
    const g = started().act({ type: 'next' }).answer('p1', true, 900);
    const clean = g.s;
    const dup = [...g.log, { ...g.log.at(-1)! }];
    const older = [...g.log, { ...g.log.at(-1)!, seq: 2, type: 'lock' as const }];
    expect(without(reduce(dup, CTX))).toEqual(without(clean));
    expect(reduce(dup, CTX).warnings.at(-1)!.reason).toBe('sequence number 4 does not follow 4 (duplicate or out of order)');
    expect(without(reduce(older, CTX))).toEqual(without(clean));
  });
});

describe('replay', () => {
  /** A competition with buzzes, wrong answers, undo, pause, skip and a round change. */
  function busyLog(): Action[] {
    const g = started({ answering: 'buzz', scoring: { correct: 10, wrongBuzz: 5, streakBonus: { after: 2, points: 3 } } });
    g.act({ type: 'next' }).buzz('p1', 300).answer('p1', false, 400).buzz('p2', 800).answer('p2', true, 1200);
    g.act({ type: 'reveal' }).act({ type: 'next' }).act({ type: 'next' });
    g.act({ type: 'pause' }).act({ type: 'resume' }, 45_000).buzz('p3', 2000).answer('p3', true, 2100).act({ type: 'undo' });
    g.act({ type: 'reveal' }).act({ type: 'next' }).act({ type: 'next' }).act({ type: 'skip' }).act({ type: 'next' });
    g.act({ type: 'showQuestion' }).buzz('p2', 500).answer('p2', true, 700);
    return g.log;
  }

  it('the same log gives the same state, and the state is plain JSON', () => {
    const log = busyLog();
    const a = reduce(log, CTX);
    expect(reduce(JSON.parse(JSON.stringify(log)) as Action[], CTX)).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    // p2: right, right (buzz mode: not buzzing keeps a run) → 10 + 10 + 3; p3's right answer was undone
    expect(totals(a)).toEqual({ p1: -5, p2: 23, p3: 0 });
    expect(a.round).toBe(1);
    expect(a.phase).toBe('locked');
  });

  it('reloading at any point and applying the rest gives the same state as one replay', () => {
    const log = busyLog();
    const whole = reduce(log, CTX);
    for (let k = 0; k <= log.length; k++) {
      let s = reduce(log.slice(0, k), CTX);
      for (const a of log.slice(k)) s = apply(s, a, CTX);
      expect(s).toEqual(whole);
    }
  });

  it('apply leaves the state it was given untouched', () => {
    const log = busyLog();
    const s = reduce(log.slice(0, 5), CTX);
    const copy = structuredClone(s);
    apply(s, log[5]!, CTX);
    expect(s).toEqual(copy);
  });

  it('nextAction numbers actions after the last one', () => {
    const log = busyLog();
    const a = nextAction(log, { type: 'lock' }, 123);
    expect(a).toEqual({ type: 'lock', seq: log.at(-1)!.seq + 1, at: 123 });
    expect(nextAction([], { type: 'start' }, 5).seq).toBe(1);
    expect(initialState().lastSeq).toBe(0);
  });
});

// ---------------------------------------------------------------- reading the state

describe('currentQuestionView', () => {
  it('shows a bank question with its choices in the drawn order, and a challenge item as made', () => {
    const g = started().act({ type: 'next' });
    const v = currentQuestionView(g.s, CTX)!;
    const q = crossing.find((x) => x.id === g.s.plan[0]!.id)!;
    expect(v.prompt).toEqual(q.prompt);
    expect(v.choices.map((c) => c.id)).toEqual(g.s.plan[0]!.choices);
    expect(v.source).toEqual(q.source);
    expect(currentQuestionView(started().s, CTX)).toBeNull();
    g.act({ type: 'skip' }).act({ type: 'next' }).act({ type: 'skip' }).act({ type: 'next' }).act({ type: 'skip' }).act({ type: 'next' }).act({ type: 'next' });
    const c = currentQuestionView(g.s, CTX)!;
    expect(c.planned.source).toBe('challenge');
    expect(c.choices.map((x) => x.id)).toEqual(['cross', 'wait']);
    expect(c.source.facts.length).toBeGreaterThan(0);
  });
});

describe('toAttempts', () => {
  function finished() {
    const g = started();
    g.playAll({ p1: 'R', p2: 'W', p3: 'R' }, { p1: 1200, p2: 800, p3: 3000 });
    g.playAll({ p1: 'R', p2: 'R', p3: '-' });
    g.playAll({ p1: 'W', p2: 'R', p3: 'R' });
    g.act({ type: 'next' });
    for (let i = 0; i < 4; i++) {
      g.playAll({ p1: 'R', p2: 'R', p3: i === 3 ? 'W' : 'R' });
      if (i === 1) g.act({ type: 'next' });
    }
    g.act({ type: 'next' });
    return g;
  }

  it('makes one attempt per player with the group, the normalised score and the answers', () => {
    const g = finished();
    const s = g.s;
    expect(s.phase).toBe('podium');
    const attempts = toAttempts(s, { appVersion: '0.1.0', passMarks: { child: 60, teen: 70, adult: 90 } });
    expect(attempts).toHaveLength(3);
    const [a1, a2, a3] = attempts;
    expect(a1).toMatchObject({ id: 'cup-1:p1', visitorId: 'competition:cup-1:p1', group: 'child', zone: 'crossing', mode: 'competition', device: 'kiosk', appVersion: '0.1.0' });
    expect(a1!.startedAt).toBe(s.startedAt);
    expect(a1!.endedAt).toBe(g.t);
    // 6 of 7, 6 of 7, 5 of 7
    expect(attempts.map((a) => a.score)).toEqual([86, 86, 71]);
    expect(attempts.map((a) => a.stars)).toEqual([2, 2, 1]);
    expect(attempts.map((a) => a.passed)).toEqual([true, true, false]);
    expect(a2!.group).toBe('teen');
    expect(a3!.answers).toHaveLength(6); // no answer to question 2: not listed
    expect(a1!.answers![0]).toEqual({ question: s.plan[0]!.id, chosen: s.plan[0]!.answer, correct: true, ms: 1200 });
    expect(a2!.answers![0]).toMatchObject({ question: s.plan[0]!.id, correct: false, ms: 800 });
    expect(a2!.answers!.map((x) => x.question)).toEqual(s.plan.map((p) => p.id));
  });

  it('takes visitor ids, zone and device from the caller when given, and names visitors for leaderboards', () => {
    const s = finished().s;
    const [a] = toAttempts(s, { appVersion: '1', visitorIds: { p1: 'v-123' }, zone: 'signals', device: 'desktop' });
    expect(a).toMatchObject({ visitorId: 'v-123', zone: 'signals', device: 'desktop' });
    expect(toVisitors(s, 5)).toEqual([
      { id: 'competition:cup-1:p1', nickname: '小红', group: 'child', createdAt: 5 },
      { id: 'competition:cup-1:p2', nickname: '小明', group: 'teen', createdAt: 5 },
      { id: 'competition:cup-1:p3', nickname: 'Lee', group: 'adult', createdAt: 5 },
    ]);
  });

  it('reflects an undo on the podium, with the same attempt ids (saving again replaces)', () => {
    const g = finished();
    const before = toAttempts(g.s, { appVersion: '1' });
    g.act({ type: 'undo' });
    const after = toAttempts(g.s, { appVersion: '1' });
    expect(after.map((a) => a.id)).toEqual(before.map((a) => a.id));
    expect(after.map((a) => a.score)).toEqual([71, 71, 71]);
  });

  it('is empty before the start', () => {
    expect(toAttempts(new Game().act({ type: 'setup', setup: setupInput() }).s, { appVersion: '1' })).toEqual([]);
  });
});
