// Small scalar helpers. Vectors are passed as numbers, not objects, so hot loops allocate nothing.
export const TAU = Math.PI * 2;

/** angle wrapped to (-π, π] */
export function wrapAngle(a: number): number {
  a = a % TAU;
  if (a <= -Math.PI) a += TAU;
  else if (a > Math.PI) a -= TAU;
  return a;
}

export const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** Forward of a heading is (cos h, sin h); its right-hand side is (-sin h, cos h) in x–z. */
export const rightX = (h: number): number => -Math.sin(h);
export const rightZ = (h: number): number => Math.cos(h);
