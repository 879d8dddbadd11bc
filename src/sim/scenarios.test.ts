// The scenario shapes of the six zones, written as zone-file data and run: the schema has to be
// general enough for all of them, and the scripted hazards have to happen.
import { describe, expect, it } from 'vitest';
import type { SimDefInput } from './def.ts';
import { makeJunction } from './fixtures/demoJunction.ts';
import { straightRoad } from './fixtures/straightRoad.ts';
import { ofKind, run, ScriptedInput } from './testing.ts';
import { createWorld } from './world.ts';

describe('crossing zone: signalised and unsignalised crossings, a van hiding a child', () => {
  const layout = straightRoad({ length: 300, crossingAt: 60, signal: { green: 20, yellow: 3, allRed: 2, pedGreen: 15 } });
  // a second, unsignalised zebra further on, and a van parked at the kerb before it
  layout.crossings!.push({ id: 'zebra-2', from: [200, -3.5], to: [200, 3.5], width: 4 });
  layout.props = [{ id: 'van', prop: 'van', position: [170, 4.6], rotation: 0, size: [5.2, 2.0, 2.4], occluder: true }];
  layout.signs = [{ sign: 'watch-children', position: [150, 7], facing: 180 }];
  layout.spawns = [{ id: 'kerb', position: [60, -5.5], heading: 90, player: true, as: 'pedestrian' }];
  const def: SimDefInput = {
    layout,
    actors: [
      { type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 40, spawn: 'script', behaviour: { reactionTime: 1.5 } },
      // the child waits behind the van, then runs across (about 3 m/s)
      { type: 'named', id: 'child', kind: 'pedestrian', path: [[176, 5.4], [176, -6]], speed: 11, hold: true, dims: { length: 0.3, width: 0.4, height: 1.2 } },
    ],
    script: [
      { at: 26, do: [{ type: 'spawn', actor: 'car' }] },
      // when the car comes within about 20 m, the child runs out
      { when: { type: 'actor_enters', actor: 'car', rect: [150, -10, 160, 10] }, do: [{ type: 'release', actor: 'child' }] },
    ],
  };

  it('the parked van blocks the line of sight between the driver and the child', () => {
    const w = createWorld(def, 1, { player: false });
    expect(w.lineOfSight(150, 1.75, 176, 5.4)).toBe(false);
    expect(w.lineOfSight(150, 1.75, 176, 1.0)).toBe(true);
  });

  it('the car yields at the signalised crossing, then brakes hard for the child with a reaction delay', () => {
    const w = createWorld(def, 1, { input: new ScriptedInput((t) => ({ hasPose: true, poseX: 60, poseZ: t < 25.5 ? -5.5 : -5.5 + (t - 25.5) * 1.25 })) });
    const ev = run(w, 70);
    // the visitor crossed on green: no violations
    expect(ofKind(ev, 'entered_on_red')).toEqual([]);
    expect(ofKind(ev, 'outside_crossing').filter((e) => e.agents.includes(w.player!.id))).toEqual([]);
    // the child ran out outside a crossing and the car had to brake for it
    const child = ofKind(ev, 'outside_crossing').find((e) => e.x > 170);
    expect(child).toBeDefined();
    const car = w.agentByName('car')!;
    const incident = ev.filter((e) => (e.kind === 'near_miss' || e.kind === 'collision') && e.agents.includes(car.id));
    expect(incident.length).toBeGreaterThan(0);
  });
});

describe('e-bike zone: non-motor lane, junction, right-turning truck', () => {
  it('the player rides straight in the non-motor lane while a truck turns right across it', () => {
    const j = makeJunction();
    const def: SimDefInput = {
      layout: j.layout,
      actors: [
        { type: 'named', id: 'truck', kind: 'truck', route: ['W-in-2', 'right'], speed: 25, startAt: 20, behaviour: { noYield: true } },
      ],
    };
    const w = createWorld(def, 1, { player: { spawn: 'player-ebike' }, input: new ScriptedInput(() => ({ throttle: 1 })) });
    expect(w.player!.kind).toBe('ebike');
    expect(w.player!.lane).toBe(null);
    const ev = run(w, 1);
    expect(w.player!.lane).toBe('W-in-nm');
    ev.push(...run(w, 20));
    expect(ofKind(ev, 'wrong_lane')).toEqual([]);
    // the truck that does not give way puts the rider beside it, in its blind zone or in its sweep
    const truckId = w.agentByName('truck')?.id;
    const danger = ev.filter((e) => ['in_blind_zone', 'in_inner_wheel_sweep', 'near_miss', 'collision'].includes(e.kind) && e.agents.includes(w.player!.id));
    expect(truckId === undefined || danger.every((e) => e.agents.includes(truckId))).toBe(true);
    expect(danger.length).toBeGreaterThan(0);
  });
});

describe('drunk zone: a straight road, a lead car, a sudden hazard', () => {
  const def = (brakeAt: number): SimDefInput => ({
    layout: { ...straightRoad({ length: 800, speedLimit: 60 }), spawns: [{ id: 'start', position: [20, 1.75], player: true, as: 'car' }] },
    actors: [{ type: 'named', id: 'lead', kind: 'car', route: ['e-1'], speed: 50, startAt: 60 }],
    script: [{ at: brakeAt, do: [{ type: 'brake_hard', actor: 'lead', decel: 7 }] }],
  });

  it('the lead car brakes hard and the world says so', () => {
    const w = createWorld(def(12), 1, { input: new ScriptedInput(() => ({})) });
    const ev = run(w, 16);
    const hb = ofKind(ev, 'hard_braking');
    expect(hb).toHaveLength(1);
    expect(hb[0]!.t).toBeCloseTo(12, 6);
    expect(w.agentByName('lead')!.speed).toBe(0);
  });

  it('delayed controls ("after drinking") add v × delay to the stopping distance (facts 5.17)', () => {
    /** metres from the moment the lead car brakes (12 s) to the player's standstill, and the speed then */
    const afterHazard = (delay: number) => {
      let x12 = NaN;
      let v12 = NaN;
      const w = createWorld(def(12), 1, {
        player: { inputDelay: delay },
        input: new ScriptedInput((t) => (t >= 12 ? { brake: 1 } : t < 4 ? { throttle: 1 } : { throttle: 0.15 })),
      });
      run(w, 20, (wd) => {
        if (Math.abs(wd.time - 12) < 1e-9) {
          x12 = wd.player!.x;
          v12 = wd.player!.speed;
        }
      });
      return { d: w.player!.x - x12, v: v12 };
    };
    const sober = afterHazard(0);
    const drunk = afterHazard(0.5);
    expect(drunk.v).toBeCloseTo(sober.v, 6);
    expect(drunk.d - sober.d).toBeCloseTo(sober.v * 0.5, 1);
  });
});

describe('seat-belt zone: a straight test track', () => {
  it('a test car runs up to 50 km/h and stops at the braking mark as the formula says', () => {
    const def: SimDefInput = {
      layout: straightRoad({ length: 400, speedLimit: 60 }),
      actors: [{ type: 'named', id: 'test-car', kind: 'car', route: ['e-1'], speed: 50, startAt: 10 }],
      script: [{ at: 8, do: [{ type: 'brake_hard', actor: 'test-car', decel: 7, reaction: 0.75, hold: 60 }] }],
    };
    const w = createWorld(def, 1, { player: false });
    const ev = run(w, 14);
    const start = ofKind(ev, 'hard_braking')[0]!;
    // 13.9 m/s × 0.75 s + 13.78 m = 24.2 m (facts 5.15 "fully expected" reaction)
    expect(w.agentByName('test-car')!.x - start.x).toBeCloseTo(13.889 * 0.75 + 13.778, 1);
  });
});

describe('signals zone: a street with signs', () => {
  it('signs and props from the catalogue are accepted, unknown ones are named', () => {
    const layout = straightRoad();
    layout.signs = [
      { sign: 'stop', position: [40, 6], facing: 180 },
      { sign: 'no-left-turn', position: [80, 6] },
      { sign: 'speed-limit-40', position: [120, 6] },
    ];
    layout.props = [{ prop: 'police-officer', position: [150, 0] }];
    expect(() => createWorld({ layout }, 1)).not.toThrow();
    layout.signs.push({ sign: 'speed-limit-99', position: [0, 0] });
    expect(() => createWorld({ layout }, 1)).toThrow(/layout\.signs\.3\.sign: is not a sign in the catalogue/);
  });
});

describe('script triggers and the phone', () => {
  it('phone rings at a time, steps fire when the player enters an area, after a delay, and on events', () => {
    const layout = straightRoad({ length: 300 });
    layout.spawns = [{ id: 's', position: [10, -5], player: true, as: 'pedestrian' }];
    const def: SimDefInput = {
      layout,
      actors: [{ type: 'named', id: 'bus', kind: 'bus', route: ['e-1'], speed: 30, spawn: 'script' }],
      script: [
        { at: 1, do: [{ type: 'phone_rings', duration: 2 }] },
        { when: { type: 'player_enters', rect: [20, -7, 30, -3] }, delay: 0.5, do: [{ type: 'spawn', actor: 'bus' }] },
        { when: { type: 'event', kind: 'actor_spawned' }, do: [{ type: 'emit', kind: 'bus_coming', details: { line: 9 } }] },
      ],
    };
    const w = createWorld(def, 1, { input: new ScriptedInput(() => ({ moveX: 2 })) });
    let ringingAt2 = false;
    const ev = run(w, 8, (wd) => {
      if (Math.abs(wd.time - 2) < 1e-9) ringingAt2 = wd.phone.ringing;
    });
    expect(ofKind(ev, 'phone_rings').map((e) => e.t)).toEqual([1]);
    expect(ringingAt2).toBe(true);
    expect(w.phone.ringing).toBe(false);
    // the player reaches x = 20 after 5 s; the bus comes half a second later
    const spawned = ofKind(ev, 'actor_spawned');
    expect(spawned).toHaveLength(1);
    expect(spawned[0]!.t).toBeCloseTo(5.5, 1);
    const custom = ofKind(ev, 'bus_coming');
    expect(custom).toHaveLength(1);
    expect(custom[0]!.details).toEqual({ line: 9 });
  });
});
