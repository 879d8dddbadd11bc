import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** E-bike safety helmet (GB 811), about 0.32 × 0.27 × 0.18 m, resting on its rim, peak towards +x. */
export function buildHelmet(): BufferGeometry {
  const b = new PartBuilder();
  const shell = C.yellow;
  b.sphere(0.14, [0, 0.02, 0], shell, { w: 14, h: 6, half: true, scale: [1.15, 1.1, 0.98] });
  b.cyl(0.141, 0.141, 0.03, [0, 0.015, 0], C.darkGrey, { segments: 14, scale: [1.15, 1, 0.98] });
  b.box([0.09, 0.012, 0.2], [0.18, 0.045, 0], C.darkGrey, [0, 0, -0.25]); // peak
  for (const z of [-0.045, 0, 0.045]) b.box([0.14, 0.012, 0.02], [-0.01, 0.173, z], C.darkGrey); // vents
  for (const side of [-1, 1]) b.rod([0.0, 0.02, side * 0.135], [0.09, 0.009, side * 0.05], 0.007, C.black, 4); // strap
  b.slab(0.08, 0.11, 0, 0.014, -0.05, 0.05, C.black); // buckle
  return b.build();
}

export const helmetGeometry = () => cachedGeometry('helmet', buildHelmet);

export function Helmet({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={helmetGeometry()} {...props} />;
}
