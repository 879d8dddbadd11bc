// The numbers behind the view "after drinking" (ImpairmentLayer.tsx draws them): how wide the clear
// part of the view stays for the level's `fov`, how milky the haze gets for its `blur` (swimming
// slowly), and how close the fog comes in. Pure, so the layer's behaviour is tested in Node.
import type { ViewImpairment } from './level.ts';

/** the layer sits this far in front of the eyes, m */
export const HAZE_DISTANCE = 0.15;
/** the clear part of a sober view, half-angle from the line of sight, rad (wider than any headset or screen shows) */
export const SOBER_HALF_ANGLE = (62 * Math.PI) / 180;

/** Radius of the clear disc at `distance` for a level's field of view (share of the sober one). */
export function tunnelRadius(fov: number, distance: number): number {
  const f = Math.max(0.2, Math.min(1, fov));
  return distance * Math.tan(SOBER_HALF_ANGLE * f);
}

/** The haze's opacity at time `t` s: grows with blur, and swims by a sixth of itself every few seconds. */
export function hazeAlpha(blur: number, t: number): number {
  const b = Math.max(0, Math.min(1, blur));
  return b * 0.6 * (1 + Math.sin(t * 0.9) / 6);
}

/** The street's fog pulled in by blur: the far end comes closer, but never nearer than 40 m. */
export function fogFor(view: ViewImpairment, base: { near: number; far: number }): { near: number; far: number } {
  const b = Math.max(0, Math.min(1, view.blur));
  const far = Math.max(40, base.far * (1 - 0.6 * b));
  const near = Math.min(far - 10, base.near * (1 - 0.85 * b));
  return { near: Math.max(0, near), far };
}
