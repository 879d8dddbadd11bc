import { describe, expect, it } from 'vitest';
import { straightRoad } from './fixtures/straightRoad.ts';
import { demoJunction } from './fixtures/demoJunction.ts';
import type { WorldEvent } from './events.ts';
import { createWorld } from './world.ts';

const plan = { green: 20, yellow: 3, allRed: 2, pedGreen: 15 };
const crossingWorld = () =>
  createWorld({ layout: straightRoad({ crossingAt: 100, signal: plan }) }, 1, { player: false });

function runCollecting(world: ReturnType<typeof createWorld>, seconds: number): WorldEvent[] {
  const out: WorldEvent[] = [];
  for (let i = 0; i < Math.round(seconds * 60); i++) {
    world.step(1 / 60);
    out.push(...world.drainEvents());
  }
  return out;
}

describe('signal phases from data', () => {
  it('starts in the first phase with time to change', () => {
    const w = crossingWorld();
    expect(w.signalState('veh-e')).toEqual({ state: 'green', timeToChange: 20, next: 'yellow' });
    // the pedestrian head waits through green, yellow and the all-red interval
    expect(w.signalState('ped')).toEqual({ state: 'red', timeToChange: 25, next: 'green' });
  });

  it('goes green → yellow → all red → walk → all red → green, on time', () => {
    const w = crossingWorld();
    const seen: [number, string, string][] = [];
    for (const e of runCollecting(w, 42.5)) if (e.kind === 'signal_changed') seen.push([+e.t.toFixed(3), String(e.details.head), String(e.details.state)]);
    expect(seen).toEqual([
      [20, 'veh-e', 'yellow'],
      [20, 'veh-w', 'yellow'],
      [23, 'veh-e', 'red'],
      [23, 'veh-w', 'red'],
      [25, 'ped', 'green'],
      [40, 'ped', 'red'],
      [42, 'veh-e', 'green'],
      [42, 'veh-w', 'green'],
    ]);
  });

  it('has an all-red interval in which every head is red', () => {
    const w = crossingWorld();
    runCollecting(w, 24);
    for (const h of ['veh-e', 'veh-w', 'ped']) expect(w.signalState(h).state).toBe('red');
    expect(w.signalState('ped').timeToChange).toBeCloseTo(1, 6);
  });

  it('cycles with the plan (42 s) and honours a controller offset', () => {
    const layout = straightRoad({ crossingAt: 100, signal: plan });
    layout.signals![0]!.offset = 21;
    const w = createWorld({ layout }, 1, { player: false });
    // 21 s into the cycle: yellow, 2 s left
    expect(w.signalState('veh-e')).toMatchObject({ state: 'yellow', next: 'red' });
    expect(w.signalState('veh-e').timeToChange).toBeCloseTo(2, 6);
    const plain = crossingWorld();
    runCollecting(plain, 42 + 21);
    expect(plain.signalState('veh-e')).toMatchObject({ state: 'yellow' });
  });

  it('runs the demo junction plan: protected lefts, pedestrians with parallel traffic', () => {
    const w = createWorld(demoJunction, 3, { player: false });
    const at = (t: number) => {
      runCollecting(w, t - w.time);
      return Object.fromEntries(['veh-EW', 'veh-EW-left', 'veh-NS', 'ped-N', 'ped-W'].map((h) => [h, w.signalState(h).state]));
    };
    expect(at(5)).toEqual({ 'veh-EW': 'green', 'veh-EW-left': 'red', 'veh-NS': 'red', 'ped-N': 'green', 'ped-W': 'red' });
    expect(at(30)).toEqual({ 'veh-EW': 'red', 'veh-EW-left': 'green', 'veh-NS': 'red', 'ped-N': 'red', 'ped-W': 'red' });
    expect(at(45)).toEqual({ 'veh-EW': 'red', 'veh-EW-left': 'red', 'veh-NS': 'green', 'ped-N': 'red', 'ped-W': 'green' });
  });

  it('rejects unknown heads', () => {
    expect(() => crossingWorld().signalState('nope')).toThrow(/unknown signal head/);
  });
});

describe('vehicles and pedestrians obey the signal', () => {
  it('cars stop at the red stop line and go on green; walkers wait for green', () => {
    const w = createWorld(
      {
        layout: straightRoad({ crossingAt: 100, signal: plan, length: 250 }),
        actors: [
          { type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 50, spawn: 'script' },
          { type: 'named', id: 'walker', kind: 'pedestrian', path: [[100, -9], [100, 9]] },
        ],
        script: [{ at: 18, do: [{ type: 'spawn', actor: 'car' }] }],
      },
      5,
      { player: false },
    );
    const events = runCollecting(w, 24.9);
    const walker = () => w.agents.find((a) => a.name === 'walker');
    const car = () => w.agents.find((a) => a.name === 'car')!;
    // vehicles red from 23 s, walk from 25 s: the walker still waits at the kerb
    expect(walker()!.z).toBeLessThan(-3.5); // the crossing's kerb
    expect(walker()!.state).toBe('waiting');
    events.push(...runCollecting(w, 35 - w.time));
    // the car stands before its stop line (x = 95) while the walker crosses
    expect(car().speed).toBeLessThan(0.1);
    const front = car().x + car().length / 2;
    expect(front).toBeLessThan(95.1);
    expect(front).toBeGreaterThan(88);
    expect(walker()!.z).toBeGreaterThan(-3.5);
    events.push(...runCollecting(w, 55 - w.time));
    // green again from 42 s: the car went on; the walker is across; nobody ran the red
    expect(walker()).toBeUndefined();
    expect(car().x).toBeGreaterThan(110);
    expect(events.filter((e) => e.kind === 'entered_on_red')).toEqual([]);
    expect(events.filter((e) => e.kind === 'collision')).toEqual([]);
  });
});
