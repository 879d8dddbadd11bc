// The blindspot zone's rules module (the pure half of src/zones/blindspot/Zone.tsx): the game, its
// controls and reader, its own actions (a marker, into the cab, go on) and what the zone adds to the
// HUD (the stage, the markers set, what the last try at a marker ran into, the cab's verdicts, the
// mirror being looked at).
import type { Localized } from '../../content/schema.ts';
import { defineZoneRules } from '../common/zoneRules.ts';
import { blindspotControls, blindspotReader, type BlindspotAction } from './controls.ts';
import type { BlindspotInput } from './input.ts';
import { fromCab, poseOf } from './markers.ts';
import { createGame, type BlindspotGame, type PlaceResult, type Role, type Stage } from './rules.ts';

/** What the blindspot zone adds to the HUD. */
export interface BlindspotHud {
  stage: Stage;
  role: Role;
  /** children's wording: the fewest words */
  short: boolean;
  markersSet: number;
  markersMax: number;
  /** seconds left in this stage */
  stageLeft: number;
  /** why the last marker was refused (null: it was not, or none tried yet) */
  problem: Extract<PlaceResult, { ok: false }>['problem'] | null;
  /** from the cab: markers the driver could not see, and could */
  hidden: number;
  seen: number;
  /** the mirror looked at now (cab, driving), or null */
  mirror: string | null;
  /** what to do in this stage (the zone file's words, the group's wording) */
  help: Localized | null;
  /** the cab stage seen from above */
  above: boolean;
  /** a press goes on from the cab (not in its first seconds) */
  canGoOn: boolean;
}

export function blindspotHud(g: BlindspotGame): BlindspotHud {
  const last = g.lastPlace;
  const hidden = g.verdicts.filter((v) => v.hidden).length;
  return {
    stage: g.stage,
    role: g.tuning.role,
    short: g.tuning.wording === 'short',
    markersSet: g.markers.length,
    markersMax: g.tuning.markers,
    stageLeft: Math.ceil(g.stageTimeLeft),
    problem: last && !last.ok && last.problem !== 'stage' ? last.problem : null,
    hidden,
    seen: g.verdicts.length - hidden,
    mirror: g.lookingAt,
    help: g.stageHelp,
    above: g.fromAbove,
    canGoOn: g.stage === 'cab' && g.canLeaveCab,
  };
}

/** The blindspot zone's own actions, called by both skins (and the rehearsal). */
export type BlindspotActions = {
  /** set a marker down ahead of the visitor */
  markHere(): void;
  /** set a marker down at a point of the standing truck's cab frame (u ahead of the bumper, v right) */
  markAt(u: number, v: number): void;
  /** into the cab with the markers set so far */
  enterCab(): void;
  /** in the cab: from the seat to the view from above */
  lookFromAbove(): void;
  /** from the cab to the right turn */
  leaveCab(): void;
};

export const blindspotRules = defineZoneRules<BlindspotGame, BlindspotInput, BlindspotHud, BlindspotActions, BlindspotAction>({
  id: 'blindspot',
  seed: 4000,
  createGame,
  controls: blindspotControls,
  reader: blindspotReader,
  hud: (game) => blindspotHud(game),
  actions: (game, changed) => ({
    markHere() {
      const g = game();
      const at = g.markerSpot();
      g.placeMarker(at.x, at.z);
      changed();
    },
    markAt(u, v) {
      const g = game();
      g.placeMarker(...fromCab(poseOf(g.standTruck), u, v));
      changed();
    },
    enterCab() {
      if (game().enterCab()) changed();
    },
    lookFromAbove() {
      if (game().lookFromAbove()) changed();
    },
    leaveCab() {
      if (game().leaveCab()) changed();
    },
  }),
  // markers in front of the cab and beside its right door (both hidden from a child's height), then the cab: its mirrors are drawn
  rehearsal: [['markAt', 0.6, 0], ['markAt', -1, 3], ['enterCab']],
});
