// The rider's input: values out of range are clamped before they reach the sim, and the two-hand
// handlebar turns the way a real one does.
import { describe, expect, it } from 'vitest';
import { blankInput } from '../../sim/agents/player.ts';
import { fillRider, handlebarSteer, HANDLEBAR_LOCK, riderInput } from './input.ts';

describe('fillRider', () => {
  it('clamps pedals and steering and never lets NaN through', () => {
    const out = blankInput();
    fillRider({ ...riderInput(), throttle: 3, brake: -1, steer: NaN }, out);
    expect(out).toMatchObject({ throttle: 1, brake: 0, steer: 0, moveX: 0, moveZ: 0, hasPose: false });
  });
});

describe('handlebarSteer', () => {
  const grip = (x: number, z: number) => ({ x, y: 1, z });
  it('is straight with both grips level across the bar', () => {
    expect(handlebarSteer(grip(-0.27, -0.5), grip(0.27, -0.5))).toBeCloseTo(0);
  });
  it('turns right when the right grip comes back and the left goes forward', () => {
    expect(handlebarSteer(grip(-0.27, -0.55), grip(0.27, -0.45))).toBeGreaterThan(0.3);
    expect(handlebarSteer(grip(-0.27, -0.45), grip(0.27, -0.55))).toBeLessThan(-0.3);
  });
  it('reaches full lock at the lock angle and no further', () => {
    const a = HANDLEBAR_LOCK * 1.5;
    expect(handlebarSteer(grip(0, 0), grip(0.5 * Math.cos(a), 0.5 * Math.sin(a)))).toBe(1);
  });
  it('ignores hands held together (not on a bar)', () => {
    expect(handlebarSteer(grip(0, 0), grip(0.02, 0.05))).toBe(0);
  });
});
