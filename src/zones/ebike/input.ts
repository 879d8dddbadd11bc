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
import type { PlayerInput } from '../../sim/agents/player.ts';

export interface RiderInput {
  /** 0..1 */
  throttle: number;
  /** 0..1 */
  brake: number;
  /** −1..1, + = right */
  steer: number;
  /** where the head or camera looks, rad in the sim's convention (0 = +x, growing towards +z); NaN when unknown */
  lookYaw: number;
  /** the phone is in the hand */
  phoneOut: boolean;
}

/** A neutral input: coasting straight, phone away. */
export function riderInput(): RiderInput {
  return { throttle: 0, brake: 0, steer: 0, lookYaw: NaN, phoneOut: false };
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : Number.isFinite(v) ? v : 0);

export function fillRider(inp: RiderInput, out: PlayerInput): void {
  out.throttle = clamp(inp.throttle, 0, 1);
  out.brake = clamp(inp.brake, 0, 1);
  out.steer = clamp(inp.steer, -1, 1);
  out.lookYaw = inp.lookYaw;
  out.moveX = 0;
  out.moveZ = 0;
  out.hasPose = false;
}
