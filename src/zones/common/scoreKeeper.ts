// Turns event kinds into scored events with the zone file's points and feedback. The zone's rules
// decide WHEN something happened; the keeper only looks up what it is worth and what to say, so
// every number and text stays in scenes/<zone>.json. A `key` makes an event count once (per task,
// per other road user …): the rules choose the key, the keeper enforces it.
import type { ZoneDef } from '../../content/schema.ts';
import type { EventDetails, Feedback, ReplayWindow, ScoredEvent } from './types.ts';

export type Scoring = NonNullable<ZoneDef['scoring']>;

export interface RecordOptions {
  task?: string | null;
  details?: EventDetails;
  /** count this event once per key; a later event with the same key is ignored */
  key?: string;
  /** the replay window, for serious kinds (computed by the caller) */
  replay?: ReplayWindow;
}

export class ScoreKeeper {
  readonly base: number;
  readonly stars: readonly [number, number, number];
  private readonly list: ScoredEvent[] = [];
  private fresh: ScoredEvent[] = [];
  private readonly keys = new Set<string>();
  private total = 0;

  constructor(
    private readonly scoring: Scoring,
    private readonly feedback: Record<string, Feedback>,
  ) {
    for (const kind of Object.keys(scoring.events))
      if (!feedback[kind]) throw new Error(`scoring.events.${kind}: no feedback for this event kind`);
    this.base = scoring.base;
    this.stars = scoring.stars;
  }

  /** The keeper of a zone file; throws naming the missing section. */
  static fromZone(zone: ZoneDef): ScoreKeeper {
    if (!zone.scoring) throw new Error(`scenes/${zone.id}.json: scoring: missing (a game needs its scoring)`);
    if (!zone.feedback) throw new Error(`scenes/${zone.id}.json: feedback: missing (a game needs its feedback)`);
    return new ScoreKeeper(zone.scoring, zone.feedback);
  }

  /** Is this kind scored by the zone file? */
  scores(kind: string): boolean {
    return kind in this.scoring.events;
  }

  /** Does the zone file ask for a consequence replay of this kind? */
  isSerious(kind: string): boolean {
    return this.scoring.events[kind]?.replay === true;
  }

  /** Has an event with this key been recorded? */
  seen(key: string): boolean {
    return this.keys.has(key);
  }

  /** Record an event; null when the kind is not scored or its key was already used. */
  record(kind: string, t: number, o: RecordOptions = {}): ScoredEvent | null {
    const rule = this.scoring.events[kind];
    if (!rule) return null;
    if (o.key !== undefined) {
      if (this.keys.has(o.key)) return null;
      this.keys.add(o.key);
    }
    const e: ScoredEvent = {
      kind,
      t: Math.round(t * 1000) / 1000,
      points: rule.points,
      serious: rule.replay === true,
      task: o.task ?? null,
      details: { ...(o.details ?? {}) },
      feedback: this.feedback[kind]!,
    };
    if (o.replay && e.serious) e.replay = o.replay;
    this.list.push(e);
    this.fresh.push(e);
    this.total += rule.points;
    return e;
  }

  get events(): readonly ScoredEvent[] {
    return this.list;
  }

  get points(): number {
    return this.total;
  }

  /** Events recorded since the last call (for feedback in the moment). */
  takeFresh(): ScoredEvent[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  /** Events of a task, optionally only the unsafe ones (negative points). */
  inTask(task: string, unsafeOnly = false): ScoredEvent[] {
    return this.list.filter((e) => e.task === task && (!unsafeOnly || e.points < 0));
  }
}
