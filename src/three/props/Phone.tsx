import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Smartphone, 16 × 7.5 cm, standing on a little stand and leaning back, screen towards +x. */
export function buildPhone(): BufferGeometry {
  const b = new PartBuilder();
  const a = 0.2; // lean back
  const nx = Math.cos(a);
  const ny = Math.sin(a);
  const cx = 0.0;
  const cy = 0.095;
  b.box([0.009, 0.16, 0.076], [cx, cy, 0], C.black, [0, 0, a]);
  b.box([0.002, 0.145, 0.066], [cx + 0.0055 * nx, cy + 0.0055 * ny, 0], '#3d8bfd', [0, 0, a]);
  // a few app tiles on the screen
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 2; j++) {
      const u = (i - 1) * 0.035; // along the screen, up
      const w = (j - 0.5) * 0.03; // across (z)
      const px = cx + 0.0068 * nx - u * Math.sin(a);
      const py = cy + 0.0068 * ny + u * Math.cos(a) + 0.02;
      b.box([0.001, 0.018, 0.018], [px, py, w], i === 2 && j === 0 ? '#ffd43b' : '#e8f1ff', [0, 0, a]);
    }
  b.slab(-0.06, 0.03, 0, 0.012, -0.04, 0.04, C.darkGrey); // stand
  b.slab(-0.05, -0.03, 0, 0.09, -0.02, 0.02, C.darkGrey);
  return b.build();
}

export const phoneGeometry = () => cachedGeometry('phone', buildPhone);

export function Phone({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={phoneGeometry()} {...props} />;
}
