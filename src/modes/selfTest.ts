// Self-test mode as a pure state machine: no React, DOM or three. Every action returns a new state,
// and the state is plain JSON (question ids, choice order, answers) so it can be saved on every step
// and restored after a reload (a headset that sleeps mid-test must not lose the visitor's answers).
//
// Scoring rules (documented here because the result screen and stored attempts depend on them):
// - score = percent of the test's questions answered correctly, rounded to a whole number; questions
//   not answered (test abandoned) count as wrong, so stopping early never raises a score.
// - passed = exact percent >= group.defaults.passMark (the unrounded figure, so 59.5% never passes 60).
// - stars  = 3 at >= 95%, 2 at >= 80%, 1 at >= 60%, else 0 (STAR_THRESHOLDS).
// - a question is correct when the chosen set equals the answer set exactly (multiple: all and only
//   the right choices; order and repeats of the chosen ids do not matter).
import { z } from 'zod';
import type { Group, Question } from '../content/schema.ts';
import type { AttemptAnswer } from '../storage/types.ts';
import { Rng } from '../sim/rng.ts';

/** Percent needed for 1, 2 and 3 stars. */
export const STAR_THRESHOLDS = [60, 80, 95] as const;

export type Difficulty = 1 | 2 | 3;

/** One question of a test, frozen at creation: the bank may change under a saved test. */
export interface TestItem {
  id: string;
  topic: string;
  difficulty: Difficulty;
  /** choice ids in the order shown */
  choices: string[];
  answer: string[];
}

export interface TestAnswer {
  chosen: string[];
  correct: boolean;
  ms: number;
}

export type TestPhase = 'question' | 'feedback' | 'finished';

export interface TestState {
  version: 1;
  group: string;
  seed: number;
  items: TestItem[];
  /** index of the current item (items.length once finished) */
  index: number;
  /** 'feedback': the current item is answered and its feedback is showing; next() moves on */
  phase: TestPhase;
  /** one slot per item, null until answered */
  answers: (TestAnswer | null)[];
  /** 'all-ages': drawn from the zone's widest-audience questions because none is tagged for the group */
  pool?: TestPool;
}

/** Where a test's questions come from: the visitor's group (normal), or the zone's questions for all
 * ages when the bank has none for that group yet (a hall that adds a group before its questions). */
export type TestPool = 'group' | 'all-ages';

export interface CreateTestOptions {
  bank: readonly Question[];
  group: Group;
  seed: number;
  /** default: group.defaults.questionCount */
  count?: number;
  /** level to prefer; default: the group's level (preferredDifficulty) */
  difficulty?: Difficulty;
  /** default 'group' */
  pool?: TestPool;
}

/** The bank's questions tagged for this group. */
export function groupQuestions(bank: readonly Question[], groupId: string): Question[] {
  return bank.filter((q) => q.groups.includes(groupId));
}

/**
 * "The zone's questions for all ages": the questions tagged for the most audience groups, widening
 * one step at a time (every group, then one group fewer…) until there are `atLeast` of them or the
 * bank runs out. Questions written for one narrow group (a driver's stopping distance) come last.
 */
export function allAgesQuestions(bank: readonly Question[], atLeast: number): Question[] {
  const widths = [...new Set(bank.map((q) => q.groups.length))].sort((a, b) => b - a);
  for (const w of widths) {
    const pool = bank.filter((q) => q.groups.length >= w);
    if (pool.length >= atLeast) return pool;
  }
  return [...bank];
}

/** Children and seniors get easier questions first; hall-added groups with large text and hints
 * (the groups file's marks of a gentler audience) are treated the same way. */
export function preferredDifficulty(group: Group): Difficulty {
  if (group.id === 'child' || group.id === 'senior') return 1;
  if (group.defaults.textSize === 'large' && group.defaults.hints) return 1;
  return 2;
}

// Weight of a question by its distance from the preferred level: near levels dominate, but other
// levels still appear so a test is not all one level.
const LEVEL_WEIGHT = [4, 1.5, 0.5] as const;

function shuffle<T>(list: readonly T[], rng: Rng): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Picks the questions: weighted random keys (Efraimidis–Spirakis, key = u^(1/w)) rank questions within
 * each topic, then the test takes every topic's best question before any topic's second, so topics
 * are spread evenly and the preferred level wins within a topic. The test then runs from easy to hard
 * (random within a level) so nobody meets the hardest question first.
 */
function pick(bank: readonly Question[], groupId: string, count: number, level: Difficulty, rng: Rng, pool: TestPool): Question[] {
  // bank order is by id so a reordered bank file gives the same test for the same seed
  const eligible = (pool === 'all-ages' ? allAgesQuestions(bank, count) : groupQuestions(bank, groupId)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keyed = eligible.map((q) => {
    const w = LEVEL_WEIGHT[Math.abs(q.difficulty - level)]!;
    return { q, key: Math.pow(rng.next(), 1 / w), rank: 0, tie: 0 };
  });
  const byTopic = new Map<string, typeof keyed>();
  for (const k of keyed) byTopic.set(k.q.topic, [...(byTopic.get(k.q.topic) ?? []), k]);
  for (const list of byTopic.values()) list.sort((a, b) => b.key - a.key).forEach((k, i) => (k.rank = i));
  const chosen = keyed.sort((a, b) => a.rank - b.rank || b.key - a.key).slice(0, count);
  chosen.forEach((k) => (k.tie = rng.next()));
  return chosen.sort((a, b) => a.q.difficulty - b.q.difficulty || a.tie - b.tie).map((k) => k.q);
}

/**
 * True/false keeps the authored order (yes before no reads naturally), and so do scene questions:
 * their marks are labelled A, B, C… in the picture and authors refer to them by those letters.
 * Other kinds are shuffled.
 */
function choiceOrder(q: Question, rng: Rng): string[] {
  const ids = q.choices.map((c) => c.id);
  return q.kind === 'truefalse' || q.kind === 'scene' ? ids : shuffle(ids, rng);
}

export function createTest(opts: CreateTestOptions): TestState {
  const rng = new Rng(opts.seed);
  const count = Math.max(1, Math.floor(opts.count ?? opts.group.defaults.questionCount));
  const level = opts.difficulty ?? preferredDifficulty(opts.group);
  const pool = opts.pool ?? 'group';
  const items: TestItem[] = pick(opts.bank, opts.group.id, count, level, rng, pool).map((q) => ({
    id: q.id,
    topic: q.topic,
    difficulty: q.difficulty,
    choices: choiceOrder(q, rng),
    answer: [...q.answer],
  }));
  return {
    version: 1,
    group: opts.group.id,
    seed: opts.seed,
    items,
    index: 0,
    phase: items.length ? 'question' : 'finished',
    answers: items.map(() => null),
    ...(pool === 'all-ages' ? { pool } : {}),
  };
}

export const isFinished = (s: TestState): boolean => s.phase === 'finished';

export function currentItem(s: TestState): TestItem | null {
  return s.phase === 'finished' ? null : (s.items[s.index] ?? null);
}

/** The current question from the bank with its choices in the test's order; null when finished or
 * when the bank no longer holds the question (content updated since the test was saved). */
export function currentQuestion(s: TestState, bank: readonly Question[]): { item: TestItem; question: Question; choices: Question['choices'] } | null {
  const item = currentItem(s);
  const question = item && bank.find((q) => q.id === item.id);
  if (!item || !question) return null;
  const choices = item.choices.map((id) => question.choices.find((c) => c.id === id));
  if (choices.some((c) => !c)) return null;
  return { item, question, choices: choices as Question['choices'] };
}

export function isCorrect(chosen: readonly string[], answer: readonly string[]): boolean {
  const a = new Set(answer);
  const c = new Set(chosen);
  return a.size === c.size && [...c].every((id) => a.has(id));
}

/**
 * Records the visitor's choice for the current question and shows its feedback. An empty choice list
 * is a valid (wrong) answer, e.g. when a time limit runs out. A second answer to the same question
 * (double trigger in VR) is ignored; a choice id the question does not have is a bug and throws.
 */
export function answer(s: TestState, choiceIds: readonly string[], msTaken: number): TestState {
  if (s.phase !== 'question') return s;
  const item = s.items[s.index]!;
  const unknown = choiceIds.filter((id) => !item.choices.includes(id));
  if (unknown.length) throw new Error(`answer: ${unknown.join(', ')} not among the choices of ${item.id}`);
  const chosen = [...new Set(choiceIds)];
  const rec: TestAnswer = { chosen, correct: isCorrect(chosen, item.answer), ms: Math.max(0, Math.round(msTaken)) };
  return { ...s, phase: 'feedback', answers: s.answers.map((a, i) => (i === s.index ? rec : a)) };
}

/** What the feedback panel shows for the question just answered; null outside the feedback phase. */
export function feedback(s: TestState): { questionId: string; chosen: string[]; answer: string[]; correct: boolean } | null {
  if (s.phase !== 'feedback') return null;
  const item = s.items[s.index]!;
  const a = s.answers[s.index]!;
  return { questionId: item.id, chosen: a.chosen, answer: item.answer, correct: a.correct };
}

/** Moves past the feedback to the next question (or to finished). Only valid after answer(). */
export function next(s: TestState): TestState {
  if (s.phase !== 'feedback') return s;
  const index = s.index + 1;
  return { ...s, index, phase: index >= s.items.length ? 'finished' : 'question' };
}

/**
 * The test without the questions `keep` refuses that the visitor has not answered yet (a question
 * hall staff wrote in Chinese only, after the visitor switched to English: it is never shown
 * half-translated). Answered questions stay, so the score and the stored answers do not change; a
 * test left with nothing to ask is finished.
 */
export function dropItems(s: TestState, keep: (id: string) => boolean): TestState {
  const drop = s.items.map((item, i) => !keep(item.id) && s.answers[i] === null && i >= s.index);
  if (!drop.some(Boolean)) return s;
  const items = s.items.filter((_, i) => !drop[i]);
  const answers = s.answers.filter((_, i) => !drop[i]);
  const index = s.index;
  const phase: TestPhase = s.phase === 'finished' || index >= items.length ? 'finished' : s.phase;
  return { ...s, items, answers, index: Math.min(index, items.length), phase };
}

export interface TopicResult {
  topic: string;
  asked: number;
  correct: number;
  /** correct / asked, 0–1 */
  mastery: number;
}

export interface TestResult {
  /** 0–100, rounded */
  score: number;
  passed: boolean;
  /** 0–3, see STAR_THRESHOLDS */
  stars: number;
  byTopic: TopicResult[];
  wrong: { questionId: string; chosen: string[]; answer: string[] }[];
}

export function starsFor(percent: number): number {
  return STAR_THRESHOLDS.filter((t) => percent >= t).length;
}

export function result(s: TestState, group: Group): TestResult {
  const asked = s.items.length;
  const right = s.answers.filter((a) => a?.correct).length;
  const percent = asked ? (100 * right) / asked : 0;
  const topics = new Map<string, TopicResult>();
  s.items.forEach((item, i) => {
    const t = topics.get(item.topic) ?? { topic: item.topic, asked: 0, correct: 0, mastery: 0 };
    t.asked++;
    if (s.answers[i]?.correct) t.correct++;
    t.mastery = t.correct / t.asked;
    topics.set(item.topic, t);
  });
  return {
    score: Math.round(percent),
    passed: asked > 0 && percent >= group.defaults.passMark,
    stars: asked ? starsFor(percent) : 0,
    byTopic: [...topics.values()],
    wrong: s.items.flatMap((item, i) => {
      const a = s.answers[i];
      return a?.correct ? [] : [{ questionId: item.id, chosen: a?.chosen ?? [], answer: item.answer }];
    }),
  };
}

/** The answered questions in test order, as stored in an Attempt (unanswered ones are left out). */
export function toAttemptAnswers(s: TestState): AttemptAnswer[] {
  return s.items.flatMap((item, i) => {
    const a = s.answers[i];
    return a ? [{ question: item.id, chosen: a.chosen, correct: a.correct, ms: a.ms }] : [];
  });
}

// ---------------------------------------------------------------- restore after reload

const itemSchema = z.object({
  id: z.string(),
  topic: z.string(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  choices: z.array(z.string()).min(1),
  answer: z.array(z.string()).min(1),
});
const stateSchema = z
  .object({
    version: z.literal(1),
    group: z.string(),
    seed: z.number(),
    items: z.array(itemSchema),
    index: z.number().int().min(0),
    phase: z.enum(['question', 'feedback', 'finished']),
    answers: z.array(z.object({ chosen: z.array(z.string()), correct: z.boolean(), ms: z.number() }).nullable()),
    pool: z.enum(['group', 'all-ages']).optional(),
  })
  .refine((s) => s.answers.length === s.items.length && s.index <= s.items.length, 'answers and index must match the items')
  .refine((s) => (s.phase === 'finished') === (s.index === s.items.length), 'phase must match the index')
  .refine((s) => s.phase !== 'feedback' || s.answers[s.index] != null, 'feedback needs an answer');

/** A saved state (parsed JSON or the JSON text) back as a TestState, or null when it is not one
 * (an older app version, a corrupted store): the caller then starts a new test. */
export function restoreTest(saved: unknown): TestState | null {
  let raw = saved;
  if (typeof saved === 'string') {
    try {
      raw = JSON.parse(saved);
    } catch {
      return null;
    }
  }
  const r = stateSchema.safeParse(raw);
  return r.success ? r.data : null;
}
