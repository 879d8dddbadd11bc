import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';

const KEYS: Record<string, [number, number]> = {
  KeyW: [0, -1], ArrowUp: [0, -1], KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0], KeyD: [1, 0], ArrowRight: [1, 0],
};
const SPEED = 2.5; // m/s, walking-ish
const scratch = new Vector3();
const forward = new Vector3();
const right = new Vector3();

/**
 * Desktop and kiosk movement, never inside an XR session: drag (mouse or touch) to look around,
 * WASD/arrows to walk — only while the 3D view has focus, so the arrow keys still move through the
 * page elsewhere — and a click on the floor to walk there.
 */
export function DesktopControls({ target, walkTo }: { target: [number, number, number]; walkTo: { current: Vector3 | null } }) {
  const controls = useRef<OrbitControlsImpl>(null);
  const held = useRef(new Set<string>());
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const el = gl.domElement;
    el.tabIndex = 0;
    const down = (e: KeyboardEvent) => {
      if (KEYS[e.code]) {
        held.current.add(e.code);
        e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => held.current.delete(e.code);
    const blur = () => held.current.clear();
    el.addEventListener('keydown', down);
    el.addEventListener('keyup', up);
    el.addEventListener('blur', blur);
    return () => {
      el.removeEventListener('keydown', down);
      el.removeEventListener('keyup', up);
      el.removeEventListener('blur', blur);
    };
  }, [gl]);
  useFrame(({ camera }, dt) => {
    const c = controls.current;
    if (!c) return;
    let dx = 0;
    let dz = 0;
    for (const k of held.current) {
      dx += KEYS[k]![0];
      dz += KEYS[k]![1];
    }
    scratch.set(0, 0, 0);
    if (dx || dz) {
      camera.getWorldDirection(forward);
      forward.y = 0;
      forward.normalize();
      right.set(-forward.z, 0, forward.x);
      scratch.addScaledVector(right, dx).addScaledVector(forward, -dz).normalize().multiplyScalar(SPEED * dt);
      walkTo.current = null;
    } else if (walkTo.current) {
      scratch.set(walkTo.current.x - c.target.x, 0, walkTo.current.z - c.target.z);
      const d = scratch.length();
      if (d < 0.05) walkTo.current = null;
      else scratch.multiplyScalar(Math.min(1, (SPEED * 1.5 * dt) / d));
    }
    if (scratch.lengthSq() > 0) {
      camera.position.add(scratch);
      c.target.add(scratch);
    }
    c.update();
  });
  return (
    <OrbitControls
      ref={controls}
      target={target}
      enablePan={false}
      enableDamping
      minDistance={1.5}
      maxDistance={9}
      minPolarAngle={0.6}
      maxPolarAngle={1.5}
    />
  );
}
