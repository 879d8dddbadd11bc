// The crossing zone's controls as data (the visitor walks): every device bound to five actions, and
// the reader that turns them into a WalkerInput each frame. On a screen the visitor turns with keys
// or buttons (or by dragging) and walks relative to where they face; in a headset the head decides
// where they look and walk.
import { alongLook, defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { walkerInput, type WalkerInput } from './input.ts';
import type { CrossingGame } from './rules.ts';

export const walkControls = defineActionMap({
  actions: {
    forward: { kind: 'axis', label: 'controls.walk', dir: ['controls.back', 'controls.forward'] },
    strafe: { kind: 'axis', label: 'controls.strafe', dir: ['controls.stepLeft', 'controls.stepRight'] },
    turn: { kind: 'axis', label: 'controls.turn', dir: ['controls.turnLeft', 'controls.turnRight'] },
    run: { kind: 'button', label: 'controls.run' },
    phone: { kind: 'button', label: 'controls.phone' },
  },
  keys: [
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
    { code: 'ShiftLeft', action: 'run' },
    { code: 'ShiftRight', action: 'run' },
    { code: 'KeyP', action: 'phone', toggle: true },
  ],
  touch: [
    { id: 'move-forward', action: 'forward', value: 1, label: 'controls.forward', icon: 'up' },
    { id: 'move-back', action: 'forward', value: -1, label: 'controls.back', icon: 'down' },
    { id: 'turn-left', action: 'turn', value: -1, label: 'controls.turnLeft', icon: 'left' },
    { id: 'turn-right', action: 'turn', value: 1, label: 'controls.turnRight', icon: 'right' },
    { id: 'phone', action: 'phone', toggle: true, label: 'controls.phoneButton' },
  ],
  controller: [
    // WebXR sticks read −1 pushed forward
    { hand: 'left', input: 'thumbstick-y', action: 'forward', scale: -1 },
    { hand: 'left', input: 'thumbstick-x', action: 'strafe' },
    { hand: 'right', input: 'trigger', action: 'run' },
    { hand: 'right', input: 'a-button', action: 'phone' },
  ],
  hands: [
    { gesture: 'pinch-left', action: 'forward' },
    { gesture: 'pinch-right', action: 'phone' },
  ],
  dragLook: true,
});
export type WalkAction = keyof typeof walkControls.actions;

/** turning by keys or buttons, rad/s */
export const TURN_SPEED = 1.9;

/**
 * The walker's reader: keys and buttons turn the visitor's facing (turning right grows the sim
 * heading), dragging turns it too; in a headset the head's yaw is the facing. Forward and strafe
 * move along that facing.
 */
export function walkerReader(game: CrossingGame): InputReader<CrossingGame, WalkerInput, WalkAction> {
  const input = walkerInput();
  const move = { x: 0, z: 0 };
  let yaw = game.world.player?.heading ?? 0;
  // the player's eye: a child's is lower (the tuning's player height)
  const eye = Math.max(1, game.tuning.playerHeight - 0.1);
  return {
    read(c: ControlState<WalkAction>, f: FrameLook): WalkerInput {
      yaw += c.value('turn') * TURN_SPEED * f.dt + f.drag;
      const look = Number.isFinite(f.headYaw) ? f.headYaw : yaw;
      alongLook(look, c.value('forward'), c.value('strafe'), move);
      input.moveX = move.x;
      input.moveZ = move.z;
      input.run = c.on('run');
      input.lookYaw = look;
      input.phoneOut = c.on('phone');
      return input;
    },
    viewpoint: (g: CrossingGame, out: Viewpoint): Viewpoint => setViewpoint(out, g.world.player!, eye, yaw),
  };
}
