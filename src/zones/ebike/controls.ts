// The e-bike zone's controls as data (the visitor rides): the pedals and steering every vehicle zone
// binds (zones/common/vehicleInput.ts: keys steer at most KEY_STEER of full lock, steering eased),
// the handlebar turned by both hands, the phone; and the reader that makes a RiderInput each frame.
import { defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import { STEER_RATE, vehicleBindings, VehicleControls } from '../common/vehicleInput.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { riderInput, type RiderInput } from './input.ts';
import type { EbikeGame } from './rules.ts';

export const rideControls = defineActionMap({
  actions: { ...vehicleBindings.actions, phone: { kind: 'button', label: 'controls.phone' } },
  keys: [...vehicleBindings.keys, { code: 'KeyP', action: 'phone', toggle: true }],
  touch: [...vehicleBindings.touch, { id: 'phone', action: 'phone', toggle: true, label: 'controls.phoneButton' }],
  controller: [...vehicleBindings.controller, { hand: 'right', input: 'a-button', action: 'phone' }],
  hands: [{ gesture: 'handlebar', action: 'steer', scale: 0.5 }, ...vehicleBindings.pinches],
  dragLook: true,
});
export type RideAction = keyof typeof rideControls.actions;

/** the rider's eye over the saddle on a flat screen, m (in a headset it is the visitor's own) */
const EYE = 1.45;
/** looking a little down the road on a flat screen, so the handlebar is in the picture, rad */
const PITCH = -0.14;

/** The rider's reader: pedals, eased steering, the phone; dragging looks around relative to the bike. */
export function riderReader(_game: EbikeGame): InputReader<EbikeGame, RiderInput, RideAction> {
  const input = riderInput();
  const vehicle = new VehicleControls(STEER_RATE);
  return {
    read(c: ControlState<RideAction>, f: FrameLook, g: EbikeGame): RiderInput {
      vehicle.read(c, f, g.world.player!.heading, input);
      input.phoneOut = c.on('phone');
      return input;
    },
    viewpoint(g: EbikeGame, out: Viewpoint): Viewpoint {
      const p = g.world.player!;
      // in a headset the rig rides with the bike
      return setViewpoint(out, p, EYE, p.heading + vehicle.lookOffset, PITCH, p.heading);
    },
  };
}
