// Turns an actor's route (lane ids and turn words) or path (waypoints) into one polyline the agent
// rides along, annotated with what lies on it: which lane each stretch is, the stop lines it meets
// (with the turn it makes after them, for right-on-red) and the crossings it passes. Compiled once
// per actor definition and shared by every agent of a flow.
import { TURNS, type AgentKind, type LaneKind, type Turn, type Vec2 } from '../def.ts';
import { wrapAngle } from '../math.ts';
import { crossesStop, junctionAreaAt, junctionAt, laneAt, type RoadNet, type RtCrossing, type RtLane } from './network.ts';
import { Polyline, type PoseOut, type ProjectionOut } from './polyline.ts';

export interface PathPiece {
  s0: number;
  s1: number;
  /** lane index, or -1 inside a junction / off the lanes */
  lane: number;
  junction: number;
  /** travelling against the lane's direction here (wrong-way) */
  against: boolean;
}

export interface PathStop {
  s: number;
  stop: number;
  head: number;
  rightOnRed: boolean;
  turn: Turn;
}

export interface PathCrossing {
  s0: number;
  s1: number;
  crossing: number;
  head: number;
}

export interface RoutePath {
  index: number;
  line: Polyline;
  pieces: PathPiece[];
  stops: PathStop[];
  crossings: PathCrossing[];
  /** per segment: the highest speed at which its bend is comfortable, m/s */
  vCurve: Float64Array;
}

/** comfortable lateral acceleration through a bend, m/s² */
const A_LAT = 2.0;
/** how far from a junction's edge a lane end or start may lie and still belong to it */
const JUNCTION_REACH = 10;

export function laneKindFor(kind: AgentKind): LaneKind {
  return kind === 'pedestrian' ? 'sidewalk' : kind === 'ebike' ? 'non-motor' : 'motor';
}

export function classifyTurn(delta: number): Turn {
  const a = Math.abs(delta);
  if (a < Math.PI / 6) return 'straight';
  if (a > (5 * Math.PI) / 6) return 'uturn';
  // headings grow towards +z, which is the right-hand side of travel
  return delta > 0 ? 'right' : 'left';
}

/** The lane a turn leads into at the junction where `from` ends. */
export function pickTurnLane(net: RoadNet, from: RtLane, turn: Turn, kind: LaneKind): RtLane {
  const ex = from.line.xs[from.line.n - 1]!;
  const ez = from.line.zs[from.line.n - 1]!;
  const j = junctionAt(net, ex, ez, JUNCTION_REACH);
  if (j < 0) throw new Error(`lane "${from.id}" does not end at a junction, so "${turn}" leads nowhere`);
  const jn = net.junctions[j]!;
  const endHeading = from.line.headings[from.line.n - 2]!;
  const near = (x: number, z: number) => Math.hypot(x - jn.cx, z - jn.cz) <= jn.r + JUNCTION_REACH;
  const sameKind = (l: RtLane) => l.kind === kind && l.dir === 1 && l.roadId !== from.roadId && near(l.line.xs[0]!, l.line.zs[0]!);
  let cands = net.lanes.filter((l) => sameKind(l) && classifyTurn(wrapAngle(l.line.headings[0]! - endHeading)) === turn);
  if (cands.length === 0 && turn === 'uturn')
    cands = net.lanes.filter((l) => l.kind === kind && l.dir === 1 && l.roadId === from.roadId && l !== from && near(l.line.xs[0]!, l.line.zs[0]!));
  if (cands.length === 0) throw new Error(`no ${kind} lane turns ${turn} from lane "${from.id}"`);
  cands.sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset) || a.index - b.index);
  if (turn === 'right') return cands[cands.length - 1]!;
  if (turn === 'left' || turn === 'uturn') return cands[0]!;
  // straight on: keep the same rank from the centre line
  const siblings = net.lanes
    .filter((l) => l.roadId === from.roadId && l.kind === from.kind && l.dir === 1 && Math.sign(l.offset) === Math.sign(from.offset))
    .sort((a, b) => Math.abs(a.offset) - Math.abs(b.offset));
  const rank = Math.max(0, siblings.indexOf(from));
  return cands[Math.min(rank, cands.length - 1)]!;
}

/** Points strictly between two lane ends: a straight, a tangent circular arc, or a Bézier fallback. */
export function connectorPoints(x0: number, z0: number, h0: number, x1: number, z1: number, h1: number): Vec2[] {
  const delta = wrapAngle(h1 - h0);
  const d0x = Math.cos(h0), d0z = Math.sin(h0), d1x = Math.cos(h1), d1z = Math.sin(h1);
  if (Math.abs(delta) < 0.02) return [];
  // tangent lines: p0 + a·d0 = p1 − b·d1
  const den = d0x * d1z - d0z * d1x;
  const qx = x1 - x0, qz = z1 - z0;
  const a = (qx * d1z - qz * d1x) / den;
  const b = (d0x * qz - d0z * qx) / den;
  const out: Vec2[] = [];
  if (Math.abs(delta) < (5 * Math.PI) / 6 && a > 0 && b > 0) {
    const t = Math.min(a, b);
    const r = t / Math.tan(Math.abs(delta) / 2);
    const ix = x0 + d0x * a, iz = z0 + d0z * a;
    const tx = ix - d0x * t, tz = iz - d0z * t;
    if (a - t > 0.05) out.push([tx, tz]);
    // centre sits on the side the vehicle turns to
    const side = delta > 0 ? 1 : -1;
    const cx = tx + -d0z * r * side, cz = tz + d0x * r * side;
    const start = Math.atan2(tz - cz, tx - cx);
    const steps = Math.max(2, Math.ceil(Math.abs(delta) / (Math.PI / 24)));
    for (let k = 1; k <= steps; k++) {
      const ang = start + (delta * k) / steps;
      out.push([cx + Math.cos(ang) * r, cz + Math.sin(ang) * r]);
    }
    // the arc ends on the exit tangent point; when that is the next lane's start, let the lane supply it
    if (b - t <= 0.05) out.pop();
    return out;
  }
  // U-turns and odd geometry: a cubic Bézier with handles along both headings
  const dist = Math.hypot(qx, qz);
  const k = Math.max(dist * 0.6, 4);
  const c0x = x0 + d0x * k, c0z = z0 + d0z * k, c1x = x1 - d1x * k, c1z = z1 - d1z * k;
  for (let i = 1; i < 16; i++) {
    const t = i / 16, u = 1 - t;
    out.push([
      u * u * u * x0 + 3 * u * u * t * c0x + 3 * u * t * t * c1x + t * t * t * x1,
      u * u * u * z0 + 3 * u * u * t * c0z + 3 * u * t * t * c1z + t * t * t * z1,
    ]);
  }
  return out;
}

export interface RouteSpec {
  route?: readonly string[];
  path?: readonly Vec2[];
  reversed?: boolean;
}

/** Build the annotated path of an actor. Throws with a message naming the bad step. */
export function buildPath(net: RoadNet, spec: RouteSpec, kind: AgentKind, index: number): RoutePath {
  const laneKind = laneKindFor(kind);
  if (spec.path) {
    const pts = spec.reversed ? [...spec.path].reverse() : [...spec.path];
    return annotate(net, new Polyline(pts), null, kind, index);
  }
  const steps = spec.route ?? [];
  const lanes: RtLane[] = [];
  for (const step of steps) {
    if ((TURNS as readonly string[]).includes(step)) {
      const prev = lanes[lanes.length - 1];
      if (!prev) throw new Error(`route starts with a turn "${step}"`);
      lanes.push(pickTurnLane(net, prev, step as Turn, prev.kind === 'sidewalk' ? 'sidewalk' : prev.kind === 'non-motor' ? 'non-motor' : laneKind));
    } else {
      const lane = net.laneById.get(step);
      if (!lane) throw new Error(`unknown lane "${step}"`);
      lanes.push(lane);
    }
  }
  const seq = spec.reversed ? lanes.slice().reverse() : lanes;
  const pts: Vec2[] = [];
  for (const lane of seq) {
    const lp = spec.reversed ? lane.line.points().reverse() : lane.line.points();
    const last = pts[pts.length - 1];
    if (last) {
      const gap = Math.hypot(lp[0]![0] - last[0], lp[0]![1] - last[1]);
      if (gap > 0.5) {
        const hPrev = Math.atan2(last[1] - pts[pts.length - 2]![1], last[0] - pts[pts.length - 2]![0]);
        const hNext = Math.atan2(lp[1]![1] - lp[0]![1], lp[1]![0] - lp[0]![0]);
        pts.push(...connectorPoints(last[0], last[1], hPrev, lp[0]![0], lp[0]![1], hNext));
      } else lp.shift(); // lanes that meet end to start share the vertex
    }
    pts.push(...lp);
  }
  const line = new Polyline(pts);
  return annotate(net, line, seq, kind, index);
}

function annotate(
  net: RoadNet,
  line: Polyline,
  routeLanes: RtLane[] | null,
  kind: AgentKind,
  index: number,
): RoutePath {
  const pieces: PathPiece[] = [];
  const push = (s0: number, s1: number, lane: number, junction: number, against: boolean) => {
    const last = pieces[pieces.length - 1];
    if (last && last.lane === lane && last.junction === junction && last.against === against) last.s1 = s1;
    else pieces.push({ s0, s1, lane, junction, against });
  };
  // lanes along the path, sampled every half metre so a piece starts where a lane (or a crossing's
  // kerb) does, not where the polyline happens to have a vertex
  const STEP = 0.5;
  const pose: PoseOut = { x: 0, z: 0, heading: 0 };
  let seg = 0;
  for (let s0 = 0; s0 < line.length; s0 += STEP) {
    const s1 = Math.min(line.length, s0 + STEP);
    seg = line.sample((s0 + s1) / 2, pose, seg);
    const mx = pose.x, mz = pose.z;
    // a route's own lanes win where lanes overlap; a lane ridden against still counts as that lane
    let lane = routeLanes ? nearestOf(routeLanes, mx, mz) : -1;
    if (lane < 0) lane = laneAt(net, mx, mz);
    const j = lane < 0 ? junctionAreaAt(net, mx, mz) : -1;
    let against = false;
    if (lane >= 0 && net.lanes[lane]!.dir === 1) {
      net.lanes[lane]!.line.project(mx, mz, proj);
      against = Math.cos(pose.heading - proj.heading) < -0.3;
    }
    push(s0, s1, lane, j, against);
  }

  const stops: PathStop[] = [];
  if (kind !== 'pedestrian') {
    for (const stop of net.stops) {
      for (let i = 0; i < line.n - 1; i++) {
        const x0 = line.xs[i]!, z0 = line.zs[i]!, x1 = line.xs[i + 1]!, z1 = line.zs[i + 1]!;
        if (!crossesStop(stop, x0, z0, x1, z1)) continue;
        // where along the segment: project the stop's middle
        const mx = (stop.ax + stop.bx) / 2, mz = (stop.az + stop.bz) / 2;
        const h = line.headings[i]!;
        const t = (mx - x0) * Math.cos(h) + (mz - z0) * Math.sin(h);
        const s = line.cum[i]! + Math.max(0, t);
        line.sample(s, pose);
        const h0 = pose.heading;
        line.sample(Math.min(line.length, s + 30), pose);
        stops.push({ s, stop: stop.index, head: stop.head, rightOnRed: stop.rightOnRed, turn: classifyTurn(wrapAngle(pose.heading - h0)) });
        break;
      }
    }
    stops.sort((a, b) => a.s - b.s);
  }

  const crossings: PathCrossing[] = [];
  for (const c of net.crossings) {
    const span = clipToCrossing(line, c);
    if (span) crossings.push({ s0: span[0], s1: span[1], crossing: c.index, head: c.head });
  }
  crossings.sort((a, b) => a.s0 - b.s0);

  const vCurve = new Float64Array(Math.max(1, line.n - 1)).fill(Infinity);
  for (let i = 1; i < line.n - 1; i++) {
    const turn = Math.abs(wrapAngle(line.headings[i]! - line.headings[i - 1]!));
    if (turn < 1e-4) continue;
    const len = (line.cum[i + 1]! - line.cum[i - 1]!) / 2;
    const v = Math.sqrt(A_LAT * (len / turn));
    vCurve[i - 1] = Math.min(vCurve[i - 1]!, v);
    vCurve[i] = Math.min(vCurve[i]!, v);
  }
  return { index, line, pieces, stops, crossings, vCurve };
}

const proj: ProjectionOut = { s: 0, lateral: 0, dist: 0, heading: 0 };
function nearestOf(lanes: RtLane[], x: number, z: number): number {
  let best = -1;
  let bestD = Infinity;
  for (const l of lanes) {
    l.line.project(x, z, proj);
    if (proj.dist <= l.width / 2 && proj.dist < bestD && proj.s > 0 && proj.s < l.line.length) {
      bestD = proj.dist;
      best = l.index;
    }
  }
  return best;
}

/** First stretch [s0, s1] of the line inside a crossing's rectangle, or null. */
function clipToCrossing(line: Polyline, c: RtCrossing): [number, number] | null {
  let s0 = Infinity;
  let s1 = -Infinity;
  for (let i = 0; i < line.n - 1; i++) {
    // Liang–Barsky clip of the segment against the rectangle in the crossing's frame
    const ax = line.xs[i]! - c.cx, az = line.zs[i]! - c.cz;
    const bx = line.xs[i + 1]! - c.cx, bz = line.zs[i + 1]! - c.cz;
    const pa = ax * c.ux + az * c.uz, qa = -ax * c.uz + az * c.ux;
    const pb = bx * c.ux + bz * c.uz, qb = -bx * c.uz + bz * c.ux;
    let t0 = 0, t1 = 1;
    const dp = pb - pa, dq = qb - qa;
    const clip = (p: number, q: number) => {
      if (Math.abs(p) < 1e-12) return q >= 0;
      const r = q / p;
      if (p < 0) {
        if (r > t1) return false;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return false;
        if (r < t1) t1 = r;
      }
      return true;
    };
    if (
      clip(-dp, pa + c.halfLen) && clip(dp, c.halfLen - pa) &&
      clip(-dq, qa + c.halfWidth) && clip(dq, c.halfWidth - qa) && t0 <= t1
    ) {
      const len = line.cum[i + 1]! - line.cum[i]!;
      s0 = Math.min(s0, line.cum[i]! + t0 * len);
      s1 = Math.max(s1, line.cum[i]! + t1 * len);
    } else if (s1 > -Infinity) break;
  }
  return s0 <= s1 ? [s0, s1] : null;
}
