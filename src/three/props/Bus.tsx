import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';
import { axle, frontFace, rearFace } from './vehicleParts.ts';

/** City bus, 12 × 2.5 × 3.3 m, nose towards +x, doors on its right-hand side (+z). */
export function buildBus(): BufferGeometry {
  const b = new PartBuilder();
  const hw = 1.25;
  const green = '#1e9e6a';
  b.slab(-6, 6, 0.35, 1.2, -hw, hw, green);
  b.slab(-6, 6, 1.2, 3.1, -hw + 0.02, hw - 0.02, C.white);
  b.slab(-5.95, 5.95, 3.1, 3.16, -hw + 0.05, hw - 0.05, C.lightGrey);
  b.slab(-2.2, 1.2, 3.16, 3.36, -0.8, 0.8, C.lightGrey); // roof air-conditioning
  // window band, pillars
  b.slab(-5.7, 5.0, 1.3, 2.6, -hw - 0.005, hw + 0.005, C.glass);
  for (let x = -5.1; x < 4.6; x += 1.35) b.slab(x - 0.07, x + 0.07, 1.3, 2.6, -hw - 0.015, hw + 0.015, C.white);
  // windscreen, destination display, rear window
  b.slab(5.98, 6.02, 1.0, 2.85, -hw + 0.1, hw - 0.1, C.glass);
  b.slab(6.0, 6.03, 2.9, 3.06, -0.9, 0.9, C.black);
  b.slab(6.02, 6.035, 2.94, 3.02, -0.7, 0.7, C.indicator);
  b.slab(-6.02, -5.98, 1.9, 2.8, -hw + 0.2, hw - 0.2, C.glass);
  // doors on the right-hand side (+z)
  for (const [x0, x1] of [
    [4.55, 5.65],
    [-0.4, 0.7],
  ] as const)
    b.slab(x0, x1, 0.4, 2.6, hw - 0.01, hw + 0.02, C.glassLight);
  axle(b, 3.9, 0.5, 2.0, 0.3);
  axle(b, -3.2, 0.5, 2.0, 0.3, true);
  frontFace(b, 6, hw, 0.75, 0.45, 0.22);
  rearFace(b, -6, hw, 0.9, 0.45);
  return b.build();
}

export const busGeometry = () => cachedGeometry('bus', buildBus);

export function Bus({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={busGeometry()} {...props} />;
}
