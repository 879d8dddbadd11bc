import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, pick } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { person } from './person.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Elderly pedestrian, about 1.6 m, slightly stooped, grey hair, walking stick in the right hand (+z). */
export function buildSenior(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  const f = person(b, {
    height: 1.64,
    skin: pick(C.skin, variant),
    hair: C.greyHair,
    shirt: pick(['#8a6d57', '#5d6d7e', '#7a5c7a'], variant),
    trousers: pick(['#4a4f55', '#3b3a36'], variant),
    pose: 'walk',
    stoop: 0.1,
    stickInRight: true,
  });
  const k = f.k;
  const hand: [number, number, number] = [(0.1 + 0.28) * k, (1.4 - 0.52) * k, 0.27 * k];
  b.rod([hand[0] + 0.08, 0.01, hand[2]], [hand[0] + 0.01, hand[1], hand[2]], 0.014, '#6b4a2f', 6);
  b.rod([hand[0] + 0.01, hand[1], hand[2]], [hand[0] - 0.09, hand[1] + 0.02, hand[2]], 0.016, '#6b4a2f', 6);
  return b.build();
}

export const seniorGeometry = (variant = 0) => cachedGeometry(`senior:${variant % 6}`, () => buildSenior(variant));

export function Senior({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={seniorGeometry(variant)} {...props} />;
}
