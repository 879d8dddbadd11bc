// The crash model's bodies, seats and restraints by name, so the zone file can say "an adult in the
// driver's seat without a belt" or "a three-year-old in arms in the back" and the physics stays here,
// tested (occupant.test.ts). Figures are a demonstration model's (示意): body masses and sizes of
// typical occupants, gaps of a typical small car, springs chosen so the results land within facts
// 5.8 and 5.9's approximations. None of them is shown to visitors as a fact.
import { simulateCrash, type BodySpec, type CabinSpec, type CarSpec, type CrashRun, type RestraintSpec, type SurfaceSpec } from './occupant.ts';

/** a small car's crumple zone: about 0.5 m of crush at 50 km/h */
export const CAR: CarSpec = { crumpleOmega: 28 };

/** wheel, dashboard, windscreen and seat backs as a body meets them */
export const SURFACE: SurfaceSpec = { stiffness: 15500, damping: 500 };

export const BODIES = {
  /** an adult of about 75 kg */
  adult: { pelvisMass: 30, torsoMass: 45, comHeight: 0.3, inertia: 2.4, chestHeight: 0.45, headHeight: 0.72, seatFriction: 0.3 },
  /** a school child of about 25 kg (the child group's own seat in the back) */
  child: { pelvisMass: 10, torsoMass: 15, comHeight: 0.2, inertia: 0.5, chestHeight: 0.3, headHeight: 0.5, seatFriction: 0.3 },
  /** a three-year-old of about 15 kg (the child-seat station) */
  toddler: { pelvisMass: 6, torsoMass: 9, comHeight: 0.15, inertia: 0.12, chestHeight: 0.22, headHeight: 0.36, seatFriction: 0.3 },
} as const satisfies Record<string, BodySpec>;
export type BodyId = keyof typeof BODIES;

export const SEATS = {
  /** behind the wheel: knees to the dashboard, chest to the wheel, head to the wheel rim and windscreen */
  driver: { knee: 0.14, chest: 0.32, head: 0.5 },
  /** beside the driver: no wheel, the dashboard and windscreen further away */
  front: { knee: 0.2, chest: null, head: 0.55 },
  /** in the back: the seat in front */
  rear: { knee: 0.22, chest: null, head: 0.55 },
  /** a small child in the back, in a child seat or on a lap: the seat in front is closer to its head */
  'rear-child': { knee: 0.3, chest: null, head: 0.42 },
  /** a small child on a lap in the front: the dashboard */
  'front-child': { knee: null, chest: null, head: 0.38 },
} as const satisfies Record<string, CabinSpec>;
export type SeatId = keyof typeof SEATS;

export const RESTRAINTS = {
  /** a three-point belt: lap part on the pelvis, diagonal part across the chest */
  belt: {
    lap: { slack: 0.015, stiffness: 14000, damping: 1100 },
    shoulder: { slack: 0.004, stiffness: 26000, damping: 1800 },
    arms: null,
  },
  none: { lap: null, shoulder: null, arms: null },
  /** a child seat's five-point harness (the seat itself anchored to the car) */
  'child-seat': {
    lap: { slack: 0.005, stiffness: 9000, damping: 500 },
    shoulder: { slack: 0.005, stiffness: 9000, damping: 500 },
    arms: null,
  },
  /** held on a lap: arms around the chest, which let go once the pull passes what arms can hold */
  arms: { lap: null, shoulder: null, arms: { slack: 0.02, stiffness: 5000, damping: 200, maxForce: 400 } },
} as const satisfies Record<string, RestraintSpec>;
export type RestraintId = keyof typeof RESTRAINTS;

export interface Occupant {
  body: BodyId;
  seat: SeatId;
  restraint: RestraintId;
}

/** One crash of this occupant at this speed (the same inputs always give the same run). */
export function crashOf(o: Occupant, speedKmh: number): CrashRun {
  return simulateCrash({ car: CAR, body: BODIES[o.body], cabin: SEATS[o.seat], restraint: RESTRAINTS[o.restraint], surface: SURFACE, speedKmh });
}

export const isBodyId = (s: string): s is BodyId => s in BODIES;
export const isSeatId = (s: string): s is SeatId => s in SEATS;
export const isRestraintId = (s: string): s is RestraintId => s in RESTRAINTS;
