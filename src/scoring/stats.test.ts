import { describe, expect, it } from 'vitest';
import type { ZoneId } from '../content/ids.ts';
import type { Attempt, AttemptAnswer, AttemptEvent } from '../storage/types.ts';
import { bucketOf, groupLeague, hallStats, lastDays, leaderboard, localDayStart, summarise, unsafeKindsFromScoring, windowPeriod } from './stats.ts';

const H = 3_600_000;
const DAY = 24 * H;
/** local (UTC+8) wall-clock time → epoch ms */
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
// Friday 1 May 2026, 15:00 in the hall
const NOW = local(2026, 5, 1, 15);

let n = 0;
function attempt(p: Partial<Attempt> & { endedAt: number }): Attempt {
  n++;
  return {
    id: `a${n}`,
    visitorId: `v${n}`,
    group: 'adult',
    zone: 'crossing' as ZoneId,
    mode: 'test',
    startedAt: p.endedAt - 60_000,
    score: 50,
    stars: 0,
    passed: false,
    appVersion: '0.1.0',
    device: 'desktop',
    ...p,
  };
}
const ans = (question: string, correct: boolean): AttemptAnswer => ({ question, chosen: correct ? ['a'] : ['b'], correct, ms: 1000 });
const ev = (kind: string, t = 1): AttemptEvent => ({ kind, t });

describe('local days and weeks (UTC+8)', () => {
  it('cuts days at local midnight, not UTC midnight', () => {
    expect(localDayStart(local(2026, 5, 1, 23, 59))).toBe(local(2026, 5, 1));
    expect(localDayStart(local(2026, 5, 2, 0, 0))).toBe(local(2026, 5, 2));
    expect(localDayStart(local(2026, 5, 2, 7, 59))).toBe(local(2026, 5, 2)); // still the previous UTC day
    expect(localDayStart(Date.UTC(2026, 4, 1, 20), 0)).toBe(Date.UTC(2026, 4, 1));
  });

  it('today runs from local midnight to the next', () => {
    expect(windowPeriod('today', NOW)).toEqual({ from: local(2026, 5, 1), to: local(2026, 5, 2) });
  });

  it('a week starts on Monday 00:00 local', () => {
    expect(windowPeriod('week', NOW)).toEqual({ from: local(2026, 4, 27), to: local(2026, 5, 4) });
    expect(windowPeriod('week', local(2026, 5, 3, 23, 59))).toEqual({ from: local(2026, 4, 27), to: local(2026, 5, 4) });
    expect(windowPeriod('week', local(2026, 5, 4, 0, 30))).toEqual({ from: local(2026, 5, 4), to: local(2026, 5, 11) });
    // Sunday 20:00 UTC is already Monday 04:00 in the hall
    expect(windowPeriod('week', Date.UTC(2026, 4, 3, 20))).toEqual({ from: local(2026, 5, 4), to: local(2026, 5, 11) });
    expect(windowPeriod('all', NOW)).toEqual({ from: -Infinity, to: Infinity });
  });

  it('the last N days include today', () => {
    expect(lastDays(7, NOW)).toEqual({ from: local(2026, 4, 25), to: local(2026, 5, 2) });
    expect(lastDays(1, NOW)).toEqual(windowPeriod('today', NOW));
  });
});

describe('hall statistics', () => {
  const today = windowPeriod('today', NOW);
  const data = [
    attempt({ group: 'child', score: 100, passed: true, endedAt: local(2026, 5, 1, 9), answers: [ans('crossing-q1', true), ans('crossing-q2', true)] }),
    attempt({ group: 'child', score: 55, passed: false, endedAt: local(2026, 5, 1, 10), answers: [ans('crossing-q1', false), ans('crossing-q2', true), ans('crossing-q3', false)] }),
    attempt({ group: 'child', score: 20, endedAt: local(2026, 5, 1, 11), answers: [ans('crossing-q3', false), ans('crossing-q1', false)] }),
    attempt({ group: 'teen', mode: 'game', score: 70, passed: true, endedAt: local(2026, 5, 1, 12), events: [ev('red_light_crossing'), ev('used_crossing'), ev('phone_use'), ev('red_light_crossing')] }),
    attempt({ group: 'teen', zone: 'ebike', mode: 'game', score: 90, passed: true, endedAt: local(2026, 5, 1, 13), events: [ev('no_helmet'), ev('helmet_on')] }),
    // yesterday and tomorrow: outside today
    attempt({ group: 'child', score: 0, endedAt: local(2026, 4, 30, 23, 59), answers: [ans('crossing-q2', false)] }),
    attempt({ group: 'child', score: 0, endedAt: local(2026, 5, 2, 0, 0) }),
  ];

  it('summarises the period: attempts, average, distribution, pass rate', () => {
    const s = hallStats(data, { period: today });
    expect(s.overall.attempts).toBe(5);
    expect(s.overall.visitors).toBe(5);
    expect(s.overall.averageScore).toBe(67);
    expect(s.overall.passRate).toBe(3 / 5);
    expect(s.overall.distribution).toEqual([0, 0, 1, 0, 0, 1, 0, 1, 0, 2]);
    expect(s.byGroup.child).toMatchObject({ attempts: 3, averageScore: 58.3, passRate: 1 / 3 });
    expect(s.byGroup.teen).toMatchObject({ attempts: 2, averageScore: 80, passRate: 1 });
    expect(Object.keys(s.byZone).sort()).toEqual(['crossing', 'ebike']);
    expect(s.byZone.crossing!.attempts).toBe(4);
    expect(s.byGroupZone.teen!.ebike!.attempts).toBe(1);
    expect(s.byGroupZone.child!.ebike).toBeUndefined();
  });

  it('lists the most-missed questions, most missed first', () => {
    const s = hallStats(data, { period: today });
    // same count: the higher miss rate first
    expect(s.overall.mostMissed).toEqual([
      { question: 'crossing-q3', asked: 2, missed: 2, rate: 1 },
      { question: 'crossing-q1', asked: 3, missed: 2, rate: 2 / 3 },
    ]);
    // yesterday's miss of q2 is outside the period
    expect(s.overall.mostMissed.some((m) => m.question === 'crossing-q2')).toBe(false);
    expect(hallStats(data, { period: { from: -Infinity, to: Infinity } }).overall.mostMissed.map((m) => m.question)).toContain('crossing-q2');
  });

  it('counts unsafe events by a safe list or by an unsafe list', () => {
    const bySafe = hallStats(data, { period: today, unsafe: { safe: ['used_crossing', 'helmet_on'] } });
    expect(bySafe.overall.unsafeEvents).toEqual([
      { kind: 'red_light_crossing', count: 2 },
      { kind: 'no_helmet', count: 1 },
      { kind: 'phone_use', count: 1 },
    ]);
    expect(bySafe.byZone.ebike!.unsafeEvents).toEqual([{ kind: 'no_helmet', count: 1 }]);
    const byUnsafe = hallStats(data, { period: today, unsafe: { unsafe: ['phone_use'] } });
    expect(byUnsafe.overall.unsafeEvents).toEqual([{ kind: 'phone_use', count: 1 }]);
    expect(hallStats(data, { period: today }).overall.unsafeEvents).toEqual([]);
  });

  it('takes the unsafe kinds from a zone’s scoring table (negative points)', () => {
    const kinds = unsafeKindsFromScoring({ events: { used_crossing: { points: 10 }, red_light_crossing: { points: -30 }, phone_use: { points: -10 }, neutral: { points: 0 } } });
    expect(kinds).toEqual(['phone_use', 'red_light_crossing']);
  });

  it('filters by mode and copes with an empty period', () => {
    expect(hallStats(data, { period: today, mode: 'game' }).overall.attempts).toBe(2);
    const none = hallStats(data, { period: { from: 0, to: 1 } });
    expect(none.overall).toEqual({ attempts: 0, visitors: 0, averageScore: null, distribution: Array(10).fill(0), passRate: null, mostMissed: [], unsafeEvents: [] });
    expect(none.byGroup).toEqual({});
  });

  it('puts 100 in the top bucket, and 9.99 in the first', () => {
    expect([0, 9.99, 10, 59.5, 90, 99, 100].map(bucketOf)).toEqual([0, 0, 1, 5, 9, 9, 9]);
    expect(summarise([attempt({ score: 100, endedAt: 1 }), attempt({ score: 9, endedAt: 1 })]).distribution).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('leaderboards', () => {
  const nicknames = new Map([
    ['v1', '小红'],
    ['v2', '小明'],
    ['v3', '安安'],
  ]);
  const rows = [
    attempt({ id: 'x1', visitorId: 'v1', group: 'child', score: 80, endedAt: local(2026, 5, 1, 9), startedAt: local(2026, 5, 1, 8, 59) }),
    attempt({ id: 'x2', visitorId: 'v1', group: 'child', score: 95, endedAt: local(2026, 5, 1, 10), startedAt: local(2026, 5, 1, 10) - 90_000 }),
    attempt({ id: 'x3', visitorId: 'v1', group: 'child', score: 100, endedAt: local(2026, 4, 30, 16), startedAt: local(2026, 4, 30, 16) - 90_000 }),
    attempt({ id: 'x4', visitorId: 'v2', group: 'teen', score: 95, endedAt: local(2026, 5, 1, 11), startedAt: local(2026, 5, 1, 11) - 60_000 }),
    attempt({ id: 'x5', visitorId: 'v3', group: 'child', score: 95, endedAt: local(2026, 5, 1, 12), startedAt: local(2026, 5, 1, 12) - 60_000 }),
    attempt({ id: 'x6', visitorId: 'v4', group: 'adult', score: 60, endedAt: local(2026, 4, 28, 12) }),
    attempt({ id: 'x7', visitorId: 'v5', group: 'adult', score: 99, endedAt: local(2026, 4, 20, 12) }),
    attempt({ id: 'x8', visitorId: 'v2', group: 'teen', zone: 'ebike', score: 100, endedAt: local(2026, 5, 1, 12) }),
  ];
  const board = (opts: Partial<Parameters<typeof leaderboard>[1]>) =>
    leaderboard(rows, { window: 'today', now: NOW, nicknames, zone: 'crossing', ...opts }).map((r) => [r.rank, r.nickname ?? r.visitorId, r.score, r.attemptId]);

  it('today: each visitor once with their best, equal score and time share a rank, quicker wins a tie', () => {
    expect(board({})).toEqual([
      [1, '小明', 95, 'x4'],
      [1, '安安', 95, 'x5'],
      [3, '小红', 95, 'x2'],
    ]);
  });

  it('this week and all time', () => {
    expect(board({ window: 'week' })).toEqual([
      [1, '小红', 100, 'x3'],
      [2, '小明', 95, 'x4'],
      [2, '安安', 95, 'x5'],
      [4, 'v4', 60, 'x6'],
    ]);
    expect(board({ window: 'all' }).map((r) => r[3])).toEqual(['x3', 'x7', 'x4', 'x5', 'x6']);
  });

  it('per group, per zone, with a limit; unknown visitors have no nickname', () => {
    expect(board({ window: 'week', group: 'child' }).map((r) => r[1])).toEqual(['小红', '安安']);
    expect(board({ window: 'week', zone: 'ebike' })).toEqual([[1, '小明', 100, 'x8']]);
    expect(board({ window: 'all', limit: 2 })).toHaveLength(2);
    const [row] = leaderboard(rows, { window: 'week', now: NOW, nicknames: {}, zone: 'ebike' });
    expect(row).toMatchObject({ nickname: null, visitorId: 'v2', group: 'teen', zone: 'ebike', durationMs: 60_000 });
    // plain object nicknames work too
    expect(leaderboard(rows, { window: 'week', now: NOW, nicknames: { v2: 'B' }, zone: 'ebike' })[0]!.nickname).toBe('B');
  });

  it('follows the hall clock: 23:30 yesterday is not today', () => {
    const late = [attempt({ visitorId: 'v9', score: 100, endedAt: local(2026, 4, 30, 23, 30) })];
    expect(leaderboard(late, { window: 'today', now: NOW, nicknames })).toEqual([]);
    expect(leaderboard(late, { window: 'today', now: local(2026, 4, 30, 23, 45), nicknames })).toHaveLength(1);
  });
});

describe('group league', () => {
  const mk = (group: string, scores: number[]) => scores.map((score, i) => attempt({ group, score, passed: score >= 60, visitorId: `${group}-${i % 2}`, endedAt: local(2026, 5, 1, 9) }));
  const data = [...mk('child', [90, 100, 95]), ...mk('teen', [70, 80, 60, 90, 50]), ...mk('adult', [80, 80, 80, 80, 80, 81]), ...mk('senior', [70, 70, 70, 70, 70])];

  it('ranks groups by average score; groups with too few attempts follow, unranked', () => {
    const league = groupLeague(data, { minAttempts: 5 });
    expect(league.map((r) => [r.rank, r.group, r.average, r.attempts, r.qualified])).toEqual([
      [1, 'adult', 80.2, 6, true],
      [2, 'senior', 70, 5, true],
      [2, 'teen', 70, 5, true],
      [null, 'child', 95, 3, false],
    ]);
    expect(league[2]).toMatchObject({ group: 'teen', visitors: 2, passRate: 0.8 });
  });

  it('filters by period and zone', () => {
    const other = attempt({ group: 'pro', score: 100, zone: 'drunk', endedAt: local(2026, 3, 1) });
    expect(groupLeague([...data, other], { minAttempts: 1, zone: 'drunk' }).map((r) => r.group)).toEqual(['pro']);
    expect(groupLeague([...data, other], { minAttempts: 1, period: windowPeriod('today', NOW) }).map((r) => r.group)).not.toContain('pro');
    expect(groupLeague([])).toEqual([]);
  });
});
