// The pure helpers of the seat-belt zone's scene: the occupant drawn from the crash model (its head
// meets the wheel when the model says it hits, the belted one stays behind it), the marks a drive
// leaves on the road (the engine's distances, laid where they happened), and buckling up in a
// headset by reaching for the belt and pulling it across to the buckle.
import { describe, expect, it } from 'vitest';
import { BUCKLE, beltState, CLICK_RADIUS, GRAB_RADIUS, setBelt, stepBelt, TONGUE_REST, type HandGrip, type RigPoint } from './beltGesture.ts';
import { emptyMeasure, type DriveMeasure } from './drive.ts';
import { marksOf, REFERENCE_OFFSET } from './marks.ts';
import { BODIES, crashOf, SEATS } from './model.ts';
import { sampleAt } from './occupant.ts';
import { emptyPose, poseOf } from './pose.ts';

/** a measured drive along +x at z = 1.75: the hazard, the brake and the stop at these x */
function emptyDriveMeasureFor(o: { onset?: number; brake?: number; stop?: number; reactionM?: number; brakingM?: number }): DriveMeasure {
  const m = emptyMeasure();
  const at = (x?: number) => (x === undefined ? null : { x, z: 1.75 });
  m.onsetAt = at(o.onset);
  m.brakeAt = at(o.brake);
  m.stopAt = at(o.stop);
  m.reactionM = o.reactionM ?? null;
  m.brakingM = o.brakingM ?? null;
  return m;
}

describe('the occupant drawn from the model', () => {
  it('unbelted, the chest is at the wheel when the model says it hits; belted, it stays well behind the wheel', () => {
    const pose = emptyPose();
    const none = crashOf({ body: 'adult', seat: 'driver', restraint: 'none' }, 50);
    poseOf(BODIES.adult, sampleAt(none, none.metrics.hitT!), pose);
    expect(pose.chest.x).toBeCloseTo(SEATS.driver.chest, 1);
    const belt = crashOf({ body: 'adult', seat: 'driver', restraint: 'belt' }, 50);
    let furthest = 0;
    for (const s of belt.samples) furthest = Math.max(furthest, poseOf(BODIES.adult, s, pose).chest.x);
    expect(furthest).toBeLessThan(SEATS.driver.chest * 0.75);
    expect(pose.carX).toBeCloseTo(belt.metrics.crush, 3);
  });

  it('is upright in the seat before the crash: head over the hips, knees up, feet down in the footwell', () => {
    const run = crashOf({ body: 'adult', seat: 'driver', restraint: 'belt' }, 30);
    const p = poseOf(BODIES.adult, run.samples[0]!, emptyPose());
    expect(p.head).toEqual({ x: 0, y: BODIES.adult.headHeight });
    expect(p.knee.y).toBeGreaterThan(p.pelvis.y - 0.05);
    expect(p.foot.y).toBeLessThan(-0.3);
    expect(p.knee.x).toBeGreaterThan(0.3);
    // the leg's two links keep their lengths
    const thigh = Math.hypot(p.knee.x - p.pelvis.x, p.knee.y - p.pelvis.y);
    const shank = Math.hypot(p.foot.x - p.knee.x, p.foot.y - p.knee.y);
    expect(thigh).toBeCloseTo(BODIES.adult.headHeight * 0.62, 3);
    expect(shank).toBeCloseTo(BODIES.adult.headHeight * 0.6, 3);
  });
});

describe('marks on the road', () => {
  it('lay the reaction from the hazard to the brake and the braking from there to the stop, and the facts 5.16 reference beside them', () => {
    const m = emptyDriveMeasureFor({ onset: 100, brake: 113.9, stop: 127.7, reactionM: 13.9, brakingM: 13.8 });
    const s = marksOf(m, 0, { reactionM: 20.8, brakingM: 13.8 });
    expect(s.map((x) => x.kind)).toEqual(['reaction', 'braking', 'ref-reaction', 'ref-braking']);
    expect(s[0]!.length).toBeCloseTo(13.9, 6);
    expect(s[1]!.from).toEqual(s[0]!.to);
    expect(s[1]!.to.x).toBeCloseTo(127.7, 6);
    expect(s[2]!.offset).toBe(REFERENCE_OFFSET);
    expect(s[3]!.to.x).toBeCloseTo(100 + 20.8 + 13.8, 6);
  });

  it('no marks before the hazard; a car that never braked (it hit) has only its reaction run', () => {
    expect(marksOf(emptyDriveMeasureFor({}), 0, null)).toEqual([]);
    const hit = emptyDriveMeasureFor({ onset: 50, stop: 80 });
    expect(marksOf(hit, 0, null).map((x) => [x.kind, x.length])).toEqual([['reaction', 30]]);
  });
});

describe('buckling up in a headset', () => {
  const head: RigPoint = { x: 0, y: 1.2, z: 0 };
  const add = (a: RigPoint, b: RigPoint): RigPoint => ({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });
  const hand = (pos: RigPoint, grip: boolean): HandGrip => ({ pos, grip });
  const restAt = add(head, TONGUE_REST);
  const buckleAt = add(head, BUCKLE);

  it('reach for the tongue by the left shoulder, grip, pull it across, let go at the buckle: buckled', () => {
    const s = beltState();
    expect(stepBelt(s, head, null, hand({ x: 0.3, y: 1.0, z: -0.3 }, false))).toBeNull();
    expect(s.tongue).toEqual(restAt);
    // the right hand reaches over and grips
    stepBelt(s, head, null, hand(add(restAt, { x: 0.05, y: 0, z: 0 }), false));
    stepBelt(s, head, null, hand(add(restAt, { x: 0.05, y: 0, z: 0 }), true));
    expect(s.phase).toBe('held');
    // across the chest: the tongue follows the hand
    const mid = { x: 0, y: 0.85, z: -0.15 };
    stepBelt(s, head, null, hand(mid, true));
    expect(s.tongue).toEqual(mid);
    stepBelt(s, head, null, hand(add(buckleAt, { x: 0.05, y: 0.03, z: 0 }), true));
    expect(stepBelt(s, head, null, hand(add(buckleAt, { x: 0.05, y: 0.03, z: 0 }), false))).toBe('buckled');
    expect(s.phase).toBe('buckled');
    expect(s.tongue).toEqual(buckleAt);
  });

  it('let go half way and it slides back; a grip held since before the reach does not grab; too far does not grab', () => {
    const s = beltState();
    // gripping already, away from the belt, then arriving at it: not a grab
    stepBelt(s, head, hand({ x: -0.4, y: 1.0, z: -0.4 }, true), null);
    stepBelt(s, head, hand(restAt, true), null);
    expect(s.phase).toBe('rest');
    stepBelt(s, head, hand(add(restAt, { x: GRAB_RADIUS + 0.05, y: 0, z: 0 }), false), null);
    stepBelt(s, head, hand(add(restAt, { x: GRAB_RADIUS + 0.05, y: 0, z: 0 }), true), null);
    expect(s.phase).toBe('rest');
    stepBelt(s, head, hand(restAt, false), null);
    stepBelt(s, head, hand(restAt, true), null);
    expect(s.phase).toBe('held');
    const short = add(buckleAt, { x: 0, y: CLICK_RADIUS + 0.1, z: 0 });
    stepBelt(s, head, hand(short, true), null);
    expect(stepBelt(s, head, hand(short, false), null)).toBeNull();
    expect(s.phase).toBe('rest');
    expect(s.tongue).toEqual(restAt);
  });

  it('grip it at the buckle and pull away: unfastened; the game can set it either way', () => {
    const s = beltState();
    setBelt(s, head, true);
    expect(s.tongue).toEqual(buckleAt);
    stepBelt(s, head, null, hand(buckleAt, false));
    expect(stepBelt(s, head, null, hand(buckleAt, true))).toBe('unbuckled');
    stepBelt(s, head, null, hand({ x: 0.1, y: 0.9, z: -0.3 }, true));
    stepBelt(s, head, null, hand({ x: 0.1, y: 0.9, z: -0.3 }, false));
    expect(s.phase).toBe('rest');
    // placed relative to the head: a standing visitor's belt is higher
    const standing = { x: 0, y: 1.7, z: 0 };
    setBelt(s, standing, false);
    expect(s.tongue.y).toBeCloseTo(1.7 + TONGUE_REST.y, 9);
  });
});
