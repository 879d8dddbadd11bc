// The rig moves put the tracked head where the replay wants it, whatever the visitor's own offset
// and turn inside the room, and leave the head free to look around.
import { Group, PerspectiveCamera } from 'three';
import { describe, expect, it } from 'vitest';
import { moveRigHeadTo, threeYawOf, turnRigToward, yawOf } from './rig.ts';
import { Vector3 } from 'three';

function rig() {
  const origin = new Group();
  origin.position.set(3, 0.4, -7);
  origin.rotation.y = 0.7;
  const head = new PerspectiveCamera();
  // the visitor stands a little off the rig's middle, turned 40° to the left
  head.position.set(0.3, 1.6, -0.2);
  head.rotation.set(0, 0.7, 0, 'YXZ');
  origin.add(head);
  origin.updateMatrixWorld(true);
  return { origin, head };
}

describe('rig moves', () => {
  it('turns the rig so the head looks towards a point, then brings the head to an eye point', () => {
    const { origin, head } = rig();
    const eye = { x: -14.6, y: 2.5, z: 5 };
    const look = { x: -16.1, z: 7.9 };
    turnRigToward(origin, head, look.x - eye.x, look.z - eye.z);
    moveRigHeadTo(origin, head, eye);
    const p = head.getWorldPosition(head.position.clone());
    expect(p.x).toBeCloseTo(eye.x, 6);
    expect(p.y).toBeCloseTo(eye.y, 6);
    expect(p.z).toBeCloseTo(eye.z, 6);
    const d = head.getWorldDirection(head.position.clone());
    expect(yawOf(d.x, d.z)).toBeCloseTo(yawOf(look.x - eye.x, look.z - eye.z), 6);
  });

  it('keeps the head at the eye as the eye moves (the vehicle drives on)', () => {
    const { origin, head } = rig();
    for (const eye of [{ x: 0, y: 1.2, z: 0 }, { x: 0.5, y: 1.2, z: 0.1 }, { x: 1.1, y: 1.2, z: 0.3 }]) {
      moveRigHeadTo(origin, head, eye);
      const p = head.getWorldPosition(head.position.clone());
      expect(Math.hypot(p.x - eye.x, p.y - eye.y, p.z - eye.z)).toBeLessThan(1e-9);
    }
  });
});

describe('sim yaw → three', () => {
  it('a camera turned by threeYawOf(h) looks along the sim direction (cos h, sin h), for every heading', () => {
    const cam = new PerspectiveCamera();
    const d = new Vector3();
    for (const h of [0, 0.5, Math.PI / 2, 2, -1.2, Math.PI]) {
      cam.rotation.set(0, threeYawOf(h), 0, 'YXZ');
      cam.updateMatrixWorld(true);
      cam.getWorldDirection(d);
      expect(d.x).toBeCloseTo(Math.cos(h), 6);
      expect(d.z).toBeCloseTo(Math.sin(h), 6);
    }
  });
  it('turning right (the sim heading growing) turns the view clockwise seen from above', () => {
    const cam = new PerspectiveCamera();
    const a = new Vector3();
    const b = new Vector3();
    cam.rotation.set(0, threeYawOf(-Math.PI / 2), 0, 'YXZ'); // facing north (−z)
    cam.updateMatrixWorld(true);
    cam.getWorldDirection(a);
    cam.rotation.set(0, threeYawOf(-Math.PI / 2 + 0.3), 0, 'YXZ');
    cam.updateMatrixWorld(true);
    cam.getWorldDirection(b);
    // facing north, a right turn swings the view towards east (+x)
    expect(b.x).toBeGreaterThan(a.x + 0.2);
  });
});
