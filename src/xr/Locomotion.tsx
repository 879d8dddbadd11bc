import { TeleportTarget, useXRControllerLocomotion } from '@react-three/xr';
import type { RefObject } from 'react';
import type { Group, Vector3 } from 'three';
import type { Comfort } from '../storage/types.ts';
import { SEATED_LIFT_M } from './comfort.ts';

/**
 * Snap turn on the right stick (30/45/90°), smooth movement on the left stick only when chosen
 * (off by default: it is the most common cause of VR sickness), teleport via the left trigger's arc.
 */
export function Locomotion({ origin, comfort }: { origin: RefObject<Group | null>; comfort: Comfort }) {
  useXRControllerLocomotion(origin, comfort.smoothMove ? { speed: 1.5 } : false, { type: 'snap', degrees: comfort.snapDegrees, deadZone: 0.5 }, 'left');
  return null;
}

/** The floor as a teleport target: a valid target shows the arc landing on it; elsewhere nothing. */
export function TeleportFloor({ origin, seated }: { origin: RefObject<Group | null>; seated: boolean }) {
  const onTeleport = (p: Vector3) => {
    origin.current?.position.set(p.x, seated ? SEATED_LIFT_M : 0, p.z);
  };
  return (
    <TeleportTarget onTeleport={onTeleport}>
      <mesh name="teleport-floor" rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.01, 0]}>
        <circleGeometry args={[9, 48]} />
        <meshBasicMaterial transparent opacity={0} depthWrite={false} />
      </mesh>
    </TeleportTarget>
  );
}
