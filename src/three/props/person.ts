// One parametric figure for every person prop: facing +x, left hand side −z, feet on y = 0.
// Proportions are drawn for a 1.70 m adult and scaled to `height`; a child has a bigger head.
import type { ColorRepresentation } from 'three';
import { C } from './palette.ts';
import type { PartBuilder, Vec3 } from './parts.ts';

export interface PersonOptions {
  height: number;
  skin: ColorRepresentation;
  hair: ColorRepresentation;
  shirt: ColorRepresentation;
  trousers: ColorRepresentation;
  shoes?: ColorRepresentation;
  /** walking: left leg and right arm forward */
  pose: 'stand' | 'walk';
  /** forward lean of the upper body (m at the shoulders, 1.70 m scale) */
  stoop?: number;
  /** head radius factor (children ≈ 1.3) */
  head?: number;
  /** left arm raised straight up (a police officer's stop signal) */
  raiseLeftArm?: boolean;
  /** right hand forward and low, holding a walking stick */
  stickInRight?: boolean;
  /** hands (gloves) colour; default skin */
  hands?: ColorRepresentation;
  /** no hair drawn (a cap or helmet covers the head) */
  hatted?: boolean;
  /** false: no arms (a figure whose arms are animated separately, the signals zone's officer) */
  arms?: boolean;
}

export interface PersonFrame {
  /** scale from the 1.70 m drawing */
  k: number;
  headCentre: Vec3;
  headRadius: number;
  shoulderCentre: Vec3;
  hipY: number;
  /** torso box half depth (x) and half width (z), scaled */
  torso: { d: number; w: number };
}

export function person(b: PartBuilder, o: PersonOptions): PersonFrame {
  const k = o.height / 1.7;
  const P = (x: number, y: number, z: number): Vec3 => [x * k, y * k, z * k];
  const stoop = o.stoop ?? 0;
  const walk = o.pose === 'walk';
  const shoes = o.shoes ?? C.black;
  const hands = o.hands ?? o.skin;
  const hipY = 0.88;
  const shoulderY = 1.43 - Math.abs(stoop) * 0.3;
  const sx = stoop;

  // legs: thigh + shin + shoe per side (left = −z)
  for (const side of [-1, 1]) {
    const forward = walk ? (side < 0 ? 1 : -1) : 0;
    const hip = P(0, hipY, side * 0.095);
    const knee = P(0.1 * forward + (walk ? 0.02 : 0.01), 0.48, side * 0.1);
    const ankle = P(0.2 * forward, 0.08, side * 0.1);
    b.limb(hip, knee, 0.14 * k, 0.15 * k, o.trousers);
    b.limb(knee, ankle, 0.12 * k, 0.13 * k, o.trousers);
    b.box([0.25 * k, 0.08 * k, 0.11 * k], [ankle[0] + 0.05 * k, 0.04 * k, ankle[2]], shoes);
  }
  // torso (hips to shoulders), neck
  const hipC = P(0, hipY - 0.03, 0);
  const shC = P(sx, shoulderY, 0);
  b.limb(hipC, shC, 0.37 * k, 0.23 * k, o.shirt);
  b.limb(P(0, hipY - 0.04, 0), P(0, hipY + 0.08, 0), 0.375 * k, 0.235 * k, o.trousers); // hips in trousers
  const headR = 0.105 * k * (o.head ?? 1);
  const neckTop = P(sx + 0.02, shoulderY + 0.08, 0);
  b.rod(P(sx, shoulderY - 0.02, 0), neckTop, 0.045 * k, o.skin, 6);
  const headC: Vec3 = [neckTop[0] + 0.01 * k, neckTop[1] + headR * 0.92, 0];
  b.sphere(headR, headC, o.skin, { w: 10, h: 7, scale: [1, 1.08, 0.95] });
  b.box([0.03 * k, 0.04 * k, 0.03 * k], [headC[0] + headR * 0.98, headC[1] - headR * 0.1, 0], o.skin); // nose
  if (!o.hatted) {
    // hair: a cap over the top and back of the head, leaving the face (+x) free
    b.sphere(headR * 1.07, [headC[0] - headR * 0.12, headC[1] + headR * 0.05, 0], o.hair, { w: 10, h: 5, half: true, scale: [1, 1.05, 1] });
    b.box([headR * 0.9, headR * 1.2, headR * 1.9], [headC[0] - headR * 0.55, headC[1] - headR * 0.2, 0], o.hair);
  }
  // arms: upper arm + forearm + hand
  for (const side of o.arms === false ? [] : [-1, 1]) {
    const sh = P(sx, shoulderY - 0.04, side * 0.225);
    let elbow: Vec3;
    let hand: Vec3;
    if (side < 0 && o.raiseLeftArm) {
      elbow = P(sx + 0.02, shoulderY + 0.27, side * 0.25);
      hand = P(sx + 0.04, shoulderY + 0.55, side * 0.25);
    } else if (side > 0 && o.stickInRight) {
      elbow = P(sx + 0.08, shoulderY - 0.3, side * 0.27);
      hand = P(sx + 0.28, shoulderY - 0.52, side * 0.27);
    } else {
      const swing = walk ? (side > 0 ? 1 : -1) : 0;
      elbow = P(sx + 0.06 * swing, shoulderY - 0.3, side * 0.26);
      hand = P(sx + 0.16 * swing + 0.02, shoulderY - 0.58, side * 0.27);
    }
    b.limb(sh, elbow, 0.095 * k, 0.1 * k, o.shirt);
    b.limb(elbow, hand, 0.08 * k, 0.085 * k, o.skin);
    b.sphere(0.05 * k, hand, hands, { w: 6, h: 4 });
  }
  return { k, headCentre: headC, headRadius: headR, shoulderCentre: shC, hipY: hipY * k, torso: { d: 0.115 * k, w: 0.185 * k } };
}
