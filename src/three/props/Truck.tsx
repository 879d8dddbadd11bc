import type { BufferGeometry } from 'three';
import { cachedGeometry } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder } from './parts.ts';
import { PropBody, type PropProps } from './PropBody.tsx';
import { axle, rearFace, sideGuard, truckCab } from './vehicleParts.ts';

/** Rigid box truck, 9.0 × 2.5 × 3.6 m, high cab at +x (the nose), rear tandem axle. */
export function buildTruck(): BufferGeometry {
  const b = new PartBuilder();
  const hw = 1.25;
  truckCab(b, 4.5, 2.1, 0.85, 3.15, hw - 0.05, '#2e6fd0');
  b.slab(-4.5, 2.4, 0.6, 0.95, -0.5, 0.5, C.chassis);
  // cargo box with a red-and-white conspicuity stripe
  b.slab(-4.5, 2.25, 0.95, 3.6, -hw, hw, '#e3e6e8');
  b.slab(-4.45, 2.2, 1.02, 1.12, -hw - 0.01, hw + 0.01, C.red);
  for (let x = -4.2; x < 2; x += 0.9) b.slab(x, x + 0.45, 1.02, 1.12, -hw - 0.012, hw + 0.012, C.white);
  b.slab(-4.52, -4.48, 1.0, 3.55, -hw + 0.05, hw - 0.05, '#cfd3d6'); // rear doors
  b.slab(-4.54, -4.5, 1.0, 3.55, -0.015, 0.015, C.darkGrey);
  sideGuard(b, -2.3, 1.9, 0.55, hw - 0.08);
  axle(b, 3.45, 0.5, 2.05, 0.32);
  axle(b, -1.85, 0.5, 1.95, 0.32, true);
  axle(b, -3.15, 0.5, 1.95, 0.32, true);
  rearFace(b, -4.5, hw, 0.85, 0.5);
  return b.build();
}

export const truckGeometry = () => cachedGeometry('truck', buildTruck);

export function Truck({ variant: _variant, ...props }: PropProps) {
  return <PropBody geometry={truckGeometry()} {...props} />;
}
