// What counts as what in the seat-belt zone. The stations say what happened (the belt was on or not
// at the crash, where and in what the child rode, how a drive ended, whether the eyes went to the
// phone); this module names the event kinds of scenes/seatbelt.json and the keys that make each
// count once per station, drive or run. Points, replays and texts come from the file.
import type { Scored } from '../common/scored.ts';
import type { DriveMeasure } from './drive.ts';

/** Kinds the stations produce besides the child-seat options' own (the zone file scores and explains each). */
export const SEATBELT_KINDS = [
  'belt_on',
  'no_belt',
  'braked_in_time',
  'phone_looked',
  'phone_ignored',
  'stopped_before_crossing',
  'stopped_on_crossing',
  'collision',
  'task_missed',
] as const;

/** The belt at the first crash of the station (later tries are for seeing, not scored). */
export const beltAtCrash = (station: string, buckled: boolean): Scored => ({ kind: buckled ? 'belt_on' : 'no_belt', key: `${station}:belt` });

/** A child-seat choice scores its option's own kind, once per item. */
export const childChoice = (station: string, item: string, kind: string, option: string): Scored => ({ kind, key: `${station}:${item}`, details: { item, option } });

/** The eyes went to the phone while the car moved (once per drive). */
export const phoneLooked = (station: string, drive: string): Scored => ({ kind: 'phone_looked', key: `${station}:${drive}:phone` });

/** How a drive behind the car ahead ended (a hit is scored from the world's collision, with its replay). */
export function phoneDriveEnd(station: string, drive: string, m: DriveMeasure, message: boolean, looked: boolean): Scored[] {
  const out: Scored[] = [];
  if (!m.hit && m.stopAt) out.push({ kind: 'braked_in_time', key: `${station}:${drive}:stop`, details: detailsOf(m) });
  if (message && !looked) out.push({ kind: 'phone_ignored', key: `${station}:${drive}:phone-ignored` });
  return out;
}

/** How a run to the crossing ended: stood before it, or on it (a hit is scored from the world's collision). */
export function stoppingRunEnd(station: string, run: string, m: DriveMeasure, speedKmh: number): Scored[] {
  if (m.hit || m.gapM === null) return [];
  const details = { ...detailsOf(m), chosenKmh: speedKmh };
  return [{ kind: m.gapM >= 0 ? 'stopped_before_crossing' : 'stopped_on_crossing', key: `${station}:${run}:stop`, details }];
}

/** The measurements an attempt keeps with a drive's event. */
export function detailsOf(m: DriveMeasure): Record<string, number | boolean> {
  const d: Record<string, number | boolean> = { speedKmh: m.speedKmh, blindM: m.blindM };
  if (m.reactionS !== null) d.reactionS = m.reactionS;
  if (m.reactionM !== null) d.reactionM = m.reactionM;
  if (m.brakingM !== null) d.brakingM = m.brakingM;
  if (m.stoppingM !== null) d.stoppingM = m.stoppingM;
  if (m.gapM !== null) d.gapM = m.gapM;
  return d;
}

export const missed = (task: string): Scored => ({ kind: 'task_missed', key: `${task}:missed` });
