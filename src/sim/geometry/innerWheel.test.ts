import { describe, expect, it } from 'vitest';
import type { SimAgent } from '../agents/agent.ts';
import type { Vec2 } from '../def.ts';
import { createWorld, type SimWorld } from '../world.ts';
import { inSweep, offTrackingApprox, rigidTurn, semiTurn, steerForInnerFrontRadius, sweepFromWheels } from './innerWheel.ts';

const deg = Math.PI / 180;

describe('facts 4.2 figures (R − √(R² − ΣL²))', () => {
  it('rigid: L 5 m, R 10 m → about 1.3 m; L 6 m, R 8 m → about 2.7 m', () => {
    expect(offTrackingApprox(10, 5)).toBeCloseTo(1.34, 2);
    expect(offTrackingApprox(8, 6)).toBeCloseTo(2.71, 2);
  });
  it('semi-trailer: tractor 3.8 m + trailer 10 m: R 15 m → about 4.5 m; R 12 m → about 6.6 m', () => {
    expect(offTrackingApprox(15, 3.8, 10)).toBeCloseTo(4.49, 2);
    expect(offTrackingApprox(12, 3.8, 10)).toBeCloseTo(6.56, 2);
  });
  it('is NaN where the vehicle cannot turn that tightly', () => {
    expect(offTrackingApprox(4, 5)).toBeNaN();
  });
});

describe('exact steady-turn geometry', () => {
  it('rigid, hand-computed: L 5, track 2, inner front on R 10 → rear axle 9.660, off-tracking 1.340', () => {
    const g = { wheelbase: 5, track: 2 };
    const steer = steerForInnerFrontRadius(g, 10);
    // rear axle middle √(10² − 5²) + 1 = 9.660 m from the centre: tan δ = 5 / 9.660
    expect(steer / deg).toBeCloseTo(27.37, 2);
    const t = rigidTurn(g, steer);
    expect(t.rearAxle).toBeCloseTo(9.66, 2);
    expect(t.innerFront).toBeCloseTo(10, 6);
    expect(t.innerRear).toBeCloseTo(8.66, 2);
    expect(t.outerFront).toBeCloseTo(Math.hypot(Math.sqrt(75) + 2, 5), 6);
    expect(t.offTracking).toBeCloseTo(1.34, 2);
    // for a rigid vehicle the facts formula is exact when R is the inner front wheel's radius
    expect(t.offTracking).toBeCloseTo(offTrackingApprox(10, 5), 10);
  });

  it('a heavy rigid truck in a tight right turn is in the popular 1.5–2 m range (facts 4.2)', () => {
    const g = { wheelbase: 5, track: 2 };
    const t = rigidTurn(g, steerForInnerFrontRadius(g, 8));
    expect(t.offTracking).toBeGreaterThan(1.5);
    expect(t.offTracking).toBeLessThan(2);
  });

  it('semi-trailer: with zero track widths it equals the sum-of-squares formula exactly', () => {
    const g = { wheelbase: 3.8, track: 0, kingpinOffset: 0, trailerWheelbase: 10, trailerTrack: 0 };
    for (const R of [12, 15, 20]) {
      const t = semiTurn(g, steerForInnerFrontRadius(g, R));
      expect(t.offTracking).toBeCloseTo(offTrackingApprox(R, 3.8, 10), 9);
    }
  });

  it('semi-trailer with 2 m tracks, hand-computed: R 15 → 4.14 m (facts: "about 4.5"), R 12 → 5.70 (about 6.6)', () => {
    const g = { wheelbase: 3.8, track: 2, kingpinOffset: 0, trailerWheelbase: 10, trailerTrack: 2 };
    // R 15: inner rear of tractor √(225 − 14.44) = 14.511; rear axle 15.511; trailer axle
    // √(15.511² − 10²) = 11.857; trailer inner wheel 10.857; 15 − 10.857 = 4.143
    const a = semiTurn(g, steerForInnerFrontRadius(g, 15));
    expect(a.offTracking).toBeCloseTo(4.143, 2);
    // R 12: √(144 − 14.44) + 1 = 12.382; √(12.382² − 100) − 1 = 6.302; 12 − 6.302 = 5.698
    const b = semiTurn(g, steerForInnerFrontRadius(g, 12));
    expect(b.offTracking).toBeCloseTo(5.698, 2);
    // the facts' sum-of-squares figures ignore track width: an upper estimate ("约/可达"), which
    // the exact value stays below but within 15 % of; and many metres more than a rigid truck's
    for (const [exact, printed] of [[a.offTracking, 4.5], [b.offTracking, 6.6]] as const) {
      expect(exact).toBeLessThan(printed);
      expect(exact).toBeGreaterThan(0.85 * printed);
    }
    expect(a.offTracking).toBeGreaterThan(2 * rigidTurn({ wheelbase: 5, track: 2 }, steerForInnerFrontRadius({ wheelbase: 5, track: 2 }, 15)).offTracking);
  });
});

describe('sweep region', () => {
  it('holds points between the rear and front inner wheel paths, on the inner side only', () => {
    // centre at the origin, front inner wheel at radius 10 (angle 0), rear at radius 8.66 behind it
    const rear: Vec2 = [8.66 * Math.cos(-0.5236), 8.66 * Math.sin(-0.5236)];
    const r = sweepFromWheels(0, 0, 10, 0, rear[0], rear[1], 0, { cx: 0, cz: 0, rIn: 0, rOut: 0, a0: 0, span: 0 });
    expect(r.rIn).toBeCloseTo(8.66, 2);
    expect(r.rOut).toBeCloseTo(10, 6);
    const at = (rad: number, ang: number) => inSweep(r, rad * Math.cos(ang), rad * Math.sin(ang));
    expect(at(9.3, -0.2)).toBe(true);
    expect(at(9.3, 0.2)).toBe(false); // ahead of the front wheel
    expect(at(9.3, -0.7)).toBe(false); // behind the rear wheel
    expect(at(10.5, -0.2)).toBe(false); // outside the front wheel's path
    expect(at(8.0, -0.2)).toBe(false); // inside the rear wheel's path
  });
});

/** Drive a vehicle round a circle (front axle on it) and read the wheel radii once settled. */
function settledRadii(kind: 'truck' | 'semi-trailer', frontAxleRadius: number, laps: number) {
  const path: Vec2[] = [];
  const n = 720;
  for (let k = 0; k <= n * laps; k++) {
    const a = (k / n) * 2 * Math.PI;
    // clockwise in x–z (heading increasing) is a right turn
    path.push([frontAxleRadius * Math.cos(a), frontAxleRadius * Math.sin(a)]);
  }
  const world = createWorld({ layout: {}, actors: [{ type: 'named', id: 'v', kind, path, speed: 8 }] }, 1, { player: false }) as unknown as SimWorld;
  const length = 2 * Math.PI * frontAxleRadius * laps;
  for (let i = 0; i < 60 * ((length - 10) / (8 / 3.6)); i++) world.step(1 / 60);
  const a = world.agents[0] as SimAgent;
  // inner side is the right: towards the centre
  const r = (x: number, z: number) => Math.hypot(x, z);
  const side = (x: number, z: number, h: number, half: number): [number, number] => [x - Math.sin(h) * half, z + Math.cos(h) * half];
  const fi = side(a.fx, a.fz, a.heading, a.track / 2);
  const ri = a.hasTrailer ? side(a.tx, a.tz, a.trailerHeading, a.trailerTrack / 2) : side(a.rx, a.rz, a.heading, a.track / 2);
  return { innerFront: r(...fi), innerRear: r(...ri), steer: a.steer, world, agent: a };
}

describe('simulated vehicles off-track as the geometry says', () => {
  it('a rigid truck (L 5 m, track 2 m) on a turn with the inner front wheel at R 10 m: 1.34 m within 2 %', () => {
    const g = { wheelbase: 5, track: 2 };
    const frontAxle = Math.hypot(rigidTurn(g, steerForInnerFrontRadius(g, 10)).rearAxle, 5);
    const s = settledRadii('truck', frontAxle, 1.5);
    expect(s.innerFront).toBeCloseTo(10, 1);
    const off = s.innerFront - s.innerRear;
    expect(Math.abs(off - 1.34) / 1.34).toBeLessThan(0.02);
    // the simulated steer angle is the bicycle model's
    expect(s.steer).toBeCloseTo(steerForInnerFrontRadius(g, 10), 2);
  });

  it('a tractor and semi-trailer (3.8 m + 10 m) at R 15 m: the exact 4.14 m within 2 %', () => {
    const g = { wheelbase: 3.8, track: 2, kingpinOffset: 0, trailerWheelbase: 10, trailerTrack: 2 };
    const frontAxle = Math.hypot(rigidTurn(g, steerForInnerFrontRadius(g, 15)).rearAxle, 3.8);
    const s = settledRadii('semi-trailer', frontAxle, 2);
    const expected = semiTurn(g, steerForInnerFrontRadius(g, 15)).offTracking;
    expect(Math.abs(s.innerFront - s.innerRear - expected) / expected).toBeLessThan(0.02);
    // the world's sweep region agrees with the wheel positions
    const sweep = s.world.innerWheelSweep(s.agent.id)!;
    expect(sweep.rOut - sweep.rIn).toBeCloseTo(expected, 0);
  });
});
