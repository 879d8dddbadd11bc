// What the scene paints on the ground, as plain triangles (x, z pairs; y is the renderer's): the
// blind zones (the sim's polygons, ear-clipped), the inner-wheel sweep of a turn (a strip between
// its front and rear wheel tracks) and the visitor's walk split into hidden and seen stretches.
// Pure, so a test holds the drawing against the sim's maths, as cabPanels.test.ts does for the cab.
import type { SweptPath } from '../../sim/geometry/sweptPath.ts';
import type { TrackPoint } from './markers.ts';

type P = readonly [number, number];

const cross = (o: P, a: P, b: P): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function signedArea(pts: readonly P[]): number {
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const p = pts[i]!, q = pts[(i + 1) % pts.length]!;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

function inTriangle(p: P, a: P, b: P, c: P): boolean {
  const d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
  const neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

/**
 * Triangles covering a simple polygon (ear clipping), as a flat [x0, z0, x1, z1, x2, z2, …] list.
 * Collinear and repeated vertices are dropped on the way; a polygon that will not clip (it crosses
 * itself) gives what was clipped so far.
 */
export function triangulate(polygon: readonly P[]): number[] {
  const pts: P[] = [];
  for (const p of polygon) {
    const last = pts[pts.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-6) pts.push(p);
  }
  if (pts.length > 1 && Math.hypot(pts[0]![0] - pts[pts.length - 1]![0], pts[0]![1] - pts[pts.length - 1]![1]) <= 1e-6) pts.pop();
  // counter-clockwise in the x–z plane (the sign convention of `cross`)
  if (signedArea(pts) < 0) pts.reverse();
  const out: number[] = [];
  let guard = pts.length * pts.length;
  while (pts.length > 3 && guard-- > 0) {
    let clipped = false;
    for (let i = 0; i < pts.length; i++) {
      const a = pts[(i + pts.length - 1) % pts.length]!, b = pts[i]!, c = pts[(i + 1) % pts.length]!;
      const turn = cross(a, b, c);
      // a collinear vertex adds nothing: drop it
      if (Math.abs(turn) < 1e-9) {
        pts.splice(i, 1);
        clipped = true;
        break;
      }
      if (turn < 0) continue;
      let ear = true;
      for (const p of pts) {
        if (p === a || p === b || p === c) continue;
        if (inTriangle(p, a, b, c)) {
          ear = false;
          break;
        }
      }
      if (!ear) continue;
      out.push(a[0], a[1], b[0], b[1], c[0], c[1]);
      pts.splice(i, 1);
      clipped = true;
      break;
    }
    if (!clipped) break;
  }
  if (pts.length === 3 && Math.abs(cross(pts[0]!, pts[1]!, pts[2]!)) > 1e-9) out.push(pts[0]![0], pts[0]![1], pts[1]![0], pts[1]![1], pts[2]![0], pts[2]![1]);
  return out;
}

/** Points spaced evenly by arc length along a polyline, n of them (ends included). */
export function resample(line: readonly P[], n: number): [number, number][] {
  if (line.length === 0) return [];
  const cum = [0];
  for (let i = 1; i < line.length; i++) cum.push(cum[i - 1]! + Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1]));
  const total = cum[cum.length - 1]!;
  const out: [number, number][] = [];
  let j = 0;
  for (let k = 0; k < n; k++) {
    const s = n === 1 ? 0 : (total * k) / (n - 1);
    while (j < line.length - 2 && cum[j + 1]! < s) j++;
    const seg = cum[j + 1]! - cum[j]!;
    const t = seg > 0 ? Math.min(1, Math.max(0, (s - cum[j]!) / seg)) : 0;
    const a = line[j]!, b = line[Math.min(j + 1, line.length - 1)]!;
    out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
  }
  return out;
}

/**
 * The sweep as triangles: a strip of quads between the front and the rear wheel track, each
 * resampled to `n` points by arc length (the tracks start and end together, so the i-th points
 * face each other across the swept band).
 */
export function sweepStrip(sp: SweptPath, n = 48): number[] {
  if (sp.front.length < 2 || sp.rear.length < 2) return [];
  const f = resample(sp.front, n), r = resample(sp.rear, n);
  const out: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const f0 = f[i]!, f1 = f[i + 1]!, r0 = r[i]!, r1 = r[i + 1]!;
    out.push(f0[0], f0[1], f1[0], f1[1], r1[0], r1[1]);
    out.push(f0[0], f0[1], r1[0], r1[1], r0[0], r0[1]);
  }
  return out;
}

/** Is (x, z) in one of the triangles of a flat list? */
export function inTriangles(tris: readonly number[], x: number, z: number): boolean {
  const p: P = [x, z];
  for (let i = 0; i + 5 < tris.length; i += 6)
    if (inTriangle(p, [tris[i]!, tris[i + 1]!], [tris[i + 2]!, tris[i + 3]!], [tris[i + 4]!, tris[i + 5]!])) return true;
  return false;
}

/** The walk as line segments (flat [x0, z0, x1, z1, …]): the stretches the driver could not see, and the rest. */
export function trackSegments(track: readonly TrackPoint[]): { hidden: number[]; seen: number[] } {
  const hidden: number[] = [], seen: number[] = [];
  for (let i = 1; i < track.length; i++) {
    const a = track[i - 1]!, b = track[i]!;
    (a.hidden && b.hidden ? hidden : seen).push(a.x, a.z, b.x, b.z);
  }
  return { hidden, seen };
}
