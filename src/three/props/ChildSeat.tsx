import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Forward-facing child safety seat, about 0.5 × 0.45 × 0.75 m; the child would face +x. */
export function buildChildSeat(): BufferGeometry {
  const b = new PartBuilder();
  const shell = '#2f3640';
  const pad = '#d7263d';
  b.slab(-0.26, 0.24, 0, 0.12, -0.22, 0.22, C.darkGrey); // base
  b.slab(-0.2, 0.22, 0.12, 0.22, -0.17, 0.17, pad); // cushion
  b.limb([-0.2, 0.16, 0], [-0.28, 0.7, 0], 0.4, 0.08, shell); // back
  b.limb([-0.17, 0.22, 0], [-0.22, 0.62, 0], 0.32, 0.03, pad); // back padding
  for (const side of [-1, 1]) {
    b.slab(-0.22, 0.18, 0.12, 0.4, side * 0.17 - 0.025, side * 0.17 + 0.025, shell); // side wing
    b.slab(-0.14, 0.16, 0.32, 0.36, side * 0.17 - 0.035, side * 0.17 + 0.035, pad); // armrest
    b.limb([-0.24, 0.48, side * 0.17], [-0.28, 0.76, side * 0.17], 0.05, 0.2, shell); // head wings
    b.limb([-0.18, 0.56, side * 0.07], [-0.04, 0.25, side * 0.04], 0.04, 0.01, C.black); // harness
  }
  b.limb([-0.25, 0.55, 0], [-0.29, 0.76, 0], 0.3, 0.1, pad); // headrest
  b.slab(-0.04, 0.02, 0.22, 0.3, -0.03, 0.03, C.red); // buckle
  return b.build();
}

export const childSeatGeometry = () => cachedGeometry('child-seat', buildChildSeat);

export function ChildSeat({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={childSeatGeometry()} {...props} />;
}
