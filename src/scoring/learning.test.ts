import { describe, expect, it } from 'vitest';
import { gainSummary, learningCsv, learningReport, pairOf, tCritical975, type LearningRecord } from './learning.ts';

/** 5 items: the first `right` answered right */
const answers = (right: number, of = 5) => Array.from({ length: of }, (_, i) => i < right);
const DAY = 86_400_000;
// 2026-05-01 00:00 in UTC+8
const MAY1 = Date.UTC(2026, 3, 30, 16);

function rec(over: Partial<LearningRecord> & { preRight: number | null; postRight: number | null }): LearningRecord {
  const { preRight, postRight, ...rest } = over;
  return {
    id: `r${Math.random()}`,
    zone: 'crossing',
    group: 'child',
    visit: null,
    where: 'hall',
    createdAt: MAY1 + 3_600_000,
    items: ['q1', 'q2', 'q3', 'q4', 'q5'],
    pre: preRight === null ? null : answers(preRight),
    post: postRight === null ? null : answers(postRight),
    ...rest,
  };
}

describe('paired gain', () => {
  it('matches the hand-computed paired t interval', () => {
    // pre 40 60 50 20 80, post 60 80 50 60 100: diffs 20 20 0 40 20, mean 20,
    // sd = sqrt(800/4) = 14.142, se = 6.3246, t(0.975, 4) = 2.776, half width 17.557
    const s = gainSummary([
      { pre: 40, post: 60 },
      { pre: 60, post: 80 },
      { pre: 50, post: 50 },
      { pre: 20, post: 60 },
      { pre: 80, post: 100 },
    ]);
    expect(s.n).toBe(5);
    expect(s.meanPre).toBe(50);
    expect(s.meanPost).toBe(70);
    expect(s.gain).toBe(20);
    expect(s.ci![0]).toBeCloseTo(2.443, 3);
    expect(s.ci![1]).toBeCloseTo(37.557, 3);
  });

  it('gives no interval for one pair, a point for identical differences, and a negative gain when scores fall', () => {
    expect(gainSummary([{ pre: 20, post: 60 }]).ci).toBeNull();
    expect(gainSummary([{ pre: 20, post: 60 }]).gain).toBe(40);
    expect(gainSummary([{ pre: 0, post: 20 }, { pre: 40, post: 60 }]).ci).toEqual([20, 20]);
    const down = gainSummary([{ pre: 80, post: 60 }, { pre: 60, post: 20 }]);
    expect(down.gain).toBe(-30);
    // diffs -20 -40: sd 14.142, se 10, t(1) 12.706 → ±127.06
    expect(down.ci![0]).toBeCloseTo(-157.06, 2);
    expect(down.ci![1]).toBeCloseTo(97.06, 2);
    expect(gainSummary([]).n).toBe(0);
  });

  it('reads t from the table and interpolates in 1/df beyond 30', () => {
    expect(tCritical975(1)).toBe(12.706);
    expect(tCritical975(4)).toBe(2.776);
    expect(tCritical975(30)).toBe(2.042);
    // (1/35 − 1/30)/(1/40 − 1/30) = 0.5714 of the way from 2.042 to 2.021
    expect(tCritical975(35)).toBeCloseTo(2.03, 3);
    expect(tCritical975(1000)).toBeGreaterThan(1.96);
    expect(tCritical975(1000)).toBeLessThan(1.9625);
  });
});

describe('learning report', () => {
  const records: LearningRecord[] = [
    rec({ preRight: 2, postRight: 3, visit: 'v-class' }),
    rec({ preRight: 3, postRight: 4, visit: 'v-class' }),
    rec({ preRight: 1, postRight: 3, group: 'teen', visit: 'v-class', createdAt: MAY1 + DAY + 1000 }),
    rec({ preRight: 4, postRight: 4, zone: 'ebike', group: 'rider', visit: 'v-company' }),
    // skipped the pre-check, and one who skipped the post-check: no pairs
    rec({ preRight: null, postRight: 5 }),
    rec({ preRight: 2, postRight: null }),
  ];
  const report = learningReport(records);

  it('pairs only records with both checks, per zone × group, per visiting group and per day', () => {
    expect(report.counts).toEqual({ records: 6, pre: 5, post: 5, pairs: 4, skippedPre: 1, skippedPost: 1 });
    expect(report.byZoneGroup.map((r) => [r.zone, r.group, r.n, r.meanPre, r.meanPost, r.gain])).toEqual([
      ['crossing', 'child', 2, 50, 70, 20],
      ['crossing', 'teen', 1, 20, 60, 40],
      ['ebike', 'rider', 1, 80, 80, 0],
    ]);
    expect(report.byVisit.map((r) => [r.key, r.n, r.gain])).toEqual([
      ['v-class', 3, (20 + 20 + 40) / 3],
      ['v-company', 1, 0],
    ]);
    expect(report.byDay.map((r) => [r.day, r.n])).toEqual([
      [MAY1, 3],
      [MAY1 + DAY, 1],
    ]);
    expect(report.overall.gain).toBe(20);
  });

  it('lists the items whose post rate does not rise', () => {
    // q1 is right in every check before and after (a ceiling: no rise), q5 never; q3: pre 2/4, post 4/4
    const q5 = report.items.find((i) => i.question === 'q5')!;
    expect([q5.n, q5.preRate, q5.postRate]).toEqual([4, 0, 0]);
    expect(report.notRising.map((i) => i.question)).toEqual(['q1', 'q5']);
    const q3 = report.items.find((i) => i.question === 'q3')!;
    expect([q3.preRate, q3.postRate]).toEqual([0.5, 1]);
  });

  it('does not pair a record whose answers do not match its items', () => {
    expect(pairOf({ ...records[0]!, pre: [true] })).toBeNull();
  });

  it('writes a CSV with the figures, names and a formula-safe visiting group name', () => {
    const csv = learningCsv(report, { zone: (z) => (z === 'crossing' ? '行人过街' : z), group: (g) => g, visit: (v) => (v === 'v-class' ? '=三(2)班' : v) });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('行人过街,child,2,50.0,70.0,20.0');
    expect(csv).toContain("'=三(2)班,3,");
    expect(csv).toContain('q5,行人过街,4,0,0');
    expect(csv).toContain('2026-05-01,3,');
  });
});
