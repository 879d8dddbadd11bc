// Every built-in event kind, provoked by scripted input and detected — and not reported when the
// same situation is handled safely.
import { describe, expect, it } from 'vitest';
import type { ActorDef, AgentKind, LayoutInput, SimDefInput, StepDef, Vec2 } from '../def.ts';
import { makeJunction } from '../fixtures/demoJunction.ts';
import { straightRoad, type StraightRoadOptions } from '../fixtures/straightRoad.ts';
import { ofKind, run, ScriptedInput } from '../testing.ts';
import type { PlayerInput } from '../agents/player.ts';
import { createWorld, type World } from '../world.ts';

type ActorIn = SimDefInput['actors'] extends (infer T)[] | undefined ? T : never;
type StepIn = SimDefInput['script'] extends (infer T)[] | undefined ? T : never;

function road(
  player: { as: AgentKind; at: Vec2; heading?: number } | null,
  actors: ActorIn[] = [],
  script: StepIn[] = [],
  opts: StraightRoadOptions = {},
): SimDefInput {
  const layout: LayoutInput = straightRoad(opts);
  layout.spawns = player ? [{ id: 'me', position: player.at, heading: player.heading ?? 0, player: true, as: player.as }] : [];
  return { layout, actors, script };
}

function world(def: SimDefInput, input: (t: number, w: World) => Partial<PlayerInput>, seed = 1): World {
  let w: World | null = null;
  w = createWorld(def, seed, { input: new ScriptedInput((t) => input(t, w!)) });
  return w;
}

const pid = (w: World) => w.player!.id;
const involves = (ids: number[], ...who: number[]) => who.every((id) => ids.includes(id));

describe('collision', () => {
  it('the player drives into a car standing in the lane', () => {
    const w = world(road({ as: 'car', at: [20, 1.75] }, [{ type: 'named', id: 'parked', kind: 'car', route: ['e-1'], startAt: 62, hold: true }]), () => ({ throttle: 1 }));
    const ev = run(w, 15);
    const hits = ofKind(ev, 'collision');
    expect(hits).toHaveLength(1);
    const parked = w.agentByName('parked')!;
    expect(involves(hits[0]!.agents, pid(w), parked.id)).toBe(true);
    expect(hits[0]!.x).toBeGreaterThan(55);
    expect(parked.state).toBe('held');
  });

  it('braking in time avoids it', () => {
    const w = world(road({ as: 'car', at: [20, 1.75] }, [{ type: 'named', id: 'parked', kind: 'car', route: ['e-1'], startAt: 62, hold: true }]), (t) =>
      t < 4 ? { throttle: 1 } : { brake: 1 },
    );
    expect(ofKind(run(w, 15), 'collision')).toEqual([]);
  });
});

describe('near_miss', () => {
  const carComing: ActorIn = { type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 40, startAt: 5 };

  it('by time-to-collision: stepping into the lane in front of a car and back', () => {
    // the car (40 km/h) passes x = 80 at about 6.8 s; the walker steps in at 5.5 s and back at 6.0 s
    const w = world(road({ as: 'pedestrian', at: [80, 5] }, [carComing]), (t) => ({
      hasPose: true,
      poseX: 80,
      poseZ: t < 5.5 ? 5 : t < 6.0 ? 1.2 : 5.5,
    }));
    const ev = run(w, 10);
    expect(ofKind(ev, 'collision')).toEqual([]);
    const nm = ofKind(ev, 'near_miss');
    expect(nm.length).toBeGreaterThan(0);
    expect(involves(nm[0]!.agents, pid(w), w.agentByName('car')?.id ?? -1) || nm[0]!.agents.includes(pid(w))).toBe(true);
    expect(nm[0]!.details.metric).toBe('ttc');
    expect(nm[0]!.details.value).toBeLessThanOrEqual(1.5);
  });

  it('by post-encroachment time: crossing the lane just behind a passing car', () => {
    let go = -1;
    const w = world(road({ as: 'pedestrian', at: [80, 4.6] }, [carComing]), (t, wd) => {
      const car = wd.agents.find((a) => a.name === 'car');
      // start walking the moment the car's tail is past
      if (go < 0 && car && car.x - car.length / 2 > 80.3) go = t;
      return go < 0 ? {} : { moveX: 0, moveZ: -3 };
    });
    const ev = run(w, 10);
    const nm = ofKind(ev, 'near_miss');
    expect(go).toBeGreaterThan(0);
    expect(nm).toHaveLength(1);
    expect(nm[0]!.details.metric).toBe('pet');
    expect(nm[0]!.details.value).toBeLessThan(1);
    expect(ofKind(ev, 'collision')).toEqual([]);
  });

  it('not when the walker waits for the car to be long gone', () => {
    const w = world(road({ as: 'pedestrian', at: [80, 4.6] }, [carComing]), (t) => (t < 12 ? {} : { moveZ: -3 }));
    expect(ofKind(run(w, 16), 'near_miss')).toEqual([]);
  });
});

describe('entered_on_red', () => {
  const plan = { green: 20, yellow: 3, allRed: 2, pedGreen: 15 };
  const sig = { crossingAt: 100, signal: plan, length: 250 };

  it('a walker stepping onto the crossing while the pedestrian light is red', () => {
    const w = world(road({ as: 'pedestrian', at: [100, -5] }, [], [], sig), (t) => ({ hasPose: true, poseX: 100, poseZ: t < 3 ? -5 : -2 }));
    const ev = ofKind(run(w, 5), 'entered_on_red');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.agents).toEqual([pid(w)]);
    expect(ev[0]!.details).toMatchObject({ crossing: 'zebra', head: 'ped' });
  });

  it('not on green', () => {
    const w = world(road({ as: 'pedestrian', at: [100, -5] }, [], [], sig), (t) => ({ hasPose: true, poseX: 100, poseZ: t < 27 ? -5 : -2 }));
    expect(ofKind(run(w, 29), 'entered_on_red')).toEqual([]);
  });

  it('a car made to run the red by the script, while the car beside it stops', () => {
    const cars: ActorIn[] = [
      { type: 'named', id: 'runner', kind: 'car', route: ['e-1'], speed: 50, spawn: 'script' },
      { type: 'named', id: 'good', kind: 'car', route: ['w-1'], speed: 50, spawn: 'script' },
    ];
    const script: StepIn[] = [
      { when: { type: 'signal_turns', head: 'veh-e', state: 'red' }, do: [{ type: 'spawn', actor: 'runner' }, { type: 'violate', actor: 'runner', rule: 'run_red' }] },
      { when: { type: 'signal_turns', head: 'veh-w', state: 'red' }, do: [{ type: 'spawn', actor: 'good' }] },
    ];
    const w = createWorld(road(null, cars, script, sig), 1, { player: false });
    const ev = run(w, 36);
    const red = ofKind(ev, 'entered_on_red');
    expect(red).toHaveLength(1);
    expect(red[0]!.details).toMatchObject({ stopLine: 'stop-e', head: 'veh-e' });
    expect(w.agentByName('good')!.x).toBeGreaterThan(105); // waiting before its stop line at x = 105
  });

  it('the player riding over a red stop line', () => {
    const w = world(road({ as: 'car', at: [60, 1.75] }, [], [], sig), (t) => (t > 23 ? { throttle: 0.6 } : {}));
    const ev = ofKind(run(w, 36), 'entered_on_red');
    expect(ev.map((e) => e.details.stopLine)).toEqual(['stop-e']);
  });
});

describe('outside_crossing', () => {
  it('walking onto the carriageway away from the crossing, once per excursion', () => {
    const w = world(road({ as: 'pedestrian', at: [30, -5] }, [], [], { crossingAt: 100 }), (t) => ({ moveZ: t < 2 ? 1.5 : t < 4 ? -1.5 : 0 }));
    const ev = ofKind(run(w, 5), 'outside_crossing');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.agents).toEqual([pid(w)]);
  });

  it('not on the zebra', () => {
    const w = world(road({ as: 'pedestrian', at: [100, -5] }, [], [], { crossingAt: 100 }), () => ({ moveZ: 1.5 }));
    expect(ofKind(run(w, 8), 'outside_crossing')).toEqual([]);
  });

  it('a child running out from between parked cars (an actor)', () => {
    const child: ActorIn = { type: 'named', id: 'child', kind: 'pedestrian', path: [[40, 6], [40, -6]], speed: 10 };
    const w = createWorld(road(null, [child], [], { crossingAt: 100 }), 1, { player: false });
    const ev = ofKind(run(w, 5), 'outside_crossing');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.x).toBeCloseTo(40, 0);
  });
});

describe('wrong_lane and wrong_way', () => {
  const nm = { nonMotor: true };

  it('an e-bike leaving the non-motor lane for the motor lane', () => {
    // a left swerve and back: into the motor lane for a moment
    const w = world(road({ as: 'ebike', at: [20, 4.75] }, [], [], nm), (t) => ({ throttle: 1, steer: t > 2 && t < 2.8 ? -0.6 : t >= 2.8 && t < 3.6 ? 0.6 : 0 }));
    const ev = ofKind(run(w, 4), 'wrong_lane');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.details).toMatchObject({ lane: 'e-1', laneKind: 'motor', agentKind: 'ebike' });
  });

  it('a car driving in the non-motor lane', () => {
    const w = world(road({ as: 'car', at: [20, 1.75] }, [], [], nm), (t) => ({ throttle: 1, steer: t > 2 && t < 3.5 ? 0.35 : 0 }));
    const ev = ofKind(run(w, 5), 'wrong_lane');
    expect(ev.map((e) => e.details.lane)).toContain('e-nm');
  });

  it('an e-bike keeping its lane reports nothing', () => {
    const w = world(road({ as: 'ebike', at: [20, 4.75] }, [], [], nm), () => ({ throttle: 0.5 }));
    const ev = run(w, 8);
    expect(ofKind(ev, 'wrong_lane')).toEqual([]);
    expect(ofKind(ev, 'wrong_way')).toEqual([]);
  });

  it('the player riding against the lane', () => {
    const w = world(road({ as: 'ebike', at: [20, -4.75] }, [], [], nm), () => ({ throttle: 0.5 }));
    const ev = ofKind(run(w, 4), 'wrong_way');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.details.lane).toBe('w-nm');
  });

  it('an e-bike actor whose route is ridden backwards', () => {
    const rider: ActorIn = { type: 'named', id: 'wrong', kind: 'ebike', route: ['w-nm'], reversed: true, speed: 20 };
    const w = createWorld(road(null, [rider], [], nm), 1, { player: false });
    const ev = ofKind(run(w, 3), 'wrong_way');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.agents).toEqual([w.agentByName('wrong')!.id]);
  });
});

describe('speeding', () => {
  it('above the lane limit, with the figures', () => {
    const w = world(road({ as: 'car', at: [20, 1.75] }, [], [], { length: 600, speedLimit: 50 }), () => ({ throttle: 1 }));
    const ev = ofKind(run(w, 12), 'speeding');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.details.limitKmh).toBe(50);
    expect(ev[0]!.details.speedKmh as number).toBeGreaterThan(50);
    expect(ev[0]!.details.speedKmh as number).toBeLessThan(52);
  });

  it('a flow driving over the limit; not a flow below it', () => {
    const fast: ActorIn = { type: 'flow', id: 'fast', kind: 'car', route: ['e-1'], rate: 6, speed: [70, 70], max: 1 };
    const slow: ActorIn = { type: 'flow', id: 'slow', kind: 'car', route: ['w-1'], rate: 6, speed: [40, 45], max: 1 };
    const w = createWorld(road(null, [fast, slow], [], { length: 600 }), 3, { player: false });
    const ev = ofKind(run(w, 30), 'speeding');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.details.overPct).toBe(40);
  });
});

describe('in_blind_zone', () => {
  it('standing beside the cab on the right is reported, a mirror-visible spot is not, and coming back is again', () => {
    const truck: ActorIn = { type: 'named', id: 'truck', kind: 'truck', route: ['e-1'], startAt: 60, hold: true };
    // the truck's front axle is at x = 60, its bumper 1.4 m further; its right side is +z
    const bumper = 61.4;
    const spots: Vec2[] = [
      [bumper - 0.8, 1.75 + 2.2], // beside the door, below the sill line
      [bumper - 8, 1.75 + 2.75], // alongside the box, in the mirrors
      [bumper - 0.8, 1.75 + 2.2],
    ];
    const w = world(road({ as: 'pedestrian', at: spots[0]! }, [truck]), (t) => {
      const p = spots[Math.min(2, Math.floor(t / 2))]!;
      return { hasPose: true, poseX: p[0], poseZ: p[1] };
    });
    const ev = ofKind(run(w, 6), 'in_blind_zone');
    expect(ev.map((e) => Math.floor(e.t / 2))).toEqual([0, 2]);
    expect(involves(ev[0]!.agents, w.agentByName('truck')!.id, pid(w))).toBe(true);
  });

  it('world.blindZones draws the zones around the truck where it stands', () => {
    const truck: ActorIn = { type: 'named', id: 'truck', kind: 'truck', route: ['e-1'], startAt: 60, hold: true };
    const w = createWorld(road(null, [truck]), 1, { player: false });
    const zones = w.blindZones(w.agentByName('truck')!.id, 1.0);
    expect(new Set(zones.map((z) => z.side))).toEqual(new Set(['front', 'right', 'left', 'rear']));
    const front = zones.filter((z) => z.side === 'front').flatMap((z) => z.points);
    // in world coordinates, just ahead of the bumper (x ≈ 61.4) across the lane
    expect(Math.min(...front.map((p) => p[0]))).toBeGreaterThan(60.5);
    expect(Math.max(...front.map((p) => p[0]))).toBeLessThan(61.4 + 4.01);
  });
});

describe('in_inner_wheel_sweep', () => {
  it('a walker at the inner corner of a right-turning truck', () => {
    const { layout } = makeJunction();
    const truck: ActorIn = { type: 'named', id: 'truck', kind: 'truck', route: ['W-in-2', 'right'], speed: 20, startAt: 40 };
    // kerb arc centre (−17.5, 17.5); the truck's front axle turns on radius 12.25, its inner rear
    // wheels on about 10.2: stand at radius 10.3, half-way round, clear of the front's path (the
    // driver would stop for someone in front of the cab)
    const r = 10.3;
    const spot: Vec2 = [-17.5 + r * Math.SQRT1_2, 17.5 - r * Math.SQRT1_2];
    const def: SimDefInput = { layout: { ...layout, spawns: [{ id: 'me', position: spot, player: true, as: 'pedestrian' }] }, actors: [truck] };
    const w = createWorld(def, 1, { input: new ScriptedInput(() => ({ hasPose: true, poseX: spot[0], poseZ: spot[1] })) });
    const truckId = w.agents.find((a) => a.name === 'truck')!.id;
    const ev = run(w, 25);
    const sweep = ofKind(ev, 'in_inner_wheel_sweep');
    expect(sweep).toHaveLength(1);
    expect(sweep[0]!.agents).toEqual([truckId, pid(w)]);
    // about a metre of off-tracking for a 5 m wheelbase on this corner (front axle radius 12.25)
    expect(sweep[0]!.details.offTracking as number).toBeGreaterThan(0.8);
    expect(sweep[0]!.details.offTracking as number).toBeLessThan(1.5);
    // the walker was not in front of the cab (the driver would have stopped) but beside the body:
    // the rear wheels then run over the spot
    const hit = ofKind(ev, 'collision');
    expect(hit.length === 0 || hit[0]!.t > sweep[0]!.t).toBe(true);
  });

  it('not for someone waiting back on the kerb', () => {
    const { layout } = makeJunction();
    const truck: ActorIn = { type: 'named', id: 'truck', kind: 'truck', route: ['W-in-2', 'right'], speed: 20, startAt: 40 };
    const spot: Vec2 = [-13, 13]; // on the rounded corner of the sidewalk
    const def: SimDefInput = { layout: { ...layout, spawns: [{ id: 'me', position: spot, player: true, as: 'pedestrian' }] }, actors: [truck] };
    const w = createWorld(def, 1, { input: new ScriptedInput(() => ({ hasPose: true, poseX: spot[0], poseZ: spot[1] })) });
    const ev = run(w, 25);
    expect(ofKind(ev, 'in_inner_wheel_sweep')).toEqual([]);
    expect(ofKind(ev, 'outside_crossing')).toEqual([]);
  });
});

describe('looking both ways before the crossing', () => {
  const def = () => road({ as: 'pedestrian', at: [100, -5.5] }, [], [], { crossingAt: 100 });
  it('looked_both_ways when the walker checked both directions at the kerb', () => {
    // traffic runs along ±x: look at heading 0 and π, then step onto the zebra
    const w = world(def(), (t) => ({ lookYaw: t < 1 ? 0 : t < 2 ? Math.PI : Math.PI / 2, moveZ: t > 2.5 ? 1.3 : 0 }));
    const ev = run(w, 5);
    expect(ofKind(ev, 'looked_both_ways')).toHaveLength(1);
    expect(ofKind(ev, 'crossed_without_looking')).toEqual([]);
  });
  it('crossed_without_looking when the walker looked only one way', () => {
    const w = world(def(), (t) => ({ lookYaw: t < 1 ? 0 : Math.PI / 2, moveZ: t > 2.5 ? 1.3 : 0 }));
    const ev = run(w, 5);
    expect(ofKind(ev, 'crossed_without_looking')).toHaveLength(1);
    expect(ofKind(ev, 'looked_both_ways')).toEqual([]);
  });
});

// keep the def types referenced for readers
export type { ActorDef, StepDef };
