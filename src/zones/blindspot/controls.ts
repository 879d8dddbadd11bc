// The blindspot zone's controls as data: one action map for the three stages, and the reader that
// turns the actions into a BlindspotInput each frame and puts the eye where the stage wants it.
//   walk round (and waiting on foot): forward/strafe walk along where the visitor faces, turn (keys,
//     buttons, drag) or the head looks; act sets a marker down ahead; next goes into the cab early.
//   cab: the eye is the driver's (cab spec: 2.5 m up, left seat), turning looks round at the mirrors;
//     act or next goes on to the turn.
//   turn, riding or driving: forward is the pedals (+ accelerate, − brake; act held brakes too),
//     strafe steers the e-bike (a driver's truck keeps its lane by itself); turning looks round.
import { SPECS } from '../../sim/agents/specs.ts';
import { alongLook, defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { walkKeys, walkStick, walkTouch } from '../common/walkInput.ts';
import { blindspotInput, type BlindspotInput } from './input.ts';
import { cabOf } from './markers.ts';
import type { BlindspotGame } from './rules.ts';

export const blindspotControls = defineActionMap({
  actions: {
    forward: { kind: 'axis', label: 'controls.walkOrPedals', dir: ['controls.backOrBrake', 'controls.forwardOrThrottle'] },
    strafe: { kind: 'axis', label: 'controls.strafeOrSteer', dir: ['controls.stepLeft', 'controls.stepRight'] },
    turn: { kind: 'axis', label: 'controls.lookAround', dir: ['controls.turnLeft', 'controls.turnRight'] },
    act: { kind: 'button', label: 'controls.blindspotAct' },
    next: { kind: 'button', label: 'controls.blindspotNext' },
  },
  keys: [
    ...walkKeys,
    { code: 'Space', action: 'act' },
    { code: 'KeyN', action: 'next' },
  ],
  touch: [
    ...walkTouch('controls.forwardOrThrottle', 'controls.backOrBrake'),
    { id: 'blindspot-act', action: 'act', label: 'controls.blindspotActButton' },
    { id: 'blindspot-next', action: 'next', label: 'controls.blindspotNextButton' },
  ],
  controller: [
    ...walkStick,
    { hand: 'right', input: 'trigger', action: 'act' },
    { hand: 'right', input: 'b-button', action: 'next' },
  ],
  hands: [
    { gesture: 'pinch-left', action: 'forward' },
    { gesture: 'pinch-right', action: 'act' },
  ],
  dragLook: true,
});
export type BlindspotAction = keyof typeof blindspotControls.actions;

/** turning (looking round) by keys or buttons, rad/s */
export const TURN_SPEED = 1.9;
/** how fast an e-bike's steering follows the controls, per s (as in the e-bike zone) */
export const STEER_RATE = 2.5;
/** on a screen the walker looks a little down, so a marker set down ahead is in the picture, rad */
const WALK_PITCH = -0.22;
/** a rider's eye on a screen, m */
const RIDER_EYE = 1.45;

/** Where the driver's eye is in the world: the cab spec's seat, from the front bumper. */
export function cabEye(a: { x: number; z: number; heading: number; length: number; kind: keyof typeof SPECS }, out: { x: number; z: number; y: number }): { x: number; z: number; y: number } {
  const cab = cabOf(a.kind);
  const c = Math.cos(a.heading), s = Math.sin(a.heading);
  const bx = a.x + (c * a.length) / 2, bz = a.z + (s * a.length) / 2;
  const u = -cab.eyeBack, v = cab.eyeLateral;
  out.x = bx + c * u - s * v;
  out.z = bz + s * u + c * v;
  out.y = cab.eyeHeight;
  return out;
}

/** The vehicle whose cab the eye is in (the standing truck, or the visitor's own truck), or null. */
export const cabVehicle = (g: BlindspotGame) => (g.stage === 'cab' && !g.fromAbove ? g.standTruck : g.stage === 'turn' && g.tuning.role === 'driver' ? g.world.player! : null);

/** the view from above: this far out to the truck's right and this high, m, looking down at it */
export const ABOVE = { out: 9, up: 13 };

/**
 * The reader: on a screen keys, buttons and dragging turn the visitor's facing (when walking) or
 * their look relative to the vehicle (in a cab, on a bike); in a headset the head does. Forward and
 * strafe walk along the facing, or work the pedals and the handlebar.
 */
export function blindspotReader(game: BlindspotGame): InputReader<BlindspotGame, BlindspotInput, BlindspotAction> {
  const input = blindspotInput();
  const move = { x: 0, z: 0 };
  const eye = { x: 0, z: 0, y: 0 };
  /** the walker's facing on a screen (sim yaw) */
  let yaw = game.world.player?.heading ?? 0;
  /** where the visitor looks relative to the vehicle they sit on or in */
  let lookOffset = 0;
  let steer = 0;
  let wasSeated = false;
  const walkEye = Math.max(1, game.tuning.playerHeight - 0.1);
  return {
    read(c: ControlState<BlindspotAction>, f: FrameLook, g: BlindspotGame): BlindspotInput {
      const p = g.world.player!;
      const vehicle = cabVehicle(g) ?? (g.stage === 'turn' && g.tuning.role === 'rider' ? p : null);
      const turning = c.value('turn') * TURN_SPEED * f.dt + f.drag;
      // sitting down (or getting out) starts looking straight ahead
      if (!!vehicle !== wasSeated) {
        lookOffset = 0;
        if (!vehicle) yaw = p.heading;
      }
      wasSeated = !!vehicle;
      input.act = c.on('act');
      input.next = c.on('next');
      input.lookPitch = NaN;
      input.run = false;
      input.pose = null;
      if (vehicle) {
        lookOffset += turning;
        input.lookYaw = Number.isFinite(f.headYaw) ? f.headYaw : vehicle.heading + lookOffset;
        const fwd = c.value('forward');
        input.throttle = Math.max(0, fwd);
        input.brake = Math.max(Math.max(0, -fwd), g.stage === 'turn' && c.on('act') ? 1 : 0);
        const step = STEER_RATE * f.dt;
        steer += Math.max(-step, Math.min(step, c.value('strafe') - steer));
        input.steer = steer;
        input.moveX = 0;
        input.moveZ = 0;
        return input;
      }
      yaw += turning;
      const look = Number.isFinite(f.headYaw) ? f.headYaw : yaw;
      alongLook(look, c.value('forward'), c.value('strafe'), move);
      input.moveX = move.x;
      input.moveZ = move.z;
      input.lookYaw = look;
      input.throttle = 0;
      input.brake = 0;
      input.steer = 0;
      steer = 0;
      return input;
    },
    viewpoint(g: BlindspotGame, out: Viewpoint): Viewpoint {
      const p = g.world.player!;
      if (g.fromAbove) {
        // out to the right of the truck's middle, up high, looking down across it
        const t = g.standTruck;
        const c = Math.cos(t.heading), s = Math.sin(t.heading);
        const at = { x: t.x - s * ABOVE.out, z: t.z + c * ABOVE.out };
        const facing = t.heading - Math.PI / 2;
        return setViewpoint(out, at, ABOVE.up, facing, -Math.atan2(ABOVE.up, ABOVE.out), facing);
      }
      const truck = cabVehicle(g);
      if (truck) {
        cabEye(truck, eye);
        // in a headset the rig sits in the cab, turned with the truck
        return setViewpoint(out, eye, eye.y, truck.heading + lookOffset, 0, truck.heading);
      }
      if (g.stage === 'turn' && g.tuning.role === 'rider') return setViewpoint(out, p, RIDER_EYE, p.heading + lookOffset, -0.1, p.heading);
      return setViewpoint(out, p, walkEye, yaw, g.stage === 'walkaround' ? WALK_PITCH : 0);
    },
  };
}
