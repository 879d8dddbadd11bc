// The e-bike zone's rules module (the pure half of src/zones/ebike/Zone.tsx): the game, its
// controls and reader, the checklist actions, and what the zone adds to the HUD (the checklist
// before the ride; speed against the lane's limit and the phone while riding).
import type { Localized } from '../../content/schema.ts';
import { defineZoneRules } from '../common/zoneRules.ts';
import { riderReader, rideControls, type RideAction } from './controls.ts';
import type { RiderInput } from './input.ts';
import { createGame, type ChecklistItemView, type EbikeGame } from './rules.ts';

/** What the e-bike zone adds to the HUD. */
export interface EbikeHud {
  /** the checklist before the ride; null once riding */
  checklist: ChecklistItemView[] | null;
  /** km/h now, and the lane's limit (null where there is none) */
  speedKmh: number;
  limitKmh: number | null;
  phoneRinging: boolean;
  /** what the buzzing phone shows (a delivery order for riders) */
  phonePopup: Localized | null;
  phoneOut: boolean;
}

export function ebikeHud(game: EbikeGame, phoneOut: boolean): EbikeHud {
  const w = game.world;
  const p = w.player!;
  const lane = p.lane ? w.net.laneById.get(p.lane) : undefined;
  const phone = game.phone;
  return {
    checklist: game.phase === 'setup' ? game.checklist : null,
    speedKmh: p.speed * 3.6,
    limitKmh: lane && Number.isFinite(lane.limit) ? Math.round(lane.limit * 3.6) : null,
    phoneRinging: phone.ringing,
    phonePopup: phone.popup,
    phoneOut,
  };
}

/** The e-bike zone's own actions (the checklist), called by both skins. */
export type EbikeActions = {
  /** pick a checklist option (again, to change one's mind) */
  choose(item: string, option: string): void;
  /** confirm the checklist and start riding */
  rideOff(): void;
};

export const ebikeRules = defineZoneRules<EbikeGame, RiderInput, EbikeHud, EbikeActions, RideAction>({
  id: 'ebike',
  seed: 2000,
  createGame,
  controls: rideControls,
  reader: riderReader,
  hud: (game, input) => ebikeHud(game, input?.phoneOut ?? false),
  actions: (game, changed) => ({
    choose(item, option) {
      const g = game();
      if (g.phase !== 'setup') return;
      g.choose(item, option);
      changed();
    },
    rideOff() {
      const g = game();
      if (g.phase !== 'setup' || !g.checklistComplete) return;
      g.startRide();
      changed();
    },
  }),
  rehearsal: [['choose', 'helmet', 'helmet'], ['choose', 'passenger', 'none'], ['choose', 'bike', 'original'], ['rideOff']],
});
