// The signals zone's controls as data (the visitor walks or drives the route; answers are the
// HUD's buttons, the 3D panel's buttons, or the arms in a headset): one axis, forward and back, on
// every device; and the reader that turns it into a SignalsInput each frame. On a screen the camera
// turns towards what a question is about (the sign, the line on the road, the officer), so the
// visitor sees what they are asked; dragging looks around on top of that.
import { defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { signalsInput, type SignalsInput } from './input.ts';
import type { SignalsGame } from './rules.ts';

export const signalsControls = defineActionMap({
  actions: {
    move: { kind: 'axis', label: 'controls.walk', dir: ['controls.back', 'controls.forward'] },
  },
  keys: [
    { code: 'KeyW', action: 'move', value: 1 },
    { code: 'ArrowUp', action: 'move', value: 1 },
    { code: 'KeyS', action: 'move', value: -1 },
    { code: 'ArrowDown', action: 'move', value: -1 },
  ],
  touch: [
    { id: 'move-forward', action: 'move', value: 1, label: 'controls.forward', icon: 'up' },
    { id: 'move-back', action: 'move', value: -1, label: 'controls.back', icon: 'down' },
  ],
  controller: [
    // WebXR sticks read −1 pushed forward
    { hand: 'left', input: 'thumbstick-y', action: 'move', scale: -1 },
  ],
  hands: [{ gesture: 'pinch-left', action: 'move' }],
  dragLook: true,
});
export type SignalsAction = keyof typeof signalsControls.actions;

/** how fast the camera turns towards what a question is about, per s (of the remaining angle) */
export const AIM_RATE = 4;
/** the camera turns at most this far off the route towards it, rad */
const MAX_AIM = 1.1;

const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

/** The yaw and pitch from an eye at (x, eye, z) to a target, rad (sim convention). */
export function aimAt(x: number, eye: number, z: number, t: readonly [number, number, number]): { yaw: number; pitch: number } {
  const dx = t[0] - x;
  const dz = t[2] - z;
  return { yaw: Math.atan2(dz, dx), pitch: Math.atan2(t[1] - eye, Math.hypot(dx, dz)) };
}

export function signalsReader(_game: SignalsGame): InputReader<SignalsGame, SignalsInput, SignalsAction> {
  const input = signalsInput();
  let drag = 0;
  /** eased camera offsets from the route's heading towards the question's target */
  let aimYaw = 0;
  let aimPitch = 0;
  return {
    read(c: ControlState<SignalsAction>, f: FrameLook, g: SignalsGame): SignalsInput {
      drag = wrap(drag + f.drag);
      // a new question: look where it is about (the visitor can drag away again)
      const q = g.currentQuestion;
      let wantYaw = 0;
      let wantPitch = 0;
      if (q) {
        const a = aimAt(g.pos.x, g.eyeHeight, g.pos.z, q.target);
        wantYaw = Math.max(-MAX_AIM, Math.min(MAX_AIM, wrap(a.yaw - g.pos.heading)));
        wantPitch = Math.max(-0.6, Math.min(0.3, a.pitch));
      }
      const k = Math.min(1, AIM_RATE * f.dt);
      aimYaw += (wantYaw - aimYaw) * k;
      aimPitch += (wantPitch - aimPitch) * k;
      input.move = c.value('move');
      input.lookYaw = Number.isFinite(f.headYaw) ? f.headYaw : g.pos.heading + aimYaw + drag;
      return input;
    },
    viewpoint(g: SignalsGame, out: Viewpoint): Viewpoint {
      // in a headset the rig faces along the route; the head looks around by itself
      return setViewpoint(out, g.pos, g.eyeHeight, g.pos.heading + aimYaw + drag, aimPitch, g.pos.heading);
    },
  };
}
