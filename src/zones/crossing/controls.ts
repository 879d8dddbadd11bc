// The crossing zone's controls as data (the visitor walks): every device bound to five actions, and
// the reader that turns them into a WalkerInput each frame. On a screen the visitor turns with keys
// or buttons (or by dragging) and walks relative to where they face; in a headset the head decides
// where they look and walk.
import { alongLook, defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { walkKeys, walkStick, walkTouch } from '../common/walkInput.ts';
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
    ...walkKeys,
    { code: 'ShiftLeft', action: 'run' },
    { code: 'ShiftRight', action: 'run' },
    { code: 'KeyP', action: 'phone', toggle: true },
  ],
  touch: [
    ...walkTouch('controls.forward', 'controls.back'),
    { id: 'phone', action: 'phone', toggle: true, label: 'controls.phoneButton' },
  ],
  controller: [
    ...walkStick,
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
/** after a key turn, a facing this close to the zebra's direction (or along the pavement) eases onto it */
export const SNAP_WITHIN = (28 * Math.PI) / 180;
/** how fast the facing eases onto that direction, rad/s */
export const SNAP_SPEED = 2.5;

const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

/**
 * The facing after easing: towards the nearest of `targets` (headings, rad) within `within`, at most
 * `maxStep` this frame; unchanged when none is near. Keys turn in coarse steps, so a child who
 * roughly faces the far kerb walks straight over the zebra instead of drifting off it.
 */
export function easeToward(yaw: number, targets: readonly number[], within: number, maxStep: number): number {
  let best = NaN;
  let bestAbs = within;
  for (const t of targets) {
    const d = wrap(t - yaw);
    if (Math.abs(d) <= bestAbs) {
      bestAbs = Math.abs(d);
      best = d;
    }
  }
  if (Number.isNaN(best)) return yaw;
  return yaw + Math.sign(best) * Math.min(Math.abs(best), maxStep);
}

/** The directions worth walking in during a task: over its zebra (both ways) and along the pavement. */
export function taskDirections(t: { dirX: number; dirZ: number } | null, out: number[]): number[] {
  out.length = 0;
  if (!t) return out;
  const over = Math.atan2(t.dirZ, t.dirX);
  out.push(over, over + Math.PI, over + Math.PI / 2, over - Math.PI / 2);
  return out;
}

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
  const targets: number[] = [];
  // the facing eases onto the zebra's direction once keys (not a drag) last turned it; the spawn
  // facing counts as a key turn, so the first steps go straight over
  let keyTurned = true;
  return {
    read(c: ControlState<WalkAction>, f: FrameLook, g: CrossingGame): WalkerInput {
      const turn = c.value('turn');
      yaw += turn * TURN_SPEED * f.dt + f.drag;
      if (turn !== 0) keyTurned = true;
      else if (f.drag !== 0) keyTurned = false;
      else if (keyTurned && !Number.isFinite(f.headYaw)) yaw = easeToward(yaw, taskDirections(g.currentTask, targets), SNAP_WITHIN, SNAP_SPEED * f.dt);
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
