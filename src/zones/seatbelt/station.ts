// What every station of the seat-belt zone is to the game: a small state machine of stages the
// visitor moves through with the game's calls (buckle, choose, go, next, again), advanced once per
// frame, filling the car's controls at each fixed step of the world when it drives, and scoring
// through its host. Its view is what the HUDs and the 3D scene draw.
import type { Localized } from '../../content/schema.ts';
import type { Challenge } from '../common/challenges.ts';
import type { PlayerInput } from '../../sim/agents/player.ts';
import type { WorldEvent } from '../../sim/events.ts';
import type { World } from '../../sim/world.ts';
import type { Scored } from '../common/scored.ts';
import type { Feedback, Hint } from '../common/types.ts';
import type { DriveMeasure, Point } from './drive.ts';
import type { CrashRun } from './occupant.ts';
import type { Figure } from './stations.ts';
import type { SeatbeltInput } from './input.ts';
import type { SeatbeltTuning } from './tuning.ts';

/** What a station may use of the game. */
export interface StationHost {
  readonly world: World;
  readonly tuning: SeatbeltTuning;
  readonly feedback: Record<string, Feedback>;
  /** Score what the station classified, now (game time). */
  score(list: readonly Scored[], task: string): void;
  /** Score a world event about the visitor (a hit) under a kind, with its replay window. */
  scoreWorld(kind: string, e: WorldEvent, task: string, key: string): void;
  /** Has a key been scored already? */
  seen(key: string): boolean;
  /** the points the zone file gives a kind (0 when it does not score it) */
  points(kind: string): number;
}

/** Two crashes side by side, the same car at the same speed. */
export interface CrashPair {
  runs: [CrashRun, CrashRun];
  /** captions (child seat: from the file; crash test: null, the UI says "with / without a belt") */
  labels: [Localized | null, Localized | null];
  /** which of the two is the visitor's own choice (null: neither, e.g. an adult belt on a small child) */
  yours: 0 | 1 | null;
}

export type StationView = CrashView | ChildSeatView | PhoneView | StoppingView;

interface ViewBase {
  id: string;
  title: Localized;
}

export interface CrashView extends ViewBase {
  kind: 'crash-test';
  stage: 'setup' | 'crash' | 'result';
  role: SeatbeltTuning['crashRole'];
  intro: Localized;
  speeds: readonly number[];
  speedKmh: number | null;
  buckled: boolean;
  /** s of crash time since the impact (negative while the car drives at the barrier) */
  clock: number;
  pair: CrashPair | null;
  figures: Figure[];
  tries: number;
}

export interface ChildSeatView extends ViewBase {
  kind: 'child-seat';
  stage: 'setup' | 'crash' | 'result';
  intro: Localized;
  items: { id: 'row' | 'how'; prompt: Localized; options: { id: string; label: Localized }[]; chosen: string | null }[];
  speedKmh: number;
  clock: number;
  pair: CrashPair | null;
  rules: Figure[];
  figures: Figure[];
}

export interface DriveView {
  id: string;
  title: Localized;
  /** km/h the car holds on this drive (null before it is chosen) */
  speedKmh: number | null;
  measure: DriveMeasure | null;
  /** where the car starts this drive (the scene seats the visitor there before it) */
  spawn: { x: number; z: number; heading: number };
}

export interface PhoneView extends ViewBase {
  kind: 'phone-drive';
  stage: 'ready' | 'drive' | 'result';
  drive: number;
  drives: (DriveView & { message: boolean })[];
  /** the phone's pop-up while it rings, else null */
  popup: Localized | null;
  ringing: boolean;
  /** what a glance of facts 5.11's length means at the speed driven: metres driven blind, from the engine's speed */
  glance: { seconds: number; speedKmh: number; metres: number };
  figures: Figure[];
}

export interface StoppingView extends ViewBase {
  kind: 'stopping';
  stage: 'setup' | 'drive' | 'result';
  run: number;
  speeds: readonly number[];
  runs: (DriveView & { surface: 'dry' | 'wet'; crossing: Point; reference: { reactionS: number; reactionM: number; brakingM: number; totalM: number } | null })[];
  figures: Figure[];
}

export interface Station {
  readonly id: string;
  readonly kind: StationView['kind'];
  readonly title: Localized;
  /** it drives on the world's road */
  readonly usesWorld: boolean;
  /** a drive is on now (the world starts stepping with the first one and then runs on) */
  readonly driving: boolean;
  readonly done: boolean;
  buckle(on: boolean): void;
  choose(item: string, option: string): void;
  /** start what the stage is waiting for (the crash, the drive) */
  go(): void;
  /** leave a result (to the next drive or run, or out of the station) */
  next(): void;
  /** another crash at another speed or belt (crash test, after a result; not scored) */
  again(): void;
  /** straight to the result of a crash playing in slow motion */
  skip(): void;
  frame(dt: number, input: SeatbeltInput): void;
  fill(input: SeatbeltInput, out: PlayerInput): void;
  worldEvent(e: WorldEvent): void;
  hint(): Hint | null;
  view(): StationView;
}

/** the visitor's calls that a stage does not take say so (the HUDs only offer what a stage takes) */
export function notNow(station: string, what: string, stage: string): Error {
  return new Error(`${station}: cannot ${what} in stage "${stage}"`);
}

/**
 * What the four stations share: their id and title from the zone file, `done`, `driving` (a drive is
 * on: the stage is 'drive'), and the calls a station does not take at all, which say so. A station
 * overrides the calls it takes (checking its stage there).
 */
export abstract class StationBase<P> {
  readonly id: string;
  readonly title: Localized;
  protected abstract stage: string;
  protected finished = false;

  constructor(
    protected readonly def: Challenge<P>,
    protected readonly host: StationHost,
  ) {
    this.id = def.id;
    this.title = def.title;
  }

  get done(): boolean {
    return this.finished;
  }

  get driving(): boolean {
    return this.stage === 'drive';
  }

  buckle(_on: boolean): void {
    throw notNow(this.id, 'buckle up', this.stage);
  }
  choose(_item: string, _option: string): void {
    throw notNow(this.id, 'choose', this.stage);
  }
  again(): void {
    throw notNow(this.id, 'go again', this.stage);
  }
  skip(): void {
    throw notNow(this.id, 'skip', this.stage);
  }
}

/** Stand still (between drives, before and after them). */
export function standStill(inp: SeatbeltInput, out: PlayerInput): void {
  out.moveX = 0;
  out.moveZ = 0;
  out.steer = 0;
  out.hasPose = false;
  out.throttle = 0;
  out.brake = 1;
  out.lookYaw = inp.lookYaw;
}
