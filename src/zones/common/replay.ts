// Which part of the world's replay buffer a consequence replay shows: a few seconds before a serious
// event to a moment after it, seen from the other road user (a vehicle's driver, or the person on
// foot the visitor's vehicle met), looking at the visitor.
import type { WorldEvent } from '../../sim/events.ts';
import type { World } from '../../sim/world.ts';
import type { ReplayWindow } from './types.ts';

export interface ReplayOptions {
  /** seconds before the event (default 4) */
  before?: number;
  /** seconds after it (default 1.5): the game runs on that long before the replay can start */
  after?: number;
}

/**
 * The replay window of a world event involving the player and someone else, or undefined when no
 * other agent is involved. `from` never reaches before what the buffer still holds.
 */
export function replayWindow(world: World, e: WorldEvent, playerId: number, o: ReplayOptions = {}): ReplayWindow | undefined {
  const other = e.agents.find((id) => id !== playerId);
  if (other === undefined || !e.agents.includes(playerId)) return undefined;
  const before = o.before ?? 4;
  const after = o.after ?? 1.5;
  const [oldest] = world.replay.span();
  const earliest = Number.isNaN(oldest) ? e.t : oldest;
  const viewpoint = world.agent(other)?.kind === 'pedestrian' ? 'pedestrian' : 'driver';
  return { from: Math.max(earliest, e.t - before), to: e.t + after, at: e.t, focusAgent: other, target: playerId, viewpoint };
}

/** Is the whole window recorded (the world has run past its end)? */
export function replayReady(world: World, w: ReplayWindow): boolean {
  return world.time >= w.to - 1e-9;
}
