// The driver's cockpit of a car, moving with it: the bonnet ahead, the dashboard, the windscreen's
// pillars and the roof's edge, the doors' sills, and a steering wheel that turns with the front
// wheels. In a headset this fixed frame of reference is what keeps driving through a moving street
// comfortable (a seated visitor sits in it); on a screen it shows where the car points. A bar on the
// dashboard shows the speed against the limiter. Four draw calls (body, wheel, gauge back, fill).
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, type Group, type Mesh, MeshBasicMaterial, TorusGeometry } from 'three';
import { SPECS } from '../../sim/agents/specs.ts';
import { coloured, propMaterial } from '../props/materials.ts';
import { PartBuilder } from '../props/parts.ts';
import { noRaycast } from '../props/PropBody.tsx';
import type { CockpitPose } from './Cockpit.tsx';

/** the car's middle, heading, speed, front-wheel angle; `limit` is the limiter's speed, m/s */
export type CarPose = CockpitPose;

const CAR = SPECS.car;
/** where the driver sits in the car's frame (x forward from the middle, z right): left seat, a little ahead */
export const DRIVER_SEAT = { ahead: CAR.length * 0.05, lateral: -0.35 };
/** the steering wheel turns this many times the front wheels' angle (a car's steering ratio is about 15; less keeps it calm) */
const WHEEL_RATIO = 10;
const GAUGE_WIDTH = 0.18;
const DARK = '#23272e';
const TRIM = '#3a414b';
const PAINT = '#2f6fb2';

/** The static body around the driver, one vertex-coloured geometry in the car's frame (x forward, z right). */
const RUBBER = '#15181c';

export function carCabinGeometry() {
  const b = new PartBuilder();
  const hw = CAR.width / 2;
  const nose = CAR.length / 2;
  // the bonnet, sloping down to the nose
  b.profile([[0.85, 0.98], [nose - 0.1, 0.82], [nose, 0.62], [0.85, 0.62]], -hw + 0.05, hw - 0.05, PAINT);
  // dashboard under the windscreen
  b.slab(0.42, 0.9, 0.7, 0.98, -hw + 0.08, hw - 0.08, DARK);
  // windscreen pillars and the roof's front edge
  for (const side of [-1, 1]) b.rod([0.88, 0.98, side * (hw - 0.1)], [0.22, 1.42, side * (hw - 0.14)], 0.04, TRIM, 6);
  b.slab(0.05, 0.26, 1.39, 1.47, -hw + 0.1, hw - 0.1, TRIM);
  // the rear-view mirror
  b.box([0.03, 0.07, 0.22], [0.3, 1.33, 0], DARK);
  // the doors up to the window sills
  for (const side of [-1, 1]) b.slab(-1.2, 0.88, 0.5, 0.97, side > 0 ? hw - 0.08 : -hw, side > 0 ? hw : -hw + 0.08, PAINT);
  return b.build();
}

/** `pose` is read every frame (a mutable object the zone updates). */
export function CarCockpit({ pose }: { pose: CarPose }) {
  const root = useRef<Group>(null);
  const wheel = useRef<Group>(null);
  const gauge = useRef<Mesh>(null);
  const parts = useMemo(() => {
    const fill = new MeshBasicMaterial({ color: '#51cf66' });
    const cabin = carCabinGeometry();
    // a rim and a bar across it: the wheel reads as turned at a glance; rubber as vertex colours
    const rim = coloured(new TorusGeometry(0.18, 0.018, 8, 28), RUBBER);
    const spoke = coloured(new BoxGeometry(0.34, 0.03, 0.02), RUBBER);
    const dash = coloured(new BoxGeometry(GAUGE_WIDTH + 0.03, 0.05, 0.012), RUBBER);
    const bar = new BoxGeometry(GAUGE_WIDTH, 0.022, 0.006).translate(GAUGE_WIDTH / 2, 0, 0);
    return { fill, cabin, rim, spoke, dash, bar };
  }, []);
  useEffect(() => () => Object.values(parts).forEach((p) => p.dispose()), [parts]);
  // the cabin's vertex colours and the rubber parts draw with the props' shared material (no program of their own)
  const body = propMaterial();

  useFrame(() => {
    const r = root.current;
    if (!r) return;
    r.position.set(pose.x, 0, pose.z);
    r.rotation.set(0, -pose.heading, 0);
    if (wheel.current) wheel.current.rotation.z = Math.max(-2.5, Math.min(2.5, -pose.steer * WHEEL_RATIO));
    const g = gauge.current;
    if (g) g.scale.x = Math.max(0.001, Math.min(1, pose.speed / (pose.limit * 1.25)));
  });

  // in the car's frame: x forward, z right; the wheel faces the driver (its axis along −x, tilted back)
  return (
    <group ref={root} name="car-cockpit">
      <mesh geometry={parts.cabin} material={body} raycast={noRaycast} />
      <group position={[DRIVER_SEAT.ahead + 0.42, 0.88, DRIVER_SEAT.lateral]} rotation={[0, -Math.PI / 2, 0]}>
        <group rotation={[-0.45, 0, 0]}>
          <group ref={wheel}>
            <mesh geometry={parts.rim} material={body} raycast={noRaycast} />
            <mesh geometry={parts.spoke} material={body} raycast={noRaycast} />
          </group>
          <group position={[0, 0.2, -0.1]}>
            <mesh geometry={parts.dash} material={body} raycast={noRaycast} />
            <mesh ref={gauge} geometry={parts.bar} material={parts.fill} position={[-GAUGE_WIDTH / 2, 0, 0.008]} raycast={noRaycast} />
          </group>
        </group>
      </group>
    </group>
  );
}
