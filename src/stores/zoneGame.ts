// What the zone-game HUD shows, published from the 3D frame loop only when it changes (never per
// frame): tasks, the current hint, the latest scored events, time left, and the summary at the end.
import { createStore } from 'zustand/vanilla';
import type { GameSummary, Hint, ScoredEvent, TaskView } from '../zones/common/types.ts';

export interface ZoneGameView {
  status: 'intro' | 'playing' | 'summary';
  tasks: readonly TaskView[];
  hint: Hint | null;
  /** the last few scored events, newest last (feedback in the moment) */
  recent: ScoredEvent[];
  secondsLeft: number;
  phoneRinging: boolean;
  phoneOut: boolean;
  summary: GameSummary | null;
  saved: boolean;
  /** bumps to restart the game */
  round: number;
  /** the visitor asked to end now: the frame loop finishes the game (unfinished tasks count as missed) */
  quit: boolean;
}

export function createZoneGameStore() {
  return createStore<ZoneGameView>()(() => ({
    status: 'intro',
    tasks: [],
    hint: null,
    recent: [],
    secondsLeft: 0,
    phoneRinging: false,
    phoneOut: false,
    summary: null,
    saved: false,
    round: 0,
    quit: false,
  }));
}
export type ZoneGameStore = ReturnType<typeof createZoneGameStore>;

/** The visitor's controls, written by keyboard, touch buttons or XR sticks; read by the frame loop. */
export interface WalkControls {
  forward: number;
  strafe: number;
  turn: number;
  run: boolean;
  phoneOut: boolean;
}

export function walkControls(): WalkControls {
  return { forward: 0, strafe: 0, turn: 0, run: false, phoneOut: false };
}
