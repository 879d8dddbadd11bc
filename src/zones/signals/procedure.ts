// The breakdown procedure checker (facts 6.8, 6.9): after a breakdown the steps go in this order —
// hazard lights on; everyone out to the right shoulder or emergency lane and behind the guardrail;
// the warning triangle behind the car, facing the traffic, at least 150 m on an expressway (50 to
// 100 m on an ordinary road); then the call for help. Given what the visitor did (in order, with the
// triangle's distance as the scene measured it), it names what was wrong as event kinds whose
// feedback (scenes/signals.json) states the law: 道交法 Art. 52/68, 条例 Art. 60.
import type { Scored } from '../common/scored.ts';

export const PROCEDURE_STEPS = ['hazard', 'evacuate', 'triangle', 'call'] as const;
export type ProcedureStep = (typeof PROCEDURE_STEPS)[number];

export interface ProcedureAction {
  step: ProcedureStep;
  /** triangle: metres behind the car along the road, as measured in the scene */
  distance?: number;
}

export type RoadKind = 'expressway' | 'ordinary';

/** The triangle's distance the law asks for, m: expressway ≥ 150 (道交法 Art. 68), ordinary 50–100 (条例 Art. 60). */
export const TRIANGLE_RANGE: Record<RoadKind, { min: number; max: number }> = {
  expressway: { min: 150, max: Infinity },
  ordinary: { min: 50, max: 100 },
};

export const PROCEDURE_KINDS = {
  correct: 'breakdown_correct',
  hazardLate: 'breakdown_hazard_late',
  evacuateLate: 'breakdown_evacuate_late',
  callEarly: 'breakdown_call_early',
  triangleShort: 'breakdown_triangle_short',
  triangleFar: 'breakdown_triangle_far',
  stepMissing: 'breakdown_step_missing',
} as const;

export interface ProcedureResult {
  /** every step done, in order, at a lawful distance */
  ok: boolean;
  /** what to score (one per finding; keyed so each counts once) */
  scored: Scored[];
}

/** Check a finished procedure (each step at most once: the first time counts). */
export function checkProcedure(actions: readonly ProcedureAction[], road: RoadKind, task = 'breakdown'): ProcedureResult {
  const firstAt = new Map<ProcedureStep, number>();
  actions.forEach((a, i) => {
    if (!firstAt.has(a.step)) firstAt.set(a.step, i);
  });
  // order is judged among the steps done (a missing step is its own finding)
  const at = (s: ProcedureStep) => firstAt.get(s) ?? NaN;
  const scored: Scored[] = [];
  const add = (kind: string, details?: Scored['details']) => scored.push({ kind, key: `${task}:${kind}${details?.step ? `:${details.step}` : ''}`, ...(details ? { details } : {}) });

  const missing = PROCEDURE_STEPS.filter((s) => !firstAt.has(s));
  for (const s of missing) add(PROCEDURE_KINDS.stepMissing, { step: s });
  // the hazard lights come first, at once (Art. 52)
  if (firstAt.has('hazard') && at('hazard') !== 0) add(PROCEDURE_KINDS.hazardLate);
  // people get out of the carriageway before anyone walks back with the triangle or makes a call (Art. 68; 6.9)
  if (firstAt.has('evacuate') && (at('evacuate') > at('triangle') || at('evacuate') > at('call'))) add(PROCEDURE_KINDS.evacuateLate);
  // the call comes once everyone is safe and the traffic is warned
  if (firstAt.has('call') && (at('call') < at('evacuate') || at('call') < at('triangle'))) add(PROCEDURE_KINDS.callEarly);
  const tri = actions.find((a) => a.step === 'triangle');
  if (tri) {
    const d = tri.distance ?? 0;
    const range = TRIANGLE_RANGE[road];
    if (d < range.min) add(PROCEDURE_KINDS.triangleShort, { distance: Math.round(d), required: range.min });
    else if (d > range.max) add(PROCEDURE_KINDS.triangleFar, { distance: Math.round(d), required: range.max });
  }
  const ok = scored.length === 0;
  if (ok) add(PROCEDURE_KINDS.correct, { distance: Math.round(tri?.distance ?? 0) });
  return { ok, scored };
}

/** Every kind the checker can produce (the zone file must score and explain each). */
export const procedureKinds = (): string[] => Object.values(PROCEDURE_KINDS);
