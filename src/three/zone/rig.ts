// Moving the headset rig (the XR origin) so the visitor's head ends up somewhere: in a headset the
// app cannot place the camera, only the rig the tracked head is carried by. `head` must be a
// descendant of `origin` (the XR camera is) so its world pose follows the rig at once.
import { Vector3, type Object3D } from 'three';
import type { Point3 } from '../../sim/replayView.ts';

const v = new Vector3();

/** three's yaw of a horizontal direction: the rotation about y that turns −z into it */
export const yawOf = (x: number, z: number): number => Math.atan2(-x, -z);

/** Turn the rig about the vertical so the head, looking where it looks now, looks along (x, z). */
export function turnRigToward(origin: Object3D, head: Object3D, x: number, z: number): void {
  head.getWorldDirection(v);
  origin.rotation.y += yawOf(x, z) - yawOf(v.x, v.z);
  origin.updateMatrixWorld(true);
}

/** Move the rig so the head is at `eye` (world). */
export function moveRigHeadTo(origin: Object3D, head: Object3D, eye: Point3): void {
  origin.updateMatrixWorld(true);
  head.getWorldPosition(v);
  origin.position.x += eye.x - v.x;
  origin.position.y += eye.y - v.y;
  origin.position.z += eye.z - v.z;
  origin.updateMatrixWorld(true);
}

/** three's rotation about y of a camera or rig looking along sim yaw `h` (sim: (cos h, sin h); three looks down −z) */
export const threeYawOf = (h: number): number => -h - Math.PI / 2;
