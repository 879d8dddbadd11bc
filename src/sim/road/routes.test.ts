import { describe, expect, it } from 'vitest';
import { parseSimDef } from '../def.ts';
import { demoJunction } from '../fixtures/demoJunction.ts';
import { compileLayout, junctionAreaAt, laneAt, onCarriageway } from './network.ts';
import { buildPath, classifyTurn, pickTurnLane } from './routes.ts';

const net = compileLayout(parseSimDef(demoJunction).layout);
const lane = (id: string) => net.laneById.get(id)!;

describe('lanes from a centre line', () => {
  it('stacks lanes outwards and runs each in its direction of travel (traffic keeps right)', () => {
    // the west arm's centre line runs east along z = 0: inbound lanes on the right (+z)
    expect(lane('W-in-1').offset).toBeCloseTo(1.75);
    expect(lane('W-in-nm').offset).toBeCloseTo(8.25);
    expect(lane('W-out-2').offset).toBeCloseTo(-5.25);
    expect(lane('W-in-1').line.headings[0]).toBeCloseTo(0); // eastwards
    expect(Math.abs(lane('W-out-1').line.headings[0]!)).toBeCloseTo(Math.PI); // westwards
    expect(lane('W-in-1').limit).toBeCloseTo(50 / 3.6);
    expect(lane('W-sw-r').dir).toBe(0);
  });

  it('knows the carriageway from the sidewalk, and the rounded kerb corners', () => {
    expect(laneAt(net, -40, 5.25)).toBe(lane('W-in-2').index);
    expect(onCarriageway(net, -40, 5.25)).toBe(true);
    expect(onCarriageway(net, -40, 11)).toBe(false); // sidewalk
    expect(junctionAreaAt(net, 0, 0)).toBe(0);
    expect(onCarriageway(net, -14, 14)).toBe(false); // the kerb corner, inside the arc
    expect(onCarriageway(net, -10, 10)).toBe(true);
  });
});

describe('turns at a junction', () => {
  it('classifies heading changes (headings grow towards the right-hand side)', () => {
    expect(classifyTurn(0.1)).toBe('straight');
    expect(classifyTurn(Math.PI / 2)).toBe('right');
    expect(classifyTurn(-Math.PI / 2)).toBe('left');
    expect(classifyTurn(Math.PI)).toBe('uturn');
  });

  it('picks the outer lane for a right turn, the inner for a left, the same rank straight on', () => {
    expect(pickTurnLane(net, lane('W-in-2'), 'right', 'motor').id).toBe('S-out-2');
    expect(pickTurnLane(net, lane('W-in-1'), 'left', 'motor').id).toBe('N-out-1');
    expect(pickTurnLane(net, lane('W-in-2'), 'straight', 'motor').id).toBe('E-out-2');
    expect(pickTurnLane(net, lane('W-in-1'), 'straight', 'motor').id).toBe('E-out-1');
    expect(pickTurnLane(net, lane('W-in-nm'), 'right', 'non-motor').id).toBe('S-out-nm');
  });

  it('turns on a circular arc tangent to both lanes (right turn: radius 12.25 about the kerb corner)', () => {
    const p = buildPath(net, { route: ['W-in-2', 'right'] }, 'truck', 0);
    const inArc: number[] = [];
    for (let i = 0; i < p.line.n; i++) {
      const x = p.line.xs[i]!, z = p.line.zs[i]!;
      if (x > -17.4 && z < 17.4) inArc.push(Math.hypot(x + 17.5, z - 17.5));
    }
    expect(inArc.length).toBeGreaterThan(5);
    for (const r of inArc) expect(r).toBeCloseTo(12.25, 6);
    // and the path knows where it is: lane, junction, lane
    expect(p.pieces.map((q) => (q.lane >= 0 ? net.lanes[q.lane]!.id : q.junction >= 0 ? 'junction' : '-'))).toEqual(['W-in-2', 'junction', 'S-out-2']);
  });

  it('annotates stop lines with the turn made after them, and crossings passed', () => {
    const right = buildPath(net, { route: ['W-in-2', 'right'] }, 'car', 0);
    expect(right.stops.map((s) => [net.stops[s.stop]!.id, s.turn, s.rightOnRed])).toEqual([['stop-W-through', 'right', true]]);
    expect(right.crossings.map((c) => net.crossings[c.crossing]!.id)).toEqual(['cross-W', 'cross-S']);
    const left = buildPath(net, { route: ['W-in-1', 'left'] }, 'car', 0);
    expect(left.stops.map((s) => [net.stops[s.stop]!.id, s.turn])).toEqual([['stop-W-left', 'left']]);
    // crossings come in path order with their extent along it (4 m wide zebras)
    const c = right.crossings[0]!;
    expect(c.s1 - c.s0).toBeCloseTo(4, 1);
  });

  it('marks a route ridden backwards as against its lane', () => {
    const p = buildPath(net, { route: ['W-in-nm'], reversed: true }, 'ebike', 0);
    expect(p.pieces.some((q) => q.against)).toBe(true);
    const fwd = buildPath(net, { route: ['W-in-nm'] }, 'ebike', 0);
    expect(fwd.pieces.some((q) => q.against)).toBe(false);
  });
});
