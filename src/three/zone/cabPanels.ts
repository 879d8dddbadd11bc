// The opaque parts of a truck's cab as boxes, from the same cab spec the sim's blind-zone maths
// uses (src/sim/geometry/blindZone.ts): walls up to the windscreen and side-window sills, the door
// pillars behind the side windows, the rear wall (no rear window), the roof. Drawn around the
// camera in a replay from the driver's seat, they hide what the driver could not see directly.
// Pure: coordinates in the cab's frame, u forward from the front bumper (≤ 0 inside), v to the
// right, y up.
import type { CabSpec } from '../../sim/geometry/blindZone.ts';

export interface CabBox {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
  y0: number;
  y1: number;
}

/** wall thickness, m */
const T = 0.05;
/** the cab floor: below it is the chassis, m */
const FLOOR = 0.4;

export function cabPanels(cab: CabSpec, width: number): CabBox[] {
  const hw = width / 2;
  const roof = cab.eyeHeight + 0.45;
  const L = cab.cabLength;
  const back = cab.sideWindowBack;
  return [
    // front wall under the windscreen
    { u0: -T, u1: 0, v0: -hw, v1: hw, y0: FLOOR, y1: cab.windscreenSill },
    // doors under the side windows
    { u0: -back, u1: 0, v0: hw - T, v1: hw, y0: FLOOR, y1: cab.rightSill },
    { u0: -back, u1: 0, v0: -hw, v1: -hw + T, y0: FLOOR, y1: cab.leftSill },
    // the pillars behind the side windows, full height
    { u0: -L, u1: -back, v0: hw - T, v1: hw, y0: FLOOR, y1: roof },
    { u0: -L, u1: -back, v0: -hw, v1: -hw + T, y0: FLOOR, y1: roof },
    // rear wall and roof
    { u0: -L, u1: -L + T, v0: -hw, v1: hw, y0: FLOOR, y1: roof },
    { u0: -L, u1: 0, v0: -hw, v1: hw, y0: roof, y1: roof + T },
  ];
}

/** Does the segment from a to b pass through the box? (slab test) */
export function segmentHitsBox(a: readonly [number, number, number], b: readonly [number, number, number], box: CabBox): boolean {
  let t0 = 0;
  let t1 = 1;
  const lo = [box.u0, box.y0, box.v0];
  const hi = [box.u1, box.y1, box.v1];
  for (let k = 0; k < 3; k++) {
    const d = b[k]! - a[k]!;
    if (Math.abs(d) < 1e-12) {
      if (a[k]! < lo[k]! || a[k]! > hi[k]!) return false;
      continue;
    }
    let ta = (lo[k]! - a[k]!) / d;
    let tb = (hi[k]! - a[k]!) / d;
    if (ta > tb) [ta, tb] = [tb, ta];
    t0 = Math.max(t0, ta);
    t1 = Math.min(t1, tb);
    if (t0 > t1) return false;
  }
  return true;
}
