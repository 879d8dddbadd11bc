import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/**
 * Zebra crossing painted on the ground: people cross along x (the way a pedestrian at the same
 * rotationY walks), traffic runs along z. 6.45 m to cross (x) × 4 m wide (z); stripes 0.45 m wide,
 * 0.55 m apart, 1 cm proud of y = 0.
 */
export function buildZebra(): BufferGeometry {
  const b = new PartBuilder();
  for (let i = -3; i <= 3; i++) b.slab(i - 0.225, i + 0.225, 0.012, 0.02, -2, 2, C.white);
  return b.build();
}

export const zebraGeometry = () => cachedGeometry('zebra', buildZebra);

export function Zebra({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={zebraGeometry()} {...props} />;
}
