// The bindings every zone walked on foot shares (crossing, blindspot's walk round): W/S and ↑/↓
// walk, A/D step sideways, ←/→ and Q/E turn; the four arrow buttons on a touch screen; the left
// stick walks and steps in a headset. A zone adds its own actions (run, phone, a marker …) and their
// labels; `vehicleInput.ts` is the same for pedals and steering. `fillWalker` turns a walker's
// input into the sim's for one fixed step.
import type { PlayerInput } from '../../sim/agents/player.ts';

/** What a walking zone's input holds (crossing's WalkerInput, blindspot's walk round). */
export interface WalkingInput {
  moveX: number;
  moveZ: number;
  run: boolean;
  lookYaw: number;
  /** a headset's standing place (room-scale): the visitor stands there instead of moving */
  pose: { x: number; z: number } | null;
}

/** W/S/↑/↓ → forward ±1, A/D → strafe ±1, ←/→/Q/E → turn ±1 */
export const walkKeys = [
  { code: 'KeyW', action: 'forward', value: 1 },
  { code: 'ArrowUp', action: 'forward', value: 1 },
  { code: 'KeyS', action: 'forward', value: -1 },
  { code: 'ArrowDown', action: 'forward', value: -1 },
  { code: 'KeyA', action: 'strafe', value: -1 },
  { code: 'KeyD', action: 'strafe', value: 1 },
  { code: 'ArrowLeft', action: 'turn', value: -1 },
  { code: 'KeyQ', action: 'turn', value: -1 },
  { code: 'ArrowRight', action: 'turn', value: 1 },
  { code: 'KeyE', action: 'turn', value: 1 },
] as const;

/** The four arrow buttons; the zone names what forward and back mean to it. */
export const walkTouch = (forwardLabel: string, backLabel: string) =>
  [
    { id: 'move-forward', action: 'forward', value: 1, label: forwardLabel, icon: 'up' },
    { id: 'move-back', action: 'forward', value: -1, label: backLabel, icon: 'down' },
    { id: 'turn-left', action: 'turn', value: -1, label: 'controls.turnLeft', icon: 'left' },
    { id: 'turn-right', action: 'turn', value: 1, label: 'controls.turnRight', icon: 'right' },
  ] as const;

/** The left stick walks and steps (WebXR sticks read −1 pushed forward). */
export const walkStick = [
  { hand: 'left', input: 'thumbstick-y', action: 'forward', scale: -1 },
  { hand: 'left', input: 'thumbstick-x', action: 'strafe' },
] as const;

/** The sim's input for one fixed step, from the walker's: move at the group's pace (run multiplies
 * it, diagonals no faster), or stand where the headset is. */
export function fillWalker(inp: WalkingInput, walkSpeed: number, runFactor: number, out: PlayerInput): void {
  out.throttle = 0;
  out.brake = 0;
  out.steer = 0;
  out.lookYaw = inp.lookYaw;
  if (inp.pose) {
    out.hasPose = true;
    out.poseX = inp.pose.x;
    out.poseZ = inp.pose.z;
    out.moveX = 0;
    out.moveZ = 0;
    return;
  }
  out.hasPose = false;
  const len = Math.hypot(inp.moveX, inp.moveZ);
  const pace = walkSpeed * (inp.run ? runFactor : 1) * (len > 1 ? 1 / len : 1);
  out.moveX = Number.isFinite(pace) ? inp.moveX * pace : 0;
  out.moveZ = Number.isFinite(pace) ? inp.moveZ * pace : 0;
}

/**
 * A scripted walker's frame towards (x, z) from where the player stands (crossing's and blindspot's
 * `walkTo` steps): the input walks there at full pace, slowing in the last 5 cm, looking where it
 * goes; true once within 5 cm (nothing filled then).
 */
export function walkToward(p: { x: number; z: number }, x: number, z: number, run: boolean, inp: Omit<WalkingInput, 'pose'>): boolean {
  const dx = x - p.x, dz = z - p.z, d = Math.hypot(dx, dz);
  if (d < 0.05) return true;
  const pace = Math.min(1, d / 0.05);
  inp.moveX = (dx / d) * pace;
  inp.moveZ = (dz / d) * pace;
  inp.run = run;
  inp.lookYaw = Math.atan2(dz, dx);
  return false;
}
