// A scripted visitor for the signals zone (tests, demos): walks on whenever nothing is asked, and
// answers each question, orders the movements, gives the signal and does the breakdown steps the
// way it is told. Drives the same game methods the HUD buttons and the headset call.
import { handsFor, KEY_POSES } from './handSignals.ts';
import type { SignalsInput } from './input.ts';
import { PROCEDURE_STEPS, type ProcedureStep } from './procedure.ts';
import type { SignalsGame } from './rules.ts';

export interface Visitor {
  /** which option to pick for a question (the game's answers are known to the test, not to the visitor) */
  answer: 'right' | 'wrong' | 'trap-or-wrong';
  /** seconds to think before each answer */
  think: number;
  /** 'order' the movements (screens), 'perform' the signal with the arms (headset), 'misorder' */
  show: 'order' | 'perform' | 'misorder';
  /** the breakdown steps in this order, and the triangle's distance, m */
  procedure: readonly ProcedureStep[];
  triangle: number;
}

export const CAREFUL: Visitor = { answer: 'right', think: 3, show: 'order', procedure: PROCEDURE_STEPS, triangle: 160 };
export const CARELESS: Visitor = { answer: 'trap-or-wrong', think: 30, show: 'misorder', procedure: ['call', 'triangle', 'hazard', 'evacuate'], triangle: 40 };

/**
 * Returns the per-frame input function: it also acts on the game (answers, steps) when the
 * visitor has thought long enough. `answerOf(questionId)` is the right option (the test reads the
 * zone file).
 */
export function scriptedVisitor(v: Visitor, answerOf: (g: SignalsGame, id: string) => string) {
  const input: SignalsInput = { move: 0, lookYaw: NaN };
  let waited = 0;
  let step = 0;
  return (g: SignalsGame): SignalsInput => {
    input.move = 0;
    const dt = 1 / 60;
    const q = g.currentQuestion;
    const show = g.showing;
    const bd = g.breakdown;
    if (q) {
      waited += dt;
      if (waited < v.think) return input;
      waited = 0;
      const right = answerOf(g, q.id);
      const trap = q.options.find((o) => o.id === 'right-turn-waiting');
      const wrong = q.options.find((o) => o.id !== right)!;
      g.answer(v.answer === 'right' ? right : v.answer === 'trap-or-wrong' && trap ? trap.id : wrong.id);
    } else if (show) {
      waited += dt;
      if (waited < v.think) return input;
      if (v.show === 'perform') g.observeArms(handsFor(KEY_POSES[show.performSignal].dir), dt);
      else {
        waited = 0;
        const next = v.show === 'order' ? String(show.picked.length) : show.steps.find((s) => s.id !== String(show.picked.length))!.id;
        g.pickStep(next);
      }
    } else if (bd) {
      if (bd.carrying) {
        if (bd.distance < v.triangle) input.move = 1;
        else g.placeTriangle();
      } else {
        waited += dt;
        if (waited < 1) return input;
        waited = 0;
        const s = v.procedure[step++];
        if (s) g.doStep(s);
      }
    } else input.move = 1;
    return input;
  };
}
