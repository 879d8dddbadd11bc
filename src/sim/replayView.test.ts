// The replay view shows the world as the buffer recorded it (not as it is now), with live sizes,
// the signals of that moment, a hidden agent left out, and a driver's eye inside the right vehicle.
import { describe, expect, it } from 'vitest';
import { demoJunction } from './fixtures/demoJunction.ts';
import { straightRoad } from './fixtures/straightRoad.ts';
import { ReplayView } from './replayView.ts';
import { createWorld } from './world.ts';

describe('ReplayView', () => {
  it('shows agents where they were at the sampled time, not where they are now', () => {
    const w = createWorld({ layout: straightRoad({ length: 600 }), actors: [{ type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 36, startAt: 0 }] }, 1, { player: false });
    for (let i = 0; i < 60 * 4; i++) w.step(1 / 60);
    const car = w.agentByName('car')!;
    const nowX = car.x;
    const view = new ReplayView(w);
    expect(view.seek(w.time - 2)).toBe(true);
    const past = view.agents.find((a) => a.id === car.id)!;
    // 36 km/h = 10 m/s: two seconds ago it was about 20 m back
    expect(nowX - past.x).toBeGreaterThan(17);
    expect(nowX - past.x).toBeLessThan(23);
    expect(past.length).toBe(car.length);
    expect(view.time).toBeCloseTo(w.time - 2, 1);
  });

  it('leaves out the hidden agent and reads signal colours of the sampled moment', () => {
    const w = createWorld(demoJunction, 7, { player: false });
    const head = w.net.heads[0]!.id;
    const before = w.signalState(head).state;
    let changedAt = NaN;
    for (let i = 0; i < 60 * 90 && Number.isNaN(changedAt); i++) {
      w.step(1 / 60);
      if (w.signalState(head).state !== before) changedAt = w.time;
    }
    expect(Number.isNaN(changedAt)).toBe(false);
    for (let i = 0; i < 60; i++) w.step(1 / 60);
    const view = new ReplayView(w);
    view.seek(changedAt - 0.5);
    expect(view.signalState(head).state).toBe(before);
    view.seek(w.time);
    expect(view.signalState(head).state).toBe(w.signalState(head).state);
    const some = view.agents[0]!;
    const n = view.agents.length;
    view.hide = some.id;
    view.seek(w.time);
    expect(view.agents.length).toBe(n - 1);
    expect(view.agents.some((a) => a.id === some.id)).toBe(false);
  });

  it("puts the eye in a truck driver's high seat on the left, looking at the target", () => {
    const w = createWorld(
      {
        layout: straightRoad({ length: 600 }),
        actors: [
          { type: 'named', id: 'truck', kind: 'truck', route: ['e-1'], speed: 20, startAt: 0 },
          { type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: 20, spawn: 'script' },
        ],
        script: [{ at: 6, do: [{ type: 'spawn', actor: 'car' }] }],
      },
      1,
      { player: false },
    );
    for (let i = 0; i < 60 * 10; i++) w.step(1 / 60);
    const truck = w.agentByName('truck')!;
    const car = w.agentByName('car')!;
    const view = new ReplayView(w);
    view.seek(w.time);
    const v = view.driverView(truck.id, car.id)!;
    expect(v.eye.y).toBeGreaterThan(2);
    // the truck heads east (+x): its left is −z, and the driver sits ahead of its middle
    expect(Math.abs(truck.heading)).toBeLessThan(0.1);
    expect(v.eye.z).toBeLessThan(truck.z);
    expect(v.eye.x).toBeGreaterThan(truck.x);
    expect(v.look.x).toBeCloseTo(view.find(car.id)!.x, 5);
    expect(view.driverView(truck.id, 99_999)).toBeUndefined();
    // the car came 6 s after the truck: it is first in the recording then
    expect(view.firstSeen(car.id, 0, w.time)).toBeGreaterThan(5.5);
    expect(view.firstSeen(car.id, 0, w.time)).toBeLessThan(6.6);
    expect(view.firstSeen(99_999, 0, w.time)).toBeNaN();
  });

  it("sees from a child's eyes (its own height, not an adult's) when the viewpoint is a person on foot", () => {
    const l = straightRoad({ length: 200 });
    l.spawns = [{ id: 'seat', position: [20, 1.75], player: true, as: 'car' }];
    const w = createWorld(
      {
        layout: l,
        actors: [
          { type: 'named', id: 'child', kind: 'pedestrian', path: [[60, 6], [60, -6]], hold: true, dims: { length: 0.3, width: 0.4, height: 1.2 } },
          { type: 'named', id: 'adult', kind: 'pedestrian', path: [[70, 6], [70, -6]], hold: true },
        ],
      },
      1,
      { input: { read: (_t, out) => void (out.throttle = 0.3) } },
    );
    for (let i = 0; i < 60 * 2; i++) w.step(1 / 60);
    const view = new ReplayView(w);
    view.seek(w.time);
    const child = view.driverView(w.agentByName('child')!.id, w.player!.id)!;
    expect(child.eye.y).toBeCloseTo(1.1, 5);
    expect(child.eye.x).toBeCloseTo(60, 5);
    expect(view.driverView(w.agentByName('adult')!.id, w.player!.id)!.eye.y).toBeCloseTo(1.6, 5);
    // looking at the car coming
    expect(child.look.x).toBeLessThan(child.eye.x);
  });
});
