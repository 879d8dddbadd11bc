// The seat-belt zone's rules module (the pure half of src/zones/seatbelt/Zone.tsx): the game, its
// controls and reader, the station calls both skins make (buckle, choose, go, next, again, skip),
// and what the zone adds to the HUD: the current station's view (its stage, choices, results),
// speed on the road, the phone, and the rules for drivers aged 70 and over for the summary.
import type { Localized } from '../../content/schema.ts';
import { defineZoneRules } from '../common/zoneRules.ts';
import { seatbeltControls, seatbeltReader, type SeatbeltAction } from './controls.ts';
import type { SeatbeltInput } from './input.ts';
import { createGame, type SeatbeltGame } from './rules.ts';
import type { StationView } from './station.ts';
import type { Figure } from './stations.ts';

/** What the seat-belt zone adds to the HUD. */
export interface SeatbeltHud {
  /** the station the visitor is at (null once the game is over) */
  station: StationView | null;
  /** km/h now while driving, else null */
  speedKmh: number | null;
  limitKmh: number | null;
  phoneRinging: boolean;
  phonePopup: Localized | null;
  /** the eyes are on the phone now */
  phoneOut: boolean;
  /** the rules for drivers aged 70 and over (facts 5.18), for the summary of groups that get them */
  notes: Figure[];
}

export function seatbeltHud(game: SeatbeltGame, input: SeatbeltInput | null): SeatbeltHud {
  const station = game.station;
  const driving = station !== null && (station.kind === 'phone-drive' || station.kind === 'stopping') && station.stage === 'drive';
  const p = game.world.player!;
  const lane = driving && p.lane ? game.world.net.laneById.get(p.lane) : undefined;
  const phone = game.phone;
  return {
    station,
    speedKmh: driving ? p.speed * 3.6 : null,
    limitKmh: lane && Number.isFinite(lane.limit) ? Math.round(lane.limit * 3.6) : null,
    phoneRinging: phone.ringing,
    phonePopup: phone.popup,
    phoneOut: input?.phoneLook ?? false,
    notes: game.notes,
  };
}

/** The station calls, as both skins make them (each only where the stage takes it). */
export type SeatbeltActions = {
  /** fasten (true) or unfasten the belt before the crash test */
  buckle(on: boolean): void;
  /** pick an option: 'speed' (crash test, stopping), 'row' or 'how' (child seat) */
  choose(item: string, option: string): void;
  /** start the crash or the drive */
  go(): void;
  /** leave a result */
  next(): void;
  /** crash again (crash test, after the result) */
  again(): void;
  /** straight to the result of a crash playing in slow motion */
  skip(): void;
};

/** The station waits for Start and has every choice it needs. */
function ready(v: StationView): boolean {
  switch (v.kind) {
    case 'crash-test':
      return v.stage === 'setup' && v.speedKmh !== null;
    case 'child-seat':
      return v.stage === 'setup' && v.items.every((i) => i.chosen !== null);
    case 'phone-drive':
      return v.stage === 'ready';
    case 'stopping':
      return v.stage === 'setup' && v.runs[v.run]!.speedKmh !== null;
  }
}

/** A call the current stage does not take is ignored (a double tap, a panel a frame behind). */
function guarded(game: () => SeatbeltGame, changed: () => void, can: (v: StationView) => boolean, call: (g: SeatbeltGame) => void): void {
  const g = game();
  const v = g.station;
  if (!v || !can(v)) return;
  call(g);
  changed();
}

export const seatbeltRules = defineZoneRules<SeatbeltGame, SeatbeltInput, SeatbeltHud, SeatbeltActions, SeatbeltAction>({
  id: 'seatbelt',
  seed: 5000,
  createGame,
  controls: seatbeltControls,
  reader: seatbeltReader,
  hud: seatbeltHud,
  actions: (game, changed) => ({
    buckle(on) {
      guarded(game, changed, (v) => v.kind === 'crash-test' && v.stage === 'setup', (g) => g.buckle(on));
    },
    choose(item, option) {
      guarded(game, changed, (v) => v.stage === 'setup', (g) => g.choose(item, option));
    },
    go() {
      guarded(game, changed, ready, (g) => g.go());
    },
    next() {
      guarded(game, changed, (v) => v.stage === 'result', (g) => g.next());
    },
    again() {
      guarded(game, changed, (v) => v.kind === 'crash-test' && v.stage === 'result', (g) => g.again());
    },
    skip() {
      guarded(game, changed, (v) => v.stage === 'crash', (g) => g.skip());
    },
  }),
  // buckled, at 30 km/h: the crash starts (the benchmark watches it, then the stations that follow)
  rehearsal: [['buckle', true], ['choose', 'speed', '30'], ['go']],
});
