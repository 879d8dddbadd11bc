// What the view does "after drinking" (the level's demonstration model, 示意): the field of view
// narrows (a soft dark tunnel), the picture hazes over at its edges and the distance fogs in. Drawn
// with a layer fixed to the head and the scene's fog, never with post-processing (composers render
// black in XR): two draw calls, nothing allocated per frame, the fog given back when it ends.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferGeometry, Float32BufferAttribute, Fog, type Group, MeshBasicMaterial } from 'three';
import type { ViewImpairment } from './level.ts';
import { fogFor, HAZE_DISTANCE, hazeAlpha, tunnelRadius } from './view.ts';

/** A flat ring (or, with inner radius 0, a disc) in the x–y plane, its alpha running from `a0` inside to `a1` outside. */
function fadingRing(rings: readonly { r: number; a: number }[], segments = 48): BufferGeometry {
  const pos: number[] = [];
  const col: number[] = [];
  const idx: number[] = [];
  for (const ring of rings)
    for (let i = 0; i <= segments; i++) {
      const t = (i / segments) * Math.PI * 2;
      pos.push(Math.cos(t) * ring.r, Math.sin(t) * ring.r, 0);
      col.push(1, 1, 1, ring.a);
    }
  const row = segments + 1;
  for (let k = 0; k + 1 < rings.length; k++)
    for (let i = 0; i < segments; i++) {
      const a = k * row + i, b = a + 1, c = a + row, d = c + 1;
      idx.push(a, c, b, b, c, d);
    }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  g.setAttribute('color', new Float32BufferAttribute(col, 4));
  g.setIndex(idx);
  return g;
}

export function ImpairmentLayer({ view }: { view: ViewImpairment | null }) {
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const root = useRef<Group>(null);
  const parts = useMemo(() => {
    // the tunnel: clear inside radius 1, dark from 1.4 outwards (scaled to the level's field of view)
    const tunnel = fadingRing([{ r: 1, a: 0 }, { r: 1.4, a: 0.97 }, { r: 12, a: 1 }]);
    const haze = fadingRing([{ r: 0, a: 0.35 }, { r: 0.6, a: 0.55 }, { r: 2.5, a: 1 }]);
    const dark = new MeshBasicMaterial({ color: '#05070a', vertexColors: true, transparent: true, depthTest: false, depthWrite: false, fog: false });
    const milk = new MeshBasicMaterial({ color: '#e4eaee', vertexColors: true, transparent: true, depthTest: false, depthWrite: false, fog: false, opacity: 0 });
    return { tunnel, haze, dark, milk };
  }, []);
  const saved = useRef<{ near: number; far: number } | null>(null);

  useEffect(
    () => () => {
      Object.values(parts).forEach((p) => p.dispose());
    },
    [parts],
  );
  // the fog the street had comes back when the view clears or the layer goes
  useEffect(() => {
    const fog = scene.fog instanceof Fog ? scene.fog : null;
    if (!view || !fog) return;
    saved.current = { near: fog.near, far: fog.far };
    const f = fogFor(view, saved.current);
    fog.near = f.near;
    fog.far = f.far;
    return () => {
      if (saved.current) {
        fog.near = saved.current.near;
        fog.far = saved.current.far;
      }
      saved.current = null;
    };
  }, [scene, view]);

  useFrame((state) => {
    const r = root.current;
    if (!r) return;
    r.visible = view !== null;
    if (!view) return;
    camera.getWorldPosition(r.position);
    camera.getWorldQuaternion(r.quaternion);
    const [tunnel, haze] = r.children;
    if (tunnel) {
      tunnel.position.z = -HAZE_DISTANCE;
      tunnel.scale.setScalar(tunnelRadius(view.fov, HAZE_DISTANCE));
      tunnel.visible = view.fov < 0.999;
    }
    if (haze) {
      haze.position.z = -HAZE_DISTANCE * 1.05;
      haze.scale.setScalar(HAZE_DISTANCE * 1.2);
      // the haze comes and goes slowly, as vision swims
      parts.milk.opacity = hazeAlpha(view.blur, state.clock.elapsedTime);
      haze.visible = parts.milk.opacity > 0.01;
    }
  });

  return (
    <group ref={root} name="impairment-layer" visible={false}>
      <mesh geometry={parts.tunnel} material={parts.dark} renderOrder={998} frustumCulled={false} raycast={() => null} />
      <mesh geometry={parts.haze} material={parts.milk} renderOrder={997} frustumCulled={false} raycast={() => null} />
    </group>
  );
}
