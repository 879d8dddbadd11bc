// Whole scripted visits of the drunk zone on the real scene file: a careful driver stops for the
// child sober and — with the same reaction of their own — stops later or not at all "after
// drinking", as the engine measures it; the riders' version on an e-bike; a careless driver hits the
// child and the hit is replayed from the child's eyes; the legal panel says what facts.md says for
// the chosen level, vehicle and job; same seed and input, same events.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationProblem } from '../../content/facts.ts';
import { FACTS } from '../../content/factsIndex.ts';
import { zoneSchema, type Localized, type ZoneDef } from '../../content/schema.ts';
import { ReplayView } from '../../sim/replayView.ts';
import { ConsequenceQueue, type Consequence } from '../common/consequence.ts';
import { kindsOf, playGame } from '../common/testing.ts';
import type { ScoredEvent } from '../common/types.ts';
import { driverEye } from './hazard.ts';
import { categoryOf, readLevels } from './level.ts';
import { createGame, driveInput } from './rules.ts';
import { DRUNK_KINDS } from './scoring.ts';
import { scriptedDriver, type DriverStyle } from './scripted.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/drunk.json', import.meta.url), 'utf8')));
/** whole visits take about a second each; give a busy machine room */
const SLOW = { timeout: 60_000 };

const groups = JSON.parse(readFileSync(new URL('../../../quizzes/groups.json', import.meta.url), 'utf8')).groups as { id: string; defaults: Record<string, unknown> }[];
const groupInfo = (id: string) => groups.find((g) => g.id === id)!;

/** an alert driver: about 0.9 s from seeing the child to the brake (facts 5.15: 0.7–1.5 s) */
const CAREFUL: DriverStyle = { kmh: 40, reaction: 0.9 };
/** never brakes for the child, and wanders into the oncoming lane on the way */
const CARELESS: DriverStyle = { kmh: 40, reaction: null, weave: { fromX: 60, toX: 90, lineZ: -1.2 } };

function visit(group: string, level: string, style: DriverStyle, seed = 1, chooseSeconds = 10) {
  const game = createGame(zone, groupInfo(group), seed);
  // the visitor reads the choice for a while: the game clock runs, the street waits
  playGame(game, chooseSeconds, () => driveInput());
  game.choose('level', level);
  game.startDriving();
  playGame(game, 600, scriptedDriver(style));
  return { game, events: game.events, summary: game.summary(), comparison: game.comparison };
}

const unsafe = (events: readonly ScoredEvent[]) => events.filter((e) => e.points < 0);
const inRun = (events: readonly ScoredEvent[], run: string) => events.filter((e) => e.task === run);
const texts = (l: Localized) => `${l['zh-Hans']} ${l.en}`;

describe('drunk scene file', SLOW, () => {
  it('scores and explains every kind the rules produce; the drive "after drinking" is worth no points', () => {
    for (const kind of DRUNK_KINDS) {
      expect(zone.scoring!.events[kind], kind).toBeDefined();
      expect(zone.feedback![kind]!.source.facts.length, kind).toBeGreaterThan(0);
    }
    for (const k of ['near_miss', 'collision', 'impaired_near_miss', 'impaired_collision']) expect(zone.scoring!.events[k]!.replay, k).toBe(true);
    for (const k of DRUNK_KINDS.filter((k) => k.startsWith('impaired_'))) expect(zone.scoring!.events[k]!.points, k).toBe(0);
  });

  it('has a 40 km/h street, a 15 km/h bike lane, and a parked van that hides the child from both lanes', () => {
    const g = createGame(zone, 'driver', 1);
    const w = g.world;
    expect(Math.round(w.net.laneById.get('e-1')!.limit * 3.6)).toBe(40);
    expect(Math.round(w.net.laneById.get('e-nm')!.limit * 3.6)).toBe(15);
    const child = w.agentByName('child')!;
    expect(child.height).toBe(1.2);
    expect(child.state).toBe('held');
    // from 30 m back in either lane the van is in the way; once the child is in the road it is seen
    for (const laneZ of [1.75, 4.75]) {
      expect(w.lineOfSight(child.x - 30, laneZ, child.x, child.z)).toBe(false);
      expect(w.lineOfSight(child.x - 30, laneZ, child.x, laneZ)).toBe(true);
    }
    expect(zone.layout!.signs.some((s) => s.sign === 'watch-children')).toBe(true);
  });

  it('resolves the tuning of every audience group, and of groups it does not list', () => {
    for (const g of [...zone.audience, 'teen', 'rider', 'child', 'senior']) expect(() => createGame(zone, groupInfo(g), 1), g).not.toThrow();
    expect(zone.audience).toEqual(['driver', 'pro', 'adult']);
  });

  it('cites only facts that exist and are confirmed, in every legal, effects, risk and drug text', () => {
    const p = readLevels(zone).params;
    const sources = [...p.legal.map((l) => l.source), ...p.options.flatMap((o) => [o.effects.source, ...(o.risk ? [o.risk.source] : [])]), ...p.drugs.paragraphs.map((d) => d.source)];
    expect(sources.length).toBeGreaterThan(20);
    for (const s of sources) for (const id of s.facts) expect(citationProblem(FACTS, id), id).toBeNull();
    // thresholds are facts 3.1's
    expect(p.thresholds).toEqual({ drink: 20, drunk: 80 });
    expect(p.options.map((o) => o.mg)).toEqual([20, 50, 80, 150]);
  });

  it('states no number for what alcohol does to the controls: figures only where a source gives them (facts 3.18), as "about"', () => {
    const p = readLevels(zone).params;
    // everything a visitor reads in the zone file
    const strings: { text: string; facts: string[] }[] = [];
    const walk = (v: unknown, facts: string[]) => {
      if (typeof v === 'string') strings.push({ text: v, facts });
      else if (Array.isArray(v)) v.forEach((x) => walk(x, facts));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const f = (o.source as { facts?: string[] } | undefined)?.facts ?? facts;
        for (const [k, x] of Object.entries(o)) if (k !== 'impairment' && k !== 'view' && k !== '$schema') walk(x, f);
      }
    };
    walk({ feedback: zone.feedback, challenges: zone.challenges }, []);
    for (const s of strings.filter((x) => /倍|\d\s*times|2–3|反应时间延长|视野从/.test(x.text))) {
      expect(s.facts, s.text).toContain('3.18');
      expect(/约|about/.test(s.text), s.text).toBe(true);
    }
    expect(p.options.find((o) => o.mg === 50)!.risk!.text.en).toMatch(/about 2 times/);
    expect(p.options.find((o) => o.mg === 80)!.risk!.text['zh-Hans']).toMatch(/约为清醒时的4倍/);
    // the model is said to be a demonstration
    expect(p.demoNote['zh-Hans']).toContain('示意');
    expect(p.demoNote.en).toMatch(/demonstration/i);
  });
});

describe('choosing the level', SLOW, () => {
  it('starts with the choice while the street waits; the choice is checked and recorded', () => {
    const g = createGame(zone, 'driver', 1);
    expect(g.phase).toBe('setup');
    expect(g.stage).toBe('choose');
    expect(g.checklist[0]!.options.map((o) => o.id)).toEqual(['mg20', 'mg50', 'mg80', 'mg150']);
    playGame(g, 5, () => driveInput());
    expect(g.time).toBeCloseTo(5, 5);
    expect(g.world.time).toBe(0);
    expect(() => g.startDriving()).toThrow(/choose a level/);
    expect(() => g.choose('level', 'mg999')).toThrow(/no option "mg999"/);
    expect(() => g.choose('helmet', 'mg20')).toThrow(/unknown item "helmet"/);
    g.choose('level', 'mg150');
    g.choose('level', 'mg50'); // changed their mind
    expect(g.checklist[0]!.chosen).toBe('mg50');
    expect(g.legal!.category).toBe('drink');
    g.startDriving();
    expect(g.phase).toBe('play');
    expect(g.stage).toBe('sober');
    expect(g.events[0]).toMatchObject({ kind: 'drink_level', points: 0, task: 'level', details: { mg: 50, category: 'drink', vehicle: 'car' } });
    expect(() => g.choose('level', 'mg20')).toThrow(/drives have started/);
    // sober now: nothing is impaired yet
    expect(g.impairment).toBeNull();
  });

  it('names the category by facts 3.1: 20 up to (not including) 80 is drink driving, 80 and more drunk driving', () => {
    const t = { drink: 20, drunk: 80 };
    expect([19.9, 20, 79.9, 80, 150].map((mg) => categoryOf(mg, t))).toEqual(['below', 'drink', 'drink', 'drunk', 'drunk']);
  });
});

describe('a careful driver, sober and then "after drinking" (80 mg/100 mL)', SLOW, () => {
  const { game, events, summary, comparison } = visit('driver', 'mg80', CAREFUL);
  const sober = comparison.runs.sober!;
  const drunk = comparison.runs.drunk!;

  it('stops for the child when sober: nothing unsafe, all credits, 3 stars, passed, in 1–3 minutes', () => {
    expect(unsafe(events)).toEqual([]);
    expect(kindsOf(inRun(events, 'sober'))).toEqual(expect.arrayContaining(['hazard_measured', 'gave_way_to_child', 'arrived', 'stayed_in_lane']));
    expect(summary.score).toBeGreaterThanOrEqual(85);
    expect(summary.stars).toBe(3);
    expect(summary.passed).toBe(true);
    expect(summary.tasks.map((t) => t.state)).toEqual(['done', 'done', 'done']);
    expect(summary.durationSec).toBeGreaterThan(60);
    expect(summary.durationSec).toBeLessThan(180);
    expect(sober).toMatchObject({ hit: false, anticipated: false, done: true });
    expect(sober.gapM!).toBeGreaterThan(0.5);
  });

  it('with the same reaction of their own, reacts later and needs a longer distance after drinking, as the engine measures it', () => {
    expect(sober.reactionS!).toBeGreaterThan(0.85);
    expect(sober.reactionS!).toBeLessThan(1.05);
    // the 80 mg model adds 0.5 ± 0.15 s (a demonstration): the measurement shows it
    expect(drunk.reactionS! - sober.reactionS!).toBeGreaterThan(0.3);
    expect(drunk.reactionS! - sober.reactionS!).toBeLessThan(0.7);
    expect(drunk.stoppingM!).toBeGreaterThan(sober.stoppingM! + 3);
    // the same speed both times (the limiter), so the difference is the reaction's
    expect(Math.abs(drunk.speedKmh - sober.speedKmh)).toBeLessThan(1);
    expect(sober.speedKmh).toBeGreaterThan(36);
    expect(sober.speedKmh).toBeLessThanOrEqual(40.5);
    // stopping distance = reaction distance + braking distance, each measured
    for (const m of [sober, drunk]) expect(m.reactionM! + m.brakingM!).toBeCloseTo(m.stoppingM!, 1);
    // about v·t: 11 m/s × the reaction
    expect(sober.reactionM!).toBeCloseTo((sober.speedKmh / 3.6) * sober.reactionS!, 0);
  });

  it('puts the two stop marks on the road: the drunk one further on, at or past the child', () => {
    expect(comparison.hazard.x).toBeCloseTo(203.3, 1);
    expect(comparison.hazard.z).toBeCloseTo(1.75, 1);
    expect(drunk.stop!.x).toBeGreaterThan(sober.stop!.x + 3);
    expect(sober.stop!.x).toBeLessThan(comparison.hazard.x);
    expect(drunk.gapM!).toBeLessThan(sober.gapM!);
    expect(comparison.level).toMatchObject({ id: 'mg80', mg: 80, category: 'drunk' });
    expect(comparison.model!.delay).toBe(0.5);
  });

  it('records the drive "after drinking" with its own kinds, worth no points, and measured numbers in the attempt', () => {
    const d = inRun(events, 'drunk');
    expect(d.length).toBeGreaterThan(0);
    for (const e of d) {
      expect(e.points).toBe(0);
      expect(['hazard_measured', 'task_missed'].includes(e.kind) || e.kind.startsWith('impaired_')).toBe(true);
      expect(e.feedback).toBe(zone.feedback![e.kind]);
    }
    // at this level and this reaction the child is hit (slowly) or only just missed
    expect(drunk.hit || drunk.gapM! < 1).toBe(true);
    const a = game.toAttempt({ id: 'a1', visitorId: 'v1', startedAt: 1_000_000, appVersion: 't', device: 'desktop' });
    const measured = (a.events ?? []).filter((e) => e.kind === 'hazard_measured');
    expect(measured.map((e) => e.details?.run)).toEqual(['sober', 'drunk']);
    expect(measured[0]!.details?.reactionS).toBe(sober.reactionS);
    expect(measured[1]!.details?.stoppingM).toBe(drunk.stoppingM);
    expect(a).toMatchObject({ zone: 'drunk', mode: 'game', group: 'driver', score: summary.score, passed: true });
    expect(a.endedAt - a.startedAt).toBe(Math.round(summary.durationSec * 1000));
  });

  it('the second drive starts back at the start, with the child behind the van again, on the same clock', () => {
    const g = createGame(zone, 'driver', 1);
    g.choose('level', 'mg80');
    g.startDriving();
    const drive = scriptedDriver(CAREFUL);
    const childIds: number[] = [];
    let restartAt = NaN;
    let stage = g.stage;
    for (let i = 0; i < 60 * 200 && g.phase !== 'done'; i++) {
      g.step(1 / 60, drive(g));
      if (g.stage !== stage) {
        if (g.stage === 'drunk') {
          restartAt = g.world.time;
          const p = g.world.player!;
          expect([p.x, p.z, p.speed]).toEqual([0, 1.75, 0]);
          expect(g.world.agentByName('child')!.state).toBe('held');
          expect(g.impairment).toMatchObject({ params: { delay: 0.5 }, view: { fov: 0.8 } });
        }
        if (g.stage === 'interlude') expect(g.interludeLeft).toBeGreaterThan(3);
        stage = g.stage;
      }
      const c = g.world.agentByName('child');
      if (c && !childIds.includes(c.id)) childIds.push(c.id);
    }
    expect(childIds).toHaveLength(2);
    expect(restartAt).toBeGreaterThan(30);
    // every replay window of the second drive lies after the restart
    for (const e of inRun(g.events, 'drunk')) if (e.replay) expect(e.replay.from).toBeGreaterThanOrEqual(restartAt);
  });

  it('stays safe when sober on other seeds and for the other car groups too', () => {
    for (const [group, seed] of [['driver', 2], ['driver', 3], ['pro', 1], ['adult', 4]] as const) {
      const v = visit(group, 'mg80', CAREFUL, seed);
      expect(unsafe(v.events), `${group} ${seed}`).toEqual([]);
      expect(v.comparison.runs.drunk!.stoppingM!, `${group} ${seed}`).toBeGreaterThan(v.comparison.runs.sober!.stoppingM!);
      expect(v.game.world.player!.kind).toBe('car');
    }
  });
});

describe('the level chosen changes the drive "after drinking"', SLOW, () => {
  it('20 mg/100 mL: a little later; 150 mg/100 mL: much later, and the steering wanders', () => {
    const low = visit('driver', 'mg20', CAREFUL, 5);
    const high = visit('driver', 'mg150', { ...CAREFUL }, 5);
    const s = low.comparison.runs.sober!;
    const l = low.comparison.runs.drunk!;
    expect(l.reactionS!).toBeGreaterThan(s.reactionS!);
    expect(l.hit).toBe(false);
    expect(l.stoppingM!).toBeGreaterThan(s.stoppingM!);
    expect(kindsOf(inRun(low.events, 'drunk'))).toContain('impaired_stopped');
    // at 150 the car leaves its lane (the lane keeper cannot hold it with the wheel acting this late)
    expect(kindsOf(inRun(high.events, 'drunk'))).toContain('impaired_lane_departure');
    expect(kindsOf(inRun(low.events, 'drunk'))).not.toContain('impaired_lane_departure');
  });
});

describe('the riders\' version (riders and teens ride an e-bike)', SLOW, () => {
  const { game, events, comparison } = visit('rider', 'mg80', { kmh: 15, reaction: 0.9 });

  it('rides the bike lane at up to 15 km/h and stops for the child when sober, later after drinking', () => {
    expect(game.world.player!.kind).toBe('ebike');
    expect(game.vehicle).toBe('ebike');
    expect(game.limiterKmh).toBe(15);
    expect(unsafe(events)).toEqual([]);
    const s = comparison.runs.sober!;
    const d = comparison.runs.drunk!;
    expect(s.speedKmh).toBeGreaterThan(13);
    expect(s.speedKmh).toBeLessThanOrEqual(15.5);
    expect(comparison.hazard.z).toBeCloseTo(4.75, 1);
    expect(d.reactionS!).toBeGreaterThan(s.reactionS! + 0.3);
    expect(d.stoppingM!).toBeGreaterThan(s.stoppingM!);
  });

  it('teens ride too, with hints, in lighter traffic', () => {
    const teen = createGame(zone, groupInfo('teen'), 1);
    expect(teen.world.player!.kind).toBe('ebike');
    expect(teen.tuning).toMatchObject({ vehicle: 'ebike', hints: true, trafficDensity: 0.7 });
    playGame(teen, 1, () => driveInput());
    expect(teen.hint?.text).toEqual(readLevels(zone).title);
    const driver = createGame(zone, groupInfo('driver'), 1);
    playGame(driver, 1, () => driveInput());
    expect(driver.hint).toBeNull();
  });

  it('says drunk riding is against the law (条例 Art. 72, fined under Art. 89) but not the crime of 醉驾 for a standard e-bike', () => {
    const legal = game.legal!;
    expect(legal.category).toBe('drunk');
    expect(texts(legal.categoryLabel)).toContain('醉酒骑车');
    const all = legal.paragraphs.map((p) => texts(p.text)).join('\n');
    expect(all).toContain('不构成“醉驾”犯罪');
    expect(all).toContain('is not the crime of drunk driving');
    expect(all).toContain('5–50元罚款');
    expect(legal.paragraphs.flatMap((p) => p.source.facts)).toEqual(expect.arrayContaining(['2.6', '2.8', '3.7']));
    // no motor-vehicle penalties for a rider
    expect(all).not.toMatch(/吊销|危险驾驶罪，处|拘役/);
    const laws = legal.paragraphs.map((p) => p.source.law['zh-Hans']).join('；');
    expect(laws).toContain('《道路交通安全法实施条例》第72条');
    expect(laws).toContain('《道路交通安全法》第89条');
  });

  it('below 80 mg/100 mL on an e-bike: no fine is claimed, the advice is not to ride', () => {
    const g = createGame(zone, 'rider', 1);
    g.choose('level', 'mg50');
    const all = g.legal!.paragraphs.map((p) => texts(p.text)).join('\n');
    expect(all).not.toContain('5–50元');
    expect(all).toContain('喝了酒就别骑车');
  });
});

describe('the legal panel says what facts.md says for the level and the job', () => {
  const legalOf = (group: string, level: string) => {
    const g = createGame(zone, groupInfo(group), 1);
    g.choose('level', level);
    const l = g.legal!;
    return { l, zh: l.paragraphs.map((p) => p.text['zh-Hans']).join('\n'), en: l.paragraphs.map((p) => p.text.en).join('\n'), facts: l.paragraphs.flatMap((p) => p.source.facts) };
  };

  it('drink driving (20, 50): 6 months’ suspension, 1,000–2,000 yuan, 12 points (facts 3.4, 3.6); no crime', () => {
    for (const level of ['mg20', 'mg50']) {
      const { l, zh, en, facts } = legalOf('driver', level);
      expect(l.category).toBe('drink');
      expect(zh).toContain('暂扣驾驶证6个月，并处1000–2000元罚款，一次记12分');
      expect(en).toContain('licence suspended for 6 months, a fine of 1,000–2,000 yuan and 12 penalty points');
      expect(zh).toContain('10日以下拘留');
      expect(facts).toEqual(expect.arrayContaining(['3.1', '3.4', '3.6', '3.5']));
      expect(zh).not.toContain('危险驾驶罪');
      expect(zh).not.toContain('营运');
    }
  });

  it('drunk driving (80): revoked, 5 years, the crime of dangerous driving, and the 2023 "情节显著轻微" exception worded as facts 3.9/3.10 word it', () => {
    const { l, zh, en, facts } = legalOf('adult', 'mg80');
    expect(l.category).toBe('drunk');
    expect(zh).toContain('约束至酒醒，吊销驾驶证，依法追究刑事责任；5年内不得重新取得');
    expect(zh).toContain('危险驾驶罪，处拘役（1个月以上6个月以下），并处罚金');
    expect(zh).toContain('血液酒精含量不满150 mg/100 mL、又没有从重处理情节');
    expect(zh).toContain('可以认定为情节显著轻微、危害不大，可以不作为犯罪处理；但仍要按照道路交通安全法给予行政处罚：吊销驾驶证，5年内不得重新取得');
    expect(en).toContain('may be treated as not a crime');
    expect(facts).toEqual(expect.arrayContaining(['3.4', '3.7', '3.9', '3.10']));
    expect(zh).not.toContain('暂扣');
    // the repealed 2013 figure (misinformation item 2) appears nowhere
    expect(zh).not.toContain('200 mg');
  });

  it('150 mg/100 mL: the "below 150" case no longer applies', () => {
    const { zh, facts } = legalOf('driver', 'mg150');
    expect(zh).not.toContain('可以不作为犯罪处理');
    expect(zh).toContain('150 mg/100 mL已经不属于这一情形');
    expect(facts).toContain('3.10');
  });

  it('professional drivers see the stricter rules for operating vehicles (facts 3.5, 3.8)', () => {
    const drink = legalOf('pro', 'mg50');
    expect(drink.zh).toContain('饮酒后驾驶营运机动车：处15日拘留，并处5000元罚款，吊销驾驶证，5年内不得重新取得');
    expect(drink.zh).toContain('不得申请大型客车、重型牵引挂车、城市公交车、中型客车、大型货车准驾车型');
    expect(drink.zh).not.toContain('暂扣驾驶证6个月');
    const drunk = legalOf('pro', 'mg80');
    expect(drunk.zh).toContain('10年内不得重新取得机动车驾驶证，重新取得后不得驾驶营运机动车');
    expect(drunk.zh).toContain('从事客运且载有乘客、驾驶重型载货汽车');
    expect(drunk.facts).toEqual(expect.arrayContaining(['3.5', '3.7', '3.8', '3.11']));
    expect(drunk.en).toContain('never again allowed to drive an operating vehicle');
  });

  it('every level has its effects in words (3.17); crash risk only at 0.05 % and 0.08 % (3.18); a drug-driving panel (3.15, 3.16)', () => {
    const risk = (level: string) => legalOf('driver', level).l.risk;
    expect(risk('mg20')).toBeNull();
    expect(risk('mg150')).toBeNull();
    expect(risk('mg50')!.source.facts).toEqual(['3.18']);
    expect(legalOf('driver', 'mg80').l.effects.source.facts).toEqual(['3.17']);
    const drugs = legalOf('driver', 'mg20').l.drugs;
    expect(texts(drugs.title)).toContain('毒驾');
    expect(drugs.paragraphs.flatMap((p) => p.source.facts)).toEqual(expect.arrayContaining(['3.15', '3.16']));
    expect(drugs.paragraphs.map((p) => p.text['zh-Hans']).join()).toContain('驾驶证被注销');
  });
});

describe('a driver who stops a hand\'s breadth from the child', SLOW, () => {
  it('has a near miss, replayed from the child\'s eyes, and no credit for giving way', () => {
    // a reaction that leaves a hand's breadth (braking at the tyres' limit, no drag on top of it: 1.25 s already hits)
    const { events, comparison } = visit('driver', 'mg20', { kmh: 40, reaction: 1.23 });
    const s = comparison.runs.sober!;
    expect(s.hit).toBe(false);
    expect(s.gapM!).toBeLessThan(0.5);
    const sober = inRun(events, 'sober');
    const near = sober.find((e) => e.kind === 'near_miss')!;
    expect(near).toBeDefined();
    expect(near.replay).toMatchObject({ viewpoint: 'pedestrian' });
    expect(kindsOf(sober)).not.toContain('gave_way_to_child');
  });
});

describe('a careless driver', SLOW, () => {
  const { game, events, summary, comparison } = visit('driver', 'mg80', CARELESS);

  it('hits the child and wanders out of the lane; each event carries the zone file feedback', () => {
    const kinds = kindsOf(inRun(events, 'sober'));
    expect(kinds).toContain('collision');
    expect(kinds).toContain('lane_departure');
    expect(kinds).not.toContain('gave_way_to_child');
    expect(kinds).not.toContain('arrived');
    for (const e of events) expect(e.feedback).toBe(zone.feedback![e.kind]);
    const s = comparison.runs.sober!;
    expect(s).toMatchObject({ hit: true, reactionS: null });
    expect(s.hitKmh!).toBeGreaterThan(35);
  });

  it('gets a replay of the hit from the child\'s position', () => {
    const hit = events.find((e) => e.kind === 'collision')!;
    const r = hit.replay!;
    expect(r.viewpoint).toBe('pedestrian');
    expect(r.target).toBe(game.world.player!.id);
    expect(r.from).toBeLessThan(r.at);
    expect(r.to).toBeGreaterThan(r.at);
    expect(r.to - r.from).toBeLessThanOrEqual(6);
  });

  it('scores low: no stars, not passed', () => {
    expect(summary.score).toBeLessThan(50);
    expect(summary.stars).toBe(0);
    expect(summary.passed).toBe(false);
  });

  it('the replay can be watched through the child\'s eyes, the car coming at them', () => {
    const g = createGame(zone, 'driver', 1);
    g.choose('level', 'mg80');
    g.startDriving();
    const drive = scriptedDriver(CARELESS);
    const queue = new ConsequenceQueue();
    let shown: Consequence | null = null;
    for (let i = 0; i < 60 * 120 && !shown && g.phase !== 'done'; i++) {
      queue.offer(g.step(1 / 60, drive(g)));
      shown = queue.next((w) => g.replayReady(w));
    }
    expect(shown).not.toBeNull();
    expect(shown!.event.kind).toBe('collision');
    const w = shown!.replay;
    expect(w.focusAgent).toBe(g.world.agentByName('child')!.id);
    const view = new ReplayView(g.world);
    view.hide = w.focusAgent;
    // a second before the hit: the car in the picture, the child (the camera) left out
    expect(view.seek(w.at - 1)).toBe(true);
    const car = view.agents.find((a) => a.isPlayer)!;
    expect(car).toBeDefined();
    expect(view.agents.some((a) => a.id === w.focusAgent)).toBe(false);
    const v = view.driverView(w.focusAgent, w.target)!;
    // a child's eyes (1.2 m tall), looking back up the road at the car about 11 m away
    expect(v.eye.y).toBeCloseTo(1.1, 5);
    expect(v.look.x).toBeLessThan(v.eye.x);
    expect(Math.hypot(v.look.x - v.eye.x, v.look.z - v.eye.z)).toBeGreaterThan(6);
    expect(Math.hypot(v.look.x - v.eye.x, v.look.z - v.eye.z)).toBeLessThan(16);
  });
});

describe('determinism', SLOW, () => {
  it('the same seed and input give the same events and the same measurements', () => {
    const a = visit('driver', 'mg150', CAREFUL, 4);
    const b = visit('driver', 'mg150', CAREFUL, 4);
    expect(b.events.map((e) => [e.kind, e.t, e.points])).toEqual(a.events.map((e) => [e.kind, e.t, e.points]));
    expect(b.comparison).toEqual(a.comparison);
  });
});

describe('time limits', SLOW, () => {
  it('a visitor who never chooses ends with every task missed at the time limit', () => {
    const g = createGame(zone, 'driver', 1);
    playGame(g, 400, () => driveInput());
    expect(g.phase).toBe('done');
    expect(g.time).toBeCloseTo(g.timeLimit, 1);
    expect(g.tasks.map((t) => t.state)).toEqual(['missed', 'missed', 'missed']);
    expect(kindsOf(g.events)).toEqual(['task_missed', 'task_missed', 'task_missed']);
  });

  it('a driver who never drives off misses each drive at its own limit, and the second still comes', () => {
    const g = createGame(zone, 'driver', 1);
    g.choose('level', 'mg20');
    g.startDriving();
    playGame(g, 600, () => ({ ...driveInput(), brake: 1 }));
    expect(g.phase).toBe('done');
    expect(g.tasks.map((t) => t.state)).toEqual(['done', 'missed', 'missed']);
    expect(g.comparison.runs.sober).toMatchObject({ onsetT: null, done: false });
    expect(g.time).toBeCloseTo(2 * g.tuning.runLimit + g.tuning.interlude, 0);
  });
});

describe('the driver\'s eye for the sight line', () => {
  it('sits on the left of a car, over the middle of an e-bike', () => {
    const car = createGame(zone, 'driver', 1).world.player!;
    const e = driverEye(car, { x: 0, z: 0 });
    expect(e.z).toBeCloseTo(car.z - 0.35, 5);
    const bike = createGame(zone, 'rider', 1).world.player!;
    expect(driverEye(bike, { x: 0, z: 0 })).toEqual({ x: bike.x, z: bike.z });
  });
});

