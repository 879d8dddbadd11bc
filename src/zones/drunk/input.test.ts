// The driver's input: values out of range are clamped before they reach the sim, and two hands on
// the steering wheel's rim turn it the way a real wheel turns.
import { describe, expect, it } from 'vitest';
import { blankInput } from '../../sim/agents/player.ts';
import { wheelSteer, WHEEL_LOCK } from '../common/controls.ts';
import { driveInput, fillDriver } from './input.ts';

describe('fillDriver', () => {
  it('clamps the pedals and the wheel and never lets NaN through', () => {
    const out = blankInput();
    fillDriver({ ...driveInput(), throttle: 2, brake: -1, steer: NaN, lookYaw: 0.5 }, out);
    expect(out).toMatchObject({ throttle: 1, brake: 0, steer: 0, lookYaw: 0.5, moveX: 0, moveZ: 0, hasPose: false });
  });
});

describe('wheelSteer (both hands on the rim)', () => {
  // the rim faces the driver: hands at "a quarter to three", 0.18 m either side of the hub
  const hand = (x: number, y: number) => ({ x, y, z: -0.45 });
  const at = (angle: number) => {
    // the wheel turned clockwise (as the driver sees it) by `angle`: the right hand goes down
    const r = 0.18;
    return [hand(-r * Math.cos(angle), 1 + r * Math.sin(angle)), hand(r * Math.cos(angle), 1 - r * Math.sin(angle))] as const;
  };
  it('is straight with both hands level', () => {
    expect(wheelSteer(...at(0))).toBeCloseTo(0, 9);
  });
  it('steers right when turned clockwise (right hand down, left up), left the other way', () => {
    expect(wheelSteer(...at(0.5))).toBeCloseTo(0.5 / WHEEL_LOCK, 6);
    expect(wheelSteer(...at(-0.5))).toBeCloseTo(-0.5 / WHEEL_LOCK, 6);
  });
  it('reaches full lock at the lock angle and no further', () => {
    expect(wheelSteer(...at(WHEEL_LOCK * 1.3))).toBe(1);
    expect(wheelSteer(...at(-WHEEL_LOCK * 1.3))).toBe(-1);
  });
  it('does not care how far forward the hands are, and ignores hands held together', () => {
    const [l, r] = at(0.4);
    expect(wheelSteer({ ...l, z: -0.3 }, { ...r, z: -0.6 })).toBeCloseTo(0.4 / WHEEL_LOCK, 6);
    expect(wheelSteer(hand(0, 1), hand(0.03, 1.05))).toBe(0);
  });
});
