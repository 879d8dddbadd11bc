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
