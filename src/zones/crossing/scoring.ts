// What counts as what in the crossing zone: the world's events about the visitor and the watch's
// observations become event kinds of scenes/crossing.json, each with a key so that it counts once
// per task (per vehicle for near misses and hits). Points, replays and texts come from the file.
import type { WorldEvent } from '../../sim/events.ts';
import type { Observation } from './watch.ts';

import { contactOf, NOTHING, phoneIgnored, type Scored } from '../common/scored.ts';

export { NOTHING, type Scored };

/** Kinds this zone's rules can produce; the zone file must score and explain each (tests check). */
export const CROSSING_KINDS = [
  'entered_on_red',
  'entered_on_green',
  'outside_crossing',
  'crossed_without_looking',
  'looked_both_ways',
  'ran_across',
  'turned_back',
  'phone_while_crossing',
  'phone_ignored',
  'checked_past_van',
  'crossed_safely',
  'near_miss',
  'collision',
  'task_missed',
] as const;

/**
 * A world event involving the visitor → scored kinds. `pedSignal(crossingId)` tells the colour of
 * the crossing's pedestrian signal now (null: unsignalised), to credit stepping out on green.
 */
export function classifyWorldEvent(e: WorldEvent, task: string, playerId: number, pedSignal: (crossingId: string) => string | null): Scored[] {
  const other = e.agents.find((id) => id !== playerId) ?? -1;
  switch (e.kind) {
    case 'entered_on_red':
      // the signal decides once per task: the first step onto the crossing, red or green
      return [{ kind: 'entered_on_red', key: `${task}:signal` }];
    case 'looked_both_ways':
    case 'crossed_without_looking': {
      const out: Scored[] = [{ kind: e.kind, key: `${task}:look` }];
      const crossing = String(e.details.crossing ?? '');
      if (pedSignal(crossing) === 'green') out.unshift({ kind: 'entered_on_green', key: `${task}:signal` });
      return out;
    }
    case 'outside_crossing':
      return [{ kind: 'outside_crossing', key: `${task}:outside` }];
    default: {
      const c = contactOf(e.kind, task, other);
      return c ? [c] : [];
    }
  }
}

/** The watch's observations this frame → scored kinds. */
export function classifyObservation(o: Observation, task: string): readonly Scored[] {
  if (!o.running && !o.turnedBack && !o.phoneOnRoad && !o.peeked) return NOTHING;
  const out: Scored[] = [];
  if (o.running) out.push({ kind: 'ran_across', key: `${task}:run`, details: { speed: Math.round(o.speed * 100) / 100 } });
  if (o.turnedBack) out.push({ kind: 'turned_back', key: `${task}:back` });
  if (o.phoneOnRoad) out.push({ kind: 'phone_while_crossing', key: `${task}:phone` });
  if (o.peeked) out.push({ kind: 'checked_past_van', key: `${task}:peek` });
  return out;
}

/** The task is done: safe-crossing credit when nothing unsafe happened in it, phone credit when it rang and stayed away. */
export function classifyCompletion(task: string, unsafeInTask: number, phoneRang: boolean, phoneUsed: boolean): Scored[] {
  const out: Scored[] = [];
  if (unsafeInTask === 0) out.push({ kind: 'crossed_safely', key: `${task}:safe` });
  if (phoneRang && !phoneUsed) out.push(phoneIgnored(task));
  return out;
}
