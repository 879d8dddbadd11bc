import { describe, expect, it } from 'vitest';
import { demoJunction } from './fixtures/demoJunction.ts';
import { straightRoad } from './fixtures/straightRoad.ts';
import { run, ScriptedInput } from './testing.ts';
import { createWorld, type World } from './world.ts';

/** A compact fingerprint of the whole world after each step. */
function trace(w: World, seconds: number, input?: never): string[] {
  void input;
  const out: string[] = [];
  for (let i = 0; i < Math.round(seconds * 60); i++) {
    w.step(1 / 60);
    let line = `${w.stepCount}`;
    for (const a of w.agents) line += `|${a.id}:${a.x.toFixed(6)},${a.z.toFixed(6)},${a.heading.toFixed(6)},${a.speed.toFixed(6)},${a.state}`;
    for (const e of w.drainEvents()) line += `#${e.kind}@${e.t.toFixed(4)}[${e.agents.join(',')}]`;
    out.push(line);
  }
  return out;
}

const walker = () => new ScriptedInput((t) => ({ moveX: Math.sin(t * 0.7) * 1.2, moveZ: Math.cos(t * 0.3) * 1.2, lookYaw: t }));

describe('determinism', () => {
  it('the same seed gives the same run, step for step (busy junction, 90 s)', () => {
    const a = trace(createWorld(demoJunction, 1234, { input: walker() }), 90);
    const b = trace(createWorld(demoJunction, 1234, { input: walker() }), 90);
    expect(a.length).toBe(5400);
    expect(b).toEqual(a);
    // and something actually happened
    expect(a[a.length - 1]!.split('|').length).toBeGreaterThan(30);
  });

  it('another seed gives another run', () => {
    const a = trace(createWorld(demoJunction, 1, { player: false }), 30);
    const b = trace(createWorld(demoJunction, 2, { player: false }), 30);
    expect(b).not.toEqual(a);
  });

  it('step(dt) runs whole fixed steps whatever the frame time, carrying the remainder', () => {
    const w = createWorld(demoJunction, 1, { player: false });
    expect(w.step(0.01)).toBe(0);
    expect(w.step(0.01)).toBe(1);
    expect(w.time).toBeCloseTo(1 / 60, 12);
    const fixed = createWorld(demoJunction, 7, { player: false });
    const jittery = createWorld(demoJunction, 7, { player: false });
    for (let i = 0; i < 600; i++) fixed.step(1 / 60);
    const frames = [0.011, 0.02, 0.017, 0.0335, 0.009];
    let k = 0;
    while (jittery.stepCount < 600) jittery.step(frames[k++ % frames.length]!);
    while (jittery.stepCount > 600) throw new Error('overshot');
    expect(jittery.agents.map((a) => [a.id, a.x, a.z])).toEqual(fixed.agents.map((a) => [a.id, a.x, a.z]));
  });
});

describe('snapshot and restore', () => {
  it('continue identically after a restore (traffic, script and player input)', () => {
    const def = { ...demoJunction, script: [{ at: 40, do: [{ type: 'phone_rings' as const, duration: 3 }] }] };
    const w = createWorld(def, 99, { input: walker() });
    run(w, 30);
    const snap = w.snapshot();
    const first = trace(w, 20);
    w.restore(snap);
    expect(w.time).toBeCloseTo(30, 9);
    const second = trace(w, 20);
    expect(second).toEqual(first);
    // the script step at 40 s fired in both continuations
    expect(first.some((l) => l.includes('#phone_rings@40'))).toBe(true);
  });

  it('a snapshot survives structured cloning (it can be stored)', () => {
    const w = createWorld(demoJunction, 5, { player: false });
    run(w, 20);
    const snap = structuredClone(w.snapshot());
    const a = trace(w, 10);
    const other = createWorld(demoJunction, 5, { player: false });
    other.restore(snap);
    expect(trace(other, 10)).toEqual(a);
  });
});

describe('replay buffer', () => {
  it('keeps the last N seconds and replays any moment of them', () => {
    const w = createWorld(
      { layout: straightRoad({ length: 600 }), actors: [{ type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 36, startAt: 5 }] },
      1,
      { player: false, replay: { seconds: 5, hz: 30 } },
    );
    const xs: [number, number][] = [];
    run(w, 12, (wd) => xs.push([wd.time, wd.agents[0]!.x]));
    const [t0, t1] = w.replay.span();
    expect(t1).toBeCloseTo(12, 6);
    expect(t1 - t0).toBeCloseTo(5, 1);
    const frame = w.replay.createFrame();
    // a recorded moment, and one between two recorded frames (interpolated)
    for (const t of [9, 9.01, 11.5]) {
      expect(w.replay.sample(t, frame)).toBe(true);
      const truth = xs.reduce((best, p) => (Math.abs(p[0] - t) < Math.abs(best[0] - t) ? p : best));
      expect(frame.count).toBe(1);
      expect(frame.agents[0]!.kind).toBe('car');
      expect(frame.agents[0]!.x).toBeCloseTo(truth[1] + (t - truth[0]) * 10, 1);
    }
    // older than the window: clamped to the oldest frame
    w.replay.sample(1, frame);
    expect(frame.t).toBeCloseTo(t0, 6);
  });

  it('forgets the future when the world is restored to the past', () => {
    const w = createWorld(demoJunction, 3, { player: false });
    run(w, 4);
    const snap = w.snapshot();
    run(w, 4);
    expect(w.replay.span()[1]).toBeCloseTo(8, 6);
    w.restore(snap);
    expect(w.replay.span()[1]).toBeLessThanOrEqual(4 + 1e-9);
  });
});

describe('pedestrian walking speed per audience group (facts 1.15)', () => {
  it('walkers cross at the group speed: about 1.25 m/s adults, 0.97 m/s older people', () => {
    const crossTime = (walkSpeed: number) => {
      const w = createWorld(
        { layout: straightRoad({ crossingAt: 50, motorLanes: 2 }), actors: [{ type: 'named', id: 'p', kind: 'pedestrian', path: [[50, -7.5], [50, 7.5]] }] },
        1,
        { player: false, walkSpeed, walkSpeedSpread: 0 },
      );
      let t = 0;
      run(w, 30, (wd) => {
        if (t === 0 && !wd.agentByName('p')) t = wd.time;
      });
      return t;
    };
    // 15 m: about 12 s at 1.25 m/s, 15–16 s at 0.97 m/s (facts 1.15)
    expect(crossTime(1.25)).toBeCloseTo(12, 0);
    const senior = crossTime(0.97);
    expect(senior).toBeGreaterThan(15);
    expect(senior).toBeLessThan(16);
  });
});

describe('bad data', () => {
  it('names the field and the problem', () => {
    expect(() => createWorld({ layout: { roads: [{ id: 'r', centerline: [[0, 0]], lanes: [] }] } }, 1)).toThrow(/layout\.roads\.0\.centerline/);
    expect(() =>
      createWorld({ layout: straightRoad(), actors: [{ type: 'flow', id: 'f', kind: 'car', route: ['nowhere'], rate: 1 }] }, 1),
    ).toThrow(/actors\.0\.route\.0: "nowhere" is neither a lane id nor a turn/);
  });
  it('a route that turns where there is no junction is reported with the actor', () => {
    expect(() => createWorld({ layout: straightRoad(), actors: [{ type: 'flow', id: 'f', kind: 'car', route: ['e-1', 'left'], rate: 1 }] }, 1)).toThrow(
      /actors\[0\] "f": lane "e-1" does not end at a junction/,
    );
  });
});

describe('putting the visitor back at the start (the drunk zone drives its route twice)', () => {
  const layout = () => {
    const l = straightRoad({ length: 400, speedLimit: 40 });
    l.spawns = [
      { id: 'start', position: [20, 1.75], player: true, as: 'car' },
      { id: 'other', position: [60, -1.75], heading: 180, as: 'car' },
    ];
    return l;
  };

  it('back at the spawn, standing, facing along it; time and the other road users go on', () => {
    const def = { layout: layout(), actors: [{ type: 'named' as const, id: 'oncoming', kind: 'car' as const, route: ['w-1'], speed: 30 }] };
    // drive off the road onto the pavement: a wrong_lane breach is in progress
    const w = createWorld(def, 4, { input: new ScriptedInput((t) => ({ throttle: 1, steer: t < 3 ? 0.2 : 0 })) });
    const before = run(w, 8);
    expect(before.some((e) => e.kind === 'wrong_lane' && e.agents.includes(w.player!.id))).toBe(true);
    const others = w.agents.filter((a) => !a.isPlayer).map((a) => [a.id, a.x]);
    expect(others.length).toBeGreaterThan(0);
    w.resetPlayer();
    const p = w.player!;
    expect([p.x, p.z, p.heading, p.speed, p.state]).toEqual([20, 1.75, 0, 0, 'stopped']);
    expect(w.time).toBeCloseTo(8, 9);
    expect(w.agents.filter((a) => !a.isPlayer).map((a) => [a.id, a.x])).toEqual(others);
    // the rule detectors start afresh: leaving the lane again is reported again
    w.setInput(new ScriptedInput((t) => ({ throttle: 1, steer: t < 11 ? 0.2 : 0 })));
    const after = run(w, 8);
    expect(after.some((e) => e.kind === 'wrong_lane' && e.agents.includes(p.id))).toBe(true);
    expect(after.every((e) => e.t > 8)).toBe(true);
  });

  it('to another spawn point, facing its heading; an unknown one is named', () => {
    const w = createWorld({ layout: layout() }, 1, { input: new ScriptedInput(() => ({ throttle: 1 })) });
    run(w, 2);
    w.resetPlayer('other');
    expect(w.player!.x).toBeCloseTo(60, 9);
    expect(w.player!.z).toBeCloseTo(-1.75, 9);
    expect(w.player!.heading).toBeCloseTo(Math.PI, 9);
    run(w, 2);
    // it drives off the way the spawn faces (−x)
    expect(w.player!.x).toBeLessThan(58);
    expect(() => w.resetPlayer('nowhere')).toThrow(/unknown spawn point "nowhere"/);
    expect(() => createWorld({ layout: layout() }, 1, { player: false }).resetPlayer()).toThrow(/no player/);
  });

  it('the same seed and input give the same run through a reset', () => {
    const go = () => {
      const w = createWorld({ layout: layout(), actors: [{ type: 'flow', id: 'oncoming', kind: 'car', route: ['w-1'], rate: 6 }] }, 9, {
        input: new ScriptedInput((t) => ({ throttle: 1, steer: Math.sin(t) * 0.1 })),
      });
      const a = trace(w, 5);
      w.resetPlayer();
      return [...a, ...trace(w, 5)];
    };
    expect(go()).toEqual(go());
  });
});
