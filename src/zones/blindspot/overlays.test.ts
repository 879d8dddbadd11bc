// What is painted on the ground matches the sim's maths: the blind zones' triangles cover the
// points inBlindZone calls hidden, the sweep's strip covers the points of the traced sweep.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { DEFAULT_CAB, inBlindZone } from '../../sim/geometry/blindZone.ts';
import { inSweptPath } from '../../sim/geometry/sweptPath.ts';
import { Rng } from '../../sim/rng.ts';
import { bodyOf, poseOf, toCab } from './markers.ts';
import { inTriangles, resample, sweepStrip, trackSegments, triangulate } from './overlays.ts';
import { BLIND_MARGIN, createGame } from './rules.ts';
import * as S from './scripted.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/blindspot.json', import.meta.url), 'utf8')));

const area = (tris: number[]) => {
  let s = 0;
  for (let i = 0; i < tris.length; i += 6) s += Math.abs((tris[i + 2]! - tris[i]!) * (tris[i + 5]! - tris[i + 1]!) - (tris[i + 4]! - tris[i]!) * (tris[i + 3]! - tris[i + 1]!)) / 2;
  return s;
};

describe('triangulate', () => {
  it('covers a concave polygon exactly (its area, either winding), dropping collinear points', () => {
    const L: [number, number][] = [[0, 0], [4, 0], [4, 1], [2, 1], [1, 1], [1, 3], [0, 3]];
    const t = triangulate(L);
    expect(area(t)).toBeCloseTo(4 + 2, 9);
    expect(area(triangulate([...L].reverse()))).toBeCloseTo(6, 9);
    expect(inTriangles(t, 0.5, 2.5)).toBe(true);
    expect(inTriangles(t, 2.5, 2)).toBe(false);
  });
});

describe('the ground overlays of a visit', () => {
  const game = createGame(zone, 'adult', 1);
  const truck = poseOf(game.standTruck);
  const body = bodyOf('truck');

  it('paints the blind zones where the sim hides a 1.2 m child', () => {
    const tris = game.blindZones().map((z) => triangulate(z.points));
    const zonesArea = game.blindZones().reduce((a, z) => a + z.area, 0);
    expect(tris.reduce((a, t) => a + area(t), 0)).toBeCloseTo(zonesArea, 0);
    const rng = new Rng(5);
    let n = 0, agree = 0;
    for (let i = 0; i < 4000; i++) {
      const x = rng.range(truck.x - 12, truck.x + 10), z = rng.range(truck.z - 6, truck.z + 6);
      const { u, v } = toCab(truck, x, z);
      if (u <= 0 && u >= -body.length && Math.abs(v) <= body.width / 2) continue;
      n++;
      if (tris.some((t) => inTriangles(t, x, z)) === inBlindZone(DEFAULT_CAB, body, u, v, game.tuning.markerHeight, BLIND_MARGIN)) agree++;
    }
    expect(n).toBeGreaterThan(3000);
    expect(agree / n).toBeGreaterThan(0.97);
  });

  it('paints each truck\'s sweep where the traced sweep is', () => {
    game.placeMarker(...S.cabPoint(game, 0.6, 0));
    game.enterCab();
    game.leaveCab();
    for (const t of game.turningTrucks) {
      const strip = sweepStrip(t.sweep);
      expect(strip.length).toBeGreaterThan(0);
      const xs = t.sweep.polygon.map((p) => p[0]), zs = t.sweep.polygon.map((p) => p[1]);
      const rng = new Rng(7);
      let n = 0, agree = 0, inside = 0;
      for (let i = 0; i < 4000; i++) {
        const x = rng.range(Math.min(...xs), Math.max(...xs)), z = rng.range(Math.min(...zs), Math.max(...zs));
        const a = inSweptPath(t.sweep, x, z);
        n++;
        if (a) inside++;
        if (a === inTriangles(strip, x, z)) agree++;
      }
      expect(inside, t.name).toBeGreaterThan(100);
      expect(agree / n, t.name).toBeGreaterThan(0.97);
      expect(area(strip) / t.sweep.area, t.name).toBeGreaterThan(0.95);
      expect(area(strip) / t.sweep.area, t.name).toBeLessThan(1.05);
    }
  });

  it('splits the walk into the stretches the driver could not see and the rest', () => {
    const track = [
      { x: 0, z: 0, hidden: true },
      { x: 1, z: 0, hidden: true },
      { x: 2, z: 0, hidden: false },
      { x: 3, z: 0, hidden: false },
    ];
    expect(trackSegments(track)).toEqual({ hidden: [0, 0, 1, 0], seen: [1, 0, 2, 0, 2, 0, 3, 0] });
    expect(resample([[0, 0], [10, 0]], 3)).toEqual([[0, 0], [5, 0], [10, 0]]);
  });
});
