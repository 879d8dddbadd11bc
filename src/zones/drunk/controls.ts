// The drunk zone's controls as data (the visitor drives a car, or in the riders' version rides an
// e-bike): accelerator, brake and steering on every device — keys, on-screen pedals, controller
// triggers and stick, bare hands pinching and turning a steering wheel's rim (the e-bike's version
// turns its handlebar) — and the reader that turns them into a DriveInput each frame. Keys steer at
// most KEY_STEER of full lock and every steering source is eased, so an on/off key does not jerk
// the wheel. Alcohol is not here: the sim's impairment filter acts after this input.
import { defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { driverEye, type Point } from './hazard.ts';
import { driveInput, type DriveInput } from './input.ts';
import type { DrunkGame } from './rules.ts';

/** keys and touch buttons steer this much at most */
export const KEY_STEER = 0.3;

const actions = {
  throttle: { kind: 'button', label: 'controls.throttle' },
  brake: { kind: 'button', label: 'controls.brake' },
  steer: { kind: 'axis', label: 'controls.steer', dir: ['controls.steerLeft', 'controls.steerRight'] },
} as const;

const keys = [
  { code: 'KeyW', action: 'throttle' },
  { code: 'ArrowUp', action: 'throttle' },
  { code: 'KeyS', action: 'brake' },
  { code: 'ArrowDown', action: 'brake' },
  { code: 'Space', action: 'brake' },
  { code: 'KeyA', action: 'steer', value: -KEY_STEER },
  { code: 'ArrowLeft', action: 'steer', value: -KEY_STEER },
  { code: 'KeyD', action: 'steer', value: KEY_STEER },
  { code: 'ArrowRight', action: 'steer', value: KEY_STEER },
] as const;

const touch = [
  { id: 'move-forward', action: 'throttle', label: 'controls.throttle' },
  { id: 'move-back', action: 'brake', label: 'controls.brake' },
  { id: 'turn-left', action: 'steer', value: -KEY_STEER, label: 'controls.steerLeft', icon: 'left' },
  { id: 'turn-right', action: 'steer', value: KEY_STEER, label: 'controls.steerRight', icon: 'right' },
] as const;

const controller = [
  { hand: 'right', input: 'trigger', action: 'throttle' },
  { hand: 'left', input: 'trigger', action: 'brake' },
  { hand: 'left', input: 'squeeze', action: 'brake' },
  { hand: 'left', input: 'thumbstick-x', action: 'steer', scale: 0.5 },
] as const;

/**
 * Both hands on the steering wheel's rim turn it (the car), or turn the handlebar (the riders'
 * e-bike): each reads ~0 from hands held the other way, so the two add up; pinches are the pedals.
 */
export const driveControls = defineActionMap({
  actions,
  keys,
  touch,
  controller,
  hands: [
    { gesture: 'wheel', action: 'steer' },
    { gesture: 'handlebar', action: 'steer', scale: 0.5 },
    { gesture: 'pinch-right', action: 'throttle' },
    { gesture: 'pinch-left', action: 'brake' },
  ],
  dragLook: true,
});
export type DriveAction = keyof typeof driveControls.actions;

/** how fast steering moves towards what the controls ask, per s */
export const STEER_RATE = 2.5;
/** the eye over the road on a flat screen, m (in a headset the seat sets it: see Scene.tsx) */
export const EYE = { car: 1.2, ebike: 1.45 } as const;
/** looking a little down the road on a flat screen, so the bonnet or handlebar is in the picture, rad */
const PITCH = { car: -0.06, ebike: -0.14 } as const;

/**
 * The driver's reader: pedals, eased steering; dragging looks around relative to the vehicle. The
 * eye sits where the engine's measurement looks from (a car's driver on the left). When the game
 * is over, the view stands beside the road over the place where the child ran out, where the
 * scene marks the two stops.
 */
export function driverReader(_game: DrunkGame): InputReader<DrunkGame, DriveInput, DriveAction> {
  const input = driveInput();
  const eye: Point = { x: 0, z: 0 };
  let lookOffset = 0;
  let steer = 0;
  return {
    read(c: ControlState<DriveAction>, f: FrameLook, g: DrunkGame): DriveInput {
      const p = g.world.player!;
      lookOffset += f.drag;
      const step = STEER_RATE * f.dt;
      steer += Math.max(-step, Math.min(step, c.value('steer') - steer));
      input.throttle = c.value('throttle');
      input.brake = c.value('brake');
      input.steer = steer;
      input.lookYaw = Number.isFinite(f.headYaw) ? f.headYaw : p.heading + lookOffset;
      return input;
    },
    viewpoint(g: DrunkGame, out: Viewpoint): Viewpoint {
      if (g.phase === 'done') return overlook(g, out);
      const p = g.world.player!;
      driverEye(p, eye);
      // in a headset the rig rides with the vehicle
      return setViewpoint(out, eye, EYE[g.vehicle], p.heading + lookOffset, PITCH[g.vehicle], p.heading);
    },
  };
}

/** Beside the road before the place the child ran out, looking along the road at both stops. */
export function overlook(g: DrunkGame, out: Viewpoint): Viewpoint {
  const h = g.comparison.hazard;
  return setViewpoint(out, { x: h.x - 26, z: h.z + 7 }, 5, -0.25, -0.22, 0);
}
