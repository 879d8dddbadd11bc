// The scene skeleton every zone game shares: the street of the zone file drawn by the street kit
// (fed the live world, or the replay while a consequence is on screen, without remounting), the
// input layer's headset half (controllers and hands into the store's controls), the frame loop
// (the store's tick: read the controls, step, publish, replay, finish), the camera on a screen or
// the rig in a headset placed where the zone's reader says (not while a replay carries it), and the
// consequence replay. What a zone draws of its own (the e-bike's handlebar) is its module's Scene.
import { useFrame, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useMemo, type RefObject } from 'react';
import { Vector3, type Group } from 'three';
import { useStore } from 'zustand';
import { exposeForTests, testHooksEnabled } from '../../app/testHooks.ts';
import type { ZoneGameHandle } from '../../app/useZoneGame.ts';
import { viewpoint, type FrameLook } from '../../zones/common/controls.ts';
import { AgentsRenderer, LayoutProps, SignalHeads, StreetScene } from '../street/index.ts';
import { Daylight } from '../street/Daylight.tsx';
import { ConsequenceReplay } from './ConsequenceReplay.tsx';
import { threeYawOf } from './rig.ts';
import { SceneSource } from './sceneSource.ts';
import { useDragLook } from './useDragLook.ts';
import { useXRControls } from './useXRControls.ts';

const scratchDir = new Vector3();

export function ZoneScene({ handle, inXR, origin }: { handle: ZoneGameHandle; inXR: boolean; origin: RefObject<Group | null> }) {
  const { module, store } = handle;
  const game = useStore(store, (s) => s.game);
  const view = useStore(store, (s) => s.view);
  const replaying = useStore(store, (s) => s.consequence !== null);
  const camera = useThree((s) => s.camera);
  const source = useMemo(() => new SceneSource(game.world, view, () => store.getState().consequence !== null), [game, view, store]);
  const readXR = useXRControls(module.controls, inXR);
  const dragged = useDragLook(!inXR && module.controls.dragLook);
  const look = useMemo<FrameLook>(() => ({ dt: 0, headYaw: NaN, drag: 0 }), []);
  const vp = useMemo(viewpoint, []);

  useEffect(() => {
    // for browser tests and the benchmark: the game, the replay view a consequence shows, the store
    if (!testHooksEnabled) return;
    // __zoneLook: the last drawn frame's look (in a headset, the head's yaw), for tests that step the game themselves
    const off = [exposeForTests('__zoneGame', game), exposeForTests('__zoneReplay', view), exposeForTests('__zoneGameStore', store), exposeForTests('__zoneLook', look)];
    return () => off.forEach((f) => f());
  }, [game, view, store, look]);

  // While the view is paused under an overlay (intro, the e-bike checklist, an explanation, the
  // summary) nothing moves: draw twice a second instead of every frame, which frees a kiosk's or a
  // phone's GPU (and a software-GL test machine) for the overlay. The headset always runs its loop.
  const paused = useStore(store, (s) => s.status !== 'playing' || s.phase === 'setup' || s.consequence?.stage === 'explain');
  const setFrameloop = useThree((s) => s.setFrameloop);
  const invalidate = useThree((s) => s.invalidate);
  const getThree = useThree((s) => s.get);
  useEffect(() => {
    if (inXR || !paused) return;
    setFrameloop('demand');
    invalidate();
    const keepFresh = setInterval(() => invalidate(), 500);
    return () => {
      clearInterval(keepFresh);
      // the stage may have been hidden meanwhile ('never'): leave that as it is
      if (getThree().frameloop === 'demand') setFrameloop('always');
    };
  }, [paused, inXR, setFrameloop, invalidate, getThree]);

  useFrame((state, delta) => {
    const s = store.getState();
    readXR(s.controls);
    look.dt = Math.min(delta, 0.1);
    look.drag = dragged.current;
    dragged.current = 0;
    if (inXR) {
      // the head decides where the visitor looks
      const d = state.camera.getWorldDirection(scratchDir);
      look.headYaw = Math.atan2(d.z, d.x);
    } else look.headYaw = NaN;
    s.actions.tick(look, state.clock.elapsedTime);
    const now = store.getState();
    if (now.consequence) return;
    now.reader.viewpoint(now.game, vp);
    if (inXR) {
      const o = origin.current;
      if (!o) return;
      o.position.set(vp.x, o.position.y, vp.z);
      // a rider's rig turns with the vehicle; a walker turns their own body
      if (Number.isFinite(vp.rigYaw)) o.rotation.set(0, threeYawOf(vp.rigYaw), 0);
    } else {
      camera.position.set(vp.x, vp.eye, vp.z);
      camera.rotation.set(vp.pitch, threeYawOf(vp.yaw), 0, 'YXZ');
    }
    // before every other frame callback (a negative priority does not take over rendering): what
    // rides with the visitor (a cockpit, a handlebar) reads this frame's step, not the last one's
  }, -1);

  const layout = game.world.def.layout;
  const Own = module.Scene;
  return (
    <group name={`zone-${module.id}`}>
      <Daylight />
      <StreetScene layout={layout} />
      <SignalHeads layout={layout} world={source} />
      <LayoutProps layout={layout} />
      <AgentsRenderer world={source} showPlayer={replaying} />
      {Own && (
        <Suspense fallback={null}>
          <Own game={game} store={store} inXR={inXR} replaying={replaying} origin={origin} />
        </Suspense>
      )}
      <ConsequenceReplay store={store} inXR={inXR} origin={origin} />
    </group>
  );
}
