// Competition practice: what a visitor can do in competition mode without a host. Competitions are
// run by staff on the kiosk (log.ts); a visitor who opens a zone's competition mode gets a short
// timed round alone: the zone's challenge (challenges.ts) where it has one, otherwise the zone's
// questions for the visitor's group (the widest-audience ones when the group has none). Scored like a
// competition where everyone answers on their own buttons ('all' mode): right +correct, wrong or too
// late 0; a run of right answers earns a bonus from the `after`-th on. Pure: no React, DOM or store.
// Practice results are not saved: a practice is not a competition and stays off the leaderboards.
import type { LocalizedText } from '../../content/ids.ts';
import type { Group, Question } from '../../content/schema.ts';
import { Rng } from '../../sim/rng.ts';
import { allAgesQuestions, groupQuestions, isCorrect, preferredDifficulty } from '../selfTest.ts';
import { shuffleWith, type Challenge } from './challenges.ts';

export const PRACTICE_SCORING = { correct: 10, streakBonus: { after: 3, points: 5 } } as const;
/** items per practice round: short enough for a queue at a kiosk */
export const PRACTICE_COUNT = 6;

export interface PracticeItem {
  id: string;
  prompt: LocalizedText;
  choices: { id: string; text: LocalizedText }[];
  answer: string[];
  explanation: LocalizedText;
  /** children's questions carry no law */
  source: { facts: string[]; law?: LocalizedText };
}

export interface PracticeAnswer {
  chosen: string[];
  correct: boolean;
  /** answered after the time limit (or not at all): counts as wrong */
  late: boolean;
  ms: number;
  points: number;
}

export type PracticeSource = { kind: 'challenge'; challenge: string; title: LocalizedText } | { kind: 'quiz'; pool: 'group' | 'all-ages' };

export interface PracticeState {
  source: PracticeSource;
  items: PracticeItem[];
  timeLimitSec: number;
  index: number;
  phase: 'question' | 'feedback' | 'finished';
  answers: (PracticeAnswer | null)[];
  /** right answers in a row so far */
  streak: number;
}

/** Seconds per item: the group's own limit, else more time for the gentler groups (children, seniors). */
export function practiceTimeLimit(group: Group): number {
  return group.defaults.timeLimitSec ?? (preferredDifficulty(group) === 1 ? 30 : 20);
}

const fromQuestion = (q: Question, rng: Rng): PracticeItem => ({
  id: q.id,
  prompt: q.prompt,
  // true/false reads "yes, no" in the authored order; other choices are shuffled like a competition's
  choices: q.kind === 'truefalse' ? q.choices : shuffleWith(q.choices, rng),
  answer: [...q.answer],
  explanation: q.explanation,
  source: { facts: [...q.source.facts], law: q.source.law },
});

/**
 * A practice round for a zone. The challenge wins when the zone has one (its situations use the
 * group's walking speed); otherwise single-answer and true/false questions (scene and multi-answer
 * questions need their own controls) for the group, or for all ages when the group has none.
 */
export function createPractice(opts: { zone: string; group: Group; bank: readonly Question[]; challenges: readonly Challenge[]; seed: number; count?: number }): PracticeState {
  const rng = new Rng(opts.seed);
  const count = opts.count ?? PRACTICE_COUNT;
  const challenge = opts.challenges.find((c) => c.zone === opts.zone);
  let source: PracticeSource;
  let items: PracticeItem[];
  if (challenge) {
    const walkSpeed = Math.min(1.6, Math.max(0.5, opts.group.defaults.walkSpeed));
    const params = challenge.paramsProblems?.({ walkSpeed }).length ? {} : { walkSpeed };
    items = challenge.makeItems(params, rng, count).map((c) => ({ id: c.id, prompt: c.prompt, choices: c.choices, answer: c.answer, explanation: c.explanation, source: c.source }));
    source = { kind: 'challenge', challenge: challenge.id, title: challenge.title };
  } else {
    const usable = opts.bank.filter((q) => q.kind === 'single' || q.kind === 'truefalse');
    const mine = groupQuestions(usable, opts.group.id);
    const pool = mine.length ? 'group' : 'all-ages';
    const list = pool === 'group' ? mine : allAgesQuestions(usable, count);
    const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    items = shuffleWith(sorted, rng)
      .slice(0, count)
      .map((q) => fromQuestion(q, rng));
    source = { kind: 'quiz', pool };
  }
  return { source, items, timeLimitSec: practiceTimeLimit(opts.group), index: 0, phase: items.length ? 'question' : 'finished', answers: items.map(() => null), streak: 0 };
}

export const currentPracticeItem = (s: PracticeState): PracticeItem | null => (s.phase === 'finished' ? null : (s.items[s.index] ?? null));

/** Points for a right answer given the run of right answers it extends. */
export function pointsFor(streakBefore: number): number {
  const { correct, streakBonus } = PRACTICE_SCORING;
  return correct + (streakBefore + 1 >= streakBonus.after ? streakBonus.points : 0);
}

/**
 * The visitor's answer after `ms`. Past the time limit it counts as late (wrong, no points), whatever
 * was chosen: the clock is the point of a competition. A second answer to the same item is ignored.
 */
export function answerPractice(s: PracticeState, chosen: readonly string[], ms: number): PracticeState {
  if (s.phase !== 'question') return s;
  const item = s.items[s.index]!;
  const late = ms > s.timeLimitSec * 1000;
  const correct = !late && isCorrect(chosen, item.answer);
  const points = correct ? pointsFor(s.streak) : 0;
  const rec: PracticeAnswer = { chosen: [...new Set(chosen)], correct, late, ms: Math.max(0, Math.round(ms)), points };
  return { ...s, phase: 'feedback', streak: correct ? s.streak + 1 : 0, answers: s.answers.map((a, i) => (i === s.index ? rec : a)) };
}

/** Time ran out before an answer. */
export const timeUp = (s: PracticeState): PracticeState => answerPractice(s, [], s.timeLimitSec * 1000 + 1);

export function nextPractice(s: PracticeState): PracticeState {
  if (s.phase !== 'feedback') return s;
  const index = s.index + 1;
  return { ...s, index, phase: index >= s.items.length ? 'finished' : 'question' };
}

export interface PracticeResult {
  points: number;
  /** what all right answers in a row would have scored */
  maxPoints: number;
  correct: number;
  asked: number;
  late: number;
  bestStreak: number;
}

export function practiceResult(s: PracticeState): PracticeResult {
  let best = 0;
  let run = 0;
  let max = 0;
  s.items.forEach((_, i) => (max += pointsFor(i)));
  for (const a of s.answers) {
    run = a?.correct ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return {
    points: s.answers.reduce((n, a) => n + (a?.points ?? 0), 0),
    maxPoints: max,
    correct: s.answers.filter((a) => a?.correct).length,
    asked: s.items.length,
    late: s.answers.filter((a) => a?.late).length,
    bestStreak: best,
  };
}

/** Children's texts carry no article numbers or citations: a group of under-13s is shown none. */
export const showsSources = (group: Group): boolean => !(group.ages && group.ages[1] <= 12);
