// The driver's (or, in the riders' version, the e-bike rider's) input, whatever the device: the UI
// maps controllers, keyboard, touch pedals or hands onto these fields once per frame (one object,
// reused). The level choice before the drives is not input: it is the game's `choose` and
// `startDriving` calls from the panel.
//   VR controllers: right trigger → accelerator, left trigger (or grip) → brake, the steering wheel
//                   turned by the left stick or by both hands on its rim → steer, head yaw → lookYaw.
//   Desktop:        W / ↑ → accelerator, S / ↓ / Space → brake, A D / ← → → steer, camera → lookYaw.
//   Touch kiosk:    on-screen accelerator and brake pedals, steer buttons.
// Alcohol's effect on the controls is not here: it is the sim's impairment filter, applied after
// this input reached the world (src/sim/agents/impairment.ts).
import { fillVehicle, twoHandSteer, type RigPoint, type VehicleInput } from '../common/vehicleInput.ts';

export type { RigPoint } from '../common/vehicleInput.ts';

/** accelerator, brake, wheel and where the head looks: nothing of the driver's own beyond the common shape */
export type DriveInput = VehicleInput;

/** A neutral input: nothing pressed, wheel straight. */
export function driveInput(): DriveInput {
  return { throttle: 0, brake: 0, steer: 0, lookYaw: NaN };
}

export const fillDriver = fillVehicle;

/** the steering wheel turned this far is full lock for the game, rad (a car's wheel turns far more; this keeps arms comfortable) */
export const WHEEL_LOCK = Math.PI / 2;

/**
 * Steering from two hands on a steering wheel facing the driver (its rim in the x–y plane of the
 * rig): turning the wheel right (clockwise as the driver sees it) lowers the right hand and raises
 * the left. −1..1 (+ = right); 0 when the hands are too close together to hold a rim.
 */
export function wheelSteer(left: RigPoint, right: RigPoint): number {
  // turning clockwise lowers the right hand: the line between the hands tilts down to the right
  return twoHandSteer(right.x - left.x, left.y - right.y, WHEEL_LOCK);
}
