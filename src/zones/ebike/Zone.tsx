// The e-bike zone's 3D scene: the pre-ride checklist (on the HUD or a 3D panel), then the ride
// through the street from the zone file, first-person from the saddle with a handlebar in view.
// Controls: keys or touch pedals (throttle, brake, steer), controllers (triggers and stick) or bare
// hands on the handlebar. Publishing, replays and saving are the shared zone run's.
import { useFrame, useThree } from '@react-three/fiber';
import { useXRInputSourceState } from '@react-three/xr';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Vector3, type Group as ThreeGroup } from 'three';
import { useStore } from 'zustand';
import type { Group, ZoneDef } from '../../content/schema.ts';
import type { HallStorage } from '../../storage/types.ts';
import { AgentsRenderer, LayoutProps, SignalHeads, StreetScene } from '../../three/street/index.ts';
import { Daylight } from '../../three/street/Daylight.tsx';
import { Cockpit, type CockpitPose } from '../../three/zone/Cockpit.tsx';
import { ConsequenceReplay } from '../../three/zone/ConsequenceReplay.tsx';
import { useHandGrip, useHandWalk } from '../../three/zone/hands.ts';
import { useDragLook } from '../../three/zone/useDragLook.ts';
import { NO_EVENTS, useZoneRun } from '../../three/zone/useZoneRun.ts';
import { controls, zoneActions, zoneGameStore } from '../session.ts';
import { handlebarSteer } from './input.ts';
import { createGame, riderInput } from './rules.ts';

/** the rider's eye over the saddle on a flat screen, m (in a headset it is the visitor's own) */
const EYE = 1.45;
/** looking a little down the road on a flat screen, so the handlebar is in the picture, rad */
const PITCH = -0.14;
/** keys and touch buttons steer this much at most (a full keyboard lock would tip a real bike) */
const KEY_STEER = 0.3;
/** how fast key steering moves towards its target, per s (smooths on/off keys) */
const STEER_RATE = 2.5;
const scratchDir = new Vector3();

export default function EbikeZone({ zone, group, visitorId, storage, inXR, origin }: { zone: ZoneDef; group: Group; visitorId: string; storage: HallStorage; inXR: boolean; origin: RefObject<ThreeGroup | null> }) {
  const round = useStore(zoneGameStore, (s) => s.round);
  const replaying = useStore(zoneGameStore, (s) => s.consequence !== null);
  const game = useMemo(() => createGame(zone, { id: group.id, defaults: group.defaults }, 2000 + round), [zone, group, round]);
  const run = useZoneRun(game, { zone, visitorId, storage, inXR });
  const input = useMemo(() => riderInput(), []);
  const camera = useThree((s) => s.camera);
  /** where the visitor looks relative to the bike's heading (drag to look) */
  const lookOffset = useRef(0);
  const keySteer = useRef(0);
  const pose = useMemo<CockpitPose>(() => ({ x: 0, z: 0, heading: 0, speed: 0, limit: Infinity, steer: 0 }), []);
  const leftController = useXRInputSourceState('controller', 'left');
  const rightController = useXRInputSourceState('controller', 'right');
  const pinches = useHandWalk(inXR);
  const grip = useHandGrip(inXR);

  useEffect(() => {
    lookOffset.current = 0;
    keySteer.current = 0;
    const publishChecklist = () => zoneGameStore.setState({ checklist: game.phase === 'checklist' ? game.checklist : null });
    zoneGameStore.setState({ controlsKind: 'ride', textSize: game.tuning.textSize, phoneRinging: false, phonePopup: null });
    publishChecklist();
    zoneActions.choose = (item, option) => {
      if (game.phase !== 'checklist') return;
      game.choose(item, option);
      publishChecklist();
    };
    zoneActions.rideOff = () => {
      if (game.phase !== 'checklist') return;
      game.startRide();
      publishChecklist();
    };
    return () => {
      zoneActions.choose = null;
      zoneActions.rideOff = null;
    };
  }, [game]);
  useDragLook(!inXR, lookOffset);
  // what this zone adds to the HUD when it is published: speed against the lane's limit, the phone
  const hudExtra = useMemo(
    () => () => {
      const w = game.world;
      const p = w.player!;
      const lane = p.lane ? w.net.laneById.get(p.lane) : undefined;
      const phone = game.phone;
      return {
        speedKmh: p.speed * 3.6,
        limitKmh: lane && Number.isFinite(lane.limit) ? Math.round(lane.limit * 3.6) : null,
        phoneRinging: phone.ringing,
        phonePopup: phone.popup,
        phoneOut: input.phoneOut,
      };
    },
    [game, input],
  );

  useFrame((state, delta) => {
    const w = game.world;
    const p = w.player!;
    const dt = Math.min(delta, 0.1);
    let fresh = NO_EVENTS;
    if (run.live()) {
      let throttle = Math.max(0, controls.forward);
      let brake = Math.max(0, -controls.forward);
      const keyTarget = Math.max(-1, Math.min(1, controls.turn + controls.strafe)) * KEY_STEER;
      keySteer.current += Math.max(-STEER_RATE * dt, Math.min(STEER_RATE * dt, keyTarget - keySteer.current));
      let steer = keySteer.current;
      let phoneOut = controls.phoneOut;
      let look = p.heading + lookOffset.current;
      if (inXR) {
        const rt = rightController?.gamepad['xr-standard-trigger']?.button ?? 0;
        const lt = leftController?.gamepad['xr-standard-trigger']?.button ?? 0;
        const stick = leftController?.gamepad['xr-standard-thumbstick']?.xAxis ?? 0;
        throttle = Math.max(throttle, rt, pinches.current.right ? 1 : 0);
        brake = Math.max(brake, lt, pinches.current.left ? 1 : 0);
        steer = grip.current.tracked ? handlebarSteer(grip.current.left, grip.current.right) * 0.5 : stick * 0.5 || steer;
        phoneOut = phoneOut || rightController?.gamepad['a-button']?.state === 'pressed';
        const d = state.camera.getWorldDirection(scratchDir);
        look = Math.atan2(d.z, d.x);
      }
      input.throttle = throttle;
      input.brake = brake;
      input.steer = steer;
      input.lookYaw = look;
      input.phoneOut = phoneOut;
      fresh = game.step(dt, input);
    }
    run.after(fresh, state.clock.elapsedTime, hudExtra);
    const lane = p.lane ? w.net.laneById.get(p.lane) : undefined;
    pose.x = p.x;
    pose.z = p.z;
    pose.heading = p.heading;
    pose.speed = p.speed;
    pose.limit = lane?.limit ?? Infinity;
    pose.steer = p.steer;
    if (run.replaying()) return;
    if (inXR) {
      const o = origin.current;
      if (o) {
        // the rig rides with the bike: its forward (−z) along the bike's heading
        o.position.set(p.x, o.position.y, p.z);
        o.rotation.set(0, -p.heading - Math.PI / 2, 0);
      }
    } else {
      camera.position.set(p.x, EYE, p.z);
      camera.rotation.set(PITCH, -(p.heading + lookOffset.current) - Math.PI / 2, 0, 'YXZ');
    }
  });

  const layout = game.world.def.layout;
  return (
    <group name="zone-ebike">
      <Daylight />
      <StreetScene layout={layout} />
      <SignalHeads layout={layout} world={run.source} />
      <LayoutProps layout={layout} />
      <AgentsRenderer world={run.source} showPlayer={replaying} />
      {!replaying && (inXR ? <Cockpit pose={pose} /> : <Cockpit pose={pose} barHeight={1.05} ahead={0.62} />)}
      <ConsequenceReplay run={run} inXR={inXR} origin={origin} />
    </group>
  );
}
