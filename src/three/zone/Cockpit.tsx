// The rider's cockpit: handlebar, grips and a small speed bar, moving with the bike. In a headset
// a fixed frame of reference in view is what keeps riding through a moving street comfortable; on
// a screen it shows where the bike points and how fast it goes. Four draw calls.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Color, CylinderGeometry, type Group, type Mesh, MeshBasicMaterial } from 'three';
import { coloured, propMaterial } from '../props/materials.ts';
import { noRaycast } from '../props/PropBody.tsx';

export interface CockpitPose {
  x: number;
  z: number;
  /** sim heading, rad */
  heading: number;
  /** m/s */
  speed: number;
  /** the lane's limit, m/s (Infinity for none) */
  limit: number;
  /** front-wheel angle, rad (+ = right): the bar turns with it */
  steer: number;
}

const GAUGE_WIDTH = 0.16;

/**
 * `pose` is read every frame (a mutable object the zone updates). The bar sits `barHeight` over
 * the ground and `ahead` in front of the rider's eye: where a real one is in a headset; a little
 * further out on a flat screen, whose narrower view would otherwise leave it out of the picture.
 */
export function Cockpit({ pose, barHeight = 1.02, ahead = 0.5 }: { pose: CockpitPose; barHeight?: number; ahead?: number }) {
  const root = useRef<Group>(null);
  const bar = useRef<Group>(null);
  const gauge = useRef<Mesh>(null);
  const parts = useMemo(() => {
    // metal and rubber as vertex colours on the props' shared material: no shader program of their own
    const body = propMaterial();
    const fill = new MeshBasicMaterial({ color: '#51cf66' });
    const within = new Color('#51cf66');
    const over = new Color('#ff922b');
    const barGeo = coloured(new CylinderGeometry(0.014, 0.014, 0.62, 10).rotateZ(Math.PI / 2), '#3b4550');
    const gripGeo = coloured(new CylinderGeometry(0.02, 0.02, 0.12, 10).rotateZ(Math.PI / 2), '#111417');
    const dashGeo = coloured(new BoxGeometry(GAUGE_WIDTH + 0.03, 0.05, 0.012), '#111417');
    const fillGeo = new BoxGeometry(GAUGE_WIDTH, 0.022, 0.006).translate(GAUGE_WIDTH / 2, 0, 0);
    return { body, fill, within, over, barGeo, gripGeo, dashGeo, fillGeo };
  }, []);

  useEffect(
    () => () => {
      for (const d of [parts.fill, parts.barGeo, parts.gripGeo, parts.dashGeo, parts.fillGeo]) d.dispose();
    },
    [parts],
  );

  useFrame(() => {
    const r = root.current;
    if (!r) return;
    r.position.set(pose.x, 0, pose.z);
    r.rotation.set(0, -pose.heading - Math.PI / 2, 0);
    if (bar.current) bar.current.rotation.y = -pose.steer * 0.6;
    const g = gauge.current;
    if (g) {
      const top = Number.isFinite(pose.limit) ? pose.limit * 1.6 : 25 / 3.6;
      g.scale.x = Math.max(0.001, Math.min(1, pose.speed / top));
      parts.fill.color.copy(Number.isFinite(pose.limit) && pose.speed > pose.limit + 0.15 ? parts.over : parts.within);
    }
  });

  return (
    <group ref={root} name="cockpit">
      <group ref={bar} position={[0, barHeight, -ahead]}>
        <mesh geometry={parts.barGeo} material={parts.body} raycast={noRaycast} />
        <mesh geometry={parts.gripGeo} material={parts.body} position={[-0.27, 0, 0]} raycast={noRaycast} />
        <mesh geometry={parts.gripGeo} material={parts.body} position={[0.27, 0, 0]} raycast={noRaycast} />
        <group position={[0, 0.07, 0.02]} rotation={[-0.6, 0, 0]}>
          <mesh geometry={parts.dashGeo} material={parts.body} raycast={noRaycast} />
          <mesh ref={gauge} geometry={parts.fillGeo} material={parts.fill} position={[-GAUGE_WIDTH / 2, 0, 0.008]} raycast={noRaycast} />
        </group>
      </group>
    </group>
  );
}
