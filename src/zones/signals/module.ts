// The signals zone's rules module (the pure half of src/zones/signals/Zone.tsx): the game, its
// controls and reader, the answers as zone actions both skins call (and the arms' pose the headset
// scene feeds each frame), and what the zone adds to the HUD: the open question, the movements to
// order or the signal to give, the breakdown steps with the triangle's distance.
import { defineZoneRules } from '../common/zoneRules.ts';
import { signalsControls, signalsReader, type SignalsAction } from './controls.ts';
import type { ArmPose, HandSignal } from './handSignals.ts';
import type { SignalsInput } from './input.ts';
import type { ProcedureStep } from './procedure.ts';
import { createGame, type BreakdownView, type QuestionView, type ShowView, type SignalsGame } from './rules.ts';
import type { Localized } from '../../content/schema.ts';

export interface SignalsHud {
  station: 'signs' | 'police' | 'breakdown' | null;
  question: QuestionView | null;
  show: ShowView | null;
  breakdown: BreakdownView | null;
  /** the last answer: right or not, and the right meaning */
  last: { correct: boolean; answer: Localized; verdict: Localized } | null;
  officerSignal: HandSignal | null;
}

export function signalsHud(g: SignalsGame): SignalsHud {
  const show = g.showing;
  return {
    station: g.station?.kind ?? null,
    question: g.currentQuestion,
    // a copy: the store tells a change by identity
    show: show ? { ...show } : null,
    breakdown: g.breakdown,
    last: g.lastAnswer,
    officerSignal: g.officerSignal,
  };
}

/** The signals zone's own actions, called by both skins (and the headset's arms, per frame). */
export type SignalsActions = {
  answer(optionId: string): void;
  pickStep(stepId: string): void;
  doStep(step: ProcedureStep): void;
  placeTriangle(): void;
  /** the arms' pose in the body frame this frame (null: not tracked), and the frame's seconds */
  arms(pose: ArmPose | null, dt: number): void;
};

export const signalsRules = defineZoneRules<SignalsGame, SignalsInput, SignalsHud, SignalsActions, SignalsAction>({
  id: 'signals',
  seed: 6000,
  createGame,
  controls: signalsControls,
  reader: signalsReader,
  hud: (game) => signalsHud(game),
  actions: (game, changed) => ({
    answer(optionId) {
      game().answer(optionId);
      changed();
    },
    pickStep(stepId) {
      game().pickStep(stepId);
      changed();
    },
    doStep(step) {
      game().doStep(step);
      changed();
    },
    placeTriangle() {
      game().placeTriangle();
      changed();
    },
    arms(pose, dt) {
      const g = game();
      const before = g.showing?.showing ?? null;
      const stage = g.currentStage;
      g.observeArms(pose, dt);
      // publish when what the arms show changes, or the signal was recognised
      if ((g.showing?.showing ?? null) !== before || g.currentStage !== stage) changed();
    },
  }),
  rehearsal: [],
});
