// The whole-turn sweep traced by sweptPath against facts 4.2's figures and the steady-turn maths of
// innerWheel.ts, and against the wheels of a vehicle the world itself drives round the same path.
import { describe, expect, it } from 'vitest';
import type { SimAgent } from '../agents/agent.ts';
import type { Vec2 } from '../def.ts';
import { buildPath } from '../road/routes.ts';
import { createWorld, type SimWorld } from '../world.ts';
import { offTrackingApprox, rigidTurn, semiTurn, steerForInnerFrontRadius } from './innerWheel.ts';
import { distanceToPolyline, inSweptPath, insidePolygon, sweptPath } from './sweptPath.ts';

const RIGID = { wheelbase: 5, track: 2 };
const SEMI = { wheelbase: 3.8, track: 2, kingpinOffset: 0, trailerWheelbase: 10, trailerTrack: 2 };

/** a path: straight in along +x, then round a circle to the right (x–z, heading growing) for `turns` laps */
function circlePath(frontAxleRadius: number, laps: number): Vec2[] {
  const pts: Vec2[] = [];
  for (let x = -60; x < 0; x += 2) pts.push([x, -frontAxleRadius]);
  const n = 720;
  for (let k = 0; k <= n * laps; k++) {
    const a = -Math.PI / 2 + (k / n) * 2 * Math.PI;
    pts.push([frontAxleRadius * Math.cos(a), frontAxleRadius * Math.sin(a)]);
  }
  return pts;
}

function circleWorld(path: Vec2[]): SimWorld {
  return createWorld({ layout: {}, actors: [{ type: 'named', id: 'v', kind: 'truck', path, speed: 8 }] }, 1, { player: false }) as unknown as SimWorld;
}

describe('sweptPath on a steady circle reproduces the steady-turn off-tracking', () => {
  it('rigid truck (L 5 m, track 2 m), inner front wheel on R 10 m: 1.34 m, the facts 4.2 formula', () => {
    const frontAxle = Math.hypot(rigidTurn(RIGID, steerForInnerFrontRadius(RIGID, 10)).rearAxle, 5);
    const world = circleWorld(circlePath(frontAxle, 1.5));
    const sp = sweptPath(world.paths[0]!, 'truck', 0);
    expect(sp.side).toBe(1);
    expect(sp.maxOffTracking).toBeCloseTo(offTrackingApprox(10, 5), 1);
    expect(Math.abs(sp.maxOffTracking - 1.34) / 1.34).toBeLessThan(0.02);
  });

  it.each([
    [15, 4.143, 4.5],
    [12, 5.698, 6.6],
  ])('tractor + semi-trailer (3.8 m + 10 m) at R %d m: the exact %d m, below facts 4.2\'s sum-of-squares "about %d m" but within 15 %%', (R, exact, printed) => {
    const frontAxle = Math.hypot(semiTurn(SEMI, steerForInnerFrontRadius(SEMI, R)).rearAxle, 3.8);
    const world = createWorld({ layout: {}, actors: [{ type: 'named', id: 'v', kind: 'semi-trailer', path: circlePath(frontAxle, 2), speed: 8 }] }, 1, { player: false }) as unknown as SimWorld;
    const sp = sweptPath(world.paths[0]!, 'semi-trailer', 0);
    expect(Math.abs(sp.maxOffTracking - exact) / exact).toBeLessThan(0.02);
    expect(semiTurn(SEMI, steerForInnerFrontRadius(SEMI, R)).offTracking).toBeCloseTo(exact, 2);
    expect(sp.maxOffTracking).toBeLessThan(printed);
    expect(sp.maxOffTracking).toBeGreaterThan(0.85 * printed);
    expect(offTrackingApprox(R, 3.8, 10)).toBeCloseTo(printed, 1);
  });
});

describe('sweptPath follows the vehicle the world drives', () => {
  it('every point the inner rear wheel of a driven semi-trailer passes lies in the traced sweep, and the sweep is no wider than the gap', () => {
    const frontAxle = Math.hypot(semiTurn(SEMI, steerForInnerFrontRadius(SEMI, 13)).rearAxle, 3.8);
    const pts = circlePath(frontAxle, 0.25);
    for (let z = -frontAxle + 2; z < 60; z += 2) pts.push([frontAxle, z]);
    const world = createWorld({ layout: {}, actors: [{ type: 'named', id: 'v', kind: 'semi-trailer', path: pts, speed: 10 }] }, 1, { player: false }) as unknown as SimWorld;
    const sp = sweptPath(world.paths[0]!, 'semi-trailer', 0);
    // a quarter turn never reaches the steady state: less off-tracking than the steady turn
    expect(sp.maxOffTracking).toBeLessThan(semiTurn(SEMI, steerForInnerFrontRadius(SEMI, 13)).offTracking);
    expect(sp.maxOffTracking).toBeGreaterThan(2);
    let inside = 0, n = 0, maxGap = 0;
    for (let i = 0; i < 60 * 80; i++) {
      world.step(1 / 60);
      const a = world.agents[0] as SimAgent | undefined;
      if (!a) break;
      const c = Math.cos(a.trailerHeading), s = Math.sin(a.trailerHeading);
      // inner (right) trailer wheel
      const x = a.tx - s * (a.trailerTrack / 2), z = a.tz + c * (a.trailerTrack / 2);
      if (a.trailerHeading < 0.05 || a.trailerHeading > Math.PI / 2 - 0.05) continue;
      n++;
      if (inSweptPath(sp, x, z, 0.05)) inside++;
      maxGap = Math.max(maxGap, distanceToPolyline(sp.front, x, z));
    }
    expect(n).toBeGreaterThan(100);
    expect(inside / n).toBeGreaterThan(0.98);
    expect(Math.abs(maxGap - sp.maxOffTracking)).toBeLessThan(0.1);
  });

  it('a straight path sweeps nothing', () => {
    const world = createWorld({ layout: {}, actors: [{ type: 'named', id: 'v', kind: 'truck', path: [[0, 0], [100, 0]], speed: 8 }] }, 1, { player: false }) as unknown as SimWorld;
    const sp = sweptPath(world.paths[0]!, 'truck', 10);
    expect(sp).toMatchObject({ side: 0, polygon: [], maxOffTracking: 0, area: 0 });
    expect(inSweptPath(sp, 50, 1)).toBe(false);
  });
});

describe('a right turn at a junction', () => {
  const road = (id: string, from: Vec2, to: Vec2) => ({
    id,
    centerline: [from, to],
    lanes: [
      { id: `${id}-in-1`, kind: 'motor', width: 3.5 },
      { id: `${id}-in-2`, kind: 'motor', width: 3.5 },
      { id: `${id}-out-1`, kind: 'motor', side: 'left', width: 3.5 },
      { id: `${id}-out-2`, kind: 'motor', side: 'left', width: 3.5 },
    ],
  });
  const world = createWorld(
    {
      layout: {
        roads: [road('W', [-120, 0], [-17.5, 0]), road('S', [0, 120], [0, 17.5])],
        junctions: [{ id: 'j', center: [0, 0], radius: 17.5 }],
      },
    },
    1,
    { player: false },
  ) as unknown as SimWorld;

  it('sweeps the inside corner: about 1.1 m for a rigid truck, about 4 m (several times more) for a semi-trailer (facts 4.2)', () => {
    const rigid = sweptPath(buildPath(world.net, { route: ['W-in-2', 'right'] }, 'truck', 0), 'truck', 80, 170);
    const semi = sweptPath(buildPath(world.net, { route: ['W-in-2', 'right'] }, 'semi-trailer', 0), 'semi-trailer', 70, 170);
    expect(rigid.side).toBe(1);
    expect(rigid.maxOffTracking).toBeGreaterThan(0.9);
    expect(rigid.maxOffTracking).toBeLessThan(1.5);
    expect(semi.maxOffTracking).toBeGreaterThan(3.5);
    expect(semi.maxOffTracking).toBeLessThan(6.6);
    expect(semi.maxOffTracking).toBeGreaterThan(3 * rigid.maxOffTracking);
    // the swept area lies on the inside of the turn, in the corner the truck turns round: its
    // widest point, halfway between the tracks, is inside it and in the junction's south-west quarter
    const i = semi.rear.reduce((best, p, k) => (distanceToPolyline(semi.front, p[0], p[1]) > distanceToPolyline(semi.front, semi.rear[best]![0], semi.rear[best]![1]) ? k : best), 0);
    const [rx, rz] = semi.rear[i]!;
    let nx = rx, nz = rz, nd = Infinity;
    for (const [fx, fz] of semi.front) if (Math.hypot(fx - rx, fz - rz) < nd) [nx, nz, nd] = [fx, fz, Math.hypot(fx - rx, fz - rz)];
    const mx = (rx + nx) / 2, mz = (rz + nz) / 2;
    expect(insidePolygon(semi.polygon, mx, mz)).toBe(true);
    expect(mx).toBeLessThan(0);
    expect(mx).toBeGreaterThan(-17.5);
    expect(mz).toBeGreaterThan(0);
    expect(mz).toBeLessThan(17.5);
    expect(semi.area).toBeGreaterThan(3 * rigid.area);
  });
});
