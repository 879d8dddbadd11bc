// The drunk zone's rules module (the pure half of src/zones/drunk/Zone.tsx): the game, its controls
// and reader, the level choice's actions, and what the zone adds to the HUD — the level choice before
// the drives, the run and the speed while driving, the pause between the drives, and at the end the
// two runs side by side with the legal consequences of the chosen level.
import type { Localized } from '../../content/schema.ts';
import { defineZoneRules, setupAction } from '../common/zoneRules.ts';
import { driveControls, driverReader, type DriveAction } from './controls.ts';
import type { DriveInput } from './input.ts';
import { createGame, type Comparison, type DriveTexts, type DrunkGame, type LegalView, type LevelChoiceView, type Stage, type Vehicle } from './rules.ts';

/** What the drunk zone adds to the HUD. */
export interface DrunkHud {
  stage: Stage;
  vehicle: Vehicle;
  /** the level choice before the drives; null once driving */
  choice: LevelChoiceView[] | null;
  /** the chosen level ("80 mg/100 mL (0.08%)"), null before the choice */
  level: Localized | null;
  speedKmh: number;
  /** the limiter's speed */
  limitKmh: number;
  /** whole seconds left of the pause before the second drive */
  interludeLeft: number;
  texts: DriveTexts;
  /** the two drives and the law: only once the game is over */
  end: { comparison: Comparison; legal: LegalView; /** the level's field of view in the demonstration model */ fov: number } | null;
}

export function drunkHud(game: DrunkGame): DrunkHud {
  const p = game.world.player!;
  const legal = game.legal;
  return {
    stage: game.stage,
    vehicle: game.vehicle,
    choice: game.phase === 'setup' ? game.checklist : null,
    level: game.level?.label ?? null,
    speedKmh: p.speed * 3.6,
    limitKmh: game.limiterKmh,
    interludeLeft: Math.ceil(game.interludeLeft),
    texts: game.texts,
    end: game.phase === 'done' && legal ? { comparison: game.comparison, legal, fov: game.level?.view.fov ?? 1 } : null,
  };
}

/** The drunk zone's own actions (the level choice), called by both skins. */
export type DrunkActions = {
  /** pick the level for the second drive (again, to change one's mind) */
  choose(item: string, option: string): void;
  /** confirm the level: the sober drive begins */
  startDriving(): void;
};

export const drunkRules = defineZoneRules<DrunkGame, DriveInput, DrunkHud, DrunkActions, DriveAction>({
  id: 'drunk',
  seed: 3000,
  createGame,
  controls: driveControls,
  reader: driverReader,
  hud: (game) => drunkHud(game),
  actions: (game, changed) => ({
    choose: setupAction(game, changed, (g, item: string, option: string) => g.choose(item, option)),
    startDriving: setupAction(game, changed, (g) => g.startDriving(), (g) => g.level !== null),
  }),
  rehearsal: [['choose', 'level', 'mg80'], ['startDriving']],
});
