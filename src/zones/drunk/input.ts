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
import type { PlayerInput } from '../../sim/agents/player.ts';

export interface DriveInput {
  /** accelerator, 0..1 */
  throttle: number;
  /** brake, 0..1 */
  brake: number;
  /** −1..1, + = right */
  steer: number;
  /** where the head or camera looks, rad in the sim's convention (0 = +x, growing towards +z); NaN when unknown */
  lookYaw: number;
}

/** A neutral input: nothing pressed, wheel straight. */
export function driveInput(): DriveInput {
  return { throttle: 0, brake: 0, steer: 0, lookYaw: NaN };
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : Number.isFinite(v) ? v : 0);

export function fillDriver(inp: DriveInput, out: PlayerInput): void {
  out.throttle = clamp(inp.throttle, 0, 1);
  out.brake = clamp(inp.brake, 0, 1);
  out.steer = clamp(inp.steer, -1, 1);
  out.lookYaw = inp.lookYaw;
  out.moveX = 0;
  out.moveZ = 0;
  out.hasPose = false;
}

/** A point in the headset rig's own space (x right, y up, z back: the rig faces −z, along the car). */
export interface RigPoint {
  x: number;
  y: number;
  z: number;
}

/** the steering wheel turned this far is full lock for the game, rad (a car's wheel turns far more; this keeps arms comfortable) */
export const WHEEL_LOCK = Math.PI / 2;

/**
 * Steering from two hands on a steering wheel facing the driver (its rim in the x–y plane of the
 * rig): turning the wheel right (clockwise as the driver sees it) lowers the right hand and raises
 * the left. −1..1 (+ = right); 0 when the hands are too close together to hold a rim.
 */
export function wheelSteer(left: RigPoint, right: RigPoint): number {
  const dx = right.x - left.x;
  const dy = right.y - left.y;
  if (Math.hypot(dx, dy) < 0.1) return 0;
  // the line from the left hand to the right one turns clockwise as the wheel does: its angle below the horizontal
  const angle = Math.atan2(-dy, dx);
  return clamp(angle / WHEEL_LOCK, -1, 1);
}
