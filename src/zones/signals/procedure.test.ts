// The breakdown procedure checker: the right order at a lawful distance is correct; each wrong
// order, a short (or, on an ordinary road, too far) triangle and a missing step is named.
import { describe, expect, it } from 'vitest';
import { checkProcedure, PROCEDURE_KINDS as K, type ProcedureAction } from './procedure.ts';

const kinds = (a: ProcedureAction[], road: 'expressway' | 'ordinary' = 'expressway') => checkProcedure(a, road).scored.map((s) => s.kind);
const tri = (distance: number): ProcedureAction => ({ step: 'triangle', distance });

describe('breakdown procedure', () => {
  it('hazard → out behind the guardrail → triangle ≥ 150 m → call is correct on an expressway', () => {
    const r = checkProcedure([{ step: 'hazard' }, { step: 'evacuate' }, tri(162), { step: 'call' }], 'expressway');
    expect(r.ok).toBe(true);
    expect(r.scored).toEqual([{ kind: K.correct, key: 'breakdown:breakdown_correct', details: { distance: 162 } }]);
  });

  it('a triangle under 150 m on an expressway is short; 50–100 m is right on an ordinary road', () => {
    expect(kinds([{ step: 'hazard' }, { step: 'evacuate' }, tri(80), { step: 'call' }])).toEqual([K.triangleShort]);
    expect(checkProcedure([{ step: 'hazard' }, { step: 'evacuate' }, tri(80), { step: 'call' }], 'expressway').scored[0]!.details).toEqual({ distance: 80, required: 150 });
    expect(kinds([{ step: 'hazard' }, { step: 'evacuate' }, tri(80), { step: 'call' }], 'ordinary')).toEqual([K.correct]);
    expect(kinds([{ step: 'hazard' }, { step: 'evacuate' }, tri(30), { step: 'call' }], 'ordinary')).toEqual([K.triangleShort]);
    expect(kinds([{ step: 'hazard' }, { step: 'evacuate' }, tri(160), { step: 'call' }], 'ordinary')).toEqual([K.triangleFar]);
  });

  it('names each wrong order: hazard lights late, people out late, the call before the others', () => {
    expect(kinds([{ step: 'evacuate' }, { step: 'hazard' }, tri(150), { step: 'call' }])).toEqual([K.hazardLate]);
    // walking back with the triangle while the others are still in the car, then calling
    expect(kinds([{ step: 'hazard' }, tri(170), { step: 'evacuate' }, { step: 'call' }])).toEqual([K.evacuateLate]);
    // calling from the car first
    expect(kinds([{ step: 'call' }, { step: 'hazard' }, { step: 'evacuate' }, tri(155)])).toEqual([K.hazardLate, K.evacuateLate, K.callEarly]);
  });

  it('missing steps are named one by one; a repeated step counts the first time', () => {
    const r = checkProcedure([{ step: 'hazard' }, { step: 'call' }], 'expressway');
    expect(r.ok).toBe(false);
    expect(r.scored.map((s) => [s.kind, s.details?.step])).toEqual([
      [K.stepMissing, 'evacuate'],
      [K.stepMissing, 'triangle'],
    ]);
    expect(new Set(r.scored.map((s) => s.key)).size).toBe(2);
    expect(kinds([{ step: 'hazard' }, { step: 'evacuate' }, tri(200), { step: 'hazard' }, { step: 'call' }])).toEqual([K.correct]);
  });
});
