// Oriented boxes in the ground plane, passed as plain numbers (centre, heading, half length, half
// width) so collision checks allocate nothing. Separating-axis tests for overlap; a sampled forward
// prediction for time-to-collision that honours each agent's current braking.

/** Do two oriented rectangles overlap (separating axis theorem, four axes)? */
export function obbOverlap(
  ax: number, az: number, ah: number, al: number, aw: number,
  bx: number, bz: number, bh: number, bl: number, bw: number,
): boolean {
  const dx = bx - ax;
  const dz = bz - az;
  const afx = Math.cos(ah), afz = Math.sin(ah);
  const bfx = Math.cos(bh), bfz = Math.sin(bh);
  // right vectors are (-fz, fx)
  return (
    sepOk(dx, dz, afx, afz, al, aw, afx, afz, bl, bw, bfx, bfz) &&
    sepOk(dx, dz, -afz, afx, al, aw, afx, afz, bl, bw, bfx, bfz) &&
    sepOk(dx, dz, bfx, bfz, al, aw, afx, afz, bl, bw, bfx, bfz) &&
    sepOk(dx, dz, -bfz, bfx, al, aw, afx, afz, bl, bw, bfx, bfz)
  );
}

/** true when the projections on axis (ux, uz) overlap */
function sepOk(
  dx: number, dz: number, ux: number, uz: number,
  al: number, aw: number, afx: number, afz: number,
  bl: number, bw: number, bfx: number, bfz: number,
): boolean {
  const ra = al * Math.abs(afx * ux + afz * uz) + aw * Math.abs(-afz * ux + afx * uz);
  const rb = bl * Math.abs(bfx * ux + bfz * uz) + bw * Math.abs(-bfz * ux + bfx * uz);
  return Math.abs(dx * ux + dz * uz) <= ra + rb;
}

export function pointInObb(px: number, pz: number, cx: number, cz: number, h: number, hl: number, hw: number): boolean {
  const dx = px - cx, dz = pz - cz;
  const c = Math.cos(h), s = Math.sin(h);
  return Math.abs(dx * c + dz * s) <= hl && Math.abs(-dx * s + dz * c) <= hw;
}

/** Does the segment p0→p1 pass through the box? (Liang–Barsky in the box frame) */
export function segmentHitsObb(
  p0x: number, p0z: number, p1x: number, p1z: number,
  cx: number, cz: number, h: number, hl: number, hw: number,
): boolean {
  const c = Math.cos(h), s = Math.sin(h);
  const ax = (p0x - cx) * c + (p0z - cz) * s, az = -(p0x - cx) * s + (p0z - cz) * c;
  const bx = (p1x - cx) * c + (p1z - cz) * s, bz = -(p1x - cx) * s + (p1z - cz) * c;
  return segmentHitsRect(ax, az, bx, bz, -hl, -hw, hl, hw);
}

// clip window of the current Liang–Barsky run (module state: no closures or arrays per call)
let T0 = 0;
let T1 = 1;
function clip(p: number, q: number): boolean {
  if (Math.abs(p) < 1e-12) return q >= 0;
  const r = q / p;
  if (p < 0) {
    if (r > T1) return false;
    if (r > T0) T0 = r;
  } else {
    if (r < T0) return false;
    if (r < T1) T1 = r;
  }
  return true;
}

/** Does segment a→b meet the axis-aligned rectangle [x0,x1]×[z0,z1]? */
export function segmentHitsRect(ax: number, az: number, bx: number, bz: number, x0: number, z0: number, x1: number, z1: number): boolean {
  T0 = 0;
  T1 = 1;
  const dx = bx - ax, dz = bz - az;
  return clip(-dx, ax - x0) && clip(dx, x1 - ax) && clip(-dz, az - z0) && clip(dz, z1 - az) && T0 <= T1;
}

/** A moving box for prediction: centre, heading, half sizes, speed along `moveHeading`, acceleration. */
export interface MovingBox {
  x: number;
  z: number;
  heading: number;
  hl: number;
  hw: number;
  moveHeading: number;
  speed: number;
  accel: number;
}

function travelled(v: number, a: number, t: number): number {
  // braking agents stop and stay stopped; accelerating ones are not extrapolated beyond their speed
  if (a < 0 && v + a * t <= 0) return (v * v) / (-2 * a);
  return v * t + 0.5 * Math.min(a, 0) * t * t;
}

/**
 * First time within `horizon` at which the boxes overlap if each keeps its heading and current
 * braking, sampled every horizon/steps seconds; Infinity if they do not meet.
 */
export function predictContact(a: MovingBox, b: MovingBox, horizon: number, steps: number): number {
  for (let k = 1; k <= steps; k++) {
    const t = (horizon * k) / steps;
    const da = travelled(a.speed, a.accel, t);
    const db = travelled(b.speed, b.accel, t);
    if (
      obbOverlap(
        a.x + Math.cos(a.moveHeading) * da, a.z + Math.sin(a.moveHeading) * da, a.heading, a.hl, a.hw,
        b.x + Math.cos(b.moveHeading) * db, b.z + Math.sin(b.moveHeading) * db, b.heading, b.hl, b.hw,
      )
    )
      return t;
  }
  return Infinity;
}
