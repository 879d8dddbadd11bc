import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';
import { axle, rearFace, sideGuard, truckCab } from './vehicleParts.ts';

/**
 * Tractor and semi-trailer in line, 16.5 × 2.5 × 4.0 m, origin at the middle of the whole rig (not
 * of the tractor as in src/sim: a static prop has no articulation), tractor nose towards +x.
 */
export function buildSemiTrailer(): BufferGeometry {
  const b = new PartBuilder();
  const hw = 1.25;
  // tractor
  truckCab(b, 8.25, 2.2, 0.9, 3.5, hw - 0.05, C.red);
  b.slab(2.5, 6.1, 0.6, 1.0, -0.5, 0.5, C.chassis);
  b.slab(3.1, 4.1, 1.0, 1.12, -0.6, 0.6, C.darkGrey); // fifth wheel
  for (const side of [-1, 1]) b.cyl(0.25, 0.25, 1.0, [5.5, 0.85, side * 0.85], C.steel, { axis: 'x', segments: 8 }); // tanks
  axle(b, 7.2, 0.5, 2.05, 0.32);
  axle(b, 4.2, 0.5, 1.95, 0.32, true);
  axle(b, 2.9, 0.5, 1.95, 0.32, true);
  // trailer
  b.slab(-8.25, 5.0, 1.0, 1.25, -0.55, 0.55, C.chassis);
  b.slab(-8.25, 5.0, 1.25, 4.0, -hw, hw, '#d8dde2');
  b.slab(-8.2, 4.95, 1.3, 1.4, -hw - 0.01, hw + 0.01, C.red);
  for (let x = -7.9; x < 4.7; x += 1.0) b.slab(x, x + 0.5, 1.3, 1.4, -hw - 0.012, hw + 0.012, C.white);
  b.slab(-8.27, -8.23, 1.3, 3.95, -hw + 0.05, hw - 0.05, '#c4cacf');
  for (const side of [-1, 1]) b.rod([3.4, 0.1, side * 0.9], [3.4, 1.0, side * 0.9], 0.05, C.steel, 4); // landing legs
  sideGuard(b, -3.8, 1.9, 0.55, hw - 0.08);
  for (const x of [-7.0, -5.7, -4.4]) axle(b, x, 0.5, 1.95, 0.32, true);
  rearFace(b, -8.25, hw, 0.9, 0.55);
  return b.build();
}

export const semiTrailerGeometry = () => cachedGeometry('semi-trailer', buildSemiTrailer);

export function SemiTrailer({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={semiTrailerGeometry()} {...props} />;
}
