import type { BufferGeometry } from 'three';
import { addEbike } from './Ebike.tsx';
import { cachedGeometry } from './materials.ts';
import { C, pick, SHIRTS, TROUSERS } from './palette.ts';
import { PartBuilder, type Vec3 } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';

/** An adult riding an e-bike (helmet on), about 1.75 m to the helmet top, riding towards +x. */
export function buildEbikeRider(variant = 0): BufferGeometry {
  const b = new PartBuilder();
  addEbike(b, variant);
  const shirt = pick(SHIRTS, variant + 3);
  const trousers = pick(TROUSERS, variant);
  const skin = pick(C.skin, variant);
  const hip: Vec3 = [-0.32, 0.95, 0];
  const shoulder: Vec3 = [-0.18, 1.5, 0];
  for (const side of [-1, 1]) {
    const z = side * 0.11;
    const knee: Vec3 = [0.1, 1.02, side * 0.14];
    const ankle: Vec3 = [0.16, 0.42, side * 0.12];
    b.limb([hip[0], hip[1], z], knee, 0.14, 0.15, trousers);
    b.limb(knee, ankle, 0.12, 0.13, trousers);
    b.box([0.25, 0.08, 0.11], [ankle[0] + 0.05, 0.39, ankle[2]], C.black);
    // arms to the grips
    const sh: Vec3 = [shoulder[0], shoulder[1] - 0.04, side * 0.225];
    const elbow: Vec3 = [0.06, 1.22, side * 0.28];
    const hand: Vec3 = [0.42, 1.0, side * 0.3];
    b.limb(sh, elbow, 0.095, 0.1, shirt);
    b.limb(elbow, hand, 0.08, 0.085, skin);
    b.sphere(0.05, hand, skin, { w: 6, h: 4 });
  }
  b.limb([hip[0], hip[1] - 0.05, 0], shoulder, 0.37, 0.23, shirt);
  b.limb([hip[0] - 0.02, hip[1] - 0.06, 0], [hip[0] + 0.02, hip[1] + 0.08, 0], 0.375, 0.24, trousers);
  const neckTop: Vec3 = [shoulder[0] + 0.04, shoulder[1] + 0.08, 0];
  b.rod([shoulder[0], shoulder[1] - 0.02, 0], neckTop, 0.045, skin, 6);
  const r = 0.105;
  const head: Vec3 = [neckTop[0] + 0.01, neckTop[1] + r * 0.92, 0];
  b.sphere(r, head, skin, { scale: [1, 1.08, 0.95] });
  b.box([0.03, 0.04, 0.03], [head[0] + r * 0.98, head[1] - r * 0.1, 0], skin);
  // helmet (GB 811): shell over the head, short peak at the front
  const helmet = pick(['#f7c600', '#f2f2f0', '#2e6fd0', '#d7263d'], variant);
  b.sphere(r * 1.25, [head[0] - r * 0.08, head[1] + r * 0.05, 0], helmet, { w: 10, h: 5, half: true, scale: [1.08, 1.0, 1] });
  b.box([r * 0.6, r * 0.1, r * 1.6], [head[0] + r * 1.15, head[1] + r * 0.12, 0], helmet, [0, 0, -0.25]);
  b.rod([head[0] + r * 0.2, head[1] + r * 0.05, -r * 0.95], [head[0] + r * 0.2, head[1] - r * 1.0, -r * 0.5], 0.008, C.black, 4);
  b.rod([head[0] + r * 0.2, head[1] + r * 0.05, r * 0.95], [head[0] + r * 0.2, head[1] - r * 1.0, r * 0.5], 0.008, C.black, 4);
  return b.build();
}

export const ebikeRiderGeometry = (variant = 0) => cachedGeometry(`ebike-rider:${variant % 12}`, () => buildEbikeRider(variant));

export function EbikeRider({ variant = 0, ...props }: PropProps) {
  return <PropBody geometry={ebikeRiderGeometry(variant)} {...props} />;
}
