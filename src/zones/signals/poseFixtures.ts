// Pose fixtures for the hand-signal classifier: what a headset reports (head position and yaw,
// both hands in the world) when people of different sizes, standing anywhere and facing any way,
// hold each of the eight signals — and poses that are no signal. Generated, seeded, from the key
// directions of handSignals.ts with each arm off by up to ±JITTER degrees, and written to
// fixtures/poses.json by `npx tsx scripts/signals-poses.ts` (the test reads the file, so a change
// to the classifier is checked against the recorded poses, not against themselves).
import { Rng } from '../../sim/rng.ts';
import { handsFor, HAND_SIGNALS, KEY_POSES, worldFrame, type ArmDirection, type HandSignal, type TrackedPose } from './handSignals.ts';

export interface PoseFixture {
  /** what the pose is: a signal, or a description of a wrong pose */
  name: string;
  /** the signal it shows, or null */
  expect: HandSignal | null;
  pose: TrackedPose;
}

/** degrees each arm may be off the key direction */
export const JITTER = 8;

/** bodies: shoulder half-width, shoulder drop under the eyes, arm length to the grip/wrist (m), eye height */
export const BODIES = {
  child: { out: 0.14, drop: 0.2, back: 0.02, arm: 0.45, eye: 1.2 },
  adult: { out: 0.18, drop: 0.24, back: 0.02, arm: 0.6, eye: 1.6 },
  tall: { out: 0.2, drop: 0.27, back: 0.03, arm: 0.7, eye: 1.8 },
} as const;

/** Poses that are none of the eight: resting, both up, both forward, hands on the head, arms folded, one arm out… */
export const WRONG_POSES: Record<string, { left: ArmDirection; right: ArmDirection }> = {
  'arms at rest': { left: { elev: -85, az: 10 }, right: { elev: -85, az: 10 } },
  'both arms up': { left: { elev: 60, az: 10 }, right: { elev: 60, az: 10 } },
  'both arms forward': { left: { elev: 0, az: 0 }, right: { elev: 0, az: 0 } },
  'right arm up only (mirrored stop)': { left: { elev: -85, az: 10 }, right: { elev: 55, az: 10 } },
  'left arm out to the side only': { left: { elev: 0, az: 90 }, right: { elev: -85, az: 10 } },
  'right arm out to the side only': { left: { elev: -85, az: 10 }, right: { elev: 0, az: 90 } },
  'left arm forward only': { left: { elev: 0, az: 0 }, right: { elev: -85, az: 10 } },
  'arms straight up overhead': { left: { elev: 85, az: 0 }, right: { elev: 85, az: 0 } },
  'left arm down and forward only (mirrored pull-over hand)': { left: { elev: -35, az: 5 }, right: { elev: -85, az: 10 } },
  'both arms down and out': { left: { elev: -40, az: 65 }, right: { elev: -40, az: 65 } },
  'left arm up, right arm out to the side': { left: { elev: 55, az: 10 }, right: { elev: 0, az: 90 } },
  'waving both arms across': { left: { elev: 0, az: -50 }, right: { elev: 0, az: -50 } },
};

const jitter = (d: ArmDirection, rng: Rng): ArmDirection => ({ elev: d.elev + rng.range(-JITTER, JITTER), az: d.az + rng.range(-JITTER, JITTER) });

function place(dir: { left: ArmDirection; right: ArmDirection }, body: (typeof BODIES)[keyof typeof BODIES], rng: Rng): TrackedPose {
  const arms = handsFor({ left: jitter(dir.left, rng), right: jitter(dir.right, rng) }, body.arm, body);
  const head = { x: rng.range(-20, 20), y: body.eye + rng.range(-0.03, 0.03), z: rng.range(-20, 20) };
  const yaw = rng.range(-Math.PI, Math.PI);
  return { head, yaw, left: worldFrame(head, yaw, arms.left), right: worldFrame(head, yaw, arms.right) };
}

/** Every fixture: each signal and each wrong pose, for each body, `perBody` times. */
export function generatePoseFixtures(seed = 6007, perBody = 3): PoseFixture[] {
  const rng = new Rng(seed);
  const out: PoseFixture[] = [];
  const round = (p: TrackedPose): TrackedPose => {
    const r = (v: number) => Math.round(v * 1000) / 1000;
    const v3 = (v: { x: number; y: number; z: number }) => ({ x: r(v.x), y: r(v.y), z: r(v.z) });
    return { head: v3(p.head), yaw: Math.round(p.yaw * 10000) / 10000, left: v3(p.left), right: v3(p.right) };
  };
  for (const [bodyName, body] of Object.entries(BODIES))
    for (let i = 0; i < perBody; i++) {
      for (const s of HAND_SIGNALS) out.push({ name: `${s} (${bodyName})`, expect: s, pose: round(place(KEY_POSES[s].dir, body, rng)) });
      for (const [name, dir] of Object.entries(WRONG_POSES)) out.push({ name: `${name} (${bodyName})`, expect: null, pose: round(place(dir, body, rng)) });
    }
  return out;
}
