import { Text } from '@react-three/drei';
import type { ReactNode } from 'react';
import { usePanelText } from './panelText.ts';

/** A readable slab for 3D screens: dark background, title, children laid out by the caller. */
export function Panel3D({ title, width, height, children, position = [0, 0, 0], name }: { title?: string; width: number; height: number; children?: ReactNode; position?: [number, number, number]; name?: string }) {
  const { font, size } = usePanelText();
  return (
    <group position={position} name={name}>
      <mesh position={[0, 0, -0.004]} raycast={() => null}>
        <planeGeometry args={[width, height]} />
        <meshBasicMaterial color="#14324a" transparent opacity={0.94} />
      </mesh>
      {title && (
        <Text font={font} fontSize={0.05 * size} overflowWrap="break-word" maxWidth={width - 0.08} position={[0, height / 2 - 0.06 * size, 0]} color="#ffffff" anchorX="center" anchorY="top" textAlign="center" raycast={() => null}>
          {title}
        </Text>
      )}
      {children}
    </group>
  );
}

/** Body text in a panel, wrapped to a width. */
export function Body3D({ children, position, width, anchorY = 'top', color = '#dce8f0', scale = 1 }: { children: string; position: [number, number, number]; width: number; anchorY?: 'top' | 'middle'; color?: string; scale?: number }) {
  const { font, size } = usePanelText();
  return (
    <Text font={font} fontSize={0.032 * size * scale} overflowWrap="break-word" maxWidth={width} position={position} color={color} anchorX="center" anchorY={anchorY} textAlign="left" lineHeight={1.35} raycast={() => null}>
      {children}
    </Text>
  );
}
