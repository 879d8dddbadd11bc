// What the zone-game HUD shows, published from the 3D frame loop only when it changes (never per
// frame): tasks, the current hint, the latest scored events, time left, a consequence replay, and
// the summary at the end. Ride zones add the pre-ride checklist, speed and the phone's pop-up.
import { createStore } from 'zustand/vanilla';
import type { Localized } from '../content/schema.ts';
import type { AgentKind } from '../sim/def.ts';
import type { GameSummary, Hint, ReplayWindow, ScoredEvent, TaskView } from '../zones/common/types.ts';

/** One pre-ride checklist item as the panels show it. */
export interface ChecklistView {
  id: string;
  prompt: Localized;
  options: { id: string; label: Localized }[];
  chosen: string | null;
}

/** A serious moment being replayed (stage 'replay') or explained (stage 'explain'). */
export interface ConsequenceView {
  event: ScoredEvent;
  replay: ReplayWindow;
  /** the kind of road user whose driver's seat the replay is seen from (null if not recorded) */
  focusKind: AgentKind | null;
  stage: 'replay' | 'explain';
  /** 0..1 of the replay watched */
  progress: number;
}

export interface ZoneGameView {
  status: 'intro' | 'playing' | 'summary';
  /** the zone's tuning for the visitor's group: large text for children and seniors */
  textSize: 'normal' | 'large';
  /** how the visitor moves in this zone: on foot (walk) or on a vehicle (ride) */
  controlsKind: 'walk' | 'ride';
  /** ride zones: the checklist before the ride (null once riding, or in walk zones) */
  checklist: ChecklistView[] | null;
  tasks: readonly TaskView[];
  hint: Hint | null;
  /** the last few scored events, newest last (feedback in the moment) */
  recent: ScoredEvent[];
  secondsLeft: number;
  phoneRinging: boolean;
  /** what the ringing phone shows (a delivery order …), null for a plain ring */
  phonePopup: Localized | null;
  phoneOut: boolean;
  /** ride zones: speed now and the lane's limit, km/h (limit null where there is none) */
  speedKmh: number;
  limitKmh: number | null;
  consequence: ConsequenceView | null;
  summary: GameSummary | null;
  saved: boolean;
  /** bumps to restart the game */
  round: number;
  /** the visitor asked to end now: the frame loop finishes the game (unfinished tasks count as missed) */
  quit: boolean;
}

export function initialZoneGameView(round = 0): ZoneGameView {
  return {
    status: 'intro',
    textSize: 'normal',
    controlsKind: 'walk',
    checklist: null,
    tasks: [],
    hint: null,
    recent: [],
    secondsLeft: 0,
    phoneRinging: false,
    phonePopup: null,
    phoneOut: false,
    speedKmh: 0,
    limitKmh: null,
    consequence: null,
    summary: null,
    saved: false,
    round,
    quit: false,
  };
}

export function createZoneGameStore() {
  return createStore<ZoneGameView>()(() => initialZoneGameView());
}
export type ZoneGameStore = ReturnType<typeof createZoneGameStore>;

/**
 * The visitor's controls, written by keyboard, touch buttons or XR input; read by the frame loop.
 * On foot: forward/strafe walk, turn turns. Riding: forward > 0 is the throttle, forward < 0 the
 * brake, turn (or strafe) steers.
 */
export interface ZoneControls {
  forward: number;
  strafe: number;
  turn: number;
  run: boolean;
  phoneOut: boolean;
}

export function zoneControls(): ZoneControls {
  return { forward: 0, strafe: 0, turn: 0, run: false, phoneOut: false };
}
