// Is a saved attempt one the app could have made? Scores can be written from the JS console (or an
// edited import): before an attempt reaches a leaderboard or the statistics, its score is recomputed
// from what it carries and checked against the clock.
// - game: every event is a kind the zone file scores, at the points the zone file gives; the score
//   is the zone's base plus those points (clamped 0–100) and the stars follow the zone's thresholds;
//   no event happens later (in game time) than the attempt lasted on the wall clock.
// - test: the score is the percent of right answers over the test's questions (some may be
//   unanswered, never fewer than were answered); the answers' times fit in the attempt's duration.
// - competition: made by staff on the kiosk from the action log; only ranges are checked.
// Pure: the caller passes the zone files (content/catalog).
import type { Attempt } from '../storage/types.ts';

export interface ZoneScoring {
  base: number;
  events: Readonly<Record<string, { points: number }>>;
  stars: readonly number[];
}

/** slack for clocks read a moment apart (the game's last frame, the wall clock at saving) */
const CLOCK_SLACK_S = 2;
/** no visit lasts longer than this */
const MAX_DURATION_S = 4 * 3600;
const MAX_TEST_QUESTIONS = 50;

export type Implausible = string;

/** Why the attempt cannot be right, or null when it can. */
export function implausible(a: Attempt, scoring: ZoneScoring | undefined): Implausible | null {
  const durationS = (a.endedAt - a.startedAt) / 1000;
  if (!(durationS >= 0) || durationS > MAX_DURATION_S) return `duration ${durationS.toFixed(0)} s is outside 0–${MAX_DURATION_S} s`;
  if (!(a.score >= 0 && a.score <= 100) || !Number.isInteger(a.stars) || a.stars < 0 || a.stars > 3) return 'score or stars out of range';
  if (a.mode === 'game') return implausibleGame(a, scoring, durationS);
  if (a.mode === 'test') return implausibleTest(a, durationS);
  return null;
}

function implausibleGame(a: Attempt, scoring: ZoneScoring | undefined, durationS: number): Implausible | null {
  if (!scoring) return `zone ${a.zone} has no game scoring`;
  const events = a.events ?? [];
  let points = 0;
  let last = 0;
  for (const e of events) {
    const rule = scoring.events[e.kind];
    if (!rule) return `event ${e.kind} is not scored in zone ${a.zone}`;
    const claimed = e.details?.points;
    if (claimed !== undefined && claimed !== rule.points) return `event ${e.kind} claims ${String(claimed)} points, the zone gives ${rule.points}`;
    if (!(e.t >= 0)) return `event ${e.kind} has no time`;
    points += rule.points;
    last = Math.max(last, e.t);
  }
  const score = Math.max(0, Math.min(100, Math.round(scoring.base + points)));
  if (score !== a.score) return `score ${a.score} is not base ${scoring.base} + events ${points} = ${score}`;
  const stars = scoring.stars.filter((t) => score >= t).length;
  if (stars !== a.stars) return `${a.stars} stars for a score of ${score} (the zone gives ${stars})`;
  if (last > durationS + CLOCK_SLACK_S) return `an event at ${last.toFixed(1)} s of game time, but the attempt lasted ${durationS.toFixed(1)} s`;
  return null;
}

function implausibleTest(a: Attempt, durationS: number): Implausible | null {
  const answers = a.answers ?? [];
  if (!answers.length) return 'a test without answers';
  const right = answers.filter((x) => x.correct).length;
  let fits = false;
  for (let n = answers.length; n <= MAX_TEST_QUESTIONS && !fits; n++) fits = Math.round((100 * right) / n) === a.score;
  if (!fits) return `score ${a.score} does not follow from ${right} right of ${answers.length} answered`;
  const thinking = answers.reduce((s, x) => s + Math.max(0, x.ms), 0) / 1000;
  if (thinking > durationS + CLOCK_SLACK_S) return `answers took ${thinking.toFixed(1)} s, but the attempt lasted ${durationS.toFixed(1)} s`;
  return null;
}

/** Splits attempts into those a leaderboard may show and those it must not (with why). */
export function plausibleOnly(attempts: readonly Attempt[], scoringOf: (zone: string) => ZoneScoring | undefined): { kept: Attempt[]; rejected: { attempt: Attempt; why: Implausible }[] } {
  const kept: Attempt[] = [];
  const rejected: { attempt: Attempt; why: Implausible }[] = [];
  for (const a of attempts) {
    const why = implausible(a, scoringOf(a.zone));
    if (why) rejected.push({ attempt: a, why });
    else kept.push(a);
  }
  return { kept, rejected };
}

/** The zone files' scoring by zone id (from the validated catalog's zones). */
export function scoringLookup(zones: readonly { id: string; ok: boolean; zone?: { scoring?: ZoneScoring } }[]): (zone: string) => ZoneScoring | undefined {
  const map = new Map(zones.flatMap((z) => (z.ok && z.zone?.scoring ? [[z.id, z.zone.scoring] as const] : [])));
  return (zone) => map.get(zone);
}
