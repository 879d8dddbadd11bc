// Hall statistics, leaderboards and the group-vs-group league, computed from stored attempts. Pure:
// the caller passes the attempts, the visitors' nicknames and `now`; days and weeks follow the hall's
// local clock through an explicit time-zone offset (the hall is in UTC+8; no Date time-zone lookups,
// so a kiosk with a wrong system zone still cuts days at local midnight).
//
// An attempt belongs to a period by its endedAt (when the result was saved), from ≤ endedAt < to.
// Weeks start on Monday (as Chinese calendars do).
import type { ModeId } from '../content/ids.ts';
import type { Attempt } from '../storage/types.ts';

export const HALL_TZ_OFFSET_MIN = 480;
const DAY_MS = 86_400_000;

export interface Period {
  from: number;
  /** exclusive */
  to: number;
}

export type Window = 'today' | 'week' | 'all';

/** Local midnight (as epoch ms) of the day holding `t`, for a zone `tzOffsetMin` minutes east of UTC. */
export function localDayStart(t: number, tzOffsetMin = HALL_TZ_OFFSET_MIN): number {
  const shifted = t + tzOffsetMin * 60_000;
  const day = Math.floor(shifted / DAY_MS);
  return day * DAY_MS - tzOffsetMin * 60_000;
}

/** Today, this week (Monday 00:00 local to next Monday) or all time, around `now`. */
export function windowPeriod(window: Window, now: number, tzOffsetMin = HALL_TZ_OFFSET_MIN): Period {
  if (window === 'all') return { from: -Infinity, to: Infinity };
  const today = localDayStart(now, tzOffsetMin);
  if (window === 'today') return { from: today, to: today + DAY_MS };
  const dayIndex = Math.floor((now + tzOffsetMin * 60_000) / DAY_MS);
  const sinceMonday = (((dayIndex + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  const monday = today - sinceMonday * DAY_MS;
  return { from: monday, to: monday + 7 * DAY_MS };
}

/** The last `days` local days up to and including today. */
export function lastDays(days: number, now: number, tzOffsetMin = HALL_TZ_OFFSET_MIN): Period {
  const today = localDayStart(now, tzOffsetMin);
  return { from: today - (Math.max(1, days) - 1) * DAY_MS, to: today + DAY_MS };
}

export const inPeriod = (a: Attempt, p: Period): boolean => a.endedAt >= p.from && a.endedAt < p.to;

// ---------------------------------------------------------------- hall statistics

/** Which event kinds count as unsafe: all but the safe ones, or exactly the listed ones. */
export type UnsafeRule = { safe: readonly string[] } | { unsafe: readonly string[] };

/** A zone's scoring table (scenes/<zone>.json) → its unsafe kinds: those that cost points. */
export function unsafeKindsFromScoring(scoring: { events: Record<string, { points: number }> }): string[] {
  return Object.entries(scoring.events)
    .filter(([, e]) => e.points < 0)
    .map(([k]) => k)
    .sort();
}

export interface Missed {
  question: string;
  asked: number;
  missed: number;
  /** missed / asked */
  rate: number;
}

export interface Summary {
  attempts: number;
  /** distinct visitors */
  visitors: number;
  /** mean score, 1 decimal; null without attempts */
  averageScore: number | null;
  /** counts of scores 0–9, 10–19, … 80–89, 90–100 */
  distribution: number[];
  /** share of attempts passed, 0–1; null without attempts */
  passRate: number | null;
  mostMissed: Missed[];
  unsafeEvents: { kind: string; count: number }[];
}

export interface StatsOptions {
  period: Period;
  mode?: ModeId;
  unsafe?: UnsafeRule;
  /** length of the most-missed and unsafe-event lists (default 10) */
  top?: number;
}

export interface HallStats {
  period: Period;
  overall: Summary;
  byGroup: Record<string, Summary>;
  byZone: Record<string, Summary>;
  /** group → zone → summary */
  byGroupZone: Record<string, Record<string, Summary>>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
export const bucketOf = (score: number): number => Math.min(9, Math.max(0, Math.floor(score / 10)));

function isUnsafe(kind: string, rule: UnsafeRule | undefined): boolean {
  if (!rule) return false;
  return 'safe' in rule ? !rule.safe.includes(kind) : rule.unsafe.includes(kind);
}

export function summarise(attempts: readonly Attempt[], opts: { unsafe?: UnsafeRule; top?: number } = {}): Summary {
  const top = opts.top ?? 10;
  const distribution = Array.from({ length: 10 }, () => 0);
  const questions = new Map<string, { asked: number; missed: number }>();
  const events = new Map<string, number>();
  let total = 0;
  let passed = 0;
  for (const a of attempts) {
    total += a.score;
    if (a.passed) passed++;
    distribution[bucketOf(a.score)]!++;
    for (const ans of a.answers ?? []) {
      const q = questions.get(ans.question) ?? { asked: 0, missed: 0 };
      q.asked++;
      if (!ans.correct) q.missed++;
      questions.set(ans.question, q);
    }
    for (const e of a.events ?? []) if (isUnsafe(e.kind, opts.unsafe)) events.set(e.kind, (events.get(e.kind) ?? 0) + 1);
  }
  const n = attempts.length;
  return {
    attempts: n,
    visitors: new Set(attempts.map((a) => a.visitorId)).size,
    averageScore: n ? round1(total / n) : null,
    distribution,
    passRate: n ? passed / n : null,
    mostMissed: [...questions]
      .filter(([, q]) => q.missed > 0)
      .map(([question, q]) => ({ question, asked: q.asked, missed: q.missed, rate: q.missed / q.asked }))
      .sort((a, b) => b.missed - a.missed || b.rate - a.rate || (a.question < b.question ? -1 : 1))
      .slice(0, top),
    unsafeEvents: [...events]
      .map(([kind, count]) => ({ kind, count }))
      .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1))
      .slice(0, top),
  };
}

function groupBy<K extends string>(list: readonly Attempt[], key: (a: Attempt) => K): Map<K, Attempt[]> {
  const m = new Map<K, Attempt[]>();
  for (const a of list) m.set(key(a), [...(m.get(key(a)) ?? []), a]);
  return m;
}

/** Attempts, average, distribution, pass rate, most-missed questions and most frequent unsafe events:
 * over the whole hall, per audience group, per zone, and per group within each zone. */
export function hallStats(attempts: readonly Attempt[], opts: StatsOptions): HallStats {
  const chosen = attempts.filter((a) => inPeriod(a, opts.period) && (!opts.mode || a.mode === opts.mode));
  const sum = (list: readonly Attempt[]) => summarise(list, opts);
  const byGroupZone: HallStats['byGroupZone'] = {};
  for (const [g, list] of groupBy(chosen, (a) => a.group)) {
    byGroupZone[g] = Object.fromEntries([...groupBy(list, (a) => a.zone)].map(([z, l]) => [z, sum(l)]));
  }
  return {
    period: opts.period,
    overall: sum(chosen),
    byGroup: Object.fromEntries([...groupBy(chosen, (a) => a.group)].map(([g, l]) => [g, sum(l)])),
    byZone: Object.fromEntries([...groupBy(chosen, (a) => a.zone)].map(([z, l]) => [z, sum(l)])),
    byGroupZone,
  };
}

// ---------------------------------------------------------------- leaderboards

export interface LeaderboardOptions {
  window: Window;
  now: number;
  tzOffsetMin?: number;
  zone?: string;
  group?: string;
  mode?: ModeId;
  /** visitor id → nickname (only nicknames are ever shown) */
  nicknames: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** rows to return (default 10) */
  limit?: number;
}

export interface LeaderboardRow {
  /** equal score and time share a rank */
  rank: number;
  visitorId: string;
  /** null when the visitor is unknown on this device (e.g. purged): show a placeholder */
  nickname: string | null;
  group: string;
  zone: string;
  score: number;
  stars: number;
  durationMs: number;
  endedAt: number;
  attemptId: string;
}

const durationOf = (a: Attempt) => Math.max(0, a.endedAt - a.startedAt);
/** better first: higher score, then quicker, then earlier (who got there first keeps the place) */
const better = (a: Attempt, b: Attempt) => b.score - a.score || durationOf(a) - durationOf(b) || a.endedAt - b.endedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Best attempt per visitor (each visitor appears once), filtered by zone and/or group, for today,
 * this week or all time. */
export function leaderboard(attempts: readonly Attempt[], opts: LeaderboardOptions): LeaderboardRow[] {
  const period = windowPeriod(opts.window, opts.now, opts.tzOffsetMin);
  const best = new Map<string, Attempt>();
  for (const a of attempts) {
    if (!inPeriod(a, period)) continue;
    if (opts.zone && a.zone !== opts.zone) continue;
    if (opts.group && a.group !== opts.group) continue;
    if (opts.mode && a.mode !== opts.mode) continue;
    const cur = best.get(a.visitorId);
    if (!cur || better(a, cur) < 0) best.set(a.visitorId, a);
  }
  const rows = [...best.values()].sort(better);
  const names = opts.nicknames;
  const nick = (id: string) => (names instanceof Map ? names.get(id) : (names as Record<string, string>)[id]) ?? null;
  return rows.slice(0, opts.limit ?? 10).map((a) => ({
    rank: 1 + rows.filter((o) => o.score > a.score || (o.score === a.score && durationOf(o) < durationOf(a))).length,
    visitorId: a.visitorId,
    nickname: nick(a.visitorId),
    group: a.group,
    zone: a.zone,
    score: a.score,
    stars: a.stars,
    durationMs: durationOf(a),
    endedAt: a.endedAt,
    attemptId: a.id,
  }));
}

// ---------------------------------------------------------------- group league

export interface LeagueOptions {
  period?: Period;
  zone?: string;
  mode?: ModeId;
  /** attempts a group needs to be ranked (default 5): a group of two lucky visitors does not top the table */
  minAttempts?: number;
}

export interface LeagueRow {
  /** null for a group below minAttempts */
  rank: number | null;
  group: string;
  attempts: number;
  visitors: number;
  /** mean of the attempts' scores (each already 0–100, normalised by its own mode), 1 decimal */
  average: number;
  passRate: number;
  qualified: boolean;
}

/** Groups by average score; those with too few attempts are listed after the ranked ones, unranked. */
export function groupLeague(attempts: readonly Attempt[], opts: LeagueOptions = {}): LeagueRow[] {
  const min = opts.minAttempts ?? 5;
  const chosen = attempts.filter(
    (a) => (!opts.period || inPeriod(a, opts.period)) && (!opts.zone || a.zone === opts.zone) && (!opts.mode || a.mode === opts.mode),
  );
  const rows = [...groupBy(chosen, (a) => a.group)].map(([group, list]) => {
    const exact = list.reduce((s, a) => s + a.score, 0) / list.length;
    return {
      exact,
      row: {
        rank: null as number | null,
        group,
        attempts: list.length,
        visitors: new Set(list.map((a) => a.visitorId)).size,
        average: round1(exact),
        passRate: list.filter((a) => a.passed).length / list.length,
        qualified: list.length >= min,
      },
    };
  });
  rows.sort((a, b) => Number(b.row.qualified) - Number(a.row.qualified) || b.exact - a.exact || b.row.attempts - a.row.attempts || (a.row.group < b.row.group ? -1 : 1));
  const ranked = rows.filter((r) => r.row.qualified);
  for (const r of ranked) r.row.rank = 1 + ranked.filter((o) => o.exact > r.exact).length;
  return rows.map((r) => r.row);
}
