import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { LayoutDef, LayoutInput } from '../../sim/def.ts';
import { noRaycast } from '../props/PropBody.tsx';
import { planSignals } from './signalPlan.ts';
import { SignalRig, type SignalSource } from './signalRig.ts';
import { toLayoutDef } from './streetGeometry.ts';

export interface SignalHeadsProps {
  layout: LayoutDef | LayoutInput;
  /** the world whose signals the lamps show (read every frame) */
  world: SignalSource;
}

/**
 * Signal poles and lamp heads of a layout (vehicle, non-motor and pedestrian heads), lit from
 * `world.signalState` every frame: instance colours of shared lamp meshes change when a head
 * changes colour; no React state, no allocation per frame. Four draw calls in all.
 */
export function SignalHeads({ layout, world }: SignalHeadsProps) {
  const rig = useMemo(() => new SignalRig(planSignals(toLayoutDef(layout))), [layout]);
  useEffect(() => () => rig.dispose(), [rig]);
  useFrame(() => rig.update(world));
  return (
    <group name="signal-heads">
      <mesh name="signal-housings" geometry={rig.body} material={rig.bodyMaterial} raycast={noRaycast} dispose={null} />
      {rig.lamps.map((lamp) => (
        <primitive key={lamp.name} object={lamp} dispose={null} />
      ))}
    </group>
  );
}
