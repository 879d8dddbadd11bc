// A polyline with arc-length parameterisation: the one shape lanes, junction connectors and agent
// paths are made of. Sampling takes a segment hint so an agent moving forward finds its segment in
// O(1) and nothing is allocated: results go into caller-owned objects.
import type { Vec2 } from '../def.ts';

export interface PoseOut {
  x: number;
  z: number;
  heading: number;
}

export interface ProjectionOut {
  /** arc length of the nearest point */
  s: number;
  /** signed distance from the line, + = right of the direction of travel */
  lateral: number;
  /** unsigned distance */
  dist: number;
  /** heading of the segment at the nearest point */
  heading: number;
}

export class Polyline {
  readonly n: number;
  readonly xs: Float64Array;
  readonly zs: Float64Array;
  /** cumulative arc length at each vertex */
  readonly cum: Float64Array;
  /** heading of segment i (vertex i → i+1) */
  readonly headings: Float64Array;
  readonly length: number;

  constructor(points: readonly Vec2[]) {
    // drop repeated vertices: a zero-length segment has no heading
    const pts: Vec2[] = [];
    for (const p of points) {
      const last = pts[pts.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-6) pts.push(p);
    }
    if (pts.length < 2) throw new Error('a polyline needs two distinct points');
    this.n = pts.length;
    this.xs = new Float64Array(pts.map((p) => p[0]));
    this.zs = new Float64Array(pts.map((p) => p[1]));
    this.cum = new Float64Array(this.n);
    this.headings = new Float64Array(this.n - 1);
    for (let i = 1; i < this.n; i++) {
      const dx = this.xs[i]! - this.xs[i - 1]!;
      const dz = this.zs[i]! - this.zs[i - 1]!;
      this.cum[i] = this.cum[i - 1]! + Math.hypot(dx, dz);
      this.headings[i - 1] = Math.atan2(dz, dx);
    }
    this.length = this.cum[this.n - 1]!;
  }

  points(): Vec2[] {
    const out: Vec2[] = [];
    for (let i = 0; i < this.n; i++) out.push([this.xs[i]!, this.zs[i]!]);
    return out;
  }

  reversed(): Polyline {
    return new Polyline(this.points().reverse());
  }

  /** index of the segment holding arc length s, searching from `hint` */
  segmentAt(s: number, hint = 0): number {
    const last = this.n - 2;
    let i = hint < 0 ? 0 : hint > last ? last : hint;
    while (i < last && s > this.cum[i + 1]!) i++;
    while (i > 0 && s < this.cum[i]!) i--;
    return i;
  }

  /** Pose at arc length s; beyond either end it continues the end segment in a straight line
   * (a vehicle's rear axle may start behind its path). Returns the segment index as next hint. */
  sample(s: number, out: PoseOut, hint = 0): number {
    const i = this.segmentAt(s, hint);
    const h = this.headings[i]!;
    const d = s - this.cum[i]!;
    out.x = this.xs[i]! + Math.cos(h) * d;
    out.z = this.zs[i]! + Math.sin(h) * d;
    out.heading = h;
    return i;
  }

  /**
   * A continuous tangent heading at arc length s in segment `seg`: blends from the mean of the
   * neighbouring segments' headings at one vertex to the mean at the next, so a vehicle's steer
   * does not jump at every vertex of a discretised arc.
   */
  smoothHeading(s: number, seg: number): number {
    const h = this.headings[seg]!;
    const last = this.n - 2;
    const h0 = seg > 0 ? h + wrap(this.headings[seg - 1]! - h) / 2 : h;
    const h1 = seg < last ? h + wrap(this.headings[seg + 1]! - h) / 2 : h;
    const len = this.cum[seg + 1]! - this.cum[seg]!;
    const t = len > 0 ? Math.min(1, Math.max(0, (s - this.cum[seg]!) / len)) : 0;
    return h0 + wrap(h1 - h0) * t;
  }

  /** Nearest point on the line (no extrapolation), searched over segments [from, to]. */
  project(x: number, z: number, out: ProjectionOut, from = 0, to = this.n - 2): ProjectionOut {
    let best = Infinity;
    for (let i = Math.max(0, from); i <= Math.min(to, this.n - 2); i++) {
      const ax = this.xs[i]!;
      const az = this.zs[i]!;
      const len = this.cum[i + 1]! - this.cum[i]!;
      const h = this.headings[i]!;
      const ux = Math.cos(h);
      const uz = Math.sin(h);
      let t = (x - ax) * ux + (z - az) * uz;
      if (t < 0) t = 0;
      else if (t > len) t = len;
      const px = ax + ux * t;
      const pz = az + uz * t;
      const d2 = (x - px) * (x - px) + (z - pz) * (z - pz);
      if (d2 < best) {
        best = d2;
        out.s = this.cum[i]! + t;
        out.dist = Math.sqrt(d2);
        // right of travel is (-uz, ux)
        out.lateral = (x - px) * -uz + (z - pz) * ux;
        out.heading = h;
      }
    }
    return out;
  }
}

function wrap(a: number): number {
  while (a > Math.PI) a -= 2 * Math.PI;
  while (a <= -Math.PI) a += 2 * Math.PI;
  return a;
}

/** Offset a polyline sideways (+ = right of its direction) with mitred corners. */
export function offsetPolyline(points: readonly Vec2[], offset: number): Vec2[] {
  const n = points.length;
  const out: Vec2[] = [];
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    const prev = points[Math.max(0, i - 1)]!;
    const next = points[Math.min(n - 1, i + 1)]!;
    const a = i > 0 ? Math.atan2(p[1] - prev[1], p[0] - prev[0]) : Math.atan2(next[1] - p[1], next[0] - p[0]);
    const b = i < n - 1 ? Math.atan2(next[1] - p[1], next[0] - p[0]) : a;
    // mitre: average direction, lengthened so both adjoining edges sit at the offset
    const mx = Math.cos(a) + Math.cos(b);
    const mz = Math.sin(a) + Math.sin(b);
    const ml = Math.hypot(mx, mz) || 1;
    const ux = mx / ml;
    const uz = mz / ml;
    const cosHalf = Math.max(0.2, ux * Math.cos(a) + uz * Math.sin(a));
    const k = offset / cosHalf;
    out.push([p[0] - uz * k, p[1] + ux * k]);
  }
  return out;
}
