// The end of a game: score (base + points, clamped to 0–100), stars from the zone's thresholds,
// pass or fail against the group's pass mark, and the attempt record storage keeps.
import type { ZoneId } from '../../content/schema.ts';
import type { Attempt, AttemptEvent } from '../../storage/types.ts';
import type { ScoreKeeper } from './scoreKeeper.ts';
import type { AttemptMeta, GameEnd, GameSummary, TaskView } from './types.ts';

export const clampScore = (base: number, points: number): number => Math.max(0, Math.min(100, Math.round(base + points)));

/** How many of the three thresholds the score reaches. */
export const starsFor = (score: number, thresholds: readonly number[]): number => thresholds.filter((t) => score >= t).length;

export interface SummaryInput {
  zone: ZoneId;
  group: string;
  keeper: ScoreKeeper;
  durationSec: number;
  passMark: number;
  tasks: readonly TaskView[];
  endedBy?: GameEnd;
}

export function summarize(s: SummaryInput): GameSummary {
  const score = clampScore(s.keeper.base, s.keeper.points);
  return {
    zone: s.zone,
    group: s.group,
    score,
    stars: starsFor(score, s.keeper.stars),
    passed: score >= s.passMark,
    base: s.keeper.base,
    points: s.keeper.points,
    durationSec: Math.round(s.durationSec * 10) / 10,
    events: [...s.keeper.events],
    tasks: s.tasks.map((t) => ({ ...t })),
    ...(s.endedBy ? { endedBy: s.endedBy } : {}),
  };
}

/** The stored attempt (mode 'game'): events keep kind, time and details (points, task, details). */
export function toAttempt(summary: GameSummary, meta: AttemptMeta): Attempt {
  const events: AttemptEvent[] = summary.events.map((e) => ({
    kind: e.kind,
    t: e.t,
    details: { points: e.points, task: e.task, serious: e.serious, ...e.details },
  }));
  return {
    id: meta.id,
    visitorId: meta.visitorId,
    group: summary.group,
    zone: summary.zone,
    mode: 'game',
    startedAt: meta.startedAt,
    endedAt: meta.endedAt ?? meta.startedAt + Math.round(summary.durationSec * 1000),
    score: summary.score,
    stars: summary.stars,
    passed: summary.passed,
    events,
    appVersion: meta.appVersion,
    device: meta.device,
  };
}
