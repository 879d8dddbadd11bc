import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, pick, SHIRTS, TROUSERS } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { person } from './person.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** School child, about 1.2 m, yellow safety cap and backpack, walking towards +x. */
export function buildChild(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  const f = person(b, {
    height: 1.16,
    head: 1.3,
    skin: pick(C.skin, variant),
    hair: pick(C.hair, variant),
    shirt: pick(SHIRTS, variant + 2),
    trousers: pick(TROUSERS, variant + 1),
    pose: 'walk',
    hatted: true,
  });
  const [hx, hy] = f.headCentre;
  const r = f.headRadius;
  // yellow cap with a brim to the front
  b.sphere(r * 1.08, [hx - r * 0.05, hy + r * 0.1, 0], C.yellow, { w: 10, h: 5, half: true });
  b.box([r * 0.9, r * 0.12, r * 1.5], [hx + r * 0.95, hy + r * 0.12, 0], C.yellow);
  // backpack on the back (−x)
  const k = f.k;
  b.slab(-f.torso.d - 0.14 * k, -f.torso.d, 1.0 * k, 1.38 * k, -0.16 * k, 0.16 * k, pick(['#d7263d', '#2e6fd0', '#8e5bd6'], variant));
  return b.build();
}

export const childGeometry = (variant = 0) => cachedGeometry(`child:${variant % 12}`, () => buildChild(variant));

export function Child({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={childGeometry(variant)} {...props} />;
}
