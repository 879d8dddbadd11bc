// A scene question drawn in 3D as R3F children (no <Canvas> of its own): the flat skin wraps it in
// QuestionSceneCanvas, the immersive skin mounts it inside the app's one canvas. Each mark is a
// catalogue prop at its position, turned by rotationY (the props' facing convention: front along
// +x at 0, see src/three/props/index.ts), with a ring on the ground whose colour tells its state and
// an invisible hit volume named `mark:<choice>` that takes the pick.
import { Billboard, Text } from '@react-three/drei';
import { type ThreeEvent, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { type Box3, BoxGeometry, BufferGeometry, Float32BufferAttribute, MeshBasicMaterial } from 'three';
import type { Question } from '../../content/schema.ts';
import { basicMaterial, cachedGeometry } from '../props/materials.ts';
import { PartBuilder } from '../props/parts.ts';
import { propGeometry } from '../props/catalog.ts';
import { Prop } from '../props/Prop.tsx';
import { noRaycast, PropBody } from '../props/PropBody.tsx';
import { usePanelText } from '../ui/panelText.ts';

export type SceneSpec = NonNullable<Question['scene']>;
export type SceneMark = SceneSpec['marks'][number];

export interface QuestionSceneProps {
  scene: SceneSpec;
  /** called with the mark's choice id when it is clicked (not while `reveal` is set) */
  onPick?: (choiceId: string) => void;
  /** choices picked so far (yellow rings) */
  chosen?: readonly string[];
  /** after answering: the right answer(s) turn green, wrong picks red */
  reveal?: { answer: readonly string[] } | null;
  /** short text per choice id ("A", "B" …) drawn above its mark */
  labels?: Record<string, string>;
  /** draw the ground and road patch (default true) */
  ground?: boolean;
}

export type MarkState = 'neutral' | 'chosen' | 'correct' | 'wrong';

export const MARK_COLORS: Record<MarkState, string> = {
  neutral: '#e3ebf2',
  chosen: '#ffd43b',
  correct: '#40c057',
  wrong: '#fa5252',
};
const HOVER_COLOR = '#74c0fc';

export function markState(choice: string, chosen: readonly string[] = [], reveal: QuestionSceneProps['reveal'] = null): MarkState {
  if (reveal) {
    if (reveal.answer.includes(choice)) return 'correct';
    return chosen.includes(choice) ? 'wrong' : 'neutral';
  }
  return chosen.includes(choice) ? 'chosen' : 'neutral';
}

/** Local footprint of a mark's prop: centre and half sizes in the prop's own frame. */
export function markFootprint(prop: string, variant = 0): { cx: number; cz: number; hx: number; hz: number; top: number; cy: number; hy: number } {
  const box: Box3 | null | undefined = propGeometry(prop, variant)?.boundingBox;
  if (!box) return { cx: 0, cz: 0, hx: 0.4, hz: 0.4, top: 1, cy: 0.5, hy: 0.5 };
  return {
    cx: (box.min.x + box.max.x) / 2,
    cz: (box.min.z + box.max.z) / 2,
    hx: (box.max.x - box.min.x) / 2,
    hz: (box.max.z - box.min.z) / 2,
    top: box.max.y,
    cy: (box.min.y + box.max.y) / 2,
    hy: (box.max.y - box.min.y) / 2,
  };
}

/** An elliptical ring lying on y = 0 (facing up): inner half axes a × b, `t` wide. */
export function ellipseRing(a: number, b: number, t: number, segments = 48): BufferGeometry {
  const pos: number[] = [];
  const ring = (θ: number, grow: number) => [Math.cos(θ) * (a + grow), 0, Math.sin(θ) * (b + grow)] as const;
  for (let i = 0; i < segments; i++) {
    const θ0 = (i / segments) * Math.PI * 2;
    const θ1 = ((i + 1) / segments) * Math.PI * 2;
    const i0 = ring(θ0, 0);
    const i1 = ring(θ1, 0);
    const o0 = ring(θ0, t);
    const o1 = ring(θ1, t);
    pos.push(...i0, ...o1, ...o0, ...i0, ...i1, ...o1);
  }
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(pos, 3));
  g.computeVertexNormals();
  return g;
}

const unitBox = () => cachedGeometry('question-scene:hit-box', () => new BoxGeometry(1, 1, 1));
let hitMaterial: MeshBasicMaterial | null = null;
/** Never drawn (no draw call), still hit by rays: three's raycast ignores `visible` on materials. */
function hitMat(): MeshBasicMaterial {
  hitMaterial ??= new MeshBasicMaterial({ visible: false });
  return hitMaterial;
}

const round = (n: number) => Math.round(n * 20) / 20;

/** Ring around a footprint: a little clearance, thickness growing with the prop (a phone to a bus). */
function ringFor(hx: number, hz: number, thick: boolean) {
  const a = round(Math.max(hx, 0.2) + 0.2);
  const b = round(Math.max(hz, 0.2) + 0.2);
  const t = round(Math.min(0.12, Math.max(0.05, Math.min(a, b) * 0.12)) * (thick ? 1.8 : 1));
  return cachedGeometry(`question-scene:ring:${a}:${b}:${t}`, () => ellipseRing(a, b, t));
}

interface MarkProps {
  mark: SceneMark;
  variant: number;
  state: MarkState;
  onPick?: (choiceId: string) => void;
  pickable: boolean;
}

function Mark({ mark, variant, state, onPick, pickable }: MarkProps) {
  const [hover, setHover] = useState(false);
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const f = useMemo(() => markFootprint(mark.prop, variant), [mark.prop, variant]);
  useEffect(() => invalidate(), [hover, state, invalidate]);
  useEffect(
    () => () => {
      if (hover) gl.domElement.style.cursor = '';
    },
    [hover, gl],
  );
  const over = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    setHover(true);
    if (pickable) gl.domElement.style.cursor = 'pointer';
  };
  const out = () => {
    setHover(false);
    gl.domElement.style.cursor = '';
  };
  const click = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (pickable) onPick?.(mark.choice);
  };
  const color = hover && pickable && state === 'neutral' ? HOVER_COLOR : MARK_COLORS[state];
  // a hit volume at least 0.6 m across and 0.5 m high, so that a phone or a sign post is easy to hit
  const sx = Math.max(f.hx * 2 + 0.1, 0.6);
  const sz = Math.max(f.hz * 2 + 0.1, 0.6);
  const sy = Math.max(f.hy * 2 + 0.1, 0.5);
  return (
    <group position={mark.position} rotation={[0, mark.rotationY ?? 0, 0]}>
      <Prop id={mark.prop} variant={variant} />
      <mesh
        name={`mark:${mark.choice}`}
        userData={{ choice: mark.choice }}
        geometry={unitBox()}
        material={hitMat()}
        position={[f.cx, Math.max(f.cy, sy / 2), f.cz]}
        scale={[sx, sy, sz]}
        onClick={click}
        onPointerOver={over}
        onPointerOut={out}
      />
      <mesh
        name={`mark-ring:${mark.choice}`}
        geometry={ringFor(f.hx, f.hz, hover || state !== 'neutral')}
        material={basicMaterial(color)}
        position={[f.cx, 0.025, f.cz]}
        raycast={noRaycast}
      />
    </group>
  );
}

/** Label size grows with the distance from the authored camera, so every label reads about the same. */
export function labelSize(spec: SceneSpec, mark: SceneMark): number {
  const [cx, cy, cz] = spec.camera.position;
  const [x, y, z] = mark.position;
  const d = Math.hypot(x - cx, y - cy, z - cz);
  return Math.min(1, Math.max(0.2, d * 0.06));
}

function Labels({ scene, labels }: { scene: SceneSpec; labels: Record<string, string> }) {
  const { font, size } = usePanelText();
  return (
    <>
      {scene.marks.map((m, i) => {
        const text = labels[m.choice];
        if (!text) return null;
        const s = labelSize(scene, m) * size;
        const top = markFootprint(m.prop, i).top;
        return (
          <Billboard key={m.choice} position={[m.position[0], m.position[1] + top + 0.2 + s * 0.2, m.position[2]]}>
            <Text
              name={`mark-label:${m.choice}`}
              font={font}
              fontSize={s}
              color="#ffffff"
              outlineWidth={s * 0.08}
              outlineColor="#10202c"
              anchorX="center"
              anchorY="bottom"
              raycast={noRaycast}
            >
              {text}
            </Text>
          </Billboard>
        );
      })}
    </>
  );
}

/**
 * The ground under a scene: a wide pavement disc reaching well past the camera (SwiftShader draws a
 * ground edge at the head in front of everything), an asphalt patch under the marks, and a plinth
 * under any mark that floats above the ground. One merged mesh.
 */
export function buildSceneGround(spec: SceneSpec): BufferGeometry {
  const b = new PartBuilder();
  let x0 = Infinity;
  let x1 = -Infinity;
  let z0 = Infinity;
  let z1 = -Infinity;
  spec.marks.forEach((m, i) => {
    const f = markFootprint(m.prop, i);
    const r = Math.max(f.hx, f.hz) + 0.5;
    x0 = Math.min(x0, m.position[0] - r);
    x1 = Math.max(x1, m.position[0] + r);
    z0 = Math.min(z0, m.position[2] - r);
    z1 = Math.max(z1, m.position[2] + r);
    if (m.position[1] > 0.05) b.cyl(0.3, 0.34, m.position[1], [m.position[0], m.position[1] / 2, m.position[2]], '#9aa5ae', { segments: 10 });
  });
  const margin = 2.5;
  b.slab(x0 - margin, x1 + margin, 0.004, 0.008, z0 - margin, z1 + margin, '#4a5057');
  const cx = (x0 + x1) / 2;
  const cz = (z0 + z1) / 2;
  const [px, , pz] = spec.camera.position;
  const reach = Math.max(Math.hypot(px - cx, pz - cz), Math.hypot(x1 - cx, z1 - cz)) + 25;
  b.cyl(reach, reach, 0.004, [cx, 0, cz], '#7d8a78', { segments: 32 });
  return b.build();
}

function Ground({ scene }: { scene: SceneSpec }) {
  const geometry = useMemo(() => buildSceneGround(scene), [scene]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  return <PropBody geometry={geometry} name="question-scene-ground" />;
}

/** The scene question's 3D content: ground, props at their marks, rings, labels. */
export function QuestionScene({ scene, onPick, chosen = [], reveal = null, labels, ground = true }: QuestionSceneProps) {
  const pickable = !reveal && !!onPick;
  return (
    <group name="question-scene">
      {ground && <Ground scene={scene} />}
      {scene.marks.map((m, i) => (
        <Mark key={m.choice} mark={m} variant={i} state={markState(m.choice, chosen, reveal)} onPick={onPick} pickable={pickable} />
      ))}
      {labels && (
        // drei <Text> suspends while its font loads: never blank the props meanwhile
        <Suspense fallback={null}>
          <Labels scene={scene} labels={labels} />
        </Suspense>
      )}
    </group>
  );
}

/**
 * Outside XR, puts the default camera at the spec's viewpoint looking at its target (once per
 * scene; controls that have a `target` are pointed there too). Inside an XR session the headset
 * owns the camera and this does nothing.
 */
export function QuestionSceneCamera({ scene }: { scene: SceneSpec }) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const controls = useThree((s) => s.controls) as unknown as { target?: { set(x: number, y: number, z: number): void }; update?: () => void } | null;
  const invalidate = useThree((s) => s.invalidate);
  const [px, py, pz] = scene.camera.position;
  const [tx, ty, tz] = scene.camera.target;
  useLayoutEffect(() => {
    if (gl.xr.isPresenting) return;
    camera.position.set(px, py, pz);
    camera.lookAt(tx, ty, tz);
    camera.updateMatrixWorld();
    if (controls?.target) {
      controls.target.set(tx, ty, tz);
      controls.update?.();
    }
    invalidate();
  }, [camera, gl, controls, invalidate, px, py, pz, tx, ty, tz]);
  return null;
}
