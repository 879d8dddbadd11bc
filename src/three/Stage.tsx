import { Canvas, useThree } from '@react-three/fiber';
import { XR } from '@react-three/xr';
import { Suspense, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../app/context.tsx';
import type { Route } from '../app/routes.ts';
import { EnterVR } from '../xr/EnterVR.tsx';
import { createHallXRStore, type HallXRStore } from '../xr/store.ts';
import './text.ts';
import { World } from './World.tsx';
import { exposeForTests, testHooksEnabled } from '../app/testHooks.ts';
import { logError } from '../app/errorLog.ts';
import { AdaptiveResolution } from './quality/AdaptiveResolution.tsx';

/** the sharpest the flat view is drawn: the device's own pixel ratio, at most 2 */
const MAX_DPR = Math.min(2, Math.max(1, typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1));

/**
 * A lost WebGL context (GPU reset, a kiosk's driver hiccup) gets a clear message while three
 * restores it; the message goes away when the context is back. Nothing else is lost: all state lives
 * in the stores and the simulation, not in the renderer, and three re-uploads every geometry and
 * texture from its objects. While the context is away the frame loop stops (`onLost`), so a zone game
 * does not run on behind a blank screen: the visitor is where they were when it comes back.
 */
function ContextLossNotice({ onLost }: { onLost: (lost: boolean) => void }) {
  const gl = useThree((s) => s.gl);
  const { session } = useServices();
  useEffect(() => {
    const canvas = gl.domElement;
    const lost = () => {
      logError('webgl', new Error('WebGL context lost'));
      onLost(true);
      session.getState().actions.notify({ key: 'errors.contextLost', tone: 'warning' });
    };
    const restored = () => {
      onLost(false);
      const { notices, actions } = session.getState();
      for (const n of notices) if (n.key === 'errors.contextLost') actions.dismiss(n.id);
    };
    canvas.addEventListener('webglcontextlost', lost);
    canvas.addEventListener('webglcontextrestored', restored);
    return () => {
      canvas.removeEventListener('webglcontextlost', lost);
      canvas.removeEventListener('webglcontextrestored', restored);
    };
  }, [gl, session, onLost]);
  return null;
}

/**
 * When the frame loop starts again (the stage shown again, the context back), the first frame's
 * delta must not span the pause: a game would jump ahead by all of it.
 */
function ClockResume({ running }: { running: boolean }) {
  const clock = useThree((s) => s.clock);
  useEffect(() => {
    if (running) clock.getDelta();
  }, [running, clock]);
  return null;
}

/** Tests and the benchmark read renderer figures and drive XR through this handle. */
function Expose({ xrStore }: { xrStore: HallXRStore }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    if (!testHooksEnabled) return;
    return exposeForTests('__hall3d', { gl, scene, camera, xrStore });
  }, [gl, scene, camera, xrStore]);
  return null;
}

/**
 * The one 3D canvas of the app. It stays mounted once loaded (hidden and not rendering on flat
 * routes that do not show it) so that an XR session survives route changes: in the headset every
 * screen is a 3D panel in this canvas.
 */
export default function Stage({ route, keep, visible }: { route: Route; keep: Record<string, string>; visible: boolean }) {
  const [xrStore] = useState(() =>
    // emulated headsets in software rendering run at a few fps: a click's press and release are
    // far more than the default 300 ms apart
    createHallXRStore({ clickThresholdMs: new URLSearchParams(window.location.search).has('emulate') ? 5000 : 300 }),
  );
  const inXR = useStore(xrStore, (s) => s.session != null);
  const { hallUi } = useServices();
  useEffect(() => {
    hallUi.getState().actions.setInXR(inXR);
  }, [inXR, hallUi]);
  const shown = visible || inXR;
  const [lost, setLost] = useState(false);
  const running = shown && !lost;
  return (
    <div className="stage" data-testid="hall-stage" hidden={!shown}>
      <Canvas
        frameloop={running ? 'always' : 'never'}
        camera={{ position: [0, 2.4, 4.2], fov: 62, near: 0.05, far: 200 }}
        dpr={MAX_DPR}
        gl={{ antialias: true, powerPreference: 'high-performance' }}
        onCreated={({ camera }) => camera.lookAt(0, 1.3, -3)}
      >
        <XR store={xrStore}>
          <Suspense fallback={null}>
            <World route={route} keep={keep} inXR={inXR} xrStore={xrStore} />
          </Suspense>
        </XR>
        <Expose xrStore={xrStore} />
        <ContextLossNotice onLost={setLost} />
        <ClockResume running={running} />
        <AdaptiveResolution running={running} inXR={inXR} max={MAX_DPR} />
      </Canvas>
      {visible && !inXR && <EnterVR store={xrStore} />}
    </div>
  );
}
