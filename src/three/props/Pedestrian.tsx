import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C, pick, SHIRTS, TROUSERS } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { person } from './person.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** Adult pedestrian, 1.70 m, walking towards +x. */
export function buildPedestrian(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  person(b, {
    height: 1.7,
    skin: pick(C.skin, variant),
    hair: pick(C.hair, variant),
    shirt: pick(SHIRTS, variant),
    trousers: pick(TROUSERS, variant),
    pose: 'walk',
  });
  return b.build();
}

export const pedestrianGeometry = (variant = 0) => cachedGeometry(`pedestrian:${variant % 12}`, () => buildPedestrian(variant));

export function Pedestrian({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={pedestrianGeometry(variant)} {...props} />;
}
