// The eight traffic-police hand signals (facts 6.7) as arm poses, and a pure classifier that tells
// which one a pair of arms shows. There is no "right-turn waiting" signal (the trap of 6.7): no pose
// maps to it, so it can only be a wrong answer.
//
// Frames. A pose is measured in the performer's BODY frame: metres from the head, x to the right,
// y up, z forward (where the face looks). `bodyFrame` turns positions in any y-up, right-handed
// space (the sim's, three's, the XR reference space) with the head's yaw in the sim's convention
// (0 = +x, growing towards +z) into that frame, so the rig's own turning never matters.
//
// Classification. Each arm is estimated from a shoulder point under the head to the hand (a
// controller's grip or a hand's wrist) and named by direction: hanging down, raised forward-up,
// straight forward, out to the side, across the body, down and out, down and forward. The signal
// is the pair (left, right) in KEY_POSES; any other pair (both down, both up, both forward, hands
// at the face …) is no signal. Only the held key frame of each signal is read, not the swing
// (the swing is what the officer model animates) and not the palm: controllers have no palm.

export const HAND_SIGNALS = ['stop', 'straight', 'left-turn', 'left-turn-waiting', 'right-turn', 'change-lane', 'slow-down', 'pull-over'] as const;
export type HandSignal = (typeof HAND_SIGNALS)[number];

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** Both hands in the body frame (x right, y up, z forward, metres from the head). */
export interface ArmPose {
  left: Vec3;
  right: Vec3;
}

/** Where a tracked hand is in the world, with the head, as a headset reports them. */
export interface TrackedPose {
  head: Vec3;
  /** the head's yaw, rad, in the sim's heading convention */
  yaw: number;
  left: Vec3;
  right: Vec3;
}

/** A point of the world in the body frame of a head at `head` looking along `yaw`. */
export function bodyFrame(head: Vec3, yaw: number, p: Vec3, out: Vec3 = { x: 0, y: 0, z: 0 }): Vec3 {
  const dx = p.x - head.x;
  const dz = p.z - head.z;
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  out.x = -dx * s + dz * c;
  out.y = p.y - head.y;
  out.z = dx * c + dz * s;
  return out;
}

/** The inverse of bodyFrame: a body-frame point back into the world. */
export function worldFrame(head: Vec3, yaw: number, b: Vec3, out: Vec3 = { x: 0, y: 0, z: 0 }): Vec3 {
  const c = Math.cos(yaw);
  const s = Math.sin(yaw);
  out.x = head.x + b.z * c - b.x * s;
  out.y = head.y + b.y;
  out.z = head.z + b.z * s + b.x * c;
  return out;
}

export function armPoseOf(t: TrackedPose): ArmPose {
  return { left: bodyFrame(t.head, t.yaw, t.left), right: bodyFrame(t.head, t.yaw, t.right) };
}

/** An arm's direction from the shoulder: elevation (+ up) and azimuth (0 forward, + out to its own side, − across the body), degrees. */
export interface ArmDirection {
  elev: number;
  az: number;
}

export type ArmClass = 'down' | 'up' | 'forward' | 'side' | 'across' | 'down-out' | 'down-forward' | 'bent' | 'other';

/** The shoulder under the head, body frame: a typical adult's (the classifier reads angles, so size matters little). */
export const SHOULDER = { out: 0.18, drop: 0.24, back: 0.02 } as const;
/** a hand closer than this to its shoulder is a bent arm (at the face, on the chest), m */
const MIN_REACH = 0.3;

const DEG = 180 / Math.PI;

/** The direction of one arm; side −1 left, +1 right. */
export function armDirection(hand: Vec3, side: -1 | 1): ArmDirection & { reach: number } {
  const vx = hand.x - side * SHOULDER.out;
  const vy = hand.y + SHOULDER.drop;
  const vz = hand.z + SHOULDER.back;
  const reach = Math.hypot(vx, vy, vz);
  const elev = reach > 0 ? Math.asin(Math.max(-1, Math.min(1, vy / reach))) * DEG : 0;
  const az = Math.atan2(vx * side, vz) * DEG;
  return { elev, az, reach };
}

/** Name an arm's direction (the classes the key poses are made of). */
export function classifyArm(hand: Vec3, side: -1 | 1): ArmClass {
  const { elev, az, reach } = armDirection(hand, side);
  // a hanging arm need not be straight; the others must be stretched out
  if (elev < -62) return 'down';
  if (reach < MIN_REACH) return 'bent';
  if (elev > 28) return az > -40 && az < 65 ? 'up' : 'other';
  if (elev >= -18) {
    if (az >= -22 && az <= 28) return 'forward';
    if (az >= 62 && az <= 120) return 'side';
    if (az <= -28 && az >= -100 && elev <= 25) return 'across';
    return 'other';
  }
  // between 18° and 62° below the horizontal
  if (az >= 32 && az <= 95) return 'down-out';
  if (az >= -25 && az <= 25) return 'down-forward';
  return 'other';
}

/**
 * The held key frame of each signal (facts 6.7, the officer's own left and right), as the arm
 * classes the classifier reads and the directions the officer model and the fixture script use.
 * `swing` is where the moving arm goes to and back (the model animates it; the classifier reads
 * the key frame).
 */
export const KEY_POSES: Record<HandSignal, { left: ArmClass; right: ArmClass; dir: { left: ArmDirection; right: ArmDirection }; swing?: { arm: 'left' | 'right'; to: ArmDirection } }> = {
  // left arm raised forward-up, palm forward
  stop: { left: 'up', right: 'down', dir: { left: { elev: 55, az: 10 }, right: { elev: -85, az: 10 } } },
  // both arms out to the sides; the right arm swings to the left (to the front)
  straight: { left: 'side', right: 'side', dir: { left: { elev: 0, az: 90 }, right: { elev: 0, az: 90 } }, swing: { arm: 'right', to: { elev: 0, az: 0 } } },
  // right arm straight forward; the left arm swings to the front-right
  'left-turn': { left: 'across', right: 'forward', dir: { left: { elev: 0, az: -50 }, right: { elev: 0, az: 0 } }, swing: { arm: 'left', to: { elev: -5, az: -5 } } },
  // left arm down to the left, palm down, swinging downward
  'left-turn-waiting': { left: 'down-out', right: 'down', dir: { left: { elev: -40, az: 65 }, right: { elev: -85, az: 10 } }, swing: { arm: 'left', to: { elev: -55, az: 65 } } },
  // left arm straight forward; the right arm swings to the front-left
  'right-turn': { left: 'forward', right: 'across', dir: { left: { elev: 0, az: 0 }, right: { elev: 0, az: -50 } }, swing: { arm: 'right', to: { elev: -5, az: -5 } } },
  // right arm forward, palm left, swinging horizontally to the left
  'change-lane': { left: 'down', right: 'forward', dir: { left: { elev: -85, az: 10 }, right: { elev: 0, az: 5 } }, swing: { arm: 'right', to: { elev: 0, az: -18 } } },
  // right arm forward-right, palm down, swinging downward
  'slow-down': { left: 'down', right: 'down-out', dir: { left: { elev: -85, az: 10 }, right: { elev: -30, az: 50 } }, swing: { arm: 'right', to: { elev: -45, az: 50 } } },
  // left arm raised forward-up; right arm forward-down, palm left, swinging horizontally left
  'pull-over': { left: 'up', right: 'down-forward', dir: { left: { elev: 55, az: 10 }, right: { elev: -35, az: 5 } }, swing: { arm: 'right', to: { elev: -35, az: -20 } } },
};

/** The hands where a body of this shoulder width and arm length puts them for arm directions. */
export function handsFor(dir: { left: ArmDirection; right: ArmDirection }, arm = 0.6, shoulder: { out: number; drop: number; back: number } = SHOULDER): ArmPose {
  const hand = (d: ArmDirection, side: -1 | 1): Vec3 => {
    const e = d.elev / DEG;
    const a = d.az / DEG;
    const h = Math.cos(e) * arm;
    return { x: side * shoulder.out + side * Math.sin(a) * h, y: -shoulder.drop + Math.sin(e) * arm, z: -shoulder.back + Math.cos(a) * h };
  };
  return { left: hand(dir.left, -1), right: hand(dir.right, 1) };
}

/** Which signal the arms show, or null when they show none of the eight. */
export function classifyPose(p: ArmPose): HandSignal | null {
  const l = classifyArm(p.left, -1);
  const r = classifyArm(p.right, 1);
  for (const s of HAND_SIGNALS) if (KEY_POSES[s].left === l && KEY_POSES[s].right === r) return s;
  return null;
}

/** A signal counts as performed once it has been held this long, s (a passing swing does not count). */
export const HOLD_SECONDS = 0.8;

/** Follows a stream of poses and reports a signal once it has been held for HOLD_SECONDS. */
export class SignalHold {
  private current: HandSignal | null = null;
  private held = 0;

  /** the signal held now (not necessarily long enough) */
  get showing(): HandSignal | null {
    return this.current;
  }

  /** Feed a frame's pose (null: no tracking); returns the signal when it has just been held long enough. */
  update(p: ArmPose | null, dt: number): HandSignal | null {
    const s = p ? classifyPose(p) : null;
    if (s !== this.current) {
      this.current = s;
      this.held = 0;
      return null;
    }
    if (s === null) return null;
    const before = this.held;
    this.held += dt;
    return before < HOLD_SECONDS && this.held >= HOLD_SECONDS ? s : null;
  }

  reset(): void {
    this.current = null;
    this.held = 0;
  }
}
