// What counts as what in the blindspot zone: the markers' verdicts from the cab, where the visitor
// stood when the trucks moved off, the world's events during the turn, and the driver's stop and
// mirror checks become event kinds of scenes/blindspot.json, each with a key so it counts once.
// Points, replays and texts come from the file.
import type { WorldEvent } from '../../sim/events.ts';
import type { ZoneSide } from '../../sim/geometry/blindZone.ts';
import type { MarkerVerdict } from './markers.ts';
import type { Exposure, DriverVerdict } from './turn.ts';
import type { Scored } from '../common/scored.ts';

export type { Scored };

/** Kinds the rules produce; the zone file scores and explains each. */
export const BLINDSPOT_KINDS = [
  'marker_hidden',
  'marker_seen',
  'blind_zone_found',
  'right_zone_missed',
  'waited_safely',
  'stood_in_blind_zone',
  'stood_in_sweep',
  'stood_too_close',
  'inner_wheel_sweep',
  'near_miss',
  'collision',
  'kept_clear',
  'mirror_checked',
  'mirror_skipped',
  'stopped_and_looked',
  'turned_without_stop_look',
  'gave_way',
  'swept_someone',
  'driver_near_miss',
  'driver_collision',
  'task_missed',
] as const;

/** the zones of facts 4.3 a visitor can find with markers */
export const SIDES: readonly ZoneSide[] = ['front', 'right', 'left', 'rear'];

/** The markers judged from the cab → scored kinds: each marker, each zone found, the right side missed. */
export function classifyMarkers(task: string, verdicts: readonly MarkerVerdict[]): Scored[] {
  const out: Scored[] = [];
  for (const m of verdicts)
    out.push(
      m.hidden
        ? { kind: 'marker_hidden', key: `${task}:m${m.id}`, details: { marker: m.id, side: m.side } }
        : { kind: 'marker_seen', key: `${task}:m${m.id}`, details: { marker: m.id, side: m.side, seenBy: m.seenBy ?? '' } },
    );
  for (const side of SIDES)
    if (verdicts.some((m) => m.hidden && m.side === side)) out.push({ kind: 'blind_zone_found', key: `${task}:side:${side}`, details: { side } });
  // the right side is the largest zone and where riders and walkers are run over (facts 4.3, 4.4)
  if (!verdicts.some((m) => m.hidden && m.side === 'right')) out.push({ kind: 'right_zone_missed', key: `${task}:right-missed` });
  return out;
}

/** Where the visitor stood as the trucks moved off (or stepped to while they were moving). */
export function classifyWaiting(task: string, e: Exposure): Scored[] {
  const out: Scored[] = [];
  if (e.blindOf) out.push({ kind: 'stood_in_blind_zone', key: `${task}:blind`, details: { truck: e.blindOf } });
  if (e.sweptBy) out.push({ kind: 'stood_in_sweep', key: `${task}:sweep`, details: { truck: e.sweptBy } });
  if (e.closeTo) out.push({ kind: 'stood_too_close', key: `${task}:close`, details: { truck: e.closeTo } });
  if (!out.length) out.push({ kind: 'waited_safely', key: `${task}:waited` });
  return out;
}

/** A world event about the visitor on foot or on an e-bike, during the turn. */
export function classifyTurnEvent(e: WorldEvent, task: string, playerId: number): Scored[] {
  const other = e.agents.find((id) => id !== playerId) ?? -1;
  switch (e.kind) {
    case 'in_inner_wheel_sweep':
      return [{ kind: 'inner_wheel_sweep', key: `${task}:swept:${other}` }];
    case 'near_miss':
      return [{ kind: 'near_miss', key: `${task}:near:${other}` }];
    case 'collision':
      return [{ kind: 'collision', key: `${task}:hit:${other}` }];
    default:
      return [];
  }
}

/** A world event about the visitor's own truck (driver role). */
export function classifyDriverEvent(e: WorldEvent, task: string, playerId: number): Scored[] {
  const other = e.agents.find((id) => id !== playerId) ?? -1;
  switch (e.kind) {
    // the world reports (truck, person) pairs: the visitor's truck swept someone
    case 'in_inner_wheel_sweep':
      return e.agents[0] === playerId ? [{ kind: 'swept_someone', key: `${task}:swept:${other}` }] : [];
    case 'near_miss':
      return [{ kind: 'driver_near_miss', key: `${task}:near:${other}` }];
    case 'collision':
      return [{ kind: 'driver_collision', key: `${task}:hit:${other}` }];
    default:
      return [];
  }
}

/** The driver's checks at the moment the turn began. */
export function classifyDriverChecks(task: string, v: DriverVerdict): Scored[] {
  const out: Scored[] = v.mirrors.map((m) => ({ kind: m.checked ? 'mirror_checked' : 'mirror_skipped', key: `${task}:mirror:${m.name}`, details: { mirror: m.name } }));
  out.push(
    v.stopped && v.looked
      ? { kind: 'stopped_and_looked', key: `${task}:stop-look` }
      : { kind: 'turned_without_stop_look', key: `${task}:stop-look`, details: { stopped: v.stopped, looked: v.looked } },
  );
  return out;
}

