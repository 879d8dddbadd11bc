import { useFrame, useThree } from '@react-three/fiber';
import { useRef, type RefObject } from 'react';
import type { Group, Mesh, MeshBasicMaterial } from 'three';

/**
 * Comfort vignette: a dark ring fixed to the head that closes in while the visitor's origin moves or
 * turns (teleport, snap turn, stick movement) and fades out after. Done as geometry, not
 * post-processing, which renders black in XR. No allocation per frame.
 */
export function Vignette({ origin, enabled }: { origin: RefObject<Group | null>; enabled: boolean }) {
  const camera = useThree((s) => s.camera);
  const ring = useRef<Mesh>(null);
  const last = useRef({ x: 0, z: 0, yaw: 0, strength: 0, primed: false });
  useFrame((_, dt) => {
    const o = origin.current;
    const m = ring.current;
    if (!o || !m) return;
    const l = last.current;
    const moved = l.primed && (Math.abs(o.position.x - l.x) > 1e-4 || Math.abs(o.position.z - l.z) > 1e-4 || Math.abs(o.rotation.y - l.yaw) > 1e-4);
    l.x = o.position.x;
    l.z = o.position.z;
    l.yaw = o.rotation.y;
    l.primed = true;
    l.strength = moved ? 1 : Math.max(0, l.strength - dt * 3);
    const mat = m.material as MeshBasicMaterial;
    mat.opacity = enabled ? l.strength * 0.92 : 0;
    m.visible = mat.opacity > 0.01;
    camera.getWorldPosition(m.position);
    camera.getWorldQuaternion(m.quaternion);
    m.translateZ(-0.12);
  });
  return (
    <mesh ref={ring} name="comfort-vignette" renderOrder={1000} frustumCulled={false} visible={false} raycast={() => null}>
      <ringGeometry args={[0.05, 0.6, 48]} />
      <meshBasicMaterial color="#000000" transparent opacity={0} depthTest={false} depthWrite={false} />
    </mesh>
  );
}
