import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { person } from './person.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/**
 * Traffic police officer, 1.75 m, facing +x: white cap, reflective vest, white gloves, left arm
 * raised straight up (the stop signal: traffic in front must stop).
 */
export function buildPoliceOfficer(o: { arms?: boolean } = {}): BufferGeometry {
  const b = new PartBuilder();
  const f = person(b, {
    arms: o.arms,
    height: 1.75,
    skin: C.skin[0],
    hair: C.hair[0],
    shirt: C.policeShirt,
    trousers: C.police,
    pose: 'stand',
    raiseLeftArm: o.arms !== false,
    hands: C.white,
    hatted: true,
  });
  const k = f.k;
  const [hx, hy] = f.headCentre;
  const r = f.headRadius;
  // white peaked cap: crown, dark band, black peak
  b.cyl(r * 1.18, r * 1.0, r * 0.55, [hx - r * 0.05, hy + r * 0.62, 0], C.white, { segments: 12 });
  b.cyl(r * 1.02, r * 1.02, r * 0.22, [hx - r * 0.05, hy + r * 0.28, 0], C.police, { segments: 12 });
  b.box([r * 0.7, r * 0.08, r * 1.4], [hx + r * 0.9, hy + r * 0.2, 0], C.black, [0, 0, -0.2]);
  b.box([r * 0.12, r * 0.16, r * 0.3], [hx + r * 1.0, hy + r * 0.45, 0], C.yellow); // badge
  // reflective vest over the shirt: fluorescent body, two silver bands, braces
  const x0 = -f.torso.d - 0.012;
  const x1 = f.torso.d + 0.012;
  const w = f.torso.w + 0.012;
  b.slab(x0, x1, 0.86 * k, 1.38 * k, -w, w, C.vest);
  for (const y of [0.98, 1.1]) b.slab(x0 - 0.004, x1 + 0.004, y * k, (y + 0.045) * k, -w - 0.004, w + 0.004, C.reflective);
  for (const side of [-1, 1]) b.slab(x0 - 0.004, x1 + 0.004, 1.14 * k, 1.4 * k, side * 0.11 * k - 0.025, side * 0.11 * k + 0.025, C.reflective);
  b.slab(-f.torso.d - 0.01, f.torso.d + 0.01, 0.84 * k, 0.89 * k, -w, w, C.white); // belt
  return b.build();
}

export const policeOfficerGeometry = () => cachedGeometry('police-officer', () => buildPoliceOfficer());

/** The officer without arms, for a model whose arms are animated (the signals zone's officer). */
export const policeOfficerBodyGeometry = () => cachedGeometry('police-officer-body', () => buildPoliceOfficer({ arms: false }));

/** One straight arm of that officer, 0.6 m from the shoulder (origin) down −y to a white glove. */
export const policeArmGeometry = () =>
  cachedGeometry('police-arm', () => {
    const b = new PartBuilder();
    b.limb([0, 0, 0], [0, -0.3, 0], 0.095, 0.1, C.policeShirt);
    b.limb([0, -0.3, 0], [0, -0.56, 0], 0.08, 0.085, C.policeShirt);
    b.sphere(0.05, [0, -0.6, 0], C.white, { w: 6, h: 4 });
    return b.build();
  });

export function PoliceOfficer({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={policeOfficerGeometry()} {...props} />;
}
