// The visitor's own car brakes as facts 5.16 computes (v²/(2a): about 7 m/s² on a dry road, 4 on a
// wet one — a road's `grip`), whatever rolling drag adds; and resetPlayer puts the visitor back at a
// spawn point for another drive while the rest of the world goes on.
import { describe, expect, it } from 'vitest';
import type { LayoutInput } from './def.ts';
import { straightRoad } from './fixtures/straightRoad.ts';
import { ScriptedInput } from './testing.ts';
import { createWorld } from './world.ts';

function roadWith(grip?: number): LayoutInput {
  const l = straightRoad({ length: 600, speedLimit: 130 });
  l.roads![0] = { ...l.roads![0]!, ...(grip === undefined ? {} : { grip }) };
  l.spawns = [
    { id: 'start', position: [10, 1.75], player: true, as: 'car' },
    { id: 'again', position: [300, 1.75], as: 'car' },
  ];
  return l;
}

/** Accelerate to `kmh`, hold it, brake fully once the car passes x = 200; metres from there to standstill. */
function brakingDistance(kmh: number, grip?: number): { d: number; v: number } {
  const v0 = kmh / 3.6;
  let braking = false;
  let x0 = NaN;
  let vAt = NaN;
  const w = createWorld({ layout: roadWith(grip) }, 1, {
    input: new ScriptedInput(() => (braking ? { brake: 1 } : { throttle: w.player!.speed < v0 ? 1 : 0 })),
  });
  for (let i = 0; i < 60 * 60; i++) {
    w.step(1 / 60);
    const p = w.player!;
    if (!braking && p.x >= 200) {
      braking = true;
      x0 = p.x;
      vAt = p.speed;
    }
    if (braking && p.speed === 0) return { d: p.x - x0, v: vAt };
  }
  throw new Error('never stopped');
}

describe("the player's braking", () => {
  it('takes v²/(2·7) on a dry road: rolling drag does not shorten a full stop', () => {
    const { d, v } = brakingDistance(50);
    expect(d).toBeCloseTo((v * v) / 14, 1);
  });

  it("takes v²/(2·4) on a road whose grip is 4 m/s² (wet, facts 5.16)", () => {
    const { d, v } = brakingDistance(50, 4);
    expect(d).toBeCloseTo((v * v) / 8, 1);
    expect(d).toBeGreaterThan(brakingDistance(50).d * 1.7);
  });

  it('a road with more grip than the car has changes nothing', () => {
    expect(brakingDistance(60, 9).d).toBeCloseTo(brakingDistance(60).d, 6);
  });
});

describe('resetPlayer', () => {
  it('puts the visitor, standing, at a spawn point (default the first) while the world goes on', () => {
    const w = createWorld({ layout: roadWith(4) }, 1, { input: new ScriptedInput(() => ({ throttle: 1 })) });
    for (let i = 0; i < 300; i++) w.step(1 / 60);
    const p = w.player!;
    expect(p.speed).toBeGreaterThan(5);
    expect(p.lane).toBe('e-1');
    const t = w.time;
    w.resetPlayer('again');
    expect([p.x, p.z, p.speed, p.heading, p.lane, p.state]).toEqual([300, 1.75, 0, 0, null, 'stopped']);
    expect(w.time).toBe(t);
    w.resetPlayer();
    expect([p.x, p.z]).toEqual([10, 1.75]);
    expect(() => w.resetPlayer('nowhere')).toThrow(/unknown spawn point "nowhere"/);
    // and it drives on from there
    for (let i = 0; i < 60; i++) w.step(1 / 60);
    expect(p.x).toBeGreaterThan(10.5);
    expect(Math.abs(p.z - 1.75)).toBeLessThan(1e-9);
  });

  it('a flying start: put back already moving at a speed, along the spawn point\'s heading', () => {
    const w = createWorld({ layout: roadWith(4) }, 1, { input: new ScriptedInput(() => ({})) });
    const p = w.player!;
    w.resetPlayer('again', 50 / 3.6);
    expect(p.speed).toBeCloseTo(50 / 3.6, 9);
    w.step(1 / 60);
    expect(p.x).toBeGreaterThan(300 + (50 / 3.6 / 60) * 0.9);
    expect(p.speed).toBeGreaterThan(13.5);
  });
});
