// The rider's input, whatever the device: the UI maps controllers, keyboard or a touch panel onto
// these fields once per frame (one object, reused). Choices before the ride are not input: they
// are the game's `choose(item, option)` and `startRide()` calls from the checklist panel.
//   VR controllers: right trigger → throttle, left trigger (or squeeze) → brake, left stick x or
//                   tilting both hands like handlebars → steer, head yaw → lookYaw, a button (or the
//                   hand reaching for the phone mount) → phoneOut.
//   Desktop:        W / ↑ → throttle, S / ↓ / Space → brake, A D / ← → → steer, camera yaw → lookYaw,
//                   P or a click on the phone → phoneOut.
//   Touch kiosk:    on-screen throttle and brake pedals, a steering slider, the phone button.
//   Gamepad:        right trigger, left trigger, left stick x, a face button.
import { fillVehicle, type VehicleInput } from '../common/vehicleInput.ts';

export interface RiderInput extends VehicleInput {
  /** the phone is in the hand */
  phoneOut: boolean;
}

/** A neutral input: coasting straight, phone away. */
export function riderInput(): RiderInput {
  return { throttle: 0, brake: 0, steer: 0, lookYaw: NaN, phoneOut: false };
}

/** the phone is the rules' business (the ride watch), not the sim's */
export const fillRider = fillVehicle;
