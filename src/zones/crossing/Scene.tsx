// What the crossing zone draws besides the street: the goal of the current task on the far kerb — a
// yellow ring on the pavement with a post and a bobbing arrow above it, seen from the near kerb
// over the traffic — so a visitor always knows where the task ends. Hidden during a replay.
import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { useStore } from 'zustand';
import type { Group } from 'three';
import type { ZoneSceneProps } from '../module.ts';
import type { CrossingHud } from './module.ts';
import type { CrossingGame } from './rules.ts';

const GOLD = '#ffd43b';

export default function CrossingScene({ store, replaying }: ZoneSceneProps<CrossingGame>) {
  const goal = useStore(store, (s) => (s.hud as CrossingHud).goal);
  const arrow = useRef<Group>(null);
  useFrame(({ clock }) => {
    if (arrow.current) arrow.current.position.y = 2.6 + Math.sin(clock.elapsedTime * 3) * 0.15;
  });
  if (!goal || replaying) return null;
  const x = (goal[0] + goal[2]) / 2;
  const z = (goal[1] + goal[3]) / 2;
  return (
    <group name="goal-marker" position={[x, 0, z]}>
      <mesh rotation-x={-Math.PI / 2} position-y={0.2}>
        <ringGeometry args={[0.9, 1.25, 32]} />
        <meshBasicMaterial color={GOLD} />
      </mesh>
      <mesh position-y={1.1}>
        <cylinderGeometry args={[0.06, 0.06, 2.2, 8]} />
        <meshBasicMaterial color={GOLD} />
      </mesh>
      <group ref={arrow}>
        <mesh rotation-x={Math.PI}>
          <coneGeometry args={[0.45, 0.8, 4]} />
          <meshBasicMaterial color={GOLD} />
        </mesh>
      </group>
    </group>
  );
}
