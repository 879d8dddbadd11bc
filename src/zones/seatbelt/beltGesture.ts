// Buckling up in a headset, with a controller or a bare hand: the belt's tongue hangs by the
// visitor's outboard shoulder (the driver sits on the left, so the belt comes from the left pillar);
// the visitor reaches for it, grips it (squeeze, trigger or a pinch), pulls it across the chest and
// lets go at the buckle by the other hip: buckled. Let go anywhere else and it slides back. Gripping
// it at the buckle and pulling it away unfastens it. Positions are in the rig's frame (x right, y up,
// z back: the car faces −z) and placed relative to the head, so it works seated or standing.

export interface RigPoint {
  x: number;
  y: number;
  z: number;
}

export interface HandGrip {
  /** where the hand (or controller grip) is */
  pos: RigPoint;
  /** squeezed, trigger pulled or pinching */
  grip: boolean;
}

export type BeltPhase = 'rest' | 'held' | 'buckled';

export interface BeltState {
  phase: BeltPhase;
  /** where the tongue is now (follows the holding hand) */
  tongue: RigPoint;
  /** the hand holding it */
  hand: 'left' | 'right' | null;
  /** the grip of each hand last frame (a grab is a new grip, not one held since before) */
  wasGripping: { left: boolean; right: boolean };
}

/** where the tongue rests, from the head: by the left shoulder, a little behind it */
export const TONGUE_REST: RigPoint = { x: -0.24, y: -0.3, z: 0.06 };
/** where the buckle is, from the head: by the right hip, a little forward */
export const BUCKLE: RigPoint = { x: 0.2, y: -0.62, z: -0.08 };
/** a hand this close to the tongue can take it, m */
export const GRAB_RADIUS = 0.15;
/** the tongue this close to the buckle when let go clicks in, m */
export const CLICK_RADIUS = 0.12;

export function beltState(): BeltState {
  return { phase: 'rest', tongue: { x: 0, y: 0, z: 0 }, hand: null, wasGripping: { left: false, right: false } };
}

const dist = (a: RigPoint, b: RigPoint): number => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
const at = (head: RigPoint, off: RigPoint, out: RigPoint): RigPoint => {
  out.x = head.x + off.x;
  out.y = head.y + off.y;
  out.z = head.z + off.z;
  return out;
};

const restScratch: RigPoint = { x: 0, y: 0, z: 0 };
const buckleScratch: RigPoint = { x: 0, y: 0, z: 0 };

/**
 * One frame: the head and each hand (null when not tracked). Returns what changed: 'buckled',
 * 'unbuckled' (taken out of the buckle) or null.
 */
export function stepBelt(s: BeltState, head: RigPoint, left: HandGrip | null, right: HandGrip | null): 'buckled' | 'unbuckled' | null {
  const rest = at(head, TONGUE_REST, restScratch);
  const buckle = at(head, BUCKLE, buckleScratch);
  const hands = { left, right };
  const grabbed = (side: 'left' | 'right'): boolean => {
    const h = hands[side];
    return !!h && h.grip && !s.wasGripping[side] && dist(h.pos, s.tongue) <= GRAB_RADIUS;
  };
  let change: 'buckled' | 'unbuckled' | null = null;

  if (s.phase === 'rest') {
    Object.assign(s.tongue, rest);
    for (const side of ['right', 'left'] as const)
      if (grabbed(side)) {
        s.phase = 'held';
        s.hand = side;
        break;
      }
  } else if (s.phase === 'buckled') {
    Object.assign(s.tongue, buckle);
    for (const side of ['right', 'left'] as const)
      if (grabbed(side)) {
        s.phase = 'held';
        s.hand = side;
        change = 'unbuckled';
        break;
      }
  }
  if (s.phase === 'held') {
    const h = s.hand ? hands[s.hand] : null;
    if (h && h.grip) Object.assign(s.tongue, h.pos);
    else {
      // let go (or the hand was lost): clicks in at the buckle, else slides back to the shoulder
      const near = dist(s.tongue, buckle) <= CLICK_RADIUS;
      s.phase = near ? 'buckled' : 'rest';
      Object.assign(s.tongue, near ? buckle : rest);
      s.hand = null;
      if (near) change = 'buckled';
    }
  }
  s.wasGripping.left = !!left?.grip;
  s.wasGripping.right = !!right?.grip;
  return change;
}

/** Put the belt in a state the game says (e.g. the flat button buckled it, or a new crash). */
export function setBelt(s: BeltState, head: RigPoint, buckled: boolean): void {
  s.phase = buckled ? 'buckled' : 'rest';
  s.hand = null;
  at(head, buckled ? BUCKLE : TONGUE_REST, s.tongue);
}
