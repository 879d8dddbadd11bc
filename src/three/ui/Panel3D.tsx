import type { ReactNode } from 'react';
import { Label3D, PanelBatchScope } from './Label3D.tsx';
import { usePanelText } from './panelText.ts';

/**
 * A readable slab for 3D screens: dark background, title, children laid out by the caller. Its
 * labels and button faces (and those of panels inside it) are drawn as one batch (panelBatch.ts).
 */
export function Panel3D({ title, width, height, children, position = [0, 0, 0], name }: { title?: string; width: number; height: number; children?: ReactNode; position?: [number, number, number]; name?: string }) {
  const { font, size } = usePanelText();
  return (
    <group position={position} name={name}>
      <PanelBatchScope>
        <mesh position={[0, 0, -0.004]} raycast={() => null}>
          <planeGeometry args={[width, height]} />
          {/* opaque: a see-through slab would be a shader program of its own (the headset's budget is 12 a view) */}
          <meshBasicMaterial color="#14324a" />
        </mesh>
        {title && (
          <Label3D font={font} fontSize={0.05 * size} maxWidth={width - 0.08} position={[0, height / 2 - 0.06 * size, 0]} color="#ffffff" anchorX="center" anchorY="top" textAlign="center">
            {title}
          </Label3D>
        )}
        {children}
      </PanelBatchScope>
    </group>
  );
}

/** Body text in a panel, wrapped to a width. */
export function Body3D({ children, position, width, anchorY = 'top', color = '#dce8f0', scale = 1 }: { children: string; position: [number, number, number]; width: number; anchorY?: 'top' | 'middle'; color?: string; scale?: number }) {
  const { font, size } = usePanelText();
  return (
    <Label3D font={font} fontSize={0.032 * size * scale} maxWidth={width} position={position} color={color} anchorX="center" anchorY={anchorY} textAlign="left" lineHeight={1.35}>
      {children}
    </Label3D>
  );
}
