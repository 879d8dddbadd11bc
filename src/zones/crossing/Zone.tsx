// The crossing zone's 3D scene: the street from the zone file, live traffic from the game's world,
// and the visitor as the player, first-person. The frame loop steps the game with the visitor's
// controls and publishes what the HUD shows only when it changes.
import { useFrame, useThree } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Vector3, type Group as ThreeGroup } from 'three';
import { useStore } from 'zustand';
import type { Group, ZoneDef } from '../../content/schema.ts';
import type { HallStorage } from '../../storage/types.ts';
import { AgentsRenderer, LayoutProps, SignalHeads, StreetScene } from '../../three/street/index.ts';
import { Daylight } from '../../three/street/Daylight.tsx';
import { APP_VERSION } from '../../stores/selfTest.ts';
import { controls, zoneGameStore } from '../session.ts';
import { createGame, walkerInput } from './rules.ts';

const EYE = 1.6;
const TURN_SPEED = 1.9; // rad/s for keys and buttons
const scratchDir = new Vector3();

export default function CrossingZone({ zone, group, visitorId, storage, inXR, origin }: { zone: ZoneDef; group: Group; visitorId: string; storage: HallStorage; inXR: boolean; origin: RefObject<ThreeGroup | null> }) {
  const round = useStore(zoneGameStore, (s) => s.round);
  const game = useMemo(() => createGame(zone, { id: group.id, defaults: group.defaults }, 1000 + round), [zone, group, round]);
  const input = useMemo(() => walkerInput(), []);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const yaw = useRef(0);
  const started = useRef(Date.now());
  const publishAt = useRef(0);
  const dragging = useRef<{ x: number } | null>(null);
  const leftController = useXRInputSourceState('controller', 'left');
  const rightController = useXRInputSourceState('controller', 'right');

  // start facing across the street from the spawn: towards the first task's far side if known
  useEffect(() => {
    const p = game.world.player;
    yaw.current = p ? p.heading : 0;
    started.current = Date.now();
    zoneGameStore.setState({ tasks: game.tasks, hint: game.hint, secondsLeft: Math.ceil(game.timeLimit), phoneRinging: false });
    (window as unknown as { __zoneGame?: unknown }).__zoneGame = game;
    return () => {
      delete (window as unknown as { __zoneGame?: unknown }).__zoneGame;
    };
  }, [game]);

  // drag to look (mouse or touch), desktop only
  useEffect(() => {
    if (inXR) return;
    const el = gl.domElement;
    const down = (e: PointerEvent) => (dragging.current = { x: e.clientX });
    const move = (e: PointerEvent) => {
      if (!dragging.current) return;
      yaw.current += (e.clientX - dragging.current.x) * 0.006;
      dragging.current.x = e.clientX;
    };
    const up = () => (dragging.current = null);
    el.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      el.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [gl, inXR]);

  useFrame((state, delta) => {
    const view = zoneGameStore.getState();
    const p = game.world.player;
    if (view.status === 'playing' && game.phase !== 'done') {
      if (inXR) {
        // left stick walks (relative to where the head looks), right trigger held runs, the A button holds the phone
        const stick = leftController?.gamepad['xr-standard-thumbstick'];
        controls.forward = -(stick?.yAxis ?? 0);
        controls.strafe = stick?.xAxis ?? 0;
        controls.run = (rightController?.gamepad['xr-standard-trigger']?.button ?? 0) > 0.5;
        controls.phoneOut = rightController?.gamepad['a-button']?.state === 'pressed';
      }
      if (view.quit) game.finish();
      yaw.current += controls.turn * TURN_SPEED * delta;
      let look = yaw.current;
      if (inXR) {
        // the head decides where the visitor looks and walks
        const d = state.camera.getWorldDirection(scratchDir);
        look = Math.atan2(d.z, d.x);
      }
      // sim frame: heading h looks along (cos h, sin h); the right-hand side is (−sin h, cos h)
      const c = Math.cos(look);
      const s = Math.sin(look);
      input.moveX = c * controls.forward - s * controls.strafe;
      input.moveZ = s * controls.forward + c * controls.strafe;
      input.run = controls.run;
      input.lookYaw = look;
      input.phoneOut = controls.phoneOut;
      const fresh = game.step(Math.min(delta, 0.1), input);
      const t = state.clock.elapsedTime;
      if (fresh.length || t >= publishAt.current) {
        publishAt.current = t + 0.4;
        zoneGameStore.setState({
          tasks: game.tasks,
          hint: game.hint,
          secondsLeft: Math.max(0, Math.ceil(game.timeLimit - game.time)),
          phoneRinging: game.phoneRinging,
          phoneOut: controls.phoneOut,
          ...(fresh.length ? { recent: [...view.recent, ...fresh].slice(-3) } : {}),
        });
      }
      // step() may have ended the game (time up, last task done)
      if ((game.phase as string) === 'done') finish();
    }
    if (p) {
      if (inXR) origin.current?.position.set(p.x, 0, p.z);
      else {
        camera.position.set(p.x, EYE, p.z);
        camera.rotation.set(0, -yaw.current - Math.PI / 2, 0, 'YXZ');
      }
    }
  });

  function finish() {
    const summary = game.summary();
    zoneGameStore.setState({ status: 'summary', summary, tasks: game.tasks, recent: [] });
    const attempt = game.toAttempt({
      id: `a-${visitorId}-${zone.id}-game-${started.current}`,
      visitorId,
      startedAt: started.current,
      endedAt: Date.now(),
      appVersion: APP_VERSION,
      device: inXR ? 'vr' : typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 'kiosk' : 'desktop',
    });
    void storage.putAttempt(attempt).then(() => zoneGameStore.setState({ saved: true }));
  }

  // a visitor who leaves mid-game: nothing is saved for an unfinished game (it never got a score)
  const layout = game.world.def.layout;
  return (
    <group name="zone-crossing">
      <Daylight />
      <StreetScene layout={layout} />
      <SignalHeads layout={layout} world={game.world} />
      <LayoutProps layout={layout} />
      <AgentsRenderer world={game.world} />
    </group>
  );
}

