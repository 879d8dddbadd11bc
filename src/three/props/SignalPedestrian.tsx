import type { BufferGeometry } from 'three';
import { basicMaterial, cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { noRaycast, PropBody, type PropProps } from './PropBody.tsx';

export type PedestrianLamp = 'red' | 'green' | 'none';

/** Box centres (y) and colours; box faces at x = 0.22. Red standing man on top, green walking man below. */
export const PEDESTRIAN_LAMPS = {
  red: { y: 2.35, on: '#ff3b30', off: '#4a1512' },
  green: { y: 1.95, on: '#2bd66b', off: '#0f3a22' },
} as const;

/** A little man drawn flat on a lamp face (the y–z plane at x = 0), 0.3 m tall, centred at the origin. */
function addFigure(b: PartBuilder, kind: 'stand' | 'walk', color: string, x = 0, y = 0): void {
  const d = 0.008;
  b.box([d, 0.055, 0.055], [x, y + 0.115, 0], color);
  if (kind === 'stand') {
    b.box([d, 0.13, 0.075], [x, y + 0.02, 0], color);
    b.box([d, 0.12, 0.028], [x, y - 0.1, -0.02], color);
    b.box([d, 0.12, 0.028], [x, y - 0.1, 0.02], color);
    b.box([d, 0.12, 0.022], [x, y + 0.015, -0.05], color);
    b.box([d, 0.12, 0.022], [x, y + 0.015, 0.05], color);
  } else {
    // walking towards the viewer's right (−z)
    b.limb([x, y + 0.08, 0.005], [x, y - 0.04, -0.01], 0.06, d, color);
    b.limb([x, y - 0.03, -0.005], [x, y - 0.15, -0.06], 0.03, d, color);
    b.limb([x, y - 0.03, 0.0], [x, y - 0.15, 0.05], 0.03, d, color);
    b.limb([x, y + 0.07, 0.0], [x, y - 0.01, -0.065], 0.025, d, color);
    b.limb([x, y + 0.07, 0.0], [x, y - 0.01, 0.06], 0.025, d, color);
  }
}

/** Pedestrian signal: a 2.6 m pole with two lamp boxes looking towards +x. */
export function buildSignalPedestrian(): BufferGeometry {
  const b = new PartBuilder();
  b.cyl(0.16, 0.2, 0.1, [-0.08, 0.05, 0], C.darkGrey, { segments: 10 });
  b.rod([-0.08, 0, 0], [-0.08, 2.6, 0], 0.06, C.grey, 10);
  b.slab(0.0, 0.22, 1.74, 2.56, -0.2, 0.2, '#26282b');
  for (const [kind, lamp] of [
    ['stand', PEDESTRIAN_LAMPS.red],
    ['walk', PEDESTRIAN_LAMPS.green],
  ] as const) {
    b.slab(0.22, 0.225, lamp.y - 0.17, lamp.y + 0.17, -0.17, 0.17, C.black);
    addFigure(b, kind, lamp.off, 0.228, lamp.y);
    b.slab(0.22, 0.38, lamp.y + 0.19, lamp.y + 0.205, -0.19, 0.19, C.black); // visor
  }
  return b.build();
}

export const signalPedestrianGeometry = () => cachedGeometry('signal-pedestrian', buildSignalPedestrian);
const figureGeometry = (kind: 'stand' | 'walk') =>
  cachedGeometry(`signal-figure:${kind}`, () => {
    const b = new PartBuilder();
    addFigure(b, kind, '#ffffff');
    return b.build();
  });

/** `lit` chooses the figure that is on (default green: walk). */
export function SignalPedestrian({ variant: _variant, lit = 'green', ...props }: PropProps & { lit?: PedestrianLamp }) {
  const lamp = lit === 'none' ? null : PEDESTRIAN_LAMPS[lit];
  return (
    <PropBody geometry={signalPedestrianGeometry()} {...props}>
      {lamp && (
        <mesh geometry={figureGeometry(lit === 'red' ? 'stand' : 'walk')} material={basicMaterial(lamp.on)} position={[0.234, lamp.y, 0]} raycast={noRaycast} />
      )}
    </PropBody>
  );
}
