// What a zone's rules say happened, before points and feedback are attached by the score keeper.

/** A scorable moment: an event kind of the zone file, and a key so it counts once (per task, per road user…). */
export interface Scored {
  kind: string;
  key: string;
  details?: Record<string, string | number | boolean>;
}

/** returned when nothing is scored (shared: no allocation per frame) */
export const NOTHING: readonly Scored[] = Object.freeze([]);

/**
 * The contact kinds every zone scores the same way: a near miss or a hit with another road user,
 * keyed per task and per road user (one near miss with the same car counts once). Null for other kinds.
 */
export function contactOf(kind: string, task: string, other: number): Scored | null {
  if (kind === 'near_miss') return { kind, key: `${task}:near:${other}` };
  if (kind === 'collision') return { kind, key: `${task}:hit:${other}` };
  return null;
}

/** A task left undone when the game ended (quit, time over). */
export const taskMissed = (task: string): Scored => ({ kind: 'task_missed', key: `${task}:missed` });

/** The phone rang and stayed in the pocket (once per task). */
export const phoneIgnored = (task: string): Scored => ({ kind: 'phone_ignored', key: `${task}:phone-ignored` });
