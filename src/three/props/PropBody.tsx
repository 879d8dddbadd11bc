import type { ThreeElements } from '@react-three/fiber';
import type { BufferGeometry } from 'three';
import { propMaterial } from './materials.ts';

/**
 * Props every prop component takes: a group's transform (position, rotation-y …) plus `variant`,
 * which picks a colour scheme (paint, clothes) so that several props of a kind look different.
 */
export type PropProps = Omit<ThreeElements['group'], 'children' | 'id'> & { variant?: number };

/** Never hit by pointer rays: picking goes through the scene's own hit volumes. */
export const noRaycast = () => null;

/** A prop drawn as its one merged, vertex-coloured body (+ optional extra meshes). */
export function PropBody({ geometry, children, ...group }: Omit<ThreeElements['group'], 'children'> & { geometry: BufferGeometry; children?: React.ReactNode }) {
  return (
    <group {...group}>
      <mesh geometry={geometry} material={propMaterial()} raycast={noRaycast} />
      {children}
    </group>
  );
}
