// The shapes every zone game shares: scored events with their feedback and replay window, the
// summary at the end, hints, tasks and the meta an attempt is saved with. Pure types.
import type { Localized, ZoneId } from '../../content/schema.ts';
import type { Attempt } from '../../storage/types.ts';

export type EventDetails = Record<string, string | number | boolean>;

/** A zone file's feedback for one event kind (src/content/schema.ts feedbackSchema). */
export interface Feedback {
  message: Localized;
  rule: Localized;
  instead?: Localized;
  source: { facts: string[]; law: Localized };
}

/**
 * The stretch of the world's replay buffer a consequence replay shows: `from`..`to` are WORLD
 * times (for `world.replay.sample`), `at` the moment of the event. The camera rides with
 * `focusAgent` (the driver's viewpoint) and looks at `target` (the visitor).
 */
export interface ReplayWindow {
  from: number;
  to: number;
  at: number;
  focusAgent: number;
  target: number;
  viewpoint: 'driver';
}

/** One scored moment of a game: what happened, its points and the zone file's feedback on it. */
export interface ScoredEvent {
  /** event kind: a key of the zone file's scoring.events */
  kind: string;
  /** game time, s since the game started (checklists included) */
  t: number;
  points: number;
  /** the zone file marks the kind for a consequence replay (a hit, a near miss …) */
  serious: boolean;
  /** the task (challenge id) it happened in, null outside any */
  task: string | null;
  details: EventDetails;
  feedback: Feedback;
  /** set for serious events that involve another road user */
  replay?: ReplayWindow;
}

/** An audience group as a game needs it: its id and (optionally) the groups file's defaults. */
export interface GroupInfo {
  id: string;
  defaults?: {
    passMark?: number;
    textSize?: 'normal' | 'large';
    traffic?: 'gentle' | 'normal' | 'busy';
    walkSpeed?: number;
    hints?: boolean;
  };
}

export type TaskState = 'pending' | 'active' | 'done' | 'missed';

export interface TaskView {
  /** the challenge id in the zone file */
  id: string;
  title: Localized;
  state: TaskState;
}

/** A hint for the visitor (hints are on for some groups): text from the zone file. */
export interface Hint {
  /** the feedback kind (or 'task') the text comes from */
  kind: string;
  text: Localized;
}

/** 'setup': a step before the street (the e-bike's checklist), the world waits; 'play'; 'done'. */
export type GamePhase = 'setup' | 'play' | 'done';

export interface GameSummary {
  zone: ZoneId;
  group: string;
  /** 0–100: base + points, clamped */
  score: number;
  /** 0–3, from the zone's thresholds */
  stars: number;
  passed: boolean;
  base: number;
  points: number;
  durationSec: number;
  /** every scored event in order, each with its feedback */
  events: ScoredEvent[];
  tasks: TaskView[];
}

/** What the app adds when it saves an attempt. */
export interface AttemptMeta {
  id: string;
  visitorId: string;
  /** ms since the epoch */
  startedAt: number;
  /** default: startedAt + the game's duration */
  endedAt?: number;
  appVersion: string;
  device: Attempt['device'];
}

/** What the UI needs of any zone game; each zone adds its own input type and extras. */
export interface ZoneGame<I> {
  readonly zone: ZoneId;
  readonly group: string;
  readonly seed: number;
  readonly phase: GamePhase;
  /** game time, s */
  readonly time: number;
  readonly timeLimit: number;
  /** the group's text size in this zone (children and seniors read larger text) */
  readonly textSize: 'normal' | 'large';
  readonly tasks: readonly TaskView[];
  readonly events: readonly ScoredEvent[];
  readonly hint: Hint | null;
  /** advance by a frame's real time with the visitor's input; returns the events scored in it */
  step(dt: number, input: I): ScoredEvent[];
  /** is the replay window's end already recorded (the UI plays it then) */
  replayReady(w: ReplayWindow): boolean;
  /** stop now (quit, time over); unfinished tasks count as missed */
  finish(): void;
  summary(): GameSummary;
  toAttempt(meta: AttemptMeta): Attempt;
}
