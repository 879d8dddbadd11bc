// The flat skin's view of a scene question: its own small <Canvas> (size from the container,
// rendering only on change) around QuestionScene. Loaded lazily by the DOM skin, which wraps it in
// an ErrorBoundary and Suspense; it also degrades by itself when WebGL is missing or fails.
import { Canvas, useThree } from '@react-three/fiber';
import { Component, type ReactNode, useEffect, useMemo, useState } from 'react';
import '../text.ts';
import { PanelTextContext, usePanelText } from '../ui/panelText.ts';
import { QuestionScene, QuestionSceneCamera, type QuestionSceneProps } from './QuestionScene.tsx';

export interface QuestionSceneCanvasProps extends QuestionSceneProps {
  /** font of the labels (default: the surrounding PanelTextContext's, else the SC subset) */
  font?: string;
  /** shown instead of the view when WebGL is unavailable or the view fails */
  fallback?: ReactNode;
  className?: string;
}

/** Tests project mark positions with this handle while the view is mounted. */
export interface QuestionSceneHandle {
  gl: unknown;
  scene: unknown;
  camera: unknown;
}
type WithHandle = { __questionScene?: QuestionSceneHandle };

function Expose() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    const w = window as unknown as WithHandle;
    w.__questionScene = { gl, scene, camera };
    return () => {
      if (w.__questionScene?.gl === gl) delete w.__questionScene;
    };
  }, [gl, scene, camera]);
  return null;
}

/** frameloop 'demand': ask for a frame whenever what the view shows changes. */
function InvalidateOn({ deps }: { deps: unknown[] }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    invalidate();
    // a second frame once layout and text have settled
    const id = requestAnimationFrame(() => invalidate());
    return () => cancelAnimationFrame(id);
  }, deps);
  return null;
}

export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

class ViewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: Error) {
    console.warn('[hall] scene view failed:', error.message);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export default function QuestionSceneCanvas({ font, fallback, className, ...props }: QuestionSceneCanvasProps) {
  const [ok] = useState(webglAvailable);
  const outer = usePanelText();
  const text = useMemo(() => ({ font: font ?? outer.font, size: outer.size }), [font, outer.font, outer.size]);
  const failed = fallback ?? <div className="scene-unavailable" data-testid="scene-unavailable" />;
  const { scene, chosen, reveal, labels } = props;
  return (
    <div className={className} data-testid="question-scene" style={{ position: 'relative', width: '100%', height: '100%' }}>
      {ok ? (
        <ViewBoundary fallback={failed}>
          <Canvas
            frameloop="demand"
            dpr={[1, 2]}
            camera={{ fov: 50, near: 0.1, far: 400, position: scene.camera.position }}
            gl={{ antialias: true }}
            onCreated={({ gl }) => {
              gl.domElement.setAttribute('aria-hidden', 'true');
            }}
          >
            <color attach="background" args={['#b9d3e8']} />
            <fog attach="fog" args={['#b9d3e8', 60, 220]} />
            <hemisphereLight args={['#ffffff', '#59636b', 1.5]} />
            <directionalLight position={[6, 12, 4]} intensity={1.7} />
            <PanelTextContext.Provider value={text}>
              <QuestionScene {...props} />
            </PanelTextContext.Provider>
            <QuestionSceneCamera scene={scene} />
            <InvalidateOn deps={[scene, chosen, reveal, labels, text.font]} />
            <Expose />
          </Canvas>
        </ViewBoundary>
      ) : (
        failed
      )}
    </div>
  );
}
