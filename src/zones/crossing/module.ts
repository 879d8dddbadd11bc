// The crossing zone's rules module (the pure half of src/zones/crossing/Zone.tsx): the game, its
// controls and reader, and what the zone adds to the HUD (the phone).
import { defineZoneRules } from '../common/zoneRules.ts';
import { walkControls, walkerReader, type WalkAction } from './controls.ts';
import { createGame, type CrossingGame, type WalkerInput } from './rules.ts';

/** What the crossing adds to the HUD. */
export interface CrossingHud {
  /** the phone rings and is still in the pocket */
  phoneRinging: boolean;
  phoneOut: boolean;
}

export const crossingRules = defineZoneRules<CrossingGame, WalkerInput, CrossingHud, Record<string, never>, WalkAction>({
  id: 'crossing',
  seed: 1000,
  createGame,
  controls: walkControls,
  reader: walkerReader,
  hud: (game, input): CrossingHud => ({ phoneRinging: game.phoneRinging, phoneOut: input?.phoneOut ?? false }),
  actions: () => ({}),
});
