// Longitudinal motion: the stopping-distance formula of facts.md 5.16, the Intelligent Driver Model
// for ordinary following and stopping, and an exact constant-acceleration step so simulated braking
// reproduces v·t + v²/(2a) without time-step error.
import { kmhToMs } from './units.ts';

/** Stopping distance (m) = reaction distance v·t + braking distance v²/(2a) (facts 5.16). */
export function stoppingDistance(vKmh: number, reactionS: number, decel: number): number {
  const v = kmhToMs(vKmh);
  return v * reactionS + (v * v) / (2 * decel);
}

export interface IdmParams {
  /** desired speed, m/s */
  v0: number;
  /** desired time headway, s */
  T: number;
  /** standstill gap, m */
  s0: number;
  /** maximum acceleration, m/s² */
  a: number;
  /** comfortable deceleration, m/s² */
  b: number;
}

/** IDM acceleration towards a leader `gap` metres ahead moving at `vLead` (Infinity gap = free road). */
export function idmAccel(v: number, gap: number, vLead: number, p: IdmParams): number {
  const free = p.v0 > 0 ? 1 - Math.pow(v / p.v0, 4) : -1;
  if (gap === Infinity) return p.a * free;
  const dv = v - vLead;
  const sStar = p.s0 + Math.max(0, v * p.T + (v * dv) / (2 * Math.sqrt(p.a * p.b)));
  const g = Math.max(gap, 0.05);
  return p.a * (free - (sStar / g) * (sStar / g));
}

export interface Motion {
  /** distance moved this step */
  ds: number;
  /** speed at the end */
  v: number;
}

/**
 * Advance speed `v` for `dt` at acceleration `a`, never below zero: if the speed reaches zero inside
 * the step the remaining time is spent standing, so a braking run ends exactly at v²/(2a).
 */
export function integrate(v: number, a: number, dt: number, out: Motion): Motion {
  const v1 = v + a * dt;
  if (v1 >= 0) {
    out.ds = v * dt + 0.5 * a * dt * dt;
    out.v = v1;
  } else {
    out.ds = a < 0 ? (v * v) / (-2 * a) : 0;
    out.v = 0;
  }
  return out;
}

/**
 * One step of an emergency stop: coast at constant speed for what is left of the reaction time,
 * then brake at `decel`. Returns the reaction time still left after the step.
 */
export function brakeStep(v: number, reactLeft: number, decel: number, dt: number, out: Motion): number {
  if (reactLeft >= dt) {
    out.ds = v * dt;
    out.v = v;
    return reactLeft - dt;
  }
  const coast = v * reactLeft;
  integrate(v, -decel, dt - reactLeft, out);
  out.ds += coast;
  return 0;
}
