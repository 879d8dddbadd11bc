// The zone game being played: one at a time, so one HUD store and one controls object, shared by
// the 3D scene (which steps the game) and the flat HUD (which shows it and writes the controls).
import { createZoneGameStore, walkControls } from '../stores/zoneGame.ts';

export const zoneGameStore = createZoneGameStore();
export const controls = walkControls();

/** Zones whose game mode is playable (the others show their learning points). */
export const PLAYABLE_ZONES: readonly string[] = ['crossing'];

export function restartZoneGame(): void {
  Object.assign(controls, walkControls());
  zoneGameStore.setState((s) => ({ status: 'intro', recent: [], summary: null, saved: false, hint: null, phoneOut: false, quit: false, round: s.round + 1 }));
}
