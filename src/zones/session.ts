// The zone game being played: one at a time, so one HUD store and one controls object, shared by
// the 3D scene (which steps the game) and the flat HUD (which shows it and writes the controls).
import { createZoneGameStore, initialZoneGameView, zoneControls } from '../stores/zoneGame.ts';

export const zoneGameStore = createZoneGameStore();
export const controls = zoneControls();

/** Zones whose game mode is playable (the others show their learning points). */
export const PLAYABLE_ZONES: readonly string[] = ['crossing', 'ebike'];

/** A fresh round of the current zone's game (the scene rebuilds its game when `round` changes). */
export function restartZoneGame(): void {
  Object.assign(controls, zoneControls());
  zoneGameStore.setState((s) => initialZoneGameView(s.round + 1));
}

/** What the HUD may ask of the current game beyond its controls (set by a ride zone's scene). */
export const zoneActions: {
  /** pick a pre-ride checklist option */
  choose: ((item: string, option: string) => void) | null;
  /** confirm the checklist and start riding */
  rideOff: (() => void) | null;
} = { choose: null, rideOff: null };
