import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, PAINT, pick } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';
import { axle, frontFace, rearFace } from './vehicleParts.ts';

/** Saloon car, 4.5 × 1.8 × 1.46 m, origin at the middle of its footprint, nose towards +x. */
export function buildCar(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  const paint = pick(PAINT, variant);
  const hw = 0.9;
  b.profile(
    [
      [-2.25, 0.3],
      [2.25, 0.3],
      [2.25, 0.72],
      [2.05, 0.88],
      [0.95, 0.98],
      [-1.95, 0.98],
      [-2.25, 0.9],
    ],
    -hw,
    hw,
    paint,
  );
  // glasshouse, a little narrower than the body, with a painted roof and pillars
  b.profile(
    [
      [0.95, 0.98],
      [0.15, 1.4],
      [-1.35, 1.4],
      [-1.95, 0.98],
    ],
    -hw + 0.1,
    hw - 0.1,
    C.glass,
  );
  b.slab(-1.4, 0.2, 1.4, 1.46, -hw + 0.08, hw - 0.08, paint);
  for (const side of [-1, 1]) {
    const z = side * (hw - 0.1);
    b.rod([0.95, 0.98, z], [0.15, 1.42, z], 0.045, paint, 4);
    b.rod([-1.95, 0.98, z], [-1.35, 1.42, z], 0.06, paint, 4);
    b.rod([-0.55, 0.98, z], [-0.55, 1.42, z], 0.04, paint, 4);
    // side mirror
    b.slab(0.75, 0.9, 0.98, 1.1, side > 0 ? hw : -hw - 0.14, side > 0 ? hw + 0.14 : -hw, paint);
  }
  axle(b, 1.38, 0.32, 1.56, 0.22);
  axle(b, -1.38, 0.32, 1.56, 0.22);
  b.slab(2.24, 2.27, 0.42, 0.62, -0.45, 0.45, C.chassis); // grille
  frontFace(b, 2.25, hw, 0.74, 0.38);
  rearFace(b, -2.25, hw, 0.8, 0.4);
  return b.build();
}

export const carGeometry = (variant = 0) => cachedGeometry(`car:${variant % PAINT.length}`, () => buildCar(variant));

export function Car({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={carGeometry(variant)} {...props} />;
}
