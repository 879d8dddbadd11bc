import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder, type Vec2 } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Reflective warning triangle (GB 19151), 0.44 m sides on a folding stand, face towards +x. */
export function buildWarningTriangle(): BufferGeometry {
  const b = new PartBuilder();
  const side = 0.44;
  const base = 0.06;
  const h = (side * Math.sqrt(3)) / 2;
  const tri = (s: number, lift: number): Vec2[] => {
    const hh = (s * Math.sqrt(3)) / 2;
    return [
      [-s / 2, base + lift],
      [s / 2, base + lift],
      [0, base + lift + hh],
    ];
  };
  // outer reflective band (red), inner fluorescent band (orange-red), open centre
  const inner1 = side - 0.1;
  const inner2 = side - 0.2;
  const lift1 = (h - (inner1 * Math.sqrt(3)) / 2) / 3;
  const lift2 = (h - (inner2 * Math.sqrt(3)) / 2) / 3;
  b.plate(tri(side, 0), 0, 0.015, [0, 0, 0], '#d01c1f', [tri(inner1, lift1)]);
  b.plate(tri(inner1, lift1), 0, 0.012, [0, 0, 0], '#ff5a2a', [tri(inner2, lift2)]);
  // stand: a bar on the ground and two legs behind
  b.slab(-0.03, 0.03, 0, 0.025, -0.23, 0.23, C.darkGrey);
  for (const zz of [-0.15, 0.15]) b.rod([-0.01, base, zz], [-0.18, 0.01, zz * 1.2], 0.008, C.darkGrey, 4);
  return b.build();
}

export const warningTriangleGeometry = () => cachedGeometry('warning-triangle', buildWarningTriangle);

export function WarningTriangle({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={warningTriangleGeometry()} {...props} />;
}
