// The mirrors the scene draws agree with the sim's: each camera looks where its MirrorSpec aims,
// with its field of view, so whatever the sim says a mirror shows is in that camera's picture; the
// glasses face the driver and show their picture mirrored.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAB, mirrorSees } from '../../sim/geometry/blindZone.ts';
import { Rng } from '../../sim/rng.ts';
import { GLASS_H, GLASS_W, glassQuads, mirrorRigs, rigShows } from './mirrorRig.ts';

const body = { length: 9, width: 2.5 };

describe('mirror rigs', () => {
  const rigs = mirrorRigs(DEFAULT_CAB);

  it('have one camera per sim mirror, aimed and opened as the spec says, each in its own tile', () => {
    expect(rigs.map((r) => r.name)).toEqual(DEFAULT_CAB.mirrors.map((m) => m.name));
    for (const r of rigs) {
      const spec = DEFAULT_CAB.mirrors.find((m) => m.name === r.name)!;
      expect(r.yaw).toBeCloseTo((spec.aim * Math.PI) / 180, 12);
      expect(r.hfov).toBeCloseTo((2 * spec.halfAngle * Math.PI) / 180, 12);
      expect(Math.tan(r.vfov / 2) * r.aspect).toBeCloseTo(Math.tan(r.hfov / 2), 9);
      expect(r.mount.u).toBeCloseTo(-spec.back, 12);
      expect(r.mount.v).toBeCloseTo(spec.lateral, 12);
      expect(r.pitch).toBeLessThan(0);
    }
    expect(new Set(rigs.map((r) => r.tile.join(','))).size).toBe(rigs.length);
  });

  it('show everything the sim says each mirror shows', () => {
    const rng = new Rng(3);
    let shown = 0;
    for (let i = 0; i < 4000; i++) {
      const u = rng.range(-40, 5), v = rng.range(-12, 12);
      for (const r of rigs) {
        const spec = DEFAULT_CAB.mirrors.find((m) => m.name === r.name)!;
        if (!mirrorSees(spec, body, u, v)) continue;
        shown++;
        expect(rigShows(r, u, v), `${r.name} (${u.toFixed(1)}, ${v.toFixed(1)})`).toBe(true);
      }
    }
    expect(shown).toBeGreaterThan(300);
  });

  it('hang glasses that face the driver and show their tile mirrored', () => {
    const { positions, uvs } = glassQuads(DEFAULT_CAB, rigs);
    expect(positions.length).toBe(rigs.length * 6 * 3);
    const eye = [-DEFAULT_CAB.eyeBack, DEFAULT_CAB.eyeHeight, DEFAULT_CAB.eyeLateral];
    rigs.forEach((r, k) => {
      const p = (i: number) => positions.slice((k * 6 + i) * 3, (k * 6 + i) * 3 + 3);
      // first triangle: right-hand bottom, left-hand top, left-hand bottom (as the driver sees it)
      const [a, c, b] = [p(0), p(1), p(2)];
      // the size of the glass
      expect(Math.hypot(b[0]! - a[0]!, b[2]! - a[2]!)).toBeCloseTo(GLASS_W, 9);
      expect(c[1]! - b[1]!).toBeCloseTo(GLASS_H, 9);
      // its front face (counter-clockwise: the normal (c − a) × (b − a)… taken in the drawn order) points at the eye
      const e1 = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!], e2 = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
      const n = [e1[1]! * e2[2]! - e1[2]! * e2[1]!, e1[2]! * e2[0]! - e1[0]! * e2[2]!, e1[0]! * e2[1]! - e1[1]! * e2[0]!];
      const toEye = [eye[0]! - a[0]!, eye[1]! - a[1]!, eye[2]! - a[2]!];
      expect(n[0]! * toEye[0]! + n[1]! * toEye[1]! + n[2]! * toEye[2]!).toBeGreaterThan(0);
      // mirrored: the driver's right-hand edge samples the tile's left side, the left-hand edge its right
      expect(uvs[k * 12]).toBe(r.tile[0]);
      expect(uvs[k * 12 + 4]).toBe(r.tile[0] + 0.5);
    });
  });
});
