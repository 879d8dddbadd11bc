// The marks a drive leaves on the road, as the result shows them: from where the hazard began to
// where the brake went on (the reaction distance), from there to where the car stood (the braking
// distance), and the reference of facts 5.16 (a 1.5 s surprise reaction and the surface's braking)
// laid beside them from the same starting point. Stripes along the road in world metres, from the
// engine's measurement; the scene turns them into flat quads and labels.
import type { DriveMeasure, Point } from './drive.ts';

export type MarkKind = 'reaction' | 'braking' | 'ref-reaction' | 'ref-braking' | 'blind';

export interface Stripe {
  kind: MarkKind;
  /** start and end on the road (the car's front) */
  from: Point;
  to: Point;
  /** metres along the road */
  length: number;
  /** sideways offset from the car's line, m (+ = right of the direction of travel) */
  offset: number;
}

/** the reference stripes run this far to the right of the car's own, m */
export const REFERENCE_OFFSET = 1.2;

function along(from: Point, heading: number, m: number): Point {
  return { x: from.x + Math.cos(heading) * m, z: from.z + Math.sin(heading) * m };
}

function stripe(kind: MarkKind, from: Point, to: Point, offset: number): Stripe {
  return { kind, from, to, length: Math.hypot(to.x - from.x, to.z - from.z), offset };
}

/**
 * The stripes of a measured drive (none before the hazard began). `heading` is the road's direction;
 * `reference` the distances facts 5.16's formula gives for this drive, or null.
 */
export function marksOf(m: DriveMeasure, heading: number, reference: { reactionM: number; brakingM: number } | null): Stripe[] {
  const out: Stripe[] = [];
  if (!m.onsetAt) return out;
  const end = m.stopAt;
  if (m.brakeAt && m.reactionM !== null && m.reactionM > 0.01) out.push(stripe('reaction', m.onsetAt, m.brakeAt, 0));
  if (m.brakeAt && end) out.push(stripe('braking', m.brakeAt, end, 0));
  else if (!m.brakeAt && end) out.push(stripe('reaction', m.onsetAt, end, 0));
  if (reference) {
    const r = along(m.onsetAt, heading, reference.reactionM);
    out.push(stripe('ref-reaction', m.onsetAt, r, REFERENCE_OFFSET));
    out.push(stripe('ref-braking', r, along(r, heading, reference.brakingM), REFERENCE_OFFSET));
  }
  return out;
}
