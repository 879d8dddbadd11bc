// Playing a zone with bare hands (Quest hand tracking): a pinch held on each hand, and where the
// wrists are. Read straight from the WebXR session (select events, joint poses), so it works the
// same with real hands and with IWER's emulated ones.
import { useFrame, useThree } from '@react-three/fiber';
import { useXR } from '@react-three/xr';
import { useEffect, useRef, type RefObject } from 'react';

export interface Pinches {
  left: boolean;
  right: boolean;
}

/** Which hand holds a pinch right now (controllers' triggers are not counted: those have sticks). */
export function useHandWalk(inXR: boolean): RefObject<Pinches> {
  const pinches = useRef<Pinches>({ left: false, right: false });
  const session = useXR((s) => s.session);
  useEffect(() => {
    const p = pinches.current;
    p.left = p.right = false;
    if (!inXR || !session) return;
    const set = (down: boolean) => (e: XRInputSourceEvent) => {
      if (!e.inputSource.hand) return;
      if (e.inputSource.handedness === 'left') p.left = down;
      else if (e.inputSource.handedness === 'right') p.right = down;
    };
    const start = set(true);
    const end = set(false);
    session.addEventListener('selectstart', start);
    session.addEventListener('selectend', end);
    return () => {
      session.removeEventListener('selectstart', start);
      session.removeEventListener('selectend', end);
      p.left = p.right = false;
    };
  }, [inXR, session]);
  return pinches;
}

export interface Grip {
  /** both wrists are tracked this frame */
  tracked: boolean;
  /** wrist positions in the rig's space (x right, y up, z back when the rig faces −z) */
  left: { x: number; y: number; z: number };
  right: { x: number; y: number; z: number };
}

/**
 * Both wrists as handlebar grips, read every frame from the session's hand joints (in the
 * reference space, which is the rig's own space: the rig's turning does not affect them).
 */
export function useHandGrip(inXR: boolean): RefObject<Grip> {
  const grip = useRef<Grip>({ tracked: false, left: { x: 0, y: 0, z: 0 }, right: { x: 0, y: 0, z: 0 } });
  const gl = useThree((s) => s.gl);
  useFrame(() => {
    const g = grip.current;
    g.tracked = false;
    if (!inXR) return;
    const frame = gl.xr.getFrame?.();
    const space = gl.xr.getReferenceSpace?.();
    if (!frame || !space) return;
    let seen = 0;
    for (const src of frame.session.inputSources) {
      if (!src.hand || (src.handedness !== 'left' && src.handedness !== 'right')) continue;
      const joint = src.hand.get('wrist');
      const pose = joint && frame.getJointPose ? frame.getJointPose(joint, space) : undefined;
      if (!pose) continue;
      const out = g[src.handedness];
      out.x = pose.transform.position.x;
      out.y = pose.transform.position.y;
      out.z = pose.transform.position.z;
      seen |= src.handedness === 'left' ? 1 : 2;
    }
    g.tracked = seen === 3;
  });
  return grip;
}
