// What riding and driving zones share of their input: pedals, a wheel or handlebar, where the head
// looks, and the step into the sim's PlayerInput with every value clamped (NaN never reaches the
// sim). A zone's own input adds its extras (the e-bike's phone) and its device mapping.
import type { PlayerInput } from '../../sim/agents/player.ts';

export interface VehicleInput {
  /** accelerator / throttle, 0..1 */
  throttle: number;
  /** 0..1 */
  brake: number;
  /** −1..1, + = right */
  steer: number;
  /** where the head or camera looks, rad in the sim's convention (0 = +x, growing towards +z); NaN when unknown */
  lookYaw: number;
}

/** A point in the headset rig's own space (x right, y up, z back: the rig faces −z, along the vehicle). */
export interface RigPoint {
  x: number;
  y: number;
  z: number;
}

export const clampInput = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : Number.isFinite(v) ? v : 0);

export function fillVehicle(inp: VehicleInput, out: PlayerInput): void {
  out.throttle = clampInput(inp.throttle, 0, 1);
  out.brake = clampInput(inp.brake, 0, 1);
  out.steer = clampInput(inp.steer, -1, 1);
  out.lookYaw = inp.lookYaw;
  out.moveX = 0;
  out.moveZ = 0;
  out.hasPose = false;
}

/**
 * Steering from the line between two hands on a bar or a rim: its angle, from `across` (right hand
 * minus left, sideways) and `along` (the same in the direction the bar or rim turns), over the
 * angle that is full lock; −1..1, 0 when the hands are too close together to hold anything.
 */
export function twoHandSteer(across: number, along: number, lock: number): number {
  if (Math.hypot(across, along) < 0.1) return 0;
  return clampInput(Math.atan2(along, across) / lock, -1, 1);
}
