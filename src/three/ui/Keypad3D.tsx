// A keypad in 3D for short codes typed with a ray (a headset has no keyboard): every key is drawn into
// one canvas texture on one plane, and a hover mark follows the pointer, so the whole pad costs two
// draw calls however many keys it has (one Button3D per key would cost two each: 64 for a 32-key pad,
// past the headset's budget on its own). Hits are resolved from the hit's uv by the pure layout
// (keypad.ts). Each key also has an empty, named anchor (`key:<id>:<key>`, no draw call) so tests
// and the benchmark can aim at it like at a button.
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { CanvasTexture, SRGBColorSpace } from 'three';
import { keyAt, keyRects, type KeypadLayout } from './keypad.ts';

const PX_PER_M = 600;

function drawKeys(layout: KeypadLayout): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = Math.round(layout.width * PX_PER_M);
  c.height = Math.round(layout.height * PX_PER_M);
  const g = c.getContext('2d')!;
  g.fillStyle = '#14324a';
  g.fillRect(0, 0, c.width, c.height);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  for (const k of keyRects(layout)) {
    const x = (k.x - k.w / 2 + layout.width / 2) * PX_PER_M;
    const y = (layout.height / 2 - k.y - k.h / 2) * PX_PER_M;
    const w = k.w * PX_PER_M;
    const h = k.h * PX_PER_M;
    g.fillStyle = '#1f4560';
    g.beginPath();
    g.roundRect(x, y, w, h, h * 0.15);
    g.fill();
    g.fillStyle = '#ffffff';
    // Latin letters and digits only: the canvas's own sans-serif draws them on every device
    g.font = `bold ${Math.round(h * 0.55)}px sans-serif`;
    g.fillText(k.key, x + w / 2, y + h / 2 + h * 0.03);
  }
  return c;
}

export function Keypad3D({ id, layout, position = [0, 0, 0], onKey }: { id: string; layout: KeypadLayout; position?: [number, number, number]; onKey: (key: string) => void }) {
  const texture = useMemo(() => {
    const t = new CanvasTexture(drawKeys(layout));
    t.colorSpace = SRGBColorSpace;
    t.anisotropy = 4;
    return t;
  }, [layout]);
  useEffect(() => () => texture.dispose(), [texture]);
  const rects = useMemo(() => keyRects(layout), [layout]);
  const [hover, setHover] = useState<string | null>(null);
  const hovered = rects.find((r) => r.key === hover);
  const at = (e: ThreeEvent<PointerEvent | MouseEvent>) => (e.uv ? keyAt(layout, e.uv.x, e.uv.y) : null);
  return (
    <group position={position}>
      <mesh
        name={`keypad:${id}`}
        onClick={(e) => {
          e.stopPropagation();
          const k = at(e);
          if (k) onKey(k);
        }}
        onPointerMove={(e) => setHover(at(e))}
        onPointerOut={() => setHover(null)}
      >
        <planeGeometry args={[layout.width, layout.height]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
      {hovered && (
        <mesh position={[hovered.x, hovered.y, 0.002]} raycast={() => null}>
          <planeGeometry args={[hovered.w, hovered.h]} />
          <meshBasicMaterial color="#ffd43b" transparent opacity={0.35} />
        </mesh>
      )}
      {rects.map((r) => (
        <object3D key={r.key} name={`key:${id}:${r.key}`} position={[r.x, r.y, 0]} />
      ))}
    </group>
  );
}
