// Competition mode as an append-only log of actions reduced by a pure function into its state.
// The kiosk appends one action per event (staff command, buzz, answer, timer expiry), saves the log
// (persist.ts) and re-derives the state; a reload or a crash replays the saved log and lands exactly
// where it was: same question order (drawn from the setup's seed), same scores, same phase.
//
// Phase machine (the host's "continue" button sends `next`; `showQuestion`/`finish` are the explicit forms):
//
//   setup ──start──▶ roundIntro ──showQuestion|next──▶ question ◀──(wrong buzz, others may buzz)──┐
//                       ▲                               │  buzz ('buzz' mode)                   │
//                       │                               ▼                                        │
//                       │                             buzzed ──answer──────────────────────────┘
//                       │                               │ right answer / everyone out / timer / lock
//                       │        ('all' mode: answers collected in question; lock when all answered,
//                       │         on timerExpired or on the staff's lock)
//                       │                               ▼
//                       │                             locked ──reveal──▶ revealed ──next──▶ scoreboard
//                       │                                                                      │ next
//                       └──────────── next round ◀── (next question of the round: question) ◀──┤
//                                                    (no question left: podium) ◀──────────────┘
//   skip: question|buzzed|locked → scoreboard (the question counts for nobody); roundIntro → skips
//         the whole round. pause/resume: anywhere between start and podium (the clock stops; only
//         resume, undo and endEarly are accepted while paused). endEarly: → podium (an open question
//         is dropped, scored ones stand). undo: voids the last award batch (see below), any time.
//
// Scoring (awards are derived, not logged: the log holds what happened, the reducer decides points):
// - 'buzz': the first buzz takes the floor; a right answer earns scoring.correct and locks the
//   question; a wrong one costs scoring.wrongBuzz and locks that player out of this question (the
//   others may buzz while the clock runs, which does not stop while someone holds the floor). A timer
//   expiry while a player holds the floor counts as their wrong buzz ('timeout'); the staff's lock
//   while a player holds the floor takes it from them without a penalty. Speed = the buzz time.
// - 'all': every player answers once; at the lock each is scored: right (+correct), wrong (0) or no
//   answer (0). Speed = the answer time.
// - streak bonus: each right answer once a player's run of right answers reaches streakBonus.after
//   earns streakBonus.points more; a wrong answer, wrong buzz, timeout or (in 'all') no answer ends
//   the run. Not buzzing in 'buzz' mode does not.
// - undo voids the awards the last scoring action produced (one buzz answer, or a whole question's
//   awards in 'all' mode); the flow does not rewind. Undoing a wrong buzz while that question is
//   still open lets the player buzz again (a mis-tap by the host). Undo again to void the batch before.
// - ranking: points, then right answers, then total time of the right answers (less is better).
//
// Invalid actions (wrong phase, stale question, unknown player, duplicate sequence number…) never
// throw: they are ignored and listed in state.warnings so the staff console can show them.
import { z } from 'zod';
import type { LocalizedText, ZoneId } from '../../content/ids.ts';
import type { Question } from '../../content/schema.ts';
import type { Attempt, AttemptAnswer, Visitor } from '../../storage/types.ts';
import { Rng } from '../../sim/rng.ts';
import { isCorrect, starsFor } from '../selfTest.ts';
import { shuffleWith, type Challenge, type ChallengeItem } from './challenges.ts';
import { eligibleQuestions, parseSetup, type CompetitionSetup } from './setup.ts';

export const PHASES = ['setup', 'roundIntro', 'question', 'buzzed', 'locked', 'revealed', 'scoreboard', 'podium'] as const;
export type Phase = (typeof PHASES)[number];

// ---------------------------------------------------------------- actions

const base = { seq: z.number().int().min(0), at: z.number().finite() };
/** staff commands may say which phase the host saw: a double tap then cannot skip a screen */
const staff = { ...base, phase: z.enum(PHASES).optional() };
const playerRef = z.string().min(1).max(32);
const qRef = z.number().int().min(0);
const ms = z.number().finite().min(0);

export const actionSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('setup'), setup: z.unknown() }).strict(),
  z.object({ ...staff, type: z.literal('start') }).strict(),
  z.object({ ...staff, type: z.literal('showQuestion') }).strict(),
  z.object({ ...base, type: z.literal('buzz'), player: playerRef, q: qRef, atMs: ms }).strict(),
  z.object({ ...base, type: z.literal('answer'), player: playerRef, q: qRef, choices: z.array(z.string()).max(6), atMs: ms }).strict(),
  z.object({ ...staff, type: z.literal('lock') }).strict(),
  z.object({ ...base, type: z.literal('timerExpired'), q: qRef }).strict(),
  z.object({ ...staff, type: z.literal('reveal') }).strict(),
  z.object({ ...staff, type: z.literal('next') }).strict(),
  z.object({ ...staff, type: z.literal('pause') }).strict(),
  z.object({ ...staff, type: z.literal('resume') }).strict(),
  z.object({ ...staff, type: z.literal('skip') }).strict(),
  z.object({ ...staff, type: z.literal('undo') }).strict(),
  z.object({ ...staff, type: z.literal('endEarly') }).strict(),
  z.object({ ...staff, type: z.literal('finish') }).strict(),
]);
export type Action = z.infer<typeof actionSchema>;
export type ActionType = Action['type'];
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action before it gets its place in the log. */
export type ActionInput = DistributiveOmit<Action, 'seq' | 'at'>;

/** The action to append: the next sequence number after the log's last one, stamped `at`. */
export function nextAction(log: readonly Action[], input: ActionInput, at: number): Action {
  const last = log.length ? Math.max(...log.map((a) => a.seq)) : 0;
  return { seq: last + 1, at, ...input } as Action;
}

// ---------------------------------------------------------------- state

export interface PlannedQuestion {
  /** index into setup.rounds */
  round: number;
  /** 0-based position within its round */
  n: number;
  source: 'quiz' | 'challenge';
  /** bank question id, or the challenge item id */
  id: string;
  zone: ZoneId;
  challenge?: string;
  /** choice ids in the order shown */
  choices: string[];
  answer: string[];
  timeLimitSec: number;
  /** challenge rounds carry their whole item; quiz questions are looked up in the bank by id */
  item?: ChallengeItem;
}

export interface AnswerRecord {
  player: string;
  choices: string[];
  atMs: number;
  correct: boolean;
  seq: number;
}

export type LockReason = 'correct' | 'all-answered' | 'all-out' | 'timer' | 'staff';

export interface QuestionRecord {
  status: 'pending' | 'open' | 'done' | 'skipped';
  shownAt: number | null;
  /** time the competition was paused while this question was open */
  pausedMs: number;
  buzzes: { player: string; atMs: number; seq: number }[];
  answers: AnswerRecord[];
  lockedOut: string[];
  /** 'buzz' mode: the player who holds the floor */
  holder: string | null;
  lockedBy: LockReason | null;
}

export type Outcome = 'correct' | 'wrong' | 'wrongBuzz' | 'timeout' | 'noAnswer';

export interface Award {
  /** seq of the action that produced it; undo voids a whole batch */
  batch: number;
  q: number;
  player: string;
  outcome: Outcome;
  /** points before the streak bonus (negative for a wrong buzz) */
  base: number;
  /** streak bonus, derived */
  bonus: number;
  /** answer time counted for tie-breaks (right answers only) */
  ms: number;
  voided: null | 'undo' | 'skip' | 'endEarly';
}

export interface PlayerTotals {
  id: string;
  name: string;
  group: string;
  points: number;
  correct: number;
  /** wrong answers, wrong buzzes and timeouts */
  wrong: number;
  /** total ms of the right answers (tie-break: less is better) */
  timeMs: number;
  streak: number;
  bestStreak: number;
}

export interface Warning {
  seq: number;
  type: string;
  reason: string;
}

export interface CompetitionState {
  version: 1;
  phase: Phase;
  setup: CompetitionSetup | null;
  plan: PlannedQuestion[];
  questions: QuestionRecord[];
  /** current round (index into setup.rounds); -1 before start */
  round: number;
  /** current or last question (index into plan); -1 before the first */
  q: number;
  paused: boolean;
  pausedAt: number | null;
  awards: Award[];
  players: PlayerTotals[];
  startedAt: number | null;
  endedAt: number | null;
  endedEarly: boolean;
  lastSeq: number;
  lastAt: number | null;
  warnings: Warning[];
}

export interface CompetitionContext {
  banks: Partial<Record<ZoneId, readonly Question[]>>;
  challenges: Readonly<Record<string, Challenge>>;
}

export function initialState(): CompetitionState {
  return {
    version: 1,
    phase: 'setup',
    setup: null,
    plan: [],
    questions: [],
    round: -1,
    q: -1,
    paused: false,
    pausedAt: null,
    awards: [],
    players: [],
    startedAt: null,
    endedAt: null,
    endedEarly: false,
    lastSeq: 0,
    lastAt: null,
    warnings: [],
  };
}

// ---------------------------------------------------------------- planning

/** Each round draws from its own stream, so a change in one round never reshuffles another. */
export function roundSeed(seed: number, round: number): number {
  return (seed ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
}

/**
 * The competition's questions in play order. Quiz rounds draw questions suited to every group in
 * play first (then to some of them), never a question used by an earlier round, and run from easy to
 * hard; choice order is shuffled except for true/false. Challenge rounds take the challenge's items.
 * What cannot be drawn as asked is listed in `problems` (the round then has fewer questions).
 */
export function planQuestions(setup: CompetitionSetup, ctx: CompetitionContext): { plan: PlannedQuestion[]; problems: string[] } {
  const plan: PlannedQuestion[] = [];
  const problems: string[] = [];
  const groups = setup.players.map((p) => p.group);
  const used = new Set<string>();
  setup.rounds.forEach((round, r) => {
    const rng = new Rng(roundSeed(setup.seed, r));
    if (round.kind === 'quiz') {
      const bank = ctx.banks[round.zone];
      if (!bank) {
        problems.push(`round ${r + 1}: no question bank for zone "${round.zone}"`);
        return;
      }
      const { all, some } = eligibleQuestions(bank, round, groups, setup.lang);
      const pool = [...shuffleWith(all, rng), ...shuffleWith(some, rng)].filter((q) => !used.has(q.id));
      const picked = pool.slice(0, round.count).map((q, i) => ({ q, i }));
      if (picked.length < round.count) problems.push(`round ${r + 1}: only ${picked.length} of ${round.count} ${round.zone} questions suit these groups`);
      picked.sort((a, b) => a.q.difficulty - b.q.difficulty || a.i - b.i);
      picked.forEach(({ q }, n) => {
        used.add(q.id);
        const ids = q.choices.map((c) => c.id);
        plan.push({
          round: r,
          n,
          source: 'quiz',
          id: q.id,
          zone: q.zone,
          choices: q.kind === 'truefalse' ? ids : shuffleWith(ids, rng),
          answer: [...q.answer],
          timeLimitSec: round.timeLimitSec,
        });
      });
    } else {
      const ch = ctx.challenges[round.challenge];
      if (!ch) {
        problems.push(`round ${r + 1}: unknown challenge "${round.challenge}"`);
        return;
      }
      let items: ChallengeItem[];
      try {
        items = ch.makeItems(round.params, rng, round.count);
      } catch (e) {
        problems.push(`round ${r + 1}: challenge "${round.challenge}" failed: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      let n = 0;
      for (const item of items.slice(0, round.count)) {
        const ids = item.choices.map((c) => c.id);
        if (!item.answer.length || !item.answer.every((a) => ids.includes(a))) {
          problems.push(`round ${r + 1}: challenge item "${item.id}" has an answer that is not among its choices`);
          continue;
        }
        plan.push({ round: r, n: n++, source: 'challenge', id: item.id, zone: ch.zone, challenge: ch.id, choices: ids, answer: [...item.answer], timeLimitSec: round.timeLimitSec, item });
      }
      if (n < round.count) problems.push(`round ${r + 1}: only ${n} of ${round.count} challenge items`);
    }
  });
  return { plan, problems };
}

// ---------------------------------------------------------------- the reducer

/** The state a log leads to. Pure: the same log and context always give the same state. */
export function reduce(log: readonly Action[], ctx: CompetitionContext): CompetitionState {
  const s = initialState();
  for (const a of log) step(s, a, ctx);
  return s;
}

/** One more action on a state (same result as reducing the longer log); the input is not changed. */
export function apply(state: CompetitionState, action: Action, ctx: CompetitionContext): CompetitionState {
  const s = structuredClone(state);
  step(s, action, ctx);
  return s;
}

const WHILE_PAUSED = new Set<ActionType>(['resume', 'undo', 'endEarly', 'pause']);

function step(s: CompetitionState, a: Action, ctx: CompetitionContext): void {
  const warn = (reason: string): void => {
    s.warnings.push({ seq: a.seq, type: a.type, reason });
  };
  if (a.seq <= s.lastSeq) return warn(`sequence number ${a.seq} does not follow ${s.lastSeq} (duplicate or out of order)`);
  s.lastSeq = a.seq;
  s.lastAt = a.at;
  if ('phase' in a && a.phase !== undefined && a.phase !== s.phase) return warn(`sent for the ${a.phase} screen, but the phase is ${s.phase}`);
  if (s.paused && !WHILE_PAUSED.has(a.type)) return warn('the competition is paused');
  const setup = s.setup;
  const rec = s.q >= 0 ? s.questions[s.q] : undefined;
  const planned = s.q >= 0 ? s.plan[s.q] : undefined;
  const started = s.startedAt !== null;

  switch (a.type) {
    case 'setup': {
      if (started) return warn('the competition has already started');
      const r = parseSetup(a.setup);
      if (!r.ok) return warn(`invalid setup: ${r.errors.join('; ')}`);
      s.setup = r.value;
      break;
    }
    case 'start': {
      if (started) return warn('already started');
      if (!setup) return warn('no setup yet');
      const { plan, problems } = planQuestions(setup, ctx);
      problems.forEach((p) => warn(p));
      if (!plan.length) return warn('no questions to play');
      s.plan = plan;
      s.questions = plan.map(() => ({ status: 'pending', shownAt: null, pausedMs: 0, buzzes: [], answers: [], lockedOut: [], holder: null, lockedBy: null }));
      s.startedAt = a.at;
      s.round = plan[0]!.round;
      s.phase = 'roundIntro';
      break;
    }
    case 'showQuestion': {
      const i = s.q + 1;
      const sameRound = s.phase === 'roundIntro' ? s.plan[i]?.round === s.round : s.phase === 'scoreboard' && s.plan[i]?.round === planned?.round;
      if (s.phase !== 'roundIntro' && s.phase !== 'scoreboard') return warn(`no question can be shown in phase ${s.phase}`);
      if (!sameRound) return warn('the round has no further question (use next)');
      open(s, i, a.at);
      break;
    }
    case 'buzz': {
      if (!setup || setup.answering !== 'buzz') return warn('buzzing is off: everyone answers');
      if (a.q !== s.q || !rec) return warn(`buzz for question ${a.q}, the current one is ${s.q}`);
      if (s.phase === 'buzzed') return warn(`${rec.holder} has the floor`);
      if (s.phase !== 'question') return warn(`no buzzing in phase ${s.phase}`);
      if (!isPlayer(setup, a.player)) return warn(`unknown player "${a.player}"`);
      if (rec.lockedOut.includes(a.player)) return warn(`${a.player} already answered this question`);
      rec.buzzes.push({ player: a.player, atMs: clampMs(a.atMs, planned!), seq: a.seq });
      rec.holder = a.player;
      s.phase = 'buzzed';
      break;
    }
    case 'answer': {
      if (!setup || !rec || !planned) return warn('no question open');
      if (a.q !== s.q) return warn(`answer for question ${a.q}, the current one is ${s.q}`);
      if (!isPlayer(setup, a.player)) return warn(`unknown player "${a.player}"`);
      const unknown = a.choices.filter((c) => !planned.choices.includes(c));
      if (unknown.length) return warn(`${unknown.join(', ')} not among the choices`);
      const choices = [...new Set(a.choices)];
      const correct = isCorrect(choices, planned.answer);
      const atMs = clampMs(a.atMs, planned);
      if (setup.answering === 'buzz') {
        if (s.phase !== 'buzzed' || rec.holder !== a.player) return warn(s.phase === 'buzzed' ? `${rec.holder} has the floor` : `${a.player} must buzz first`);
        rec.answers.push({ player: a.player, choices, atMs, correct, seq: a.seq });
        const buzzMs = [...rec.buzzes].reverse().find((b) => b.player === a.player)?.atMs ?? atMs;
        if (correct) {
          award(s, a.seq, a.player, 'correct', setup.scoring.correct, buzzMs);
          lock(s, 'correct');
        } else {
          award(s, a.seq, a.player, 'wrongBuzz', 0 - setup.scoring.wrongBuzz, buzzMs);
          rec.lockedOut.push(a.player);
          rec.holder = null;
          if (rec.lockedOut.length >= setup.players.length) lock(s, 'all-out');
          else s.phase = 'question';
        }
      } else {
        if (s.phase !== 'question') return warn(`no answers in phase ${s.phase}`);
        if (rec.answers.some((x) => x.player === a.player)) return warn(`${a.player} has already answered`);
        rec.answers.push({ player: a.player, choices, atMs, correct, seq: a.seq });
        if (rec.answers.length >= setup.players.length) scoreAll(s, a.seq, 'all-answered');
      }
      break;
    }
    case 'lock': {
      if (s.phase === 'question' && setup?.answering === 'all') scoreAll(s, a.seq, 'staff');
      else if (s.phase === 'question' || s.phase === 'buzzed') lock(s, 'staff');
      else return warn(`nothing to lock in phase ${s.phase}`);
      break;
    }
    case 'timerExpired': {
      if (a.q !== s.q || !rec || !setup) return warn(`timer of question ${a.q}, the current one is ${s.q}`);
      if (s.phase === 'question') {
        if (setup.answering === 'all') scoreAll(s, a.seq, 'timer');
        else lock(s, 'timer');
      } else if (s.phase === 'buzzed') {
        const holder = rec.holder!;
        const buzzMs = [...rec.buzzes].reverse().find((b) => b.player === holder)?.atMs ?? 0;
        award(s, a.seq, holder, 'timeout', 0 - setup.scoring.wrongBuzz, buzzMs);
        rec.lockedOut.push(holder);
        lock(s, 'timer');
      } else return warn(`the question is no longer open (phase ${s.phase})`);
      break;
    }
    case 'reveal': {
      if (s.phase !== 'locked') return warn(`nothing to reveal in phase ${s.phase}`);
      s.phase = 'revealed';
      break;
    }
    case 'next': {
      if (s.phase === 'roundIntro') {
        if (s.plan[s.q + 1]?.round !== s.round) return warn('the round has no question');
        open(s, s.q + 1, a.at);
      } else if (s.phase === 'revealed') s.phase = 'scoreboard';
      else if (s.phase === 'scoreboard') advance(s, a.at);
      else return warn(`next is not possible in phase ${s.phase}`);
      break;
    }
    case 'finish': {
      if (s.phase !== 'scoreboard' && s.phase !== 'revealed') return warn(`cannot finish in phase ${s.phase}`);
      if (s.q + 1 < s.plan.length) return warn(`${s.plan.length - s.q - 1} questions remain (end early to stop now)`);
      toPodium(s, a.at, false);
      break;
    }
    case 'skip': {
      if (s.phase === 'question' || s.phase === 'buzzed' || s.phase === 'locked') {
        voidAwards(s, (w) => w.q === s.q, 'skip');
        rec!.status = 'skipped';
        rec!.holder = null;
        s.phase = 'scoreboard';
      } else if (s.phase === 'roundIntro') {
        let i = s.q + 1;
        while (s.plan[i]?.round === s.round) s.questions[i++]!.status = 'skipped';
        s.q = i - 1;
        advance(s, a.at);
      } else return warn(s.phase === 'revealed' || s.phase === 'scoreboard' ? 'the question is already scored (use undo)' : `nothing to skip in phase ${s.phase}`);
      break;
    }
    case 'pause': {
      if (!started || s.phase === 'podium') return warn(`cannot pause in phase ${s.phase}`);
      if (s.paused) return warn('already paused');
      s.paused = true;
      s.pausedAt = a.at;
      break;
    }
    case 'resume': {
      if (!s.paused) return warn('not paused');
      if (rec?.status === 'open') rec.pausedMs += Math.max(0, a.at - (s.pausedAt ?? a.at));
      s.paused = false;
      s.pausedAt = null;
      break;
    }
    case 'undo': {
      const last = [...s.awards].reverse().find((w) => w.voided === null);
      if (!last) return warn('no award to undo');
      const voided = voidAwards(s, (w) => w.batch === last.batch, 'undo');
      const q = s.questions[last.q]!;
      if (last.q === s.q && q.status === 'open')
        for (const w of voided) if (w.outcome === 'wrongBuzz') q.lockedOut = q.lockedOut.filter((p) => p !== w.player);
      break;
    }
    case 'endEarly': {
      if (!started || s.phase === 'podium') return warn(`cannot end in phase ${s.phase}`);
      if (rec?.status === 'open') {
        voidAwards(s, (w) => w.q === s.q, 'endEarly');
        rec.status = 'skipped';
        rec.holder = null;
      }
      if (s.paused && rec) rec.pausedMs += Math.max(0, a.at - (s.pausedAt ?? a.at));
      s.paused = false;
      s.pausedAt = null;
      toPodium(s, a.at, true);
      break;
    }
  }
  derive(s);
}

const isPlayer = (setup: CompetitionSetup, id: string) => setup.players.some((p) => p.id === id);
const clampMs = (atMs: number, p: PlannedQuestion) => Math.round(Math.min(Math.max(0, atMs), p.timeLimitSec * 1000));

function open(s: CompetitionState, i: number, at: number): void {
  const rec = s.questions[i]!;
  rec.status = 'open';
  rec.shownAt = at;
  s.q = i;
  s.round = s.plan[i]!.round;
  s.phase = 'question';
}

function lock(s: CompetitionState, by: LockReason): void {
  const rec = s.questions[s.q]!;
  rec.status = 'done';
  rec.holder = null;
  rec.lockedBy = by;
  s.phase = 'locked';
}

function scoreAll(s: CompetitionState, batch: number, by: LockReason): void {
  const setup = s.setup!;
  const rec = s.questions[s.q]!;
  for (const p of setup.players) {
    const ans = rec.answers.find((x) => x.player === p.id);
    if (!ans) award(s, batch, p.id, 'noAnswer', 0, 0);
    else if (ans.correct) award(s, batch, p.id, 'correct', setup.scoring.correct, ans.atMs);
    else award(s, batch, p.id, 'wrong', 0, ans.atMs);
  }
  lock(s, by);
}

function award(s: CompetitionState, batch: number, player: string, outcome: Outcome, points: number, ms: number): void {
  s.awards.push({ batch, q: s.q, player, outcome, base: points, bonus: 0, ms: outcome === 'correct' ? ms : 0, voided: null });
}

function voidAwards(s: CompetitionState, which: (w: Award) => boolean, why: NonNullable<Award['voided']>): Award[] {
  const hit = s.awards.filter((w) => w.voided === null && which(w));
  for (const w of hit) w.voided = why;
  return hit;
}

function advance(s: CompetitionState, at: number): void {
  const i = s.q + 1;
  const nextQ = s.plan[i];
  if (!nextQ) return toPodium(s, at, false);
  if (s.q >= 0 && nextQ.round === s.plan[s.q]!.round) return open(s, i, at);
  s.round = nextQ.round;
  s.phase = 'roundIntro';
}

function toPodium(s: CompetitionState, at: number, early: boolean): void {
  s.phase = 'podium';
  s.endedAt = at;
  s.endedEarly = early;
}

/** Totals and streak bonuses from the awards that stand. */
function derive(s: CompetitionState): void {
  if (!s.setup) return;
  const sb = s.setup.scoring.streakBonus;
  s.players = s.setup.players.map((p) => {
    const t: PlayerTotals = { id: p.id, name: p.name, group: p.group, points: 0, correct: 0, wrong: 0, timeMs: 0, streak: 0, bestStreak: 0 };
    for (const w of s.awards) {
      if (w.player !== p.id) continue;
      w.bonus = 0;
      if (w.voided) continue;
      if (w.outcome === 'correct') {
        t.streak++;
        t.correct++;
        t.timeMs += w.ms;
        if (sb && t.streak >= sb.after) w.bonus = sb.points;
      } else {
        t.streak = 0;
        if (w.outcome !== 'noAnswer') t.wrong++;
      }
      t.points += w.base + w.bonus;
      t.bestStreak = Math.max(t.bestStreak, t.streak);
    }
    return t;
  });
}

// ---------------------------------------------------------------- reading the state

/** Milliseconds left on the current question's clock (paused time excluded); null when none runs. */
export function remainingMs(s: CompetitionState, now: number): number | null {
  const rec = s.questions[s.q];
  const planned = s.plan[s.q];
  if (!rec || !planned || rec.status !== 'open' || rec.shownAt === null) return null;
  const until = s.paused && s.pausedAt !== null ? s.pausedAt : now;
  return Math.max(0, planned.timeLimitSec * 1000 - (until - rec.shownAt - rec.pausedMs));
}

export interface QuestionView {
  planned: PlannedQuestion;
  prompt: LocalizedText;
  /** in the order shown */
  choices: { id: string; text: LocalizedText }[];
  explanation: LocalizedText;
  /** the law text is left out where the fact is not a law */
  source: { facts: string[]; law?: LocalizedText };
}

/** What the host screen shows for the current question (bank text or challenge item); null if none
 * or if the bank no longer holds the question. */
export function currentQuestionView(s: CompetitionState, ctx: CompetitionContext): QuestionView | null {
  const planned = s.plan[s.q];
  if (!planned || s.phase === 'roundIntro' || s.phase === 'setup') return null;
  if (planned.item) {
    const it = planned.item;
    return { planned, prompt: it.prompt, choices: it.choices, explanation: it.explanation, source: it.source };
  }
  const q = ctx.banks[planned.zone]?.find((x) => x.id === planned.id);
  if (!q) return null;
  const choices = planned.choices.map((id) => q.choices.find((c) => c.id === id));
  if (choices.some((c) => !c)) return null;
  return { planned, prompt: q.prompt, choices: choices as QuestionView['choices'], explanation: q.explanation, source: q.source };
}

export interface Standing {
  rank: number;
  player: string;
  name: string;
  group: string;
  points: number;
  correct: number;
  timeMs: number;
}

/** Points, then right answers, then less total time on right answers; full ties share a rank (1, 1, 3). */
export function ranking(s: CompetitionState): Standing[] {
  const rows = s.players.map((p, i) => ({ p, i }));
  const cmp = (a: PlayerTotals, b: PlayerTotals) => b.points - a.points || b.correct - a.correct || a.timeMs - b.timeMs;
  rows.sort((a, b) => cmp(a.p, b.p) || a.i - b.i);
  return rows.map(({ p }) => ({
    rank: 1 + rows.filter((o) => cmp(o.p, p) < 0).length,
    player: p.id,
    name: p.name,
    group: p.group,
    points: p.points,
    correct: p.correct,
    timeMs: p.timeMs,
  }));
}

export interface AttemptMeta {
  appVersion: string;
  device?: Attempt['device'];
  /** player id → visitor id; default `competition:<setup id>:<player id>` (see toVisitors) */
  visitorIds?: Record<string, string>;
  /** the zone the attempts count for; default the zone most of the played questions came from */
  zone?: ZoneId;
  /** group id → pass mark (percent); groups without one use defaultPassMark (60) */
  passMarks?: Record<string, number>;
  defaultPassMark?: number;
}

const defaultVisitorId = (setup: CompetitionSetup, playerId: string) => `competition:${setup.id}:${playerId}`;

/**
 * One Attempt per player (mode 'competition', the player's group, device 'kiosk' unless told).
 * score = percent of the played questions (skipped ones excluded) the player got right, after undo;
 * in 'buzz' mode that is the share of questions the player won. The id is `<setup id>:<player id>`,
 * so saving again (after an undo on the podium) replaces the attempt, and merging exports from two
 * devices does not duplicate it. Answers list every answer that stands (no answer → not listed).
 */
export function toAttempts(s: CompetitionState, meta: AttemptMeta): Attempt[] {
  const setup = s.setup;
  if (!setup || s.startedAt === null) return [];
  const played = s.questions.map((r, i) => (r.status === 'done' ? i : -1)).filter((i) => i >= 0);
  const zone = meta.zone ?? mostCommonZone(played.map((i) => s.plan[i]!.zone)) ?? s.plan[0]!.zone;
  return setup.players.map((p) => {
    const totals = s.players.find((t) => t.id === p.id)!;
    const percent = played.length ? (100 * totals.correct) / played.length : 0;
    const passMark = meta.passMarks?.[p.group] ?? meta.defaultPassMark ?? 60;
    const answers: AttemptAnswer[] = s.awards
      .filter((w) => w.player === p.id && !w.voided && w.outcome !== 'noAnswer')
      .map((w) => {
        const rec = s.questions[w.q]!;
        const ans = [...rec.answers].reverse().find((x) => x.player === p.id);
        const ms = w.outcome === 'correct' ? w.ms : (ans?.atMs ?? rec.buzzes.find((b) => b.player === p.id)?.atMs ?? 0);
        return { question: s.plan[w.q]!.id, chosen: w.outcome === 'timeout' ? [] : (ans?.choices ?? []), correct: w.outcome === 'correct', ms };
      });
    return {
      id: `${setup.id}:${p.id}`,
      visitorId: meta.visitorIds?.[p.id] ?? defaultVisitorId(setup, p.id),
      group: p.group,
      zone,
      mode: 'competition',
      startedAt: s.startedAt!,
      endedAt: s.endedAt ?? s.lastAt ?? s.startedAt!,
      score: Math.round(percent),
      stars: played.length ? starsFor(percent) : 0,
      passed: played.length > 0 && percent >= passMark,
      answers,
      appVersion: meta.appVersion,
      device: meta.device ?? 'kiosk',
    };
  });
}

/** Visitors for the players (nickname = the player's name) with the ids toAttempts uses by default,
 * so leaderboards can name them. */
export function toVisitors(s: CompetitionState, createdAt: number): Visitor[] {
  const setup = s.setup;
  if (!setup) return [];
  return setup.players.map((p) => ({ id: defaultVisitorId(setup, p.id), nickname: p.name, group: p.group, createdAt }));
}

function mostCommonZone(zones: ZoneId[]): ZoneId | undefined {
  const counts = new Map<ZoneId, number>();
  for (const z of zones) counts.set(z, (counts.get(z) ?? 0) + 1);
  let best: ZoneId | undefined;
  for (const [z, n] of counts) if (best === undefined || n > counts.get(best)!) best = z;
  return best;
}
