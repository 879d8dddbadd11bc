// The crossing zone's 3D scene: the street from the zone file, live traffic from the game's world,
// and the visitor as the player, first-person. The frame loop steps the game with the visitor's
// controls; publishing, replays of serious moments and saving are the shared zone run's.
import { useFrame, useThree } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Vector3, type Group as ThreeGroup } from 'three';
import { useStore } from 'zustand';
import type { Group, ZoneDef } from '../../content/schema.ts';
import type { HallStorage } from '../../storage/types.ts';
import { AgentsRenderer, LayoutProps, SignalHeads, StreetScene } from '../../three/street/index.ts';
import { Daylight } from '../../three/street/Daylight.tsx';
import { ConsequenceReplay } from '../../three/zone/ConsequenceReplay.tsx';
import { useDragLook } from '../../three/zone/useDragLook.ts';
import { useHandWalk } from '../../three/zone/hands.ts';
import { NO_EVENTS, useZoneRun } from '../../three/zone/useZoneRun.ts';
import { controls, zoneGameStore } from '../session.ts';
import { createGame, walkerInput } from './rules.ts';

const TURN_SPEED = 1.9; // rad/s for keys and buttons
const scratchDir = new Vector3();

export default function CrossingZone({ zone, group, visitorId, storage, inXR, origin }: { zone: ZoneDef; group: Group; visitorId: string; storage: HallStorage; inXR: boolean; origin: RefObject<ThreeGroup | null> }) {
  const round = useStore(zoneGameStore, (s) => s.round);
  const replaying = useStore(zoneGameStore, (s) => s.consequence !== null);
  const game = useMemo(() => createGame(zone, { id: group.id, defaults: group.defaults }, 1000 + round), [zone, group, round]);
  const run = useZoneRun(game, { zone, visitorId, storage, inXR });
  const input = useMemo(() => walkerInput(), []);
  const camera = useThree((s) => s.camera);
  const yaw = useRef(0);
  const leftController = useXRInputSourceState('controller', 'left');
  const rightController = useXRInputSourceState('controller', 'right');
  const handWalk = useHandWalk(inXR);
  // the player's eye: a child's is lower (the tuning's player height)
  const eye = Math.max(1, (game.tuning.playerHeight ?? 1.7) - 0.1);

  useEffect(() => {
    yaw.current = game.world.player?.heading ?? 0;
    zoneGameStore.setState({ controlsKind: 'walk', textSize: game.tuning.textSize, phoneRinging: false, phonePopup: null });
  }, [game]);
  useDragLook(!inXR, yaw);
  // what this zone adds to the HUD when it is published
  const hudExtra = useMemo(() => () => ({ phoneRinging: game.phoneRinging, phoneOut: controls.phoneOut }), [game]);

  useFrame((state, delta) => {
    const p = game.world.player;
    let fresh = NO_EVENTS;
    if (run.live()) {
      if (inXR) {
        // left stick walks (relative to where the head looks), right trigger held runs, the A button holds the phone;
        // with bare hands a pinch held on the left hand walks where the head looks
        const stick = leftController?.gamepad['xr-standard-thumbstick'];
        controls.forward = -(stick?.yAxis ?? 0) || (handWalk.current.left ? 1 : 0);
        controls.strafe = stick?.xAxis ?? 0;
        controls.run = (rightController?.gamepad['xr-standard-trigger']?.button ?? 0) > 0.5;
        controls.phoneOut = rightController?.gamepad['a-button']?.state === 'pressed' || handWalk.current.right;
      }
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
      fresh = game.step(Math.min(delta, 0.1), input);
    }
    run.after(fresh, state.clock.elapsedTime, hudExtra);
    if (p && !run.replaying()) {
      if (inXR) origin.current?.position.set(p.x, origin.current.position.y, p.z);
      else {
        camera.position.set(p.x, eye, p.z);
        camera.rotation.set(0, -yaw.current - Math.PI / 2, 0, 'YXZ');
      }
    }
  });

  const layout = game.world.def.layout;
  return (
    <group name="zone-crossing">
      <Daylight />
      <StreetScene layout={layout} />
      <SignalHeads layout={layout} world={run.source} />
      <LayoutProps layout={layout} />
      <AgentsRenderer world={run.source} showPlayer={replaying} />
      <ConsequenceReplay run={run} inXR={inXR} origin={origin} />
    </group>
  );
}
