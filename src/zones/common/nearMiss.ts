// Near-miss hygiene for every zone. The sim predicts near misses from headings, so it also reports
// walking up to a car standing in a queue or riding up to a truck waiting at the line: a near miss
// counts only with a road user that was moving. A pedestrian zone also asks the visitor to have been
// on the carriageway around it (stopping at the kerb is no near miss): `NearMissHold` keeps such
// events until that is confirmed or their time runs out.
import type { Agent } from '../../sim/agents/agent.ts';
import type { WorldEvent } from '../../sim/events.ts';
import type { World } from '../../sim/world.ts';

/** a near miss counts only with a road user moving at least this fast, m/s */
export const NEAR_MISS_MIN_SPEED = 1.0;

/** The other road user of an event with the player (undefined when there is none). */
export function otherOf(world: World, e: WorldEvent, playerId: number): Agent | undefined {
  return world.agent(e.agents.find((id) => id !== playerId) ?? -1);
}

/** Does this world event count? Everything but a near miss with a standing (or vanished) road user does. */
export function nearMissCounts(world: World, e: WorldEvent, playerId: number, minSpeed = NEAR_MISS_MIN_SPEED): boolean {
  if (e.kind !== 'near_miss') return true;
  const other = otherOf(world, e, playerId);
  return !!other && other.speed >= minSpeed;
}

/** Near misses waiting for the visitor to be on the road within `confirm` seconds of them. */
export class NearMissHold {
  private pending: { e: WorldEvent; task: string; until: number }[] = [];

  constructor(private readonly confirm: number) {}

  hold(e: WorldEvent, task: string): void {
    this.pending.push({ e, task, until: e.t + this.confirm });
  }

  /** Once per frame: calls `score` for each confirmed event (the visitor is on the road now); drops expired ones. */
  settle(onRoad: boolean, now: number, score: (e: WorldEvent, task: string) => void): void {
    if (!this.pending.length) return;
    if (onRoad) {
      for (const n of this.pending) score(n.e, n.task);
      this.pending = [];
    } else this.pending = this.pending.filter((n) => n.until > now);
  }
}
