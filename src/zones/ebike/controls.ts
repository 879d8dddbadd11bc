// The e-bike zone's controls as data (the visitor rides): throttle, brake, steering and the phone on
// every device, and the reader that turns them into a RiderInput each frame. Keys and buttons steer
// at most 0.3 of full lock (a full keyboard lock would tip a real bike); every steering source is
// eased so an on/off key does not jerk the bars.
import { defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { riderInput, type RiderInput } from './input.ts';
import type { EbikeGame } from './rules.ts';

/** keys and touch buttons steer this much at most */
export const KEY_STEER = 0.3;

export const rideControls = defineActionMap({
  actions: {
    throttle: { kind: 'button', label: 'controls.throttle' },
    brake: { kind: 'button', label: 'controls.brake' },
    steer: { kind: 'axis', label: 'controls.steer', dir: ['controls.steerLeft', 'controls.steerRight'] },
    phone: { kind: 'button', label: 'controls.phone' },
  },
  keys: [
    { code: 'KeyW', action: 'throttle' },
    { code: 'ArrowUp', action: 'throttle' },
    { code: 'KeyS', action: 'brake' },
    { code: 'ArrowDown', action: 'brake' },
    { code: 'Space', action: 'brake' },
    { code: 'KeyA', action: 'steer', value: -KEY_STEER },
    { code: 'ArrowLeft', action: 'steer', value: -KEY_STEER },
    { code: 'KeyD', action: 'steer', value: KEY_STEER },
    { code: 'ArrowRight', action: 'steer', value: KEY_STEER },
    { code: 'KeyP', action: 'phone', toggle: true },
  ],
  touch: [
    { id: 'move-forward', action: 'throttle', label: 'controls.throttle' },
    { id: 'move-back', action: 'brake', label: 'controls.brake' },
    { id: 'turn-left', action: 'steer', value: -KEY_STEER, label: 'controls.steerLeft', icon: 'left' },
    { id: 'turn-right', action: 'steer', value: KEY_STEER, label: 'controls.steerRight', icon: 'right' },
    { id: 'phone', action: 'phone', toggle: true, label: 'controls.phoneButton' },
  ],
  controller: [
    { hand: 'right', input: 'trigger', action: 'throttle' },
    { hand: 'left', input: 'trigger', action: 'brake' },
    { hand: 'left', input: 'thumbstick-x', action: 'steer', scale: 0.5 },
    { hand: 'right', input: 'a-button', action: 'phone' },
  ],
  hands: [
    { gesture: 'handlebar', action: 'steer', scale: 0.5 },
    { gesture: 'pinch-right', action: 'throttle' },
    { gesture: 'pinch-left', action: 'brake' },
  ],
  dragLook: true,
});
export type RideAction = keyof typeof rideControls.actions;

/** how fast steering moves towards what the controls ask, per s */
export const STEER_RATE = 2.5;
/** the rider's eye over the saddle on a flat screen, m (in a headset it is the visitor's own) */
const EYE = 1.45;
/** looking a little down the road on a flat screen, so the handlebar is in the picture, rad */
const PITCH = -0.14;

/** The rider's reader: pedals, eased steering, the phone; dragging looks around relative to the bike. */
export function riderReader(_game: EbikeGame): InputReader<EbikeGame, RiderInput, RideAction> {
  const input = riderInput();
  /** where the visitor looks relative to the bike's heading (drag to look) */
  let lookOffset = 0;
  let steer = 0;
  return {
    read(c: ControlState<RideAction>, f: FrameLook, g: EbikeGame): RiderInput {
      const p = g.world.player!;
      lookOffset += f.drag;
      const step = STEER_RATE * f.dt;
      steer += Math.max(-step, Math.min(step, c.value('steer') - steer));
      input.throttle = c.value('throttle');
      input.brake = c.value('brake');
      input.steer = steer;
      input.lookYaw = Number.isFinite(f.headYaw) ? f.headYaw : p.heading + lookOffset;
      input.phoneOut = c.on('phone');
      return input;
    },
    viewpoint(g: EbikeGame, out: Viewpoint): Viewpoint {
      const p = g.world.player!;
      // in a headset the rig rides with the bike
      return setViewpoint(out, p, EYE, p.heading + lookOffset, PITCH, p.heading);
    },
  };
}
