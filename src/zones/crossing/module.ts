// The crossing zone's rules module (the pure half of src/zones/crossing/Zone.tsx): the game, its
// controls and reader, and what the zone adds to the HUD (the phone, the current crossing's light
// and its goal on the far kerb).
import { defineZoneRules } from '../common/zoneRules.ts';
import { walkControls, walkerReader, type WalkAction } from './controls.ts';
import { createGame, type CrossingGame, type WalkerInput } from './rules.ts';

/** What the crossing adds to the HUD. */
export interface CrossingHud {
  /** the phone rings and is still in the pocket */
  phoneRinging: boolean;
  phoneOut: boolean;
  /** the current task's pedestrian light ('green', 'red' …; 'none' without lights; null after the last task) */
  light: string | null;
  /** the current task's goal on the far kerb, [xMin, zMin, xMax, zMax] (the scene marks it) */
  goal: readonly [number, number, number, number] | null;
}

export const crossingRules = defineZoneRules<CrossingGame, WalkerInput, CrossingHud, Record<string, never>, WalkAction>({
  id: 'crossing',
  seed: 1000,
  createGame,
  controls: walkControls,
  reader: walkerReader,
  hud: (game, input): CrossingHud => ({
    phoneRinging: game.phoneRinging,
    phoneOut: input?.phoneOut ?? false,
    light: game.currentLight,
    goal: game.currentTask?.challenge.params.goal ?? null,
  }),
  actions: () => ({}),
});
