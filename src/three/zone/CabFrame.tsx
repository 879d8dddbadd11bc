// The cab of the vehicle a replay is seen from (trucks: cab over engine), drawn around the camera:
// its walls, door pillars and roof hide what its driver cannot see directly, so the visitor sees
// the blind zone from the inside. One draw call; placed every frame from the replay.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, type Group } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { CabSpec } from '../../sim/geometry/blindZone.ts';
import { coloured, propMaterial } from '../props/materials.ts';
import { noRaycast } from '../props/PropBody.tsx';
import { cabPanels } from './cabPanels.ts';

export interface CabPose {
  /** the vehicle's middle, its sim heading, and body length */
  x: number;
  z: number;
  heading: number;
  length: number;
  visible: boolean;
}

export function CabFrame({ cab, width, pose }: { cab: CabSpec; width: number; pose: CabPose }) {
  const root = useRef<Group>(null);
  const { geometry, material } = useMemo(() => {
    const parts = cabPanels(cab, width).map((b) => new BoxGeometry(b.u1 - b.u0, b.y1 - b.y0, b.v1 - b.v0).translate((b.u0 + b.u1) / 2, (b.y0 + b.y1) / 2, (b.v0 + b.v1) / 2));
    const merged = mergeGeometries(parts, false)!;
    for (const p of parts) p.dispose();
    // the props' shared material (no program of its own); the panels are boxes, so their inner
    // faces face the driver and one side is enough
    return { geometry: coloured(merged, '#4b5661'), material: propMaterial() };
  }, [cab, width]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useFrame(() => {
    const r = root.current;
    if (!r) return;
    r.visible = pose.visible;
    // the cab's frame starts at the front bumper: half a body ahead of the middle
    const c = Math.cos(pose.heading);
    const s = Math.sin(pose.heading);
    r.position.set(pose.x + (c * pose.length) / 2, 0, pose.z + (s * pose.length) / 2);
    r.rotation.set(0, -pose.heading, 0);
  });
  return (
    <group ref={root} name="replay-cab">
      <mesh geometry={geometry} material={material} raycast={noRaycast} />
    </group>
  );
}
