import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, PAINT, pick } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';
import { axle, frontFace, rearFace } from './vehicleParts.ts';

/** One-box van (minibus / delivery van), 5.0 × 1.9 × 2.0 m, nose towards +x. */
export function buildVan(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  const paint = pick(PAINT, variant + 1);
  const hw = 0.95;
  b.profile(
    [
      [-2.5, 0.32],
      [2.5, 0.32],
      [2.5, 0.85],
      [2.2, 1.05],
      [1.55, 1.9],
      [1.35, 1.98],
      [-2.45, 1.98],
      [-2.5, 1.9],
    ],
    -hw,
    hw,
    paint,
  );
  // sloped windscreen (a thin glass slab laid on the slope), side and rear windows
  b.box([0.02, 1.0, 1.72], [1.885 + 0.012, 1.475 + 0.009, 0], C.glass, [0, 0, Math.atan2(0.65, 0.85)]);
  b.slab(-2.05, 1.5, 1.15, 1.75, -hw - 0.012, hw + 0.012, C.glass);
  b.slab(-2.52, -2.48, 1.2, 1.75, -0.72, 0.72, C.glass);
  for (const x of [0.75, -0.6]) b.slab(x - 0.06, x + 0.06, 1.14, 1.76, -hw - 0.02, hw + 0.02, paint);
  for (const side of [-1, 1]) b.slab(1.45, 1.6, 1.1, 1.25, side > 0 ? hw : -hw - 0.16, side > 0 ? hw + 0.16 : -hw, C.chassis);
  axle(b, 1.7, 0.33, 1.64, 0.22);
  axle(b, -1.65, 0.33, 1.64, 0.22);
  b.slab(2.49, 2.52, 0.55, 0.78, -0.5, 0.5, C.chassis);
  frontFace(b, 2.5, hw, 0.88, 0.4);
  rearFace(b, -2.5, hw, 0.95, 0.42);
  return b.build();
}

export const vanGeometry = (variant = 0) => cachedGeometry(`van:${variant % PAINT.length}`, () => buildVan(variant));

export function Van({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={vanGeometry(variant)} {...props} />;
}
