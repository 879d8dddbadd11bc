import { useState } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { Label3D } from '../ui/Label3D.tsx';

export interface PortalProps {
  zoneId: string;
  position: [number, number, number];
  rotationY: number;
  color: string;
  title: string;
  summary: string;
  font: string;
  scale: number;
  broken: boolean;
  active?: boolean;
  onPick: () => void;
}

/** One zone's door in the lobby: a coloured arch, a glowing pane to click, its name and its promise. */
export function Portal({ zoneId, position, rotationY, color, title, summary, font, scale, broken, active = false, onPick }: PortalProps) {
  const [hover, setHover] = useState(false);
  const pick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    onPick();
  };
  return (
    <group position={position} rotation={[0, rotationY, 0]}>
      <mesh position={[0, 1.5, 0]} raycast={() => null}>
        <torusGeometry args={[1.1, 0.09, 8, 32, Math.PI]} />
        <meshStandardMaterial color={broken ? '#666666' : color} emissive={broken ? '#000000' : color} emissiveIntensity={hover || active ? 0.9 : 0.35} />
      </mesh>
      <mesh
        name={`portal-pane-${zoneId}`}
        position={[0, 1.05, 0]}
        onClick={pick}
        onPointerOver={() => setHover(true)}
        onPointerOut={() => setHover(false)}
      >
        <planeGeometry args={[2.1, 2.1]} />
        <meshBasicMaterial color={broken ? '#333333' : color} transparent opacity={hover || active ? 0.55 : 0.3} />
      </mesh>
      {/* sized to be read from the lobby's default camera (≈ 7 m away on a desktop or a kiosk) */}
      <Label3D font={font} fontSize={0.32 * scale} maxWidth={2.4} textAlign="center" position={[0, 2.75, 0]} color="#ffffff" anchorX="center" anchorY="bottom" outlineWidth={0.012} outlineColor="#000000">
        {title}
      </Label3D>
      <Label3D font={font} fontSize={0.24 * scale} maxWidth={2} position={[0, 1.05, 0.01]} color="#ffffff" anchorX="center" anchorY="middle" textAlign="center" lineHeight={1.3} outlineWidth={0.01} outlineColor="#000000">
        {summary}
      </Label3D>
    </group>
  );
}
