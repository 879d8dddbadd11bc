// Helpers for the simulation's own tests (and for zone tests that drive a world): a scripted input
// adapter and a runner that collects events. Not used by the engine itself.
import type { InputAdapter, PlayerInput } from './agents/player.ts';
import type { WorldEvent } from './events.ts';
import type { World } from './world.ts';

/** An input adapter from a function of time: returns the fields to set (the rest reset to neutral). */
export class ScriptedInput implements InputAdapter {
  constructor(private readonly fn: (t: number) => Partial<PlayerInput>) {}
  read(t: number, out: PlayerInput): void {
    out.moveX = 0;
    out.moveZ = 0;
    out.throttle = 0;
    out.brake = 0;
    out.steer = 0;
    out.lookYaw = NaN;
    out.hasPose = false;
    out.poseX = 0;
    out.poseZ = 0;
    Object.assign(out, this.fn(t));
  }
}

/** Step the world for `seconds` of simulated time at 60 Hz and return every event it reported. */
export function run(world: World, seconds: number, each?: (w: World) => void): WorldEvent[] {
  const out: WorldEvent[] = [];
  const steps = Math.round(seconds * 60);
  for (let i = 0; i < steps; i++) {
    world.step(1 / 60);
    for (const e of world.drainEvents()) out.push(e);
    each?.(world);
  }
  return out;
}

export const ofKind = (events: WorldEvent[], kind: string): WorldEvent[] => events.filter((e) => e.kind === kind);
