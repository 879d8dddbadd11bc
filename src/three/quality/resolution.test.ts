import { describe, expect, it } from 'vitest';
import { ResolutionGovernor } from './resolution.ts';

/** Feeds `n` frames `ms` apart from `t0`; returns the time after them and every change. */
function run(g: ResolutionGovernor, t0: number, ms: number, n: number): { t: number; changes: number[] } {
  const changes: number[] = [];
  let t = t0;
  for (let i = 0; i < n; i++) {
    t += ms;
    const c = g.frame(t);
    if (c !== null) changes.push(c);
  }
  return { t, changes };
}

describe('the flat view\'s resolution', () => {
  it('slow frames lower the ratio step by step down to the floor, never below', () => {
    const g = new ResolutionGovernor(2);
    g.frame(0);
    // software rendering: 3 frames a second
    const { changes } = run(g, 0, 333, 60);
    expect(changes[0]).toBe(1.5);
    expect(changes.every((r, i) => i === 0 || r < changes[i - 1]!)).toBe(true);
    expect(g.ratio).toBe(0.5);
    expect(Math.min(...changes)).toBe(0.5);
  });

  it('quick frames raise it again, only after several quick windows and never above the device\'s ratio', () => {
    const g = new ResolutionGovernor(1);
    g.frame(0);
    let { t } = run(g, 0, 100, 40);
    expect(g.ratio).toBe(0.5);
    // one quick second is not enough
    ({ t } = run(g, t, 10, 100));
    expect(g.ratio).toBe(0.5);
    const up = run(g, t, 10, 1000);
    expect(up.changes.every((r, i) => i === 0 || r > up.changes[i - 1]!)).toBe(true);
    expect(g.ratio).toBe(1);
  });

  it('frames between the thresholds leave it alone; a pause is not read as a slow frame', () => {
    const g = new ResolutionGovernor(1);
    g.frame(0);
    expect(run(g, 0, 30, 300).changes).toEqual([]);
    g.restart();
    g.frame(60_000);
    expect(run(g, 60_000, 30, 100).changes).toEqual([]);
    expect(g.ratio).toBe(1);
  });
});
