import { describe, expect, it } from 'vitest';
import { fogFor, HAZE_DISTANCE, hazeAlpha, SOBER_HALF_ANGLE, tunnelRadius } from './view.ts';

describe('the view after drinking (demonstration)', () => {
  it('narrows with the level: a smaller clear disc for a smaller field of view', () => {
    const full = tunnelRadius(1, HAZE_DISTANCE);
    expect(full).toBeCloseTo(HAZE_DISTANCE * Math.tan(SOBER_HALF_ANGLE), 9);
    const radii = [0.95, 0.88, 0.8, 0.65].map((f) => tunnelRadius(f, HAZE_DISTANCE));
    for (let i = 1; i < radii.length; i++) expect(radii[i]!).toBeLessThan(radii[i - 1]!);
    expect(radii[0]!).toBeLessThan(full);
    // never closed completely
    expect(tunnelRadius(0, HAZE_DISTANCE)).toBeGreaterThan(0.02);
  });

  it('hazes more for more blur, swimming a little over time, never beyond 0.7', () => {
    expect(hazeAlpha(0, 3)).toBe(0);
    const at = (b: number) => [0, 1, 2, 3, 4, 5].map((t) => hazeAlpha(b, t));
    expect(Math.max(...at(0.3))).toBeLessThan(Math.min(...at(0.65)));
    expect(new Set(at(0.45).map((a) => a.toFixed(3))).size).toBeGreaterThan(3);
    expect(Math.max(...at(1))).toBeLessThanOrEqual(0.7 + 1e-9);
  });

  it('pulls the fog in, keeping 40 m of street at least and near below far', () => {
    const base = { near: 70, far: 190 };
    expect(fogFor({ fov: 1, blur: 0, double: 0 }, base)).toEqual(base);
    const some = fogFor({ fov: 0.8, blur: 0.45, double: 0.02 }, base);
    expect(some.far).toBeLessThan(base.far);
    expect(some.near).toBeLessThan(some.far);
    const most = fogFor({ fov: 0.65, blur: 1, double: 0.03 }, base);
    expect(most.far).toBeGreaterThanOrEqual(40);
    expect(most.near).toBeLessThan(most.far);
  });
});
