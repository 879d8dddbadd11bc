// The occupant as the crash scene draws it, from the crash model's state at one moment: where the
// pelvis, chest, head, knees and feet are, in the car's frame (x forward from the seated hip, y up
// from the seat cushion), and where the car is (its crush since the impact). The model computes the
// pelvis slide and the torso pitch; the legs follow from where the pelvis and the footwell are, and
// the arms reach for what is ahead of them. Pure: the mannequin in three.js only copies these points.
import type { BodySpec, CrashSample } from './occupant.ts';

export interface Point2 {
  x: number;
  y: number;
}

export interface OccupantPose {
  /** how far the car has gone since the impact (its crush), m: the whole car is drawn this far on */
  carX: number;
  pelvis: Point2;
  chest: Point2;
  head: Point2;
  /** the top of the torso (where the neck starts) */
  shoulder: Point2;
  knee: Point2;
  foot: Point2;
  /** the hand, reaching forward along the torso */
  hand: Point2;
  /** torso pitch forward from upright, rad */
  pitch: number;
}

export function emptyPose(): OccupantPose {
  const p = (): Point2 => ({ x: 0, y: 0 });
  return { carX: 0, pelvis: p(), chest: p(), head: p(), shoulder: p(), knee: p(), foot: p(), hand: p(), pitch: 0 };
}

/** thigh length as a share of the hip-to-head height (a seated adult: about 0.55 of 0.72 m) */
const THIGH = 0.62;
/** shank, same measure */
const SHANK = 0.6;
/** the shoulder joint below the head's middle, same measure */
const NECK = 0.2;
/** forearm and upper arm together, same measure */
const ARM = 0.75;

/**
 * The pose at one sample (fills `out`, no allocation). The feet stay planted in the footwell; the
 * knee is where a thigh and a shank of the body's proportions meet between hip and foot.
 */
export function poseOf(body: BodySpec, s: CrashSample, out: OccupantPose): OccupantPose {
  const h = body.headHeight;
  const sin = Math.sin(s.pitch), cos = Math.cos(s.pitch);
  out.carX = s.carX;
  out.pitch = s.pitch;
  out.pelvis.x = s.pelvis;
  out.pelvis.y = 0;
  out.chest.x = s.pelvis + body.chestHeight * sin;
  out.chest.y = body.chestHeight * cos;
  out.head.x = s.pelvis + h * sin;
  out.head.y = h * cos;
  const sh = h * (1 - NECK);
  out.shoulder.x = s.pelvis + sh * sin;
  out.shoulder.y = sh * cos;
  // the feet in the footwell, ahead of and below the seat
  const thigh = h * THIGH, shank = h * SHANK;
  out.foot.x = thigh + shank * 0.35;
  out.foot.y = -shank * 0.9;
  kneeBetween(out.pelvis, out.foot, thigh, shank, out.knee);
  // the arms reach forward from the shoulder, a little below the torso's line
  const reach = h * ARM;
  out.hand.x = out.shoulder.x + reach * Math.cos(s.pitch * 0.5 - 0.35);
  out.hand.y = out.shoulder.y - reach * Math.sin(0.35 + s.pitch * 0.5) * 0.8;
  return out;
}

/** Where the knee is: two links from hip to foot, bending upwards (a seated leg). */
function kneeBetween(hip: Point2, foot: Point2, thigh: number, shank: number, out: Point2): void {
  const dx = foot.x - hip.x, dy = foot.y - hip.y;
  const d = Math.max(1e-6, Math.hypot(dx, dy));
  if (d >= thigh + shank) {
    // straight leg
    out.x = hip.x + (dx / d) * thigh;
    out.y = hip.y + (dy / d) * thigh;
    return;
  }
  // the law of cosines: angle at the hip between the hip–foot line and the thigh
  const a = Math.acos(Math.max(-1, Math.min(1, (thigh * thigh + d * d - shank * shank) / (2 * thigh * d))));
  const base = Math.atan2(dy, dx);
  // the knee bends up (towards +y)
  const ang = base + a;
  out.x = hip.x + Math.cos(ang) * thigh;
  out.y = hip.y + Math.sin(ang) * thigh;
}
