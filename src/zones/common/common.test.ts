// The pieces every zone game shares, on small hand-made zones.
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { straightRoad } from '../../sim/fixtures/straightRoad.ts';
import { ofKind, run, ScriptedInput } from '../../sim/testing.ts';
import { createWorld } from '../../sim/world.ts';
import { z } from 'zod';
import { challengesOf, inRect } from './challenges.ts';
import { replayReady, replayWindow } from './replay.ts';
import { ScoreKeeper } from './scoreKeeper.ts';
import { clampScore, starsFor, summarize, toAttempt } from './summary.ts';
import { commonTuningShape, resolveTuning } from './tuning.ts';
import { extendPedestrianGreen, scaleTrafficSpeed, simDefOf, withoutPhone } from './worldDef.ts';

const L = (s: string) => ({ 'zh-Hans': s, en: s });
const fb = (s: string) => ({ message: L(s), rule: L(`rule ${s}`), source: { facts: ['1.5'], law: L('Art. 39') } });

const layout = straightRoad({ length: 200, crossingAt: 60, signal: { green: 20, yellow: 3, allRed: 2, pedGreen: 15 } });
layout.spawns = [{ id: 'kerb', position: [60, 5.5], heading: -90, player: true, as: 'pedestrian' }];

const zone: ZoneDef = zoneSchema.parse({
  id: 'crossing',
  order: 1,
  color: '#2f9e44',
  title: L('t'),
  summary: L('s'),
  learningPoints: [L('p')],
  audience: ['adult'],
  layout,
  actors: [
    { type: 'flow', id: 'cars', kind: 'car', route: ['e-1'], rate: 6, speed: [40, 50] },
    { type: 'flow', id: 'walkers', kind: 'pedestrian', path: [[0, 5.5], [100, 5.5]], rate: 2 },
    { type: 'named', id: 'bus', kind: 'bus', route: ['w-1'], speed: 30 },
  ],
  script: [
    { at: 3, do: [{ type: 'phone_rings', duration: 2 }, { type: 'set_speed', actor: 'bus', speed: 20 }] },
    { at: 4, do: [{ type: 'phone_rings', duration: 2 }] },
  ],
  scoring: { base: 50, stars: [50, 70, 85], events: { good: { points: 10 }, bad: { points: -30 }, hit: { points: -40, replay: true } } },
  feedback: { good: fb('good'), bad: fb('bad'), hit: fb('hit') },
  tuning: { adult: { trafficDensity: 2 }, senior: { speedFactor: 9 } },
  challenges: [
    { id: 'one', kind: 'cross', title: L('one'), params: { n: 1 } },
    { id: 'two', kind: 'cross', title: L('two'), params: { n: 'x' } },
    { id: 'other', kind: 'quiz', title: L('q') },
  ],
});

describe('ScoreKeeper', () => {
  it('looks points and feedback up in the zone file, counts keyed events once and ignores unscored kinds', () => {
    const k = ScoreKeeper.fromZone(zone);
    expect(k.record('good', 1, { task: 'a', key: 'a:good' })).toMatchObject({ kind: 'good', points: 10, serious: false, task: 'a', feedback: zone.feedback!.good });
    expect(k.record('good', 2, { key: 'a:good' })).toBeNull();
    expect(k.record('unknown', 3)).toBeNull();
    const replay = { from: 0, to: 5, at: 4, focusAgent: 2, target: 1, viewpoint: 'driver' as const };
    expect(k.record('hit', 4, { replay })!.replay).toEqual(replay);
    // a replay is only attached to kinds the file marks serious
    expect(k.record('bad', 5, { replay })!.replay).toBeUndefined();
    expect(k.points).toBe(-60);
    expect(k.takeFresh().map((e) => e.kind)).toEqual(['good', 'hit', 'bad']);
    expect(k.takeFresh()).toEqual([]);
    expect(k.inTask('a').length).toBe(1);
    expect(k.isSerious('hit')).toBe(true);
  });

  it('refuses a zone without scoring or with a scored kind lacking feedback', () => {
    expect(() => ScoreKeeper.fromZone({ ...zone, scoring: undefined })).toThrow(/scoring: missing/);
    expect(() => new ScoreKeeper(zone.scoring!, { good: fb('g') })).toThrow(/scoring\.events\.bad: no feedback/);
  });
});

describe('summary and attempt', () => {
  it('clamps base + points to 0–100 and counts stars against the thresholds', () => {
    expect(clampScore(50, 80)).toBe(100);
    expect(clampScore(50, -80)).toBe(0);
    expect(starsFor(69, [50, 70, 85])).toBe(1);
    expect(starsFor(85, [50, 70, 85])).toBe(3);
    const k = ScoreKeeper.fromZone(zone);
    k.record('good', 1);
    k.record('good', 2);
    const s = summarize({ zone: 'crossing', group: 'adult', keeper: k, durationSec: 123.456, passMark: 70, tasks: [] });
    expect(s).toMatchObject({ score: 70, stars: 2, passed: true, base: 50, points: 20, durationSec: 123.5 });
    const a = toAttempt(s, { id: 'i', visitorId: 'v', startedAt: 1000, appVersion: '1', device: 'kiosk' });
    expect(a).toMatchObject({ zone: 'crossing', mode: 'game', group: 'adult', score: 70, stars: 2, passed: true, endedAt: 1000 + 123500 });
    expect(a.events).toEqual([
      { kind: 'good', t: 1, details: { points: 10, task: null, serious: false } },
      { kind: 'good', t: 2, details: { points: 10, task: null, serious: false } },
    ]);
  });
});

describe('replay windows', () => {
  it('span a few seconds around an event with another road user, within what the buffer holds', () => {
    const w = createWorld({ layout, actors: [{ type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 30, startAt: 10 }] }, 1, {
      input: new ScriptedInput((t) => ({ moveZ: t > 3.2 ? -1.25 : 0 })),
    });
    const ev = run(w, 8);
    const hit = [...ofKind(ev, 'collision'), ...ofKind(ev, 'near_miss')][0]!;
    expect(hit).toBeDefined();
    const win = replayWindow(w, hit, w.player!.id)!;
    expect(win.focusAgent).toBe(w.agentByName('car')!.id);
    expect(win.from).toBeCloseTo(Math.max(0, hit.t - 4), 1);
    expect(win.to).toBeCloseTo(hit.t + 1.5, 6);
    expect(replayReady(w, win)).toBe(true);
    expect(replayWindow(w, { ...hit, agents: [w.player!.id] }, w.player!.id)).toBeUndefined();
    // early in a run the window starts at the oldest recorded frame
    const early = replayWindow(w, { ...hit, t: 1 }, w.player!.id)!;
    expect(early.from).toBeGreaterThanOrEqual(w.replay.span()[0]);
    // the other road user drives: seen from the driver's seat
    expect(win.viewpoint).toBe('driver');
  });

  it('are seen through the eyes of the person on foot when the visitor drives into one', () => {
    const l = straightRoad({ length: 200 });
    l.spawns = [{ id: 'seat', position: [20, 1.75], player: true, as: 'car' }];
    const w = createWorld(
      // a child standing in the lane (held: it waits there)
      { layout: l, actors: [{ type: 'named', id: 'child', kind: 'pedestrian', path: [[60, 1.5], [60, -6]], hold: true, dims: { length: 0.3, width: 0.4, height: 1.2 } }] },
      1,
      { input: new ScriptedInput(() => ({ throttle: 1 })) },
    );
    const hit = ofKind(run(w, 10), 'collision')[0]!;
    expect(hit).toBeDefined();
    const win = replayWindow(w, hit, w.player!.id)!;
    expect(win).toMatchObject({ viewpoint: 'pedestrian', focusAgent: w.agentByName('child')!.id, target: w.player!.id });
  });
});

describe('tuning', () => {
  const schema = z.object({ ...commonTuningShape, walkSpeed: z.number().positive().max(3) }).strict();
  const defaults = { trafficDensity: 1, speedFactor: 1, hints: false, textSize: 'normal', timeLimit: 300, walkSpeed: 1.25 };

  it('merges defaults ← the groups file ← the zone file', () => {
    const t = resolveTuning(zone, { id: 'adult', defaults: { traffic: 'gentle', hints: true, walkSpeed: 1.1, passMark: 60 } }, schema, defaults);
    expect(t).toMatchObject({ trafficDensity: 2, hints: true, walkSpeed: 1.1, passMark: 60 });
    expect(resolveTuning(zone, 'teen', schema, defaults)).toMatchObject({ trafficDensity: 1, hints: false });
  });

  it('names the file, group and field of a bad value', () => {
    expect(() => resolveTuning(zone, 'senior', schema, defaults)).toThrow(/scenes\/crossing\.json: tuning\.senior\.speedFactor/);
  });
});

describe('challenges', () => {
  it('reads the challenges of a kind and reports bad params with their path', () => {
    const ok = { ...zone, challenges: zone.challenges!.filter((c) => c.id !== 'two') };
    expect(challengesOf(ok, 'cross', z.object({ n: z.number() }))).toEqual([{ id: 'one', kind: 'cross', title: L('one'), params: { n: 1 } }]);
    expect(() => challengesOf(zone, 'cross', z.object({ n: z.number() }))).toThrow(/challenges\[1\]\.params\.n/);
    expect(inRect([0, 0, 2, 2], 1, 1)).toBe(true);
    expect(inRect([0, 0, 2, 2], 3, 1)).toBe(false);
  });
});

describe('sim-definition transforms', () => {
  const def = simDefOf(zone);

  it('scale vehicle speeds but not walkers', () => {
    const d = scaleTrafficSpeed(def, 0.5);
    expect(d.actors.find((a) => a.id === 'cars')).toMatchObject({ speed: [20, 25] });
    expect(d.actors.find((a) => a.id === 'bus')).toMatchObject({ speed: 15 });
    expect(d.actors.find((a) => a.id === 'walkers')!.type === 'flow' && (d.actors.find((a) => a.id === 'walkers') as { speed?: unknown }).speed).toBeFalsy();
    expect(d.script[0]!.do[1]).toEqual({ type: 'set_speed', actor: 'bus', speed: 10 });
    expect(def.actors.find((a) => a.id === 'cars')).toMatchObject({ speed: [40, 50] });
  });

  it('lengthen pedestrian greens only', () => {
    const d = extendPedestrianGreen(def, 8);
    const phases = d.layout.signals[0]!.phases;
    expect(phases.find((p) => p.name === 'walk')!.duration).toBe(23);
    expect(phases.find((p) => p.name === 'traffic')!.duration).toBe(20);
    expect(def.layout.signals[0]!.phases.find((p) => p.name === 'walk')!.duration).toBe(15);
  });

  it('take the phone out of the script, dropping steps left empty', () => {
    const d = withoutPhone(def);
    expect(d.script).toHaveLength(1);
    expect(d.script[0]!.do).toEqual([{ type: 'set_speed', actor: 'bus', speed: 20 }]);
    expect(() => createWorld(d, 1)).not.toThrow();
  });

  it('need a layout', () => {
    expect(() => simDefOf({ ...zone, layout: undefined })).toThrow(/layout: missing/);
  });
});
