// The hand-signal classifier against the recorded pose fixtures (fixtures/poses.json, written by
// scripts/signals-poses.ts): each of the eight signals of facts 6.7 is recognised for a child, an
// adult and a tall body standing anywhere and facing any way; wrong poses are none of them; a
// signal counts only once held.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armPoseOf, bodyFrame, classifyArm, classifyPose, handsFor, HAND_SIGNALS, HOLD_SECONDS, KEY_POSES, SignalHold, worldFrame, type HandSignal } from './handSignals.ts';
import { generatePoseFixtures, type PoseFixture } from './poseFixtures.ts';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/poses.json', import.meta.url), 'utf8')) as { fixtures: PoseFixture[] };

describe('hand signals: the classifier', () => {
  it('has the eight signals of facts 6.7 and no right-turn waiting', () => {
    expect(HAND_SIGNALS).toHaveLength(8);
    expect(HAND_SIGNALS).not.toContain('right-turn-waiting' as HandSignal);
    // every key pose is a different pair of arm classes
    const pairs = HAND_SIGNALS.map((s) => `${KEY_POSES[s].left}|${KEY_POSES[s].right}`);
    expect(new Set(pairs).size).toBe(8);
  });

  it('body frame: right is to the right of where the head looks, forward is ahead', () => {
    // facing +x (yaw 0) the right-hand side is +z; facing −z (yaw −90°) it is +x
    const head = { x: 1, y: 1.6, z: 2 };
    expect(bodyFrame(head, 0, { x: 1, y: 1.6, z: 3 }).x).toBeCloseTo(1);
    expect(bodyFrame(head, 0, { x: 2, y: 1.6, z: 2 }).z).toBeCloseTo(1);
    const b = bodyFrame(head, -Math.PI / 2, { x: 2, y: 1.2, z: 1 });
    expect([b.x, b.y, b.z].map((v) => Math.round(v * 1000) / 1000)).toEqual([1, -0.4, 1]);
    const w = worldFrame(head, 0.7, bodyFrame(head, 0.7, { x: 3, y: 1, z: -4 }));
    expect([w.x, w.y, w.z].map((v) => Math.round(v * 1000) / 1000)).toEqual([3, 1, -4]);
  });

  it('the recorded fixtures are the generator\'s output (re-run scripts/signals-poses.ts after a deliberate change)', () => {
    expect(recorded.fixtures).toEqual(JSON.parse(JSON.stringify(generatePoseFixtures())));
  });

  const signals = recorded.fixtures.filter((f) => f.expect !== null);
  const wrong = recorded.fixtures.filter((f) => f.expect === null);

  it('recognises each of the eight in every recorded pose (three bodies, three each)', () => {
    expect(signals).toHaveLength(8 * 9);
    for (const s of HAND_SIGNALS) expect(signals.filter((f) => f.expect === s).length, s).toBe(9);
    for (const f of signals) expect(classifyPose(armPoseOf(f.pose)), f.name).toBe(f.expect);
  });

  it('rejects every recorded wrong pose (rest, both up, both forward, mirrored signals, one arm out …)', () => {
    expect(wrong.length).toBeGreaterThanOrEqual(12 * 9);
    for (const f of wrong) expect(classifyPose(armPoseOf(f.pose)), f.name).toBeNull();
  });

  it('a bent arm (a hand at the face) is no direction; a swing half-way is no signal', () => {
    expect(classifyArm({ x: -0.1, y: -0.05, z: 0.15 }, -1)).toBe('bent');
    // straight: the right arm on its way to the front reads as no signal, not as a turn
    const mid = handsFor({ left: KEY_POSES.straight.dir.left, right: { elev: 0, az: 45 } });
    expect(classifyPose(mid)).toBeNull();
  });

  it('a signal counts once held for the hold time, and once', () => {
    const hold = new SignalHold();
    const stop = handsFor(KEY_POSES.stop.dir);
    const rest = handsFor(KEY_POSES['change-lane'].dir);
    let got: HandSignal | null = null;
    let t = 0;
    for (; t < HOLD_SECONDS - 0.1; t += 0.05) expect(hold.update(stop, 0.05)).toBeNull();
    // a different pose in between starts the count again
    expect(hold.update(rest, 0.05)).toBeNull();
    const hits: HandSignal[] = [];
    for (let i = 0; i < 40; i++) {
      got = hold.update(stop, 0.05);
      if (got) hits.push(got);
    }
    expect(hits).toEqual(['stop']);
    expect(hold.update(null, 0.05)).toBeNull();
    expect(hold.showing).toBeNull();
  });
});
