// Stage 1 and 2 of the zone, as geometry: the visitor walks round a standing truck and sets markers
// down where they think its driver cannot see them; from the cab each marker is then judged by the
// sim's own sight-line maths (src/sim/geometry/blindZone.ts): seen straight through the glass, seen
// in a mirror, or hidden — and hidden by what (the sill, a door pillar, the rear wall). The walk
// itself is kept as a track, each point marked hidden or seen, so the cab can show the visitor
// their own path as the driver saw it.
import type { Agent } from '../../sim/agents/agent.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import type { AgentKind } from '../../sim/def.ts';
import { directSight, inBlindZone, mirrorSees, type BodySpec, type CabSpec, type SightBlocker, type ZoneSide } from '../../sim/geometry/blindZone.ts';

/** A vehicle's pose as the maths needs it: middle of the (tractor) body, heading, body length. */
export interface TruckPose {
  x: number;
  z: number;
  heading: number;
  /** length of the (tractor) body the bumper is measured from */
  length: number;
}

/** The whole vehicle's outline for blind zones: bumper to tail when straight (facts 4.3 zones hug it). */
export function bodyOf(kind: AgentKind): BodySpec {
  const s = SPECS[kind];
  const t = s.trailer;
  return { length: t ? s.frontOverhang + s.wheelbase - s.kingpinOffset + t.length - t.front : s.length, width: s.width };
}

export function cabOf(kind: AgentKind): CabSpec {
  const cab = SPECS[kind].cab;
  if (!cab) throw new Error(`a ${kind} has no cab to look out of`);
  return cab;
}

export const poseOf = (a: Agent): TruckPose => ({ x: a.x, z: a.z, heading: a.heading, length: a.length });

/** Cab frame of a world point: u forward from the front bumper, v to the driver's right. */
export function toCab(t: TruckPose, x: number, z: number, out = { u: 0, v: 0 }): { u: number; v: number } {
  const c = Math.cos(t.heading), s = Math.sin(t.heading);
  const bx = t.x + c * (t.length / 2), bz = t.z + s * (t.length / 2);
  const dx = x - bx, dz = z - bz;
  out.u = dx * c + dz * s;
  out.v = -dx * s + dz * c;
  return out;
}

/** World point of a cab-frame point. */
export function fromCab(t: TruckPose, u: number, v: number): [number, number] {
  const c = Math.cos(t.heading), s = Math.sin(t.heading);
  const bx = t.x + c * (t.length / 2), bz = t.z + s * (t.length / 2);
  return [bx + c * u - s * v, bz + s * u + c * v];
}

/** Which of facts 4.3's zones a cab-frame point belongs to (the same split as the sim's polygons). */
export function sideOf(body: BodySpec, u: number, v: number): ZoneSide {
  if (u > 0) return 'front';
  if (u < -body.length) return 'rear';
  return v > 0 ? 'right' : 'left';
}

export interface Marker {
  id: number;
  x: number;
  z: number;
}

export interface MarkerVerdict extends Marker {
  /** the driver cannot see someone of the visitor's height standing here */
  hidden: boolean;
  /** facts 4.3 zone the marker lies in (front, right, left, rear) */
  side: ZoneSide;
  /** how the driver sees it: 'direct' (through the glass), a mirror's name, or null (hidden) */
  seenBy: string | null;
  /** every mirror that shows it (a marker may be in more than one) */
  mirrors: string[];
  /** why the direct sight line fails ('none' when it does not) */
  blocker: SightBlocker;
}

export interface SightSetup {
  cab: CabSpec;
  body: BodySpec;
  /** the visitor's height, m */
  height: number;
  /** blind zones reach this far from the body (the world's blindZoneMargin) */
  margin: number;
}

/** Judge one point from the cab of a truck standing at `t`. */
export function judge(t: TruckPose, s: SightSetup, m: Marker): MarkerVerdict {
  const { u, v } = toCab(t, m.x, m.z);
  const hidden = inBlindZone(s.cab, s.body, u, v, s.height, s.margin);
  const blocker = directSight(s.cab, s.body, u, v, s.height);
  const mirrors = s.cab.mirrors.filter((mi) => mirrorSees(mi, s.body, u, v)).map((mi) => mi.name);
  // seen through the glass first; else in the first mirror that shows it
  const seenBy = hidden ? null : blocker === 'none' ? 'direct' : (mirrors[0] ?? 'direct');
  return { ...m, hidden, side: sideOf(s.body, u, v), seenBy, blocker, mirrors };
}

export type PlaceProblem = 'full' | 'on-truck' | 'too-far' | 'too-close';

/** two markers at least this far apart, m */
export const MARKER_SPACING = 0.4;

/**
 * Can a marker go at (x, z)? null when it can, else why not. Markers stay within `reach` of the
 * body: the blind zones hug the vehicle (facts 4.3), and the sim judges nothing beyond its margin.
 */
export function placeProblem(t: TruckPose, body: BodySpec, markers: readonly Marker[], max: number, reach: number, x: number, z: number): PlaceProblem | null {
  if (markers.length >= max) return 'full';
  const { u, v } = toCab(t, x, z);
  const hw = body.width / 2;
  if (u <= 0.1 && u >= -body.length - 0.1 && Math.abs(v) <= hw + 0.1) return 'on-truck';
  const du = u > 0 ? u : u < -body.length ? -body.length - u : 0;
  const dv = Math.max(0, Math.abs(v) - hw);
  if (Math.hypot(du, dv) > reach) return 'too-far';
  if (markers.some((m) => Math.hypot(m.x - x, m.z - z) < MARKER_SPACING)) return 'too-close';
  return null;
}

export interface TrackPoint {
  x: number;
  z: number;
  /** the driver could not see the visitor here */
  hidden: boolean;
}

/** The visitor's walk round the truck, a point every `every` seconds (at most `max` points). */
export class WalkTrack {
  readonly points: TrackPoint[] = [];
  private next = 0;
  constructor(
    private readonly every = 0.5,
    private readonly max = 600,
  ) {}

  add(t: number, x: number, z: number, hidden: boolean): void {
    if (t < this.next || this.points.length >= this.max) return;
    this.next = t + this.every;
    const last = this.points[this.points.length - 1];
    // standing still adds nothing new
    if (last && Math.hypot(last.x - x, last.z - z) < 0.05 && last.hidden === hidden) return;
    this.points.push({ x, z, hidden });
  }

  /** share of the walk (by length) the driver could not see */
  hiddenShare(): number {
    let all = 0, hid = 0;
    for (let i = 1; i < this.points.length; i++) {
      const a = this.points[i - 1]!, b = this.points[i]!;
      const d = Math.hypot(b.x - a.x, b.z - a.z);
      all += d;
      if (a.hidden && b.hidden) hid += d;
    }
    return all > 0 ? hid / all : 0;
  }
}
