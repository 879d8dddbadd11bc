import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, pick } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Five-storey block, 10 m deep (x) × 12 m wide (z) × 15 m, entrance on its front (+x). */
export function buildBuilding(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  const facade = pick(C.facade, variant);
  const X = 5;
  const Z = 6;
  b.slab(-X, X, 0, 15, -Z, Z, facade);
  b.slab(-X - 0.1, X + 0.1, 15, 15.5, -Z - 0.1, Z + 0.1, C.lightGrey);
  for (let floor = 0; floor < 5; floor++) {
    const y0 = floor * 3 + 0.9;
    const y1 = y0 + 1.5;
    if (floor > 0) {
      b.slab(-X - 0.02, X + 0.02, y0, y1, -Z + 0.6, Z - 0.6, C.glassLight); // front and back
      b.slab(-X + 0.6, X - 0.6, y0, y1, -Z - 0.02, Z + 0.02, C.glassLight); // sides
      for (let z = -Z + 2; z < Z - 0.5; z += 2) b.slab(-X - 0.04, X + 0.04, y0, y1, z - 0.08, z + 0.08, facade);
      for (let x = -X + 2; x < X - 0.5; x += 2) b.slab(x - 0.08, x + 0.08, y0, y1, -Z - 0.04, Z + 0.04, facade);
    }
  }
  // ground floor: shop window and door at the front, canopy
  b.slab(X - 0.02, X + 0.03, 0.3, 2.6, -Z + 0.6, -1.4, C.glassLight);
  b.slab(X - 0.02, X + 0.03, 0, 2.4, -1.0, 1.0, C.glass);
  b.slab(X - 0.02, X + 0.03, 0.3, 2.6, 1.4, Z - 0.6, C.glassLight);
  b.slab(X, X + 1.2, 2.8, 2.95, -Z + 0.4, Z - 0.4, C.darkGrey);
  return b.build();
}

export const buildingGeometry = (variant = 0) => cachedGeometry(`building:${variant % 3}`, () => buildBuilding(variant));

export function Building({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={buildingGeometry(variant)} {...props} />;
}
