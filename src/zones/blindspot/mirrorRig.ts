// The mirrors as the scene draws them, in the cab frame (u forward from the front bumper, v to the
// right, y up): where each glass hangs (cabView.ts's mounts), which way its camera looks (the sim's
// MirrorSpec aim, a little down), its field of view (the spec's half-angle), and the glass quads with
// their tile of the shared render target, mirrored. Pure, so a test holds it to the sim's mirrors.
import type { CabSpec } from '../../sim/geometry/blindZone.ts';
import { mirrorMounts, type MirrorMount } from './cabView.ts';

/** the glass, m (a truck's main mirror is about this size; the wide one too, below it) */
export const GLASS_W = 0.26;
export const GLASS_H = 0.34;
/** the mirrors look down a little: the wide ones more, at the ground beside the truck, rad */
const PITCH: Record<string, number> = { 'left-main': -0.1, 'right-main': -0.1, 'left-wide': -0.3, 'right-wide': -0.3 };

export interface MirrorRig {
  name: string;
  mount: MirrorMount;
  /** the camera's yaw relative to the truck's heading (+ right) and pitch (+ up), rad */
  yaw: number;
  pitch: number;
  /** horizontal and vertical field of view, rad; aspect = width / height of the glass */
  hfov: number;
  vfov: number;
  aspect: number;
  /** the tile of the 2 × 2 atlas it renders into: [u0, v0] in texture space, each tile 0.5 wide */
  tile: [number, number];
}

export function mirrorRigs(cab: CabSpec): MirrorRig[] {
  const specs = new Map(cab.mirrors.map((m) => [m.name, m]));
  const aspect = GLASS_W / GLASS_H;
  return mirrorMounts(cab).map((mount, i) => {
    const spec = specs.get(mount.name)!;
    const hfov = 2 * spec.halfAngle * (Math.PI / 180);
    return {
      name: mount.name,
      mount,
      yaw: (spec.aim * Math.PI) / 180,
      pitch: PITCH[mount.name] ?? -0.15,
      hfov,
      vfov: 2 * Math.atan(Math.tan(hfov / 2) / aspect),
      aspect,
      tile: [(i % 2) * 0.5, Math.floor(i / 2) * 0.5],
    };
  });
}

/**
 * The glasses as triangles (positions x = u, y, z = v; uvs), each facing the driver's eye, showing
 * its tile mirrored: the left-hand edge of a glass (as the driver sees it) shows the right-hand side
 * of its camera's picture, as a rear-view mirror shows on its right what is behind on the right.
 */
export function glassQuads(cab: CabSpec, rigs = mirrorRigs(cab)): { positions: number[]; uvs: number[] } {
  const positions: number[] = [];
  const uvs: number[] = [];
  const eu = -cab.eyeBack, ev = cab.eyeLateral;
  for (const r of rigs) {
    const m = r.mount;
    const [tu, tv] = r.tile;
    const nu = eu - m.u, nv = ev - m.v;
    const n = Math.hypot(nu, nv) || 1;
    // w runs to the left of someone facing the glass (towards −n): left of (a, b) is (b, −a)
    const wu = (-nv / n) * (GLASS_W / 2), wv = (nu / n) * (GLASS_W / 2);
    const y0 = m.y - GLASS_H / 2, y1 = m.y + GLASS_H / 2;
    const right0 = [m.u - wu, y0, m.v - wv], left0 = [m.u + wu, y0, m.v + wv], left1 = [m.u + wu, y1, m.v + wv], right1 = [m.u - wu, y1, m.v - wv];
    // counter-clockwise as the driver sees it (the front face towards the eye)
    positions.push(...right0, ...left1, ...left0, ...right0, ...right1, ...left1);
    // right edge ← the camera's left (tu), left edge ← the camera's right (tu + 0.5)
    uvs.push(tu, tv, tu + 0.5, tv + 0.5, tu + 0.5, tv, tu, tv, tu, tv + 0.5, tu + 0.5, tv + 0.5);
  }
  return { positions, uvs };
}

/** Does the rig's camera have the cab-frame ground point (u, v) within its horizontal field? */
export function rigShows(r: MirrorRig, u: number, v: number): boolean {
  const a = Math.atan2(v - r.mount.v, u - r.mount.u) - r.yaw;
  return Math.abs(Math.atan2(Math.sin(a), Math.cos(a))) <= r.hfov / 2 + 1e-9;
}
