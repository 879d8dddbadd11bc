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
import { fillVehicle, type VehicleInput } from '../common/vehicleInput.ts';

/** accelerator, brake, wheel and where the head looks: nothing of the driver's own beyond the common shape */
export type DriveInput = VehicleInput;

/** A neutral input: nothing pressed, wheel straight. */
export function driveInput(): DriveInput {
  return { throttle: 0, brake: 0, steer: 0, lookYaw: NaN };
}

export const fillDriver = fillVehicle;
