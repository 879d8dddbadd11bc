// The ground a turning vehicle's inner side sweeps over a whole turn (内轮差 made visible): its inner
// front wheel's track and its innermost rear wheel's track (the trailer's, for a semi-trailer),
// traced by moving the vehicle along its route exactly as the world moves it (front axle on the
// path, rear axle and trailer trailing behind). The area between the two tracks is where people at
// the kerb get run over after the cab has gone past. `innerWheel.ts` gives the steady-turn radii and
// the instantaneous sweep; this is the whole manoeuvre, known before the vehicle moves.
import { applySpec, followPath, placeOnPath, SimAgent } from '../agents/agent.ts';
import { SPECS } from '../agents/specs.ts';
import type { AgentKind, Vec2 } from '../def.ts';
import { wrapAngle } from '../math.ts';
import type { RoutePath } from '../road/routes.ts';

export interface SweptPath {
  /** +1: a right turn (the inner side is the right), −1 a left turn, 0 no turn in the stretch */
  side: 1 | -1 | 0;
  /** track of the inner front wheel, world [x, z] */
  front: Vec2[];
  /** track of the innermost rear wheel: the rigid vehicle's rear axle, or the trailer's axle */
  rear: Vec2[];
  /** outline of the swept area: the front track, then the rear track backwards (not closed) */
  polygon: Vec2[];
  /** the widest gap between the two tracks: this turn's off-tracking, m */
  maxOffTracking: number;
  /** area between the tracks, m² */
  area: number;
}

/** axle moves per recorded step */
const SUBSTEPS = 8;
/** tracks closer than this are one line (the straight approach and exit), m */
const SAME_LINE = 0.1;

/**
 * Trace the inner wheels of a vehicle of `kind` whose front axle rides `path` from arc length
 * `fromS` to `toS`, every `step` metres. The straight stretches before and after the turn, where
 * the two tracks coincide, are trimmed off the outline.
 */
export function sweptPath(path: RoutePath, kind: AgentKind, fromS: number, toS = path.line.length, step = 0.25): SweptPath {
  const a = new SimAgent();
  a.kind = kind;
  applySpec(a, SPECS[kind]);
  placeOnPath(a, path, fromS);
  const end = Math.min(toS, path.line.length);
  // how far the innermost rear wheel runs behind the front one along the path: both tracks are
  // recorded over the same stretch of road, [fromS − back, end]
  const back = a.hasTrailer ? a.wheelbase - a.kingpinOffset + a.trailerWheelbase : a.wheelbase;
  // the side is only known once the vehicle has turned: record both sides, keep one
  const fronts: Vec2[] = [], frontsL: Vec2[] = [];
  const rears: Vec2[] = [], rearsL: Vec2[] = [];
  const pose = { x: 0, z: 0, heading: 0 };
  const ft = a.track / 2;
  // where the front wheel was before fromS: on the path behind it (continued straight behind its start)
  for (let s = fromS - back; s < fromS - 1e-9; s += step) {
    path.line.sample(s, pose, 0);
    const c = Math.cos(pose.heading), sn = Math.sin(pose.heading);
    // the right of heading h is (−sin h, cos h)
    fronts.push([pose.x - sn * ft, pose.z + c * ft]);
    frontsL.push([pose.x + sn * ft, pose.z - c * ft]);
  }
  let turned = 0;
  let last = a.heading;
  const stop = Math.min(path.line.length, end + back);
  const n = Math.max(1, Math.ceil((stop - fromS) / step));
  for (let k = 0; k <= n; k++) {
    const s = Math.min(stop, fromS + k * step);
    // the axles trail in small moves, as the world's fixed steps move them: a coarse step would
    // cut the corners of the tractrix and overstate the off-tracking
    if (k > 0) for (let j = 1; j <= SUBSTEPS; j++) followPath(a, path, Math.min(stop, fromS + (k - 1) * step + (j * step) / SUBSTEPS));
    turned += wrapAngle(a.heading - last);
    last = a.heading;
    const c = Math.cos(a.heading), sn = Math.sin(a.heading);
    if (s <= end + 1e-9) {
      fronts.push([a.fx - sn * ft, a.fz + c * ft]);
      frontsL.push([a.fx + sn * ft, a.fz - c * ft]);
    }
    if (a.hasTrailer) {
      const tc = Math.cos(a.trailerHeading), ts = Math.sin(a.trailerHeading);
      const tt = a.trailerTrack / 2;
      rears.push([a.tx - ts * tt, a.tz + tc * tt]);
      rearsL.push([a.tx + ts * tt, a.tz - tc * tt]);
    } else {
      rears.push([a.rx - sn * ft, a.rz + c * ft]);
      rearsL.push([a.rx + sn * ft, a.rz - c * ft]);
    }
  }
  const side: 1 | -1 | 0 = Math.abs(turned) < 0.05 ? 0 : turned > 0 ? 1 : -1;
  const front = side < 0 ? frontsL : fronts;
  const rear = side < 0 ? rearsL : rears;
  let maxOff = 0;
  const gapRear = rear.map((p) => {
    const d = distanceToPolyline(front, p[0], p[1]);
    if (d > maxOff) maxOff = d;
    return d;
  });
  const gapFront = front.map((p) => distanceToPolyline(rear, p[0], p[1]));
  const f = side === 0 ? [] : trim(front, gapFront);
  const r = side === 0 ? [] : trim(rear, gapRear);
  const polygon = f.length && r.length ? [...f, ...r.slice().reverse()] : [];
  return { side, front: f, rear: r, polygon, maxOffTracking: side === 0 ? 0 : maxOff, area: Math.abs(shoelace(polygon)) };
}

/** Is (x, z) in the swept area, or within `margin` metres of it? */
export function inSweptPath(sp: SweptPath, x: number, z: number, margin = 0): boolean {
  const p = sp.polygon;
  if (p.length < 3) return false;
  if (insidePolygon(p, x, z)) return true;
  return margin > 0 && distanceToRing(p, x, z) <= margin;
}

/** Keep the stretch of a track where it is apart from the other one, plus one point either side. */
function trim(track: Vec2[], gap: number[]): Vec2[] {
  let i0 = gap.findIndex((g) => g >= SAME_LINE);
  if (i0 < 0) return [];
  let i1 = gap.length - 1;
  while (i1 > i0 && gap[i1]! < SAME_LINE) i1--;
  i0 = Math.max(0, i0 - 1);
  i1 = Math.min(track.length - 1, i1 + 1);
  return track.slice(i0, i1 + 1);
}

function segmentDistance(x: number, z: number, ax: number, az: number, bx: number, bz: number): number {
  const dx = bx - ax, dz = bz - az;
  const len2 = dx * dx + dz * dz;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (z - az) * dz) / len2)) : 0;
  return Math.hypot(x - (ax + t * dx), z - (az + t * dz));
}

export function distanceToPolyline(pts: readonly Vec2[], x: number, z: number): number {
  if (pts.length === 1) return Math.hypot(x - pts[0]![0], z - pts[0]![1]);
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) {
    const d = segmentDistance(x, z, pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1]);
    if (d < best) best = d;
  }
  return best;
}

function distanceToRing(pts: readonly Vec2[], x: number, z: number): number {
  const n = pts.length;
  return Math.min(distanceToPolyline(pts, x, z), segmentDistance(x, z, pts[n - 1]![0], pts[n - 1]![1], pts[0]![0], pts[0]![1]));
}

/** Even–odd ray casting. */
export function insidePolygon(pts: readonly Vec2[], x: number, z: number): boolean {
  let inside = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, zi] = pts[i]!;
    const [xj, zj] = pts[j]!;
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

function shoelace(pts: readonly Vec2[]): number {
  let a = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!, q = pts[(i + 1) % pts.length]!;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}
