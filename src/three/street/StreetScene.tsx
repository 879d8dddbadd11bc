import { useEffect, useMemo } from 'react';
import type { LayoutDef, LayoutInput } from '../../sim/def.ts';
import { noRaycast } from '../props/PropBody.tsx';
import { groundMaterial, paintMaterial } from './materials.ts';
import { buildStreetGeometry, type StreetOptions } from './streetGeometry.ts';

export interface StreetSceneProps extends StreetOptions {
  layout: LayoutDef | LayoutInput;
}

/**
 * The static street of a layout — ground, sidewalks, carriageway, coloured non-motor lanes, kerbs,
 * junction boxes, lane and centre lines, stop lines, zebra crossings — merged into two meshes (two
 * draw calls): ground and paint. Built once per layout; disposed on unmount.
 */
export function StreetScene({ layout, extend, vergeMargin, solidApproach }: StreetSceneProps) {
  const street = useMemo(() => buildStreetGeometry(layout, { extend, vergeMargin, solidApproach }), [layout, extend, vergeMargin, solidApproach]);
  const materials = useMemo(() => ({ ground: groundMaterial(), paint: paintMaterial() }), []);
  useEffect(
    () => () => {
      street.ground.dispose();
      street.paint.dispose();
    },
    [street],
  );
  useEffect(
    () => () => {
      materials.ground.dispose();
      materials.paint.dispose();
    },
    [materials],
  );
  return (
    <group name="street">
      <mesh name="street-ground" geometry={street.ground} material={materials.ground} raycast={noRaycast} dispose={null} />
      <mesh name="street-paint" geometry={street.paint} material={materials.paint} raycast={noRaycast} dispose={null} />
    </group>
  );
}
