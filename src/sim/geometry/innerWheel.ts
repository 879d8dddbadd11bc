// Inner-wheel difference (内轮差, off-tracking): how far inside the front inner wheel's path the rear
// inner wheel runs in a low-speed steady turn. Exact steady-state geometry of the bicycle model
// with track widths, plus the approximations facts.md 4.2 quotes, so tests can compare both.
import { wrapAngle } from '../math.ts';

/** facts 4.2, rigid vehicle: R − √(R² − L²), R = inner front wheel radius, L = wheelbase */
export function offTrackingApprox(innerFrontRadius: number, ...lengths: number[]): number {
  const R = innerFrontRadius;
  const sumSq = lengths.reduce((a, l) => a + l * l, 0);
  if (sumSq >= R * R) return NaN;
  return R - Math.sqrt(R * R - sumSq);
}

export interface TurnRadii {
  /** radius of the (tractor's) rear axle middle */
  rearAxle: number;
  innerFront: number;
  outerFront: number;
  /** the innermost rear wheel: the rigid vehicle's, or the trailer's for a semi-trailer */
  innerRear: number;
  /** innerFront − innerRear */
  offTracking: number;
}

export interface RigidGeometry {
  wheelbase: number;
  /** distance between the wheels of an axle, centre to centre */
  track: number;
}

export interface SemiGeometry extends RigidGeometry {
  /** kingpin ahead (+) of the tractor's rear axle */
  kingpinOffset: number;
  /** kingpin to the trailer axle (group middle) */
  trailerWheelbase: number;
  trailerTrack: number;
}

/** Steady turn of a rigid vehicle whose front axle middle is steered by `steer` rad (bicycle model). */
export function rigidTurn(g: RigidGeometry, steer: number): TurnRadii {
  const rear = g.wheelbase / Math.tan(Math.abs(steer));
  const innerRear = rear - g.track / 2;
  const innerFront = Math.hypot(innerRear, g.wheelbase);
  const outerFront = Math.hypot(rear + g.track / 2, g.wheelbase);
  return { rearAxle: rear, innerFront, outerFront, innerRear, offTracking: innerFront - innerRear };
}

/** Steady turn of a tractor and semi-trailer: the trailer axle circles inside the kingpin's circle. */
export function semiTurn(g: SemiGeometry, steer: number): TurnRadii {
  const t = rigidTurn(g, steer);
  const kingpin = Math.hypot(t.rearAxle, g.kingpinOffset);
  const trailerAxle = Math.sqrt(Math.max(0, kingpin * kingpin - g.trailerWheelbase * g.trailerWheelbase));
  const innerRear = trailerAxle - g.trailerTrack / 2;
  return { ...t, innerRear, offTracking: t.innerFront - innerRear };
}

/** The steer angle that puts the inner front wheel on a circle of radius R (rigid or tractor). */
export function steerForInnerFrontRadius(g: RigidGeometry, R: number): number {
  const innerRear = Math.sqrt(R * R - g.wheelbase * g.wheelbase);
  return Math.atan(g.wheelbase / (innerRear + g.track / 2));
}

/**
 * The area the inner side sweeps during a turn: the annulus sector around the turn centre between
 * the innermost rear wheel's radius and the inner front wheel's radius, from the rear wheel's angle
 * to a little ahead of the front wheel's. Positions are world x–z.
 */
export interface SweepRegion {
  cx: number;
  cz: number;
  rIn: number;
  rOut: number;
  /** angle of the innermost rear wheel about the centre */
  a0: number;
  /** signed angular span to the front wheel (plus lead): the side the vehicle turns to */
  span: number;
}

export function inSweep(r: SweepRegion, x: number, z: number, margin = 0): boolean {
  const dx = x - r.cx, dz = z - r.cz;
  const d = Math.hypot(dx, dz);
  if (d < r.rIn - margin || d > r.rOut + margin) return false;
  const t = wrapAngle(Math.atan2(dz, dx) - r.a0);
  return r.span >= 0 ? t >= 0 && t <= r.span : t <= 0 && t >= r.span;
}

/**
 * Build the sweep region from wheel positions: turn centre (cx, cz), the inner front wheel and the
 * innermost rear wheel. `lead` (m) extends it ahead of the front wheel along its circle.
 */
export function sweepFromWheels(
  cx: number, cz: number,
  frontX: number, frontZ: number,
  rearX: number, rearZ: number,
  lead: number,
  out: SweepRegion,
): SweepRegion {
  out.cx = cx;
  out.cz = cz;
  out.rOut = Math.hypot(frontX - cx, frontZ - cz);
  out.rIn = Math.min(out.rOut, Math.hypot(rearX - cx, rearZ - cz));
  out.a0 = Math.atan2(rearZ - cz, rearX - cx);
  const span = wrapAngle(Math.atan2(frontZ - cz, frontX - cx) - out.a0);
  out.span = span + Math.sign(span) * (lead / Math.max(out.rOut, 1));
  return out;
}
