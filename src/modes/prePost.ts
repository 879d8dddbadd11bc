// Pre/post checks (learning gain): before a zone, 3–5 questions from the zone's bank for the visitor's
// group; after the zone, the same questions again with their choices in a new order. Pure: the checks
// are self-test states (modes/selfTest.ts), so answering, feedback-free flow and saving reuse them.
import type { Group, Question } from '../content/schema.ts';
import type { LearningSettings, VisitingGroup } from '../storage/types.ts';
import { Rng } from '../sim/rng.ts';
import * as T from './selfTest.ts';

export const CHECK_MIN = 3;
export const CHECK_MAX = 5;
export const CHECK_DEFAULT = 4;
export const DEFAULT_RETEST_DAYS = 7;

export const DEFAULT_LEARNING: LearningSettings = { preCheck: false, retestDays: DEFAULT_RETEST_DAYS, visits: [], activeVisit: null };

/** Is the pre-check on for this visit? The visiting group's own choice wins over the hall's. */
export function preCheckOn(s: LearningSettings): boolean {
  const visit = activeVisit(s);
  return visit?.preCheck ?? s.preCheck;
}

export function activeVisit(s: LearningSettings): VisitingGroup | null {
  return s.visits.find((v) => v.id === s.activeVisit) ?? null;
}

/**
 * The pre-check: a short self-test drawn like one (topics spread, the group's level first), without
 * scene questions (they need the 3D view; a check must be quick on any screen). Null when the bank
 * has fewer than CHECK_MIN questions for the group: no check beats a meaningless one.
 */
export function drawCheck(bank: readonly Question[], group: Group, seed: number, count = CHECK_DEFAULT): T.TestState | null {
  const pool = T.groupQuestions(bank, group.id).filter((q) => q.kind !== 'scene');
  const n = Math.min(CHECK_MAX, Math.max(CHECK_MIN, Math.floor(count)), pool.length);
  if (n < CHECK_MIN) return null;
  return T.createTest({ bank: pool, group, seed, count: n });
}

/** The post-check: the pre-check's questions in the same order, choices shuffled again (true/false
 * keeps yes before no), answers cleared. */
export function postCheck(pre: T.TestState, bank: readonly Question[], seed: number): T.TestState {
  const rng = new Rng(seed);
  const items = pre.items.map((item) => {
    const kind = bank.find((q) => q.id === item.id)?.kind;
    if (kind === 'truefalse' || kind === 'scene') return { ...item };
    const c = [...item.choices];
    for (let i = c.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [c[i], c[j]] = [c[j]!, c[i]!];
    }
    return { ...item, choices: c };
  });
  return { ...pre, seed, items, index: 0, phase: items.length ? 'question' : 'finished', answers: items.map(() => null) };
}

/** Right/wrong per item (an item left unanswered counts as wrong, as in a self-test). */
export function checkAnswers(s: T.TestState): boolean[] {
  return s.items.map((_, i) => s.answers[i]?.correct ?? false);
}

/** A short random id for records and visiting groups (no visitor in it). */
export function newId(prefix: string, rand: () => number = Math.random): string {
  return `${prefix}-${Math.floor(rand() * 36 ** 8).toString(36).padStart(8, '0')}`;
}
