// The summary of a game in the visitor's words: each item leads with the plain lesson ("find the
// zebra crossing, wait for green …"), says what happened, and keeps the rule, the law and the
// facts behind a "why" disclosure. An unfinished task is named (its title), never a "time is up"
// the visitor did not see: the HUD words it from `endedBy`. Children see the rule in plain words
// only: no law titles with article numbers, no facts ids, no Latin-script citations (those stay for
// adults and staff). Pure: both skins and Node tests read it.
import type { Localized } from '../../content/schema.ts';
import type { GameEnd, GameSummary } from './types.ts';
import { TASK_MISSED } from './scored.ts';

/** Audience groups shown the law and the facts behind a rule (children get the plain rule). */
export const showsCitations = (group: string): boolean => group !== 'child';

export interface SummaryItem {
  kind: string;
  points: number;
  /** scored as safe (points ≥ 0) */
  safe: boolean;
  /** an unfinished task: its title (the HUD says "not finished: …", or "time ran out" when it did) */
  unfinished: Localized | null;
  /** the plain lesson first: what to do (or, for something done well, what was done) */
  lesson: Localized;
  /** what happened, when it is not the lesson itself (null for unfinished tasks: the HUD words them) */
  happened: Localized | null;
  /** behind "why": the rule, and for adults the law and the facts items */
  why: { rule: Localized; law: Localized | null; facts: readonly string[] | null };
}

export interface SummaryView {
  endedBy: GameEnd;
  items: SummaryItem[];
  /** the titles of the tasks not finished, in task order */
  unfinished: Localized[];
}

export function summaryView(s: GameSummary): SummaryView {
  const cite = showsCitations(s.group);
  const titleOf = (task: string | null) => s.tasks.find((t) => t.id === task)?.title ?? null;
  const items = s.events.map((e): SummaryItem => {
    const fb = e.feedback;
    const safe = e.points >= 0;
    const missed = e.kind === TASK_MISSED ? titleOf(e.task) : null;
    const lesson = safe ? fb.message : (fb.instead ?? fb.rule);
    return {
      kind: e.kind,
      points: e.points,
      safe,
      unfinished: missed,
      lesson,
      happened: missed || safe || lesson === fb.message ? null : fb.message,
      why: { rule: fb.rule, law: cite ? fb.source.law : null, facts: cite ? fb.source.facts : null },
    };
  });
  const unfinished = s.tasks.filter((t) => t.state === 'missed').map((t) => t.title);
  const endedBy: GameEnd = s.endedBy ?? (unfinished.length === 0 ? 'done' : 'time');
  return { endedBy, items, unfinished };
}
