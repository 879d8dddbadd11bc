// The consequence replay of a serious moment: the street as the replay buffer recorded it, in slow
// motion around the moment, seen from the other road user's driver's seat, looking at the visitor.
// On a desktop the camera moves; in a headset the rig moves (the visitor's own head still turns
// freely: only the starting direction is set, and the vehicle's turning carries the rig along).
// When it has played, the stage becomes 'explain' and the HUD shows the rule until dismissed.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { useStore } from 'zustand';
import { SPECS } from '../../sim/agents/specs.ts';
import type { Group } from 'three';
import type { View } from '../../sim/replayView.ts';
import type { ZoneGameStore } from '../../stores/zoneGame.ts';
import { replayDuration, replayOver, replayTime } from '../../zones/common/consequence.ts';
import { CabFrame, type CabPose } from './CabFrame.tsx';
import { moveRigHeadTo, turnRigToward } from './rig.ts';

/** the explanation shows the world this long before the moment, s */
const HOLD_BEFORE = 0.6;

export function ConsequenceReplay({ store, inXR, origin }: { store: ZoneGameStore; inXR: boolean; origin: RefObject<Group | null> }) {
  const elapsed = useRef(0);
  const active = useRef<object | null>(null);
  const publishAt = useRef(0);
  const viewOut = useRef<View>({ eye: { x: 0, y: 0, z: 0 }, look: { x: 0, y: 0, z: 0 } });
  const rig = useRef<{ rotY: number; y: number; lastHeading: number } | null>(null);
  const focusKind = useStore(store, (s) => s.consequence?.focusKind ?? null);
  const cab = focusKind ? SPECS[focusKind].cab : null;
  const cabPose = useMemo<CabPose>(() => ({ x: 0, z: 0, heading: 0, length: 0, visible: false }), []);

  /** give the rig back the rotation and height the visitor had before the replay */
  const restoreRig = () => {
    const o = origin.current;
    if (rig.current && o) {
      o.rotation.y = rig.current.rotY;
      o.position.y = rig.current.y;
    }
    rig.current = null;
  };
  // leaving the zone in the middle of a replay restores it too
  useEffect(() => restoreRig, []);

  useFrame((state, delta) => {
    const { consequence: c, view } = store.getState();
    const o = origin.current;
    if (!c) {
      restoreRig();
      active.current = null;
      return;
    }
    const w = c.replay;
    if (active.current !== c.event) {
      active.current = c.event;
      elapsed.current = 0;
      publishAt.current = 0;
    }
    const total = replayDuration(w);
    if (c.stage === 'replay') {
      elapsed.current += Math.min(delta, 0.1);
      if (replayOver(w, elapsed.current)) store.getState().actions.replayProgress(1);
      else if (elapsed.current >= publishAt.current) {
        publishAt.current = elapsed.current + 0.25;
        store.getState().actions.replayProgress(elapsed.current / total);
      }
    }
    // the explanation holds the picture just before the moment (at the moment the car is on top of the visitor)
    view.seek(c.stage === 'explain' ? Math.max(w.from, w.at - HOLD_BEFORE) : replayTime(w, elapsed.current));
    const v = view.driverView(w.focusAgent, w.target, viewOut.current);
    const driver = view.find(w.focusAgent);
    const target = view.find(w.target);
    if (!v || !driver) {
      // the other road user is not in the recording: look down at the visitor from above instead
      if (!target) return;
      const { eye, look } = viewOut.current;
      eye.x = target.x + 6;
      eye.y = 6;
      eye.z = target.z + 6;
      look.x = target.x;
      look.y = 0.8;
      look.z = target.z;
    }
    if (driver && cab && focusKind) {
      cabPose.x = driver.x;
      cabPose.z = driver.z;
      cabPose.heading = driver.heading;
      cabPose.length = view.sizeOf(w.focusAgent, focusKind).length;
      cabPose.visible = true;
    } else cabPose.visible = false;
    const { eye, look } = viewOut.current;
    if (!inXR) {
      state.camera.position.set(eye.x, eye.y, eye.z);
      state.camera.lookAt(look.x, look.y, look.z);
      return;
    }
    if (!o) return;
    // the XR camera is the rig's child: its world pose follows the rig at once
    const head = state.gl.xr.getCamera();
    if (!rig.current) {
      // turn the rig once so that where the visitor looks now is towards the visitor's old self
      rig.current = { rotY: o.rotation.y, y: o.position.y, lastHeading: driver?.heading ?? 0 };
      turnRigToward(o, head, look.x - eye.x, look.z - eye.z);
    } else if (driver) {
      // ride along with the vehicle's turning (sim heading grows clockwise seen from above)
      o.rotation.y -= driver.heading - rig.current.lastHeading;
      rig.current.lastHeading = driver.heading;
    }
    moveRigHeadTo(o, head, eye);
  });
  return cab && focusKind ? <CabFrame cab={cab} width={SPECS[focusKind].width} pose={cabPose} /> : null;
}
