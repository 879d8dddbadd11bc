import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, pick } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

const EBIKE_PAINT = ['#e8e8e8', '#d7263d', '#2e6fd0', '#4caf7d'] as const;

/**
 * Step-through electric bicycle (GB 17761: pedals, ≤ 25 km/h), 1.65 m long, 1.1 m high at the
 * mirrors, origin midway between the wheels, front towards +x. Seat top at 0.85 m.
 */
export function addEbike(b: PartBuilder, variant = 0): void {
  const paint = pick(EBIKE_PAINT, variant);
  for (const x of [0.6, -0.6]) b.wheel(0.24, 0.07, [x, 0.24, 0], C.tyre, C.hub, 14);
  // front fork, leg shield, deck, rear body with the battery, seat, rack
  b.rod([0.6, 0.24, -0.045], [0.46, 0.92, -0.045], 0.018, C.steel, 4);
  b.rod([0.6, 0.24, 0.045], [0.46, 0.92, 0.045], 0.018, C.steel, 4);
  b.limb([0.32, 0.36, 0], [0.47, 0.95, 0], 0.3, 0.06, paint);
  b.slab(-0.15, 0.36, 0.28, 0.35, -0.14, 0.14, C.chassis);
  b.profile(
    [
      [-0.2, 0.3],
      [0.02, 0.3],
      [-0.05, 0.76],
      [-0.62, 0.76],
      [-0.74, 0.56],
      [-0.55, 0.36],
    ],
    -0.13,
    0.13,
    paint,
  );
  b.slab(-0.62, 0.0, 0.76, 0.85, -0.13, 0.13, C.black);
  b.slab(-0.88, -0.6, 0.74, 0.77, -0.1, 0.1, C.steel);
  // mudguards
  b.slab(0.42, 0.8, 0.5, 0.53, -0.05, 0.05, paint);
  b.slab(-0.85, -0.5, 0.52, 0.55, -0.05, 0.05, paint);
  // handlebar, grips, mirrors, headlight, basket, tail light
  b.rod([0.44, 0.98, -0.33], [0.44, 0.98, 0.33], 0.016, C.black, 6);
  for (const side of [-1, 1]) {
    b.rod([0.44, 0.98, side * 0.22], [0.43, 1.16, side * 0.27], 0.008, C.black, 4);
    b.cyl(0.04, 0.04, 0.015, [0.43, 1.18, side * 0.28], C.darkGrey, { axis: 'x', segments: 8 });
  }
  b.box([0.06, 0.08, 0.12], [0.5, 0.9, 0], C.headlight);
  b.slab(0.5, 0.78, 0.8, 1.0, -0.16, 0.16, C.darkGrey);
  b.box([0.03, 0.05, 0.1], [-0.89, 0.7, 0], C.taillight);
  // pedals on short cranks
  for (const side of [-1, 1]) {
    b.rod([0.05, 0.3, side * 0.15], [0.12, 0.22, side * 0.15], 0.012, C.black, 4);
    b.slab(0.08, 0.18, 0.2, 0.23, side * 0.15 - 0.04, side * 0.15 + 0.04, C.black);
  }
}

export function buildEbike(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  addEbike(b, variant);
  return b.build();
}

export const ebikeGeometry = (variant = 0) => cachedGeometry(`ebike:${variant % EBIKE_PAINT.length}`, () => buildEbike(variant));

export function Ebike({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={ebikeGeometry(variant)} {...props} />;
}
