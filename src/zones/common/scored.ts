// What a zone's rules say happened, before points and feedback are attached by the score keeper.

/** A scorable moment: an event kind of the zone file, and a key so it counts once (per task, per road user…). */
export interface Scored {
  kind: string;
  key: string;
  details?: Record<string, string | number | boolean>;
}

/** returned when nothing is scored (shared: no allocation per frame) */
export const NOTHING: readonly Scored[] = Object.freeze([]);
