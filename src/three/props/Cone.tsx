import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Traffic cone, 0.7 m, square base, two reflective bands. Symmetric (rotationY does not matter). */
export function buildCone(): BufferGeometry {
  const b = new PartBuilder();
  b.slab(-0.19, 0.19, 0, 0.035, -0.19, 0.19, C.black);
  const h = 0.66;
  const r0 = 0.16;
  const r1 = 0.025;
  const r = (y: number) => r0 + ((r1 - r0) * y) / h;
  b.cyl(r1, r0, h, [0, 0.035 + h / 2, 0], C.orange, { segments: 12 });
  for (const [y0, y1] of [
    [0.3, 0.38],
    [0.45, 0.52],
  ] as const)
    b.cyl(r(y1) + 0.004, r(y0) + 0.004, y1 - y0, [0, 0.035 + (y0 + y1) / 2, 0], C.reflective, { segments: 12 });
  return b.build();
}

export const coneGeometry = () => cachedGeometry('cone', buildCone);

export function Cone({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={coneGeometry()} {...props} />;
}
