// What counts as what in the e-bike zone: checklist choices, the world's events about the rider and
// the ride watch's observations become event kinds of scenes/ebike.json, each with a key so it
// counts once per ride (per other road user for near misses and hits). Points, replays and texts
// come from the file.
import type { WorldEvent } from '../../sim/events.ts';
import type { RideObservation } from './ride.ts';

import { contactOf, NOTHING, type Scored } from '../common/scored.ts';

export { NOTHING, type Scored };

/** Kinds the ride rules produce (the checklist's come from its options); the zone file scores and explains each. */
export const RIDE_KINDS = [
  'stopped_at_red',
  'entered_on_red',
  'wrong_lane',
  'wrong_way',
  'speeding',
  'kept_speed_limit',
  'stayed_in_lane',
  'phone_while_riding',
  'phone_ignored',
  'truck_inside',
  'inner_wheel_sweep',
  'gave_way_to_truck',
  'near_miss',
  'collision',
  'arrived',
  'task_missed',
] as const;

export function classifyWorldEvent(e: WorldEvent, task: string, playerId: number): Scored[] {
  const other = e.agents.find((id) => id !== playerId) ?? -1;
  switch (e.kind) {
    case 'entered_on_red':
      return [{ kind: 'entered_on_red', key: `${task}:red` }];
    case 'wrong_lane':
      return [{ kind: 'wrong_lane', key: `${task}:lane` }];
    case 'wrong_way':
      return [{ kind: 'wrong_way', key: `${task}:way` }];
    case 'speeding':
      return [{ kind: 'speeding', key: `${task}:speed` }];
    // a cab's blind zone: the same mistake as riding up the truck's inside
    case 'in_blind_zone':
      return [{ kind: 'truck_inside', key: `${task}:truck-inside` }];
    case 'in_inner_wheel_sweep':
      return [{ kind: 'inner_wheel_sweep', key: `${task}:sweep:${other}` }];
    default: {
      const c = contactOf(e.kind, task, other);
      return c ? [c] : [];
    }
  }
}

/** The watch's observations this frame → scored kinds. `truckConflict`: a conflict with the truck was recorded. */
export function classifyObservation(o: RideObservation, task: string, truckConflict: boolean): readonly Scored[] {
  if (!o.stoppedAtRed && !o.alongsideTruck && !o.phoneRiding && !o.truckTurnedNow) return NOTHING;
  const out: Scored[] = [];
  if (o.stoppedAtRed) out.push({ kind: 'stopped_at_red', key: `${task}:stopped` });
  if (o.alongsideTruck) out.push({ kind: 'truck_inside', key: `${task}:truck-inside` });
  if (o.phoneRiding) out.push({ kind: 'phone_while_riding', key: `${task}:phone` });
  if (o.truckTurnedNow && o.inApproach && !truckConflict) out.push({ kind: 'gave_way_to_truck', key: `${task}:gave-way` });
  return out;
}


/** The rider reached the goal: credits for what did not go wrong on the way. */
export function classifyArrival(task: string, recorded: (kind: string) => boolean): Scored[] {
  const out: Scored[] = [];
  if (!recorded('collision')) out.push({ kind: 'arrived', key: `${task}:arrived` });
  if (!recorded('wrong_lane') && !recorded('wrong_way')) out.push({ kind: 'stayed_in_lane', key: `${task}:in-lane` });
  if (!recorded('speeding')) out.push({ kind: 'kept_speed_limit', key: `${task}:speed-ok` });
  return out;
}
