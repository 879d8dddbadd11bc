// The drunk zone's controls as data (the visitor drives a car, or in the riders' version rides an
// e-bike): accelerator, brake and steering on every device — keys, on-screen pedals, controller
// triggers and stick, bare hands pinching and turning a steering wheel's rim (the e-bike's version
// turns its handlebar) — and the reader that turns them into a DriveInput each frame (the bindings
// and the eased steering every vehicle zone shares are zones/common/vehicleInput.ts). Alcohol is
// not here: the sim's impairment filter acts after this input.
import { defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import { STEER_RATE, vehicleBindings, VehicleControls } from '../common/vehicleInput.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { driverEye, type Point } from './hazard.ts';
import { driveInput, type DriveInput } from './input.ts';
import type { DrunkGame } from './rules.ts';

/**
 * Both hands on the steering wheel's rim turn it (the car), or turn the handlebar (the riders'
 * e-bike): each reads ~0 from hands held the other way, so the two add up; pinches are the pedals.
 */
export const driveControls = defineActionMap({
  actions: vehicleBindings.actions,
  keys: vehicleBindings.keys,
  touch: vehicleBindings.touch,
  // the left grip brakes too: a driver's left hand squeezes the wheel
  controller: [...vehicleBindings.controller, { hand: 'left', input: 'squeeze', action: 'brake' }],
  hands: [{ gesture: 'wheel', action: 'steer' }, { gesture: 'handlebar', action: 'steer', scale: 0.5 }, ...vehicleBindings.pinches],
  dragLook: true,
});
export type DriveAction = keyof typeof driveControls.actions;

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
  const vehicle = new VehicleControls(STEER_RATE);
  return {
    read(c: ControlState<DriveAction>, f: FrameLook, g: DrunkGame): DriveInput {
      vehicle.read(c, f, g.world.player!.heading, input);
      return input;
    },
    viewpoint(g: DrunkGame, out: Viewpoint): Viewpoint {
      if (g.phase === 'done') return overlook(g, out);
      const p = g.world.player!;
      driverEye(p, eye);
      // in a headset the rig rides with the vehicle
      return setViewpoint(out, eye, EYE[g.vehicle], p.heading + vehicle.lookOffset, PITCH[g.vehicle], p.heading);
    },
  };
}

/** Beside the road before the place the child ran out, looking along the road at both stops. */
export function overlook(g: DrunkGame, out: Viewpoint): Viewpoint {
  const h = g.comparison.hazard;
  return setViewpoint(out, { x: h.x - 26, z: h.z + 7 }, 5, -0.25, -0.22, 0);
}
