// A label on a 3D panel. Under a panel (Panel3D) it is a member of the panel's batch (panelBatch.ts:
// one draw call for all the panel's labels); elsewhere it is its own drei <Text>.
import { Text } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Group, Object3D } from 'three';
import type { Text as TroikaText } from 'troika-three-text';
import { type Face, type LabelStyle, PanelBatch } from './panelBatch.ts';

export const PanelBatchContext = createContext<PanelBatch | null>(null);

/**
 * The batch the labels and button faces beside it (under the same group) draw through: a new one for
 * an outermost panel, the enclosing panel's for a panel inside another.
 */
export function PanelBatchScope({ children }: { children: ReactNode }) {
  const outer = useContext(PanelBatchContext);
  const batch = useMemo(() => (outer ? null : new PanelBatch()), [outer]);
  useEffect(() => () => batch?.dispose(), [batch]);
  useFrame(() => batch?.update());
  if (!batch) return <>{children}</>;
  return (
    <PanelBatchContext.Provider value={batch}>
      <primitive object={batch.root} />
      {children}
    </PanelBatchContext.Provider>
  );
}

export interface Label3DProps extends Omit<LabelStyle, 'text' | 'lineHeight' | 'outlineWidth' | 'outlineColor'> {
  children: string;
  position: [number, number, number];
  lineHeight?: number | 'normal';
  outlineWidth?: number;
  outlineColor?: string;
  name?: string;
}

export function Label3D({ children, position, name, lineHeight = 'normal', outlineWidth = 0, outlineColor = '#000000', ...rest }: Label3DProps) {
  const batch = useContext(PanelBatchContext);
  const anchor = useRef<Group>(null);
  const member = useRef<TroikaText | null>(null);
  const style: LabelStyle = { text: children, lineHeight, outlineWidth, outlineColor, ...rest };
  useLayoutEffect(() => {
    if (!batch || !anchor.current) return;
    const t = batch.addLabel(anchor.current, style);
    member.current = t;
    // the member is not in the scene graph: tests find a named label's text through its anchor
    anchor.current.userData.label = t;
    return () => {
      batch.removeLabel(t);
      member.current = null;
    };
    // added once per batch: the effect below restyles it on every render
  }, [batch]);
  useLayoutEffect(() => {
    if (batch && member.current) batch.restyle(member.current, style);
  });
  if (batch) return <group ref={anchor} position={position} name={name} />;
  return (
    <Text name={name} font={rest.font} fontSize={rest.fontSize} overflowWrap="break-word" maxWidth={rest.maxWidth} position={position} color={rest.color} anchorX={rest.anchorX} anchorY={rest.anchorY} textAlign={rest.textAlign} lineHeight={lineHeight === 'normal' ? undefined : lineHeight} outlineWidth={outlineWidth} outlineColor={outlineColor} raycast={() => null}>
      {children}
    </Text>
  );
}

/** A button's face drawn by the panel's batch at `anchor` (nothing without a batch: the caller draws its own). */
export function useBatchFace(anchor: React.RefObject<Object3D | null>, width: number, height: number, colour: string): boolean {
  const batch = useContext(PanelBatchContext);
  const face = useRef<Face | null>(null);
  useLayoutEffect(() => {
    if (!batch || !anchor.current) return;
    const f = batch.addFace(anchor.current, width, height, colour);
    face.current = f;
    return () => {
      batch.removeFace(f);
      face.current = null;
    };
    // added once per batch: the effect below follows size and colour
  }, [batch, anchor]);
  useLayoutEffect(() => {
    if (batch && face.current) batch.setFace(face.current, width, height, colour);
  }, [batch, width, height, colour]);
  return !!batch;
}
