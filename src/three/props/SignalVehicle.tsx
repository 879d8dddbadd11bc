import { BufferGeometry, CylinderGeometry } from 'three';
import { basicMaterial, cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { noRaycast, PropBody, type PropProps } from './PropBody.tsx';

export type VehicleLamp = 'red' | 'yellow' | 'green' | 'none';

/** Lamp centres (y, metres) and colours; the housing's face is at x = 0.3. */
export const VEHICLE_LAMPS = {
  red: { y: 3.35, on: '#ff3b30', off: '#4a1512' },
  yellow: { y: 3.05, on: '#ffc800', off: '#4a3a10' },
  green: { y: 2.75, on: '#2bd66b', off: '#0f3a22' },
} as const;

/** Vehicle signal: a 3.7 m pole with a three-lamp head (red on top) looking towards +x. */
export function buildSignalVehicle(): BufferGeometry {
  const b = new PartBuilder();
  b.cyl(0.2, 0.24, 0.1, [-0.1, 0.05, 0], C.darkGrey, { segments: 10 });
  b.rod([-0.1, 0, 0], [-0.1, 3.75, 0], 0.08, C.grey, 10);
  b.slab(-0.1, 0.02, 2.9, 3.2, -0.06, 0.06, C.grey); // bracket
  b.slab(0.02, 0.05, 2.42, 3.68, -0.3, 0.3, C.black); // back plate
  b.slab(0.05, 0.3, 2.55, 3.55, -0.18, 0.18, '#26282b'); // housing
  for (const lamp of Object.values(VEHICLE_LAMPS)) {
    b.cyl(0.11, 0.11, 0.02, [0.31, lamp.y, 0], lamp.off, { axis: 'x', segments: 14 });
    b.slab(0.3, 0.5, lamp.y + 0.125, lamp.y + 0.145, -0.15, 0.15, C.black); // visor
  }
  return b.build();
}

export const signalVehicleGeometry = () => cachedGeometry('signal-vehicle', buildSignalVehicle);
export const lampDiscGeometry = () => cachedGeometry('signal-lamp-disc', () => new CylinderGeometry(0.112, 0.112, 0.01, 14).rotateZ(-Math.PI / 2));

/** `lit` chooses the lamp that is on (default green). */
export function SignalVehicle({ variant: _variant, lit = 'green', ...props }: PropProps & { lit?: VehicleLamp }) {
  const lamp = lit === 'none' ? null : VEHICLE_LAMPS[lit];
  return (
    <PropBody geometry={signalVehicleGeometry()} {...props}>
      {lamp && <mesh geometry={lampDiscGeometry()} material={basicMaterial(lamp.on)} position={[0.325, lamp.y, 0]} raycast={noRaycast} />}
    </PropBody>
  );
}
