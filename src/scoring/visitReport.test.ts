import { describe, expect, it } from 'vitest';
import type { Attempt, LearningSettings, VisitingGroup } from '../storage/types.ts';
import { docText } from '../modes/printDoc.ts';
import type { LearningRecord } from './learning.ts';
import { attemptsOfVisit, switchActiveVisit, visitReport, visitReportCsv, visitReportDoc, type ReportLabels, type ReportNames } from './visitReport.ts';

const T0 = Date.UTC(2026, 4, 1, 1); // 2026-05-01 09:00 in UTC+8
const MIN = 60_000;
const visit: VisitingGroup = { id: 'vg-1', name: '=顺丰城东站', kind: 'delivery', preCheck: true, createdAt: T0, periods: [{ from: T0, to: T0 + 120 * MIN }] };

let n = 0;
function attempt(o: Partial<Attempt> & Pick<Attempt, 'zone' | 'mode' | 'score' | 'group' | 'visitorId'>): Attempt {
  const startedAt = o.startedAt ?? T0 + 10 * MIN;
  return { id: `a${n++}`, startedAt, endedAt: startedAt + 5 * MIN, stars: 0, passed: true, appVersion: 't', device: 'kiosk', ...o };
}
const ans = (question: string, correct: boolean) => ({ question, chosen: [], correct, ms: 1000 });

const attempts: Attempt[] = [
  // two riders in the e-bike game: one ran the red light, one rode without a helmet and ran the red light
  attempt({ visitorId: 'r1', group: 'rider', zone: 'ebike', mode: 'game', score: 60, events: [{ kind: 'red_light', t: 1 }, { kind: 'stopped_at_red', t: 2 }] }),
  attempt({ visitorId: 'r2', group: 'rider', zone: 'ebike', mode: 'game', score: 40, events: [{ kind: 'red_light', t: 1 }, { kind: 'no_helmet', t: 2 }] }),
  // one rider's self-test: q-helmet missed, q-lane right
  attempt({ visitorId: 'r1', group: 'rider', zone: 'ebike', mode: 'test', score: 50, answers: [ans('q-helmet', false), ans('q-lane', true)] }),
  // a truck driver in the blind-spot self-test: q-blind missed
  attempt({ visitorId: 'p1', group: 'pro', zone: 'blindspot', mode: 'test', score: 0, answers: [ans('q-blind', false)] }),
  // outside the visit's period: not counted
  attempt({ visitorId: 'x', group: 'adult', zone: 'ebike', mode: 'game', score: 100, startedAt: T0 + 200 * MIN }),
];
const record = (o: Partial<LearningRecord>): LearningRecord => ({ id: `r${n++}`, zone: 'ebike', group: 'rider', visit: 'vg-1', where: 'hall', createdAt: T0 + 5 * MIN, items: ['q-helmet', 'q-lane'], pre: [false, true], post: [true, true], ...o });
const records = [record({}), record({ pre: [false, false], post: [false, true] }), record({ visit: 'other', pre: [true, true], post: [false, false] })];

describe('visiting group report', () => {
  const mine = attemptsOfVisit(visit, [visit], attempts);
  const r = visitReport(visit, mine, records, { groupOrder: ['child', 'rider', 'driver', 'pro'], unsafe: ['red_light', 'no_helmet'] });
  it('takes the attempts started while the visit was active', () => {
    expect(mine).toHaveLength(4);
  });
  it('participation by group, scores by zone, the gain of its own checks', () => {
    expect(r.participation).toEqual([
      { group: 'rider', visitors: 2, attempts: 3, games: 2, tests: 1 },
      { group: 'pro', visitors: 1, attempts: 1, games: 0, tests: 1 },
    ]);
    expect(r.total).toMatchObject({ visitors: 3, attempts: 4 });
    expect(r.byZone).toEqual([
      { zone: 'blindspot', visitors: 1, attempts: 1, meanGame: null, meanTest: 0 },
      { zone: 'ebike', visitors: 2, attempts: 3, meanGame: 50, meanTest: 50 },
    ]);
    // pairs (50 → 100) and (0 → 50): gain 50, sd 0 → the interval is the point
    expect(r.gain).toMatchObject({ n: 2, meanPre: 25, meanPost: 75, gain: 50, ci: [50, 50] });
    expect(r.gainByZone.map((z) => [z.zone, z.n, z.gain])).toEqual([['ebike', 2, 50]]);
  });
  it('most missed: questions over tests and checks, game events over the zone’s games', () => {
    // q-helmet: test (missed) + checks pre ×2 missed, post 1 missed of 2 → 4 missed of 5
    // red_light: 2 of 2 games; q-lane: check 1 pre missed → 1 of 5; no_helmet 1 of 2; q-blind 1 of 1
    expect(r.missed.map((m) => [m.kind, m.id, m.missed, m.asked])).toEqual([
      ['question', 'q-helmet', 4, 5],
      ['event', 'red_light', 2, 2],
      ['question', 'q-blind', 1, 1],
      ['event', 'no_helmet', 1, 2],
      ['question', 'q-lane', 1, 5],
    ]);
  });

  const names: ReportNames = {
    zone: (z) => ({ ebike: '电动自行车', blindspot: '大车盲区' })[z] ?? z,
    group: (g) => ({ rider: '电动车骑行者', pro: '货车/营运驾驶人' })[g] ?? g,
    kind: () => '快递外卖',
    item: (m) => `«${m.id}»`,
    rule: (m) => (m.id === 'red_light' ? '=闯红灯罚款' : `rule of ${m.id}`),
    source: () => '[2.1]',
  };
  it('CSV: BOM, the sections, formula-like cells neutralised', () => {
    const csv = visitReportCsv(r, names);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe("'=顺丰城东站,快递外卖,2026-05-01,2026-05-01");
    expect(lines).toContain('电动车骑行者,2,3,2,1');
    expect(lines).toContain('电动自行车,2,3,50.0,50.0');
    expect(lines).toContain('全部 all,2,25.0,75.0,50.0,50.0,50.0');
    expect(lines).toContain("«red_light»,电动自行车,2,2,100%,'=闯红灯罚款,[2.1]");
  });
  it('the one-page document carries the same figures and the rules', () => {
    const L = Object.fromEntries(['title', 'period', 'participation', 'group', 'visitors', 'attempts', 'games', 'tests', 'total', 'byZone', 'zone', 'meanGame', 'meanTest', 'gain', 'n', 'pre', 'post', 'gainCol', 'ci', 'all', 'noChecks', 'missed', 'item', 'missedCol', 'rule', 'noMissed', 'footer'].map((k) => [k, `L:${k}`])) as unknown as ReportLabels;
    const doc = visitReportDoc(r, names, L, { lang: 'zh-Hans', hall: '某馆' });
    expect(doc.title).toBe('=顺丰城东站 · L:title');
    const text = docText(doc);
    expect(text).toContain('快递外卖 · L:period 2026-05-01 · 某馆');
    expect(text).toContain('«q-helmet»（电动自行车）');
    expect(text).toContain('4/5');
    expect(text).toContain('rule of q-helmet [2.1]');
    expect(text).toContain('+50.0');
  });
});

describe('active visit periods', () => {
  it('closes the active visit’s period and opens the next one', () => {
    const a: VisitingGroup = { id: 'a', name: 'A', kind: 'school', preCheck: null, createdAt: 100 };
    const b: VisitingGroup = { id: 'b', name: 'B', kind: 'school', preCheck: null, createdAt: 200 };
    const s: LearningSettings = { preCheck: false, retestDays: 7, visits: [a, b], activeVisit: 'a' };
    const s1 = { ...s, ...switchActiveVisit(s, 'b', 300) };
    expect(s1.visits.map((v) => v.periods)).toEqual([[{ from: 100, to: 300 }], [{ from: 300, to: null }]]);
    const s2 = { ...s1, ...switchActiveVisit(s1, null, 400) };
    expect(s2.activeVisit).toBeNull();
    expect(s2.visits[1]!.periods).toEqual([{ from: 300, to: 400 }]);
    // a visit saved before periods existed runs to the next visit's creation
    expect(attemptsOfVisit(a, [a, b], [{ startedAt: 150 } as Attempt, { startedAt: 250 } as Attempt]).map((x) => x.startedAt)).toEqual([150]);
  });
});
