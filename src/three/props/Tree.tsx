import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, pick } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Street tree, about 5 m, crown of three low-poly blobs. */
export function buildTree(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  b.rod([0, 0, 0], [0, 2.4, 0], 0.14, C.trunk, 7);
  b.blob(1.4, [0, 3.1, 0], pick(C.leaves, variant), [1, 0.85, 1]);
  b.blob(1.0, [0.45, 4.0, 0.25], pick(C.leaves, variant + 1));
  b.blob(0.85, [-0.55, 3.7, -0.35], pick(C.leaves, variant + 2));
  return b.build();
}

export const treeGeometry = (variant = 0) => cachedGeometry(`tree:${variant % 3}`, () => buildTree(variant));

export function Tree({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={treeGeometry(variant)} {...props} />;
}
