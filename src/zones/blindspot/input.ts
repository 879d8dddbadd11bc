// The visitor's input in the blindspot zone, whatever the device: one object the UI fills once per
// frame. Which fields count depends on the stage and the role: walking round the truck always uses
// the walking fields; at the turn a pedestrian walks, a rider rides (throttle, brake, steer), and
// a driver (pro) works throttle and brake while the steering follows the lane (the lesson is the
// looking, not the steering). Setting markers down and going on are actions, not input:
// `placeMarker(x, z)`, `removeMarker(id)`, `enterCab()`, `leaveCab()` — or, from any device, the
// `act` and `next` buttons (the game acts on a press, not while held).
//   VR controllers: left stick → walk (world frame) or steer; right trigger → throttle, left
//                   trigger → brake; head yaw and pitch → look (the mirrors are looked at).
//   Desktop:        WASD / arrows → walk relative to the camera, or W/S throttle and brake; the
//                   camera's yaw and pitch → look.
//   Touch kiosk:    hold buttons → walk / pedals; drag → look.
import type { PlayerInput } from '../../sim/agents/player.ts';

export interface BlindspotInput {
  /** desired walking direction over the ground, world x and z; length 1 = the group's walking speed */
  moveX: number;
  moveZ: number;
  run: boolean;
  /** room-scale VR: the tracked position over the ground; overrides move */
  pose: { x: number; z: number } | null;
  /** 0..1, riding or driving */
  throttle: number;
  brake: number;
  /** −1..1, + = right (riding only) */
  steer: number;
  /** where the head or camera looks: yaw in the sim's convention (0 = +x, growing towards +z), and
   * pitch (+ up), rad; NaN when unknown */
  lookYaw: number;
  lookPitch: number;
  /** the zone's one action button, held: set a marker down ahead (walk round), go on (cab) */
  act: boolean;
  /** held: into the cab now, with the markers set so far (walk round), go on (cab) */
  next: boolean;
}

export function blindspotInput(): BlindspotInput {
  return { moveX: 0, moveZ: 0, run: false, pose: null, throttle: 0, brake: 0, steer: 0, lookYaw: NaN, lookPitch: NaN, act: false, next: false };
}

const clamp = (v: number, lo: number, hi: number): number => (Number.isFinite(v) ? (v < lo ? lo : v > hi ? hi : v) : 0);


/** Riding or driving: pedals as given; `steer` from the input (rider) or the steering assist (driver). */
export function fillVehicle(inp: BlindspotInput, steer: number, out: PlayerInput): void {
  out.throttle = clamp(inp.throttle, 0, 1);
  out.brake = clamp(inp.brake, 0, 1);
  out.steer = clamp(steer, -1, 1);
  out.lookYaw = inp.lookYaw;
  out.moveX = 0;
  out.moveZ = 0;
  out.hasPose = false;
}
