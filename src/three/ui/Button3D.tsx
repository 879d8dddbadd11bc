import type { ThreeEvent } from '@react-three/fiber';
import { useRef, useState } from 'react';
import type { Group } from 'three';
import { Label3D, useBatchFace } from './Label3D.tsx';
import { usePanelText } from './panelText.ts';

export interface Button3DProps {
  /** scene name `button:<id>`: tests and the benchmark find and aim at buttons by it */
  id: string;
  label: string;
  position?: [number, number, number];
  width?: number;
  height?: number;
  selected?: boolean;
  disabled?: boolean;
  onClick: () => void;
}

/**
 * A flat button in 3D: works with controller rays, hand rays and pokes, mouse and touch alike. On a
 * panel its face and label are drawn by the panel's batch; its own plane stays as the (invisible)
 * target the pointers hit.
 */
export function Button3D({ id, label, position = [0, 0, 0], width = 0.36, height = 0.09, selected = false, disabled = false, onClick }: Button3DProps) {
  const [hover, setHover] = useState(false);
  const { font, size } = usePanelText();
  const click = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (!disabled) onClick();
  };
  const bg = disabled ? '#3b4a55' : selected ? '#ffd43b' : hover ? '#2f6d93' : '#1f4560';
  const at = useRef<Group>(null);
  const batched = useBatchFace(at, width, height, bg);
  return (
    <group ref={at} position={position}>
      <mesh
        name={`button:${id}`}
        visible={!batched}
        onClick={click}
        onPointerOver={(e) => {
          e.stopPropagation();
          setHover(true);
        }}
        onPointerOut={() => setHover(false)}
      >
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color={bg} />
      </mesh>
      <Label3D font={font} fontSize={Math.min(height * 0.42, 0.034 * size)} maxWidth={width * 0.92} position={[0, 0, 0.002]} color={selected ? '#1b1b1b' : '#ffffff'} anchorX="center" anchorY="middle" textAlign="center">
        {label}
      </Label3D>
    </group>
  );
}
