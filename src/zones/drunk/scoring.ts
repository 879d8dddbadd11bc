// What counts as what in the drunk zone. The sober drive is scored (giving way to the child, keeping
// to the lane, arriving without a crash); the drive "after drinking" is a demonstration, so its
// events are recorded with their own kinds (impaired_*), worth no points in the zone file: the
// level a visitor chooses can never buy a better score. Each event has a key so it counts once per
// drive (per other road user for near misses and hits). Points, replays and texts come from the file.
import type { WorldEvent } from '../../sim/events.ts';
import { NOTHING, type Scored } from '../common/scored.ts';
import type { RunId } from './route.ts';

export { NOTHING, type Scored };

/** Kinds the rules produce; the zone file scores and explains each. */
export const DRUNK_KINDS = [
  'drink_level',
  'gave_way_to_child',
  'near_miss',
  'collision',
  'lane_departure',
  'stayed_in_lane',
  'arrived',
  'hazard_measured',
  'impaired_stopped',
  'impaired_near_miss',
  'impaired_collision',
  'impaired_lane_departure',
  'task_missed',
] as const;

const kindIn = (run: RunId, sober: string, drunk: string): string => (run === 'sober' ? sober : drunk);

export function classifyWorldEvent(e: WorldEvent, run: RunId, playerId: number): Scored[] {
  const other = e.agents.find((id) => id !== playerId) ?? -1;
  switch (e.kind) {
    case 'collision':
      return [{ kind: kindIn(run, 'collision', 'impaired_collision'), key: `${run}:hit:${other}` }];
    case 'near_miss':
      return [{ kind: kindIn(run, 'near_miss', 'impaired_near_miss'), key: `${run}:near:${other}` }];
    // the front into the oncoming lane, the bike lane or onto the pavement
    case 'wrong_lane':
    case 'wrong_way':
      return [laneDeparture(run)];
    default:
      return [];
  }
}

export const laneDeparture = (run: RunId): Scored => ({ kind: kindIn(run, 'lane_departure', 'impaired_lane_departure'), key: `${run}:lane` });

/** The encounter with the child is over (the vehicle stood or passed) without touching or nearly touching it. */
export const keptClear = (run: RunId): Scored => ({ kind: kindIn(run, 'gave_way_to_child', 'impaired_stopped'), key: `${run}:clear` });

/** The sober drive reached its end: credits for what did not go wrong on the way. */
export function classifyArrival(run: RunId, recorded: (kind: string) => boolean): Scored[] {
  if (run !== 'sober') return [];
  const out: Scored[] = [];
  if (!recorded('collision')) out.push({ kind: 'arrived', key: `${run}:arrived` });
  if (!recorded('lane_departure')) out.push({ kind: 'stayed_in_lane', key: `${run}:in-lane` });
  return out;
}

export const measured = (run: RunId): Scored => ({ kind: 'hazard_measured', key: `${run}:measured` });
