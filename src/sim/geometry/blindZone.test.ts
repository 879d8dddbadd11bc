import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import {
  blindZonePolygons,
  CLASS_V_MIRROR,
  DEFAULT_CAB,
  directSight,
  inBlindZone,
  mirrorSees,
  sillShadow,
  type BlindPolygon,
  type CabSpec,
} from './blindZone.ts';

const body = { length: 9, width: 2.5 };
const cab = DEFAULT_CAB; // eye 1.2 m behind the bumper, 0.6 m left of the middle, 2.5 m high

function contains(poly: BlindPolygon, u: number, v: number): boolean {
  let inside = false;
  const p = poly.points;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    const [xi, zi] = p[i]!;
    const [xj, zj] = p[j]!;
    if (zi > v !== zj > v && u < ((xj - xi) * (v - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}
const area = (polys: BlindPolygon[], side?: string) => polys.filter((p) => !side || p.side === side).reduce((a, p) => a + p.area, 0);

describe('sight over a window sill', () => {
  it('hides a target out to d·(eye − h)/(eye − sill)', () => {
    // windscreen 1.2 m ahead of the eye, sill 1.9 m, eye 2.5 m, a 1.0 m child: 1.2 × 1.5 / 0.6 = 3.0 m
    expect(sillShadow(1.2, 2.5, 1.9, 1.0)).toBeCloseTo(3.0, 9);
    expect(sillShadow(1.2, 2.5, 1.9, 2.0)).toBe(1.2);
  });

  it('straight ahead: a 1 m child is hidden up to 1.8 m in front of the bumper, seen beyond', () => {
    // the ray from the eye straight ahead leaves through the windscreen at the bumper line
    const v = cab.eyeLateral;
    expect(directSight(cab, body, 1.75, v, 1.0)).toBe('sill');
    expect(directSight(cab, body, 1.85, v, 1.0)).toBe('none');
    expect(inBlindZone(cab, body, 1.75, v, 1.0)).toBe(true);
    expect(inBlindZone(cab, body, 1.85, v, 1.0)).toBe(false);
    // a 1.7 m adult is seen much closer: 1.2 × 0.8 / 0.6 = 1.6 m from the eye, 0.4 m ahead
    expect(inBlindZone(cab, body, 0.35, v, 1.7)).toBe(true);
    expect(inBlindZone(cab, body, 0.45, v, 1.7)).toBe(false);
  });

  it('sideways from the eye: right band 1.85 × 1.5 / 0.5 = 5.55 m from the eye, left 0.65 × 1.5 / 0.6 = 1.625 m', () => {
    const u = -cab.eyeBack;
    // right: the far side of the cab, higher sill (2.0 m)
    expect(inBlindZone(cab, body, u, cab.eyeLateral + 5.5, 1.0)).toBe(true);
    expect(inBlindZone(cab, body, u, cab.eyeLateral + 5.6, 1.0)).toBe(false);
    // left: the driver's own door
    expect(inBlindZone(cab, body, u, cab.eyeLateral - 1.6, 1.0)).toBe(true);
    expect(inBlindZone(cab, body, u, cab.eyeLateral - 1.65, 1.0)).toBe(false);
  });

  it('cannot see through the cab rear wall or the door pillar behind the side windows', () => {
    expect(directSight(cab, body, -body.length - 1, 0, 1.0)).toBe('rear-wall');
    expect(directSight(cab, body, -3, 3.5, 1.0)).toBe('door-pillar');
    expect(directSight(cab, body, -3.8, -2.6, 1.0)).toBe('door-pillar');
  });
});

describe('mirrors', () => {
  it('a class II mirror sees down the side of the body, and not through it', () => {
    const right = cab.mirrors.find((m) => m.name === 'right-main')!;
    expect(mirrorSees(right, body, -15, 2.5)).toBe(true);
    expect(mirrorSees(right, body, -15, -2.5)).toBe(false); // the other side, behind the box
    expect(mirrorSees(right, body, 5, 2)).toBe(false); // ahead: not in its view
  });
});

describe('the blind zones of facts 4.3 come out of the geometry', () => {
  const polys = blindZonePolygons(cab, body, 1.0, 4, 1, 0.05);

  it('covers the front, both sides and the rear', () => {
    expect(new Set(polys.map((p) => p.side))).toEqual(new Set(['front', 'right', 'left', 'rear']));
  });

  it('is larger on the right (the far side from a left-hand driver) than on the left', () => {
    expect(area(polys, 'right')).toBeGreaterThan(2 * area(polys, 'left'));
  });

  it('hides someone standing right behind the truck, or beside the cab on the right', () => {
    expect(inBlindZone(cab, body, -body.length - 2, 0, 1.7)).toBe(true);
    expect(inBlindZone(cab, body, -0.8, 2.2, 1.7)).toBe(true);
    expect(polys.some((p) => p.side === 'rear' && contains(p, -body.length - 2, 0))).toBe(true);
    // but a mirror shows someone well back beside the body
    expect(inBlindZone(cab, body, -8, body.width / 2 + 1.5, 1.7)).toBe(false);
  });

  it('polygons agree with the point test (sampled)', () => {
    const rng = new Rng(9);
    let agree = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const u = rng.range(-body.length - 4, 4);
      const v = rng.range(-body.width / 2 - 4, body.width / 2 + 4);
      const inPoly = polys.some((p) => contains(p, u, v));
      if (inPoly === inBlindZone(cab, body, u, v, 1.0, 4)) agree++;
    }
    // only points within a sampling step of an edge may disagree
    expect(agree / n).toBeGreaterThan(0.97);
  });

  it('a class V close-proximity mirror (GB 15084-2022) shrinks the right-side zone', () => {
    const withV: CabSpec = { ...cab, mirrors: [...cab.mirrors, CLASS_V_MIRROR] };
    const polysV = blindZonePolygons(withV, body, 1.0, 4, 1, 0.05);
    expect(area(polysV, 'right')).toBeLessThan(0.8 * area(polys, 'right'));
    expect(inBlindZone(withV, body, -1.5, body.width / 2 + 1, 1.0)).toBe(false);
  });

  it('grows for a shorter target (a child) than for an adult', () => {
    const adult = blindZonePolygons(cab, body, 1.7, 4, 1, 0.05);
    expect(area(polys)).toBeGreaterThan(area(adult));
  });
});
