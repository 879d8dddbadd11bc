// The static street of a layout as geometry: road surfaces, non-motor lanes, sidewalks, kerbs, the
// ground around them, lane lines, centre lines, stop lines and zebra crossings. Pure (three's math
// and BufferGeometry only, no renderer): unit-tested in Node.
//
// Everything is built as coloured triangle layers, then merged by material into TWO meshes: the
// ground (one vertex-coloured Lambert material: verge, sidewalks, asphalt, non-motor lanes, kerbs)
// and the paint (the same shading, polygon-offset so it never fights the asphalt). Two draw calls
// for the whole static street, whatever its size.
//
// Heights: the carriageway is y = 0 (where the simulation's agents stand); sidewalks sit 2 cm
// lower and the verge 4 cm lower (flat layers, no raised slabs, so walkers never sink into a
// kerb-high sidewalk), kerb stones stand 12 cm proud along every carriageway edge. Open road ends
// are drawn `extend` metres further than the layout (the sim's lanes end there, the view must not).
import type { BufferGeometry } from 'three';
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { layoutSchema, type LaneKind, type LayoutDef, type LayoutInput, type Vec2 } from '../../sim/def.ts';
import { compileLayout, type RoadNet, type RtCrossing } from '../../sim/road/network.ts';
import { GeomBuilder, offsetPolyline } from './geom.ts';

export const STREET_Y = {
  verge: -0.04,
  sidewalk: -0.02,
  road: 0,
  paint: 0.012,
  kerbTop: 0.12,
} as const;

export const STREET_COLORS = {
  verge: '#5f7448',
  sidewalk: '#b4aea4',
  asphalt: '#3c3f44',
  nonMotor: '#8a4d3e',
  median: '#6b8a4e',
  kerb: '#d6d2c8',
  white: '#eeeee6',
  yellow: '#f0bf2a',
} as const;

export interface StreetOptions {
  /** metres open road ends are drawn past the layout (default 150) */
  extend?: number;
  /** ground beyond everything drawn (extended roads included), metres (default 60); 0 = no verge */
  vergeMargin?: number;
  /** solid lane lines over this many metres before a stop line (default 30) */
  solidApproach?: number;
}

/** Layer name → triangles; `ground` layers share one material, `paint` layers the other. */
export const GROUND_LAYERS = ['verge', 'sidewalk', 'asphalt', 'nonMotor', 'median', 'kerb'] as const;
export const PAINT_LAYERS = ['white', 'yellow'] as const;
export type GroundLayer = (typeof GROUND_LAYERS)[number];
export type PaintLayer = (typeof PAINT_LAYERS)[number];
export type StreetLayer = GroundLayer | PaintLayer;

export interface StreetGeometry {
  /** merged, indexed: one draw call each */
  ground: BufferGeometry;
  paint: BufferGeometry;
  /** triangles per layer, before merging (for tests and budgets) */
  triangles: Record<StreetLayer, number>;
  /** the extents of everything drawn, [minX, minZ, maxX, maxZ] */
  bounds: [number, number, number, number];
}

/** Accepts a parsed layout or a raw one (as in a fixture), and parses the latter. */
export function toLayoutDef(layout: LayoutDef | LayoutInput): LayoutDef {
  return layoutSchema.parse(layout);
}

// ---------------------------------------------------------------- polylines by arc length

interface Line {
  pts: Vec2[];
  cum: number[];
  length: number;
}

function makeLine(pts: readonly Vec2[]): Line {
  const out: Vec2[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-6) out.push([p[0], p[1]]);
  }
  const cum = [0];
  for (let i = 1; i < out.length; i++) cum.push(cum[i - 1]! + Math.hypot(out[i]![0] - out[i - 1]![0], out[i]![1] - out[i - 1]![1]));
  return { pts: out, cum, length: cum[cum.length - 1]! };
}

function pointAt(l: Line, s: number): Vec2 {
  let i = 0;
  while (i < l.pts.length - 2 && s > l.cum[i + 1]!) i++;
  const a = l.pts[i]!, b = l.pts[i + 1]!;
  const seg = l.cum[i + 1]! - l.cum[i]! || 1;
  const t = (s - l.cum[i]!) / seg;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** The part of the line between arc lengths s0 < s1 (inner vertices kept, so bends stay mitred). */
function subLine(l: Line, s0: number, s1: number): Vec2[] {
  const out: Vec2[] = [pointAt(l, s0)];
  for (let i = 1; i < l.pts.length - 1; i++) if (l.cum[i]! > s0 + 1e-6 && l.cum[i]! < s1 - 1e-6) out.push(l.pts[i]!);
  out.push(pointAt(l, s1));
  return out;
}

/** Strip between lateral offsets o0 < o1 of the line, arc lengths s0..s1, flat at y. */
function ribbon(b: GeomBuilder, l: Line, s0: number, s1: number, o0: number, o1: number, y: number): void {
  if (s1 - s0 < 1e-3) return;
  const mid = subLine(l, s0, s1);
  const left = offsetPolyline(mid, o0);
  const right = offsetPolyline(mid, o1);
  for (let i = 0; i < mid.length - 1; i++) b.flatQuad(left[i]!, left[i + 1]!, right[i + 1]!, right[i]!, y);
}

/** Kerb stones along the line at lateral offset `o`, arc lengths s0..s1. */
function kerbAlong(b: GeomBuilder, l: Line, s0: number, s1: number, o: number): void {
  if (s1 - s0 < 1e-3) return;
  const pts = offsetPolyline(subLine(l, s0, s1), o);
  for (let i = 0; i < pts.length - 1; i++) b.beam(pts[i]!, pts[i + 1]!, KERB_W, STREET_Y.verge, STREET_Y.kerbTop);
}

const KERB_W = 0.2;
const LINE_W = 0.15;
const STOP_W = 0.4;
const ZEBRA_W = 0.45;
const ZEBRA_GAP = 0.6;

// ---------------------------------------------------------------- intervals

type Interval = [number, number];

function subtract(base: Interval[], cuts: readonly Interval[]): Interval[] {
  let out = base;
  for (const [c0, c1] of cuts) {
    const next: Interval[] = [];
    for (const [a, b] of out) {
      if (c1 <= a || c0 >= b) next.push([a, b]);
      else {
        if (c0 > a) next.push([a, c0]);
        if (c1 < b) next.push([c1, b]);
      }
    }
    out = next;
  }
  return out.filter(([a, b]) => b - a > 1e-3);
}

/** Arc-length intervals where the offset line passes through a crossing's rectangle (grown by the margins). */
function crossingCuts(l: Line, o: number, crossings: readonly RtCrossing[], alongMargin: number, acrossMargin: number): Interval[] {
  if (crossings.length === 0) return [];
  const pts = offsetPolyline(l.pts, o);
  const cuts: Interval[] = [];
  for (const c of crossings) {
    const hl = c.halfLen + alongMargin, hw = c.halfWidth + acrossMargin;
    for (let i = 0; i < pts.length - 1; i++) {
      // the segment in the crossing's frame (u along from→to, v across), clipped to |u| ≤ hl, |v| ≤ hw
      const p = pts[i]!, q = pts[i + 1]!;
      const pu = (p[0] - c.cx) * c.ux + (p[1] - c.cz) * c.uz, pv = -(p[0] - c.cx) * c.uz + (p[1] - c.cz) * c.ux;
      const qu = (q[0] - c.cx) * c.ux + (q[1] - c.cz) * c.uz, qv = -(q[0] - c.cx) * c.uz + (q[1] - c.cz) * c.ux;
      let t0 = 0, t1 = 1;
      const clip = (p0: number, d: number, lim: number): boolean => {
        // keep t with −lim ≤ p0 + d·t ≤ lim
        if (Math.abs(d) < 1e-12) return Math.abs(p0) <= lim;
        let a = (-lim - p0) / d, b2 = (lim - p0) / d;
        if (a > b2) [a, b2] = [b2, a];
        t0 = Math.max(t0, a);
        t1 = Math.min(t1, b2);
        return t0 < t1;
      };
      if (!clip(pu, qu - pu, hl) || !clip(pv, qv - pv, hw)) continue;
      const seg = l.cum[i + 1]! - l.cum[i]!;
      cuts.push([l.cum[i]! + seg * t0, l.cum[i]! + seg * t1]);
    }
  }
  return cuts;
}

/** Arc length of the point nearest (x, z) on the line. */
function project(l: Line, x: number, z: number): number {
  let best = Infinity, bestS = 0;
  for (let i = 0; i < l.pts.length - 1; i++) {
    const a = l.pts[i]!, b = l.pts[i + 1]!;
    const dx = b[0] - a[0], dz = b[1] - a[1];
    const len2 = dx * dx + dz * dz || 1;
    const t = Math.min(1, Math.max(0, ((x - a[0]) * dx + (z - a[1]) * dz) / len2));
    const d = (a[0] + dx * t - x) ** 2 + (a[1] + dz * t - z) ** 2;
    if (d < best) {
      best = d;
      bestS = l.cum[i]! + Math.sqrt(len2) * t;
    }
  }
  return bestS;
}

// ---------------------------------------------------------------- the street

interface Band {
  kind: LaneKind | 'median';
  /** lateral extent, right of the centre line positive */
  o0: number;
  o1: number;
  /** +1 along the centre line, −1 against it, 0 both ways */
  dir: 1 | -1 | 0;
}

export function buildStreetGeometry(layoutIn: LayoutDef | LayoutInput, options: StreetOptions = {}): StreetGeometry {
  const layout = toLayoutDef(layoutIn);
  const net = compileLayout(layout);
  const extend = options.extend ?? 150;
  const solidApproach = options.solidApproach ?? 30;
  const L = Object.fromEntries([...GROUND_LAYERS, ...PAINT_LAYERS].map((k) => [k, new GeomBuilder()])) as Record<StreetLayer, GeomBuilder>;
  L.verge.color(STREET_COLORS.verge);
  L.sidewalk.color(STREET_COLORS.sidewalk);
  L.asphalt.color(STREET_COLORS.asphalt);
  L.nonMotor.color(STREET_COLORS.nonMotor);
  L.median.color(STREET_COLORS.median);
  L.kerb.color(STREET_COLORS.kerb);
  L.white.color(STREET_COLORS.white);
  L.yellow.color(STREET_COLORS.yellow);

  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (x: number, z: number, r = 0) => {
    bounds[0] = Math.min(bounds[0], x - r);
    bounds[1] = Math.min(bounds[1], z - r);
    bounds[2] = Math.max(bounds[2], x + r);
    bounds[3] = Math.max(bounds[3], z + r);
  };
  const nearJunction = (p: Vec2) => net.junctions.some((j) => Math.hypot(p[0] - j.cx, p[1] - j.cz) <= j.r + 1);

  for (const road of layout.roads) {
    // ---- the road's centre line, open ends extended
    const c = road.centerline.map((p) => [p[0], p[1]] as Vec2);
    const first = c[0]!, second = c[1]!, last = c[c.length - 1]!, before = c[c.length - 2]!;
    if (extend > 0 && !nearJunction(first)) {
      const d = Math.hypot(first[0] - second[0], first[1] - second[1]) || 1;
      c.unshift([first[0] + ((first[0] - second[0]) / d) * extend, first[1] + ((first[1] - second[1]) / d) * extend]);
    }
    if (extend > 0 && !nearJunction(last)) {
      const d = Math.hypot(last[0] - before[0], last[1] - before[1]) || 1;
      c.push([last[0] + ((last[0] - before[0]) / d) * extend, last[1] + ((last[1] - before[1]) / d) * extend]);
    }
    const line = makeLine(c);

    // ---- bands across the road, right of the centre line positive
    const bands: Band[] = [];
    for (const lane of net.lanes.filter((x) => x.roadId === road.id)) {
      const def = road.lanes.find((x) => x.id === lane.id)!;
      const direction = def.direction ?? (def.kind === 'sidewalk' ? 'both' : def.side === 'right' ? 'forward' : 'backward');
      bands.push({ kind: lane.kind, o0: lane.offset - lane.width / 2, o1: lane.offset + lane.width / 2, dir: direction === 'both' ? 0 : direction === 'forward' ? 1 : -1 });
    }
    if (road.median > 0) bands.push({ kind: 'median', o0: -road.median / 2, o1: road.median / 2, dir: 0 });
    bands.sort((a, b) => a.o0 - b.o0);
    let halfWidth = 0;
    for (const b of bands) halfWidth = Math.max(halfWidth, Math.abs(b.o0), Math.abs(b.o1));
    for (const p of c) grow(p[0], p[1], halfWidth);

    // ---- surfaces
    for (const b of bands) {
      if (b.kind === 'sidewalk') ribbon(L.sidewalk, line, 0, line.length, b.o0, b.o1, STREET_Y.sidewalk);
      else if (b.kind === 'non-motor') ribbon(L.nonMotor, line, 0, line.length, b.o0, b.o1, STREET_Y.road);
      else if (b.kind === 'motor') ribbon(L.asphalt, line, 0, line.length, b.o0, b.o1, STREET_Y.road);
      else if (b.o1 - b.o0 >= 0.6) ribbon(L.median, line, 0, line.length, b.o0, b.o1, STREET_Y.road + 0.002);
      else ribbon(L.asphalt, line, 0, line.length, b.o0, b.o1, STREET_Y.road);
    }

    // ---- where stop lines are, lines end (nothing is painted from the stop line to the junction)
    const cuts: Interval[] = [];
    const stopS: { s: number; atEnd: boolean }[] = [];
    for (const st of net.stops) {
      const lane = net.lanes[st.lane]!;
      if (lane.roadId !== road.id) continue;
      const s = project(line, (st.ax + st.bx) / 2, (st.az + st.bz) / 2);
      // a lane along the centre line ends at its far end, one against it at its start
      const band = bands.find((b) => b.kind !== 'median' && b.o0 <= lane.offset && lane.offset <= b.o1);
      stopS.push({ s, atEnd: band?.dir !== -1 });
    }
    const endStop = Math.min(...stopS.filter((x) => x.atEnd).map((x) => x.s), Infinity);
    const startStop = Math.max(...stopS.filter((x) => !x.atEnd).map((x) => x.s), -Infinity);
    if (endStop < Infinity) cuts.push([endStop - STOP_W, line.length + 1]);
    if (startStop > -Infinity) cuts.push([-1, startStop + STOP_W]);

    // ---- boundaries between neighbouring bands: kerbs and painted lines
    const isCarriageway = (b: Band | undefined) => b !== undefined && (b.kind === 'motor' || b.kind === 'non-motor' || (b.kind === 'median' && b.o1 - b.o0 < 0.6));
    const isIsland = (b: Band | undefined) => b !== undefined && b.kind === 'median' && b.o1 - b.o0 >= 0.6;
    const limit = road.speedLimit ?? 50;
    const [dash, gap] = limit >= 60 ? [6, 9] : [2, 4];
    const edges: { o: number; left: Band | undefined; right: Band | undefined }[] = [];
    if (bands.length > 0) edges.push({ o: bands[0]!.o0, left: undefined, right: bands[0] });
    for (let i = 0; i < bands.length; i++) edges.push({ o: bands[i]!.o1, left: bands[i], right: bands[i + 1] });
    const allS: Interval[] = [[0, line.length]];

    for (const e of edges) {
      const cw = isCarriageway(e.left) !== isCarriageway(e.right);
      const island = isIsland(e.left) || isIsland(e.right);
      if (cw || (island && (isCarriageway(e.left) || isCarriageway(e.right)))) {
        // kerb on the carriageway's edge (dropped at crossings)
        const o = e.o + (isCarriageway(e.left) ? KERB_W / 2 : -KERB_W / 2);
        for (const [s0, s1] of subtract(allS, crossingCuts(line, o, net.crossings, 0.6, 0.3))) kerbAlong(L.kerb, line, s0, s1, o);
        continue;
      }
      if (!isCarriageway(e.left) || !isCarriageway(e.right)) continue;
      const a = e.left!, b = e.right!;
      const painted = subtract(allS, [...cuts, ...crossingCuts(line, e.o, net.crossings, 0.3, 0.3)]);
      if (a.kind === 'median' || b.kind === 'median') {
        // a narrow painted median: its edges are yellow
        for (const [s0, s1] of painted) ribbon(L.yellow, line, s0, s1, e.o - LINE_W / 2, e.o + LINE_W / 2, STREET_Y.paint);
      } else if (a.dir !== b.dir && a.kind === 'motor' && b.kind === 'motor') {
        // the centre line: double solid yellow on a wide road, single solid otherwise
        const perSide = Math.min(bands.filter((x) => x.kind === 'motor' && x.dir === 1).length, bands.filter((x) => x.kind === 'motor' && x.dir === -1).length);
        const offs = perSide >= 2 ? [-0.15, 0.15] : [0];
        for (const [s0, s1] of painted) for (const d of offs) ribbon(L.yellow, line, s0, s1, e.o + d - LINE_W / 2, e.o + d + LINE_W / 2, STREET_Y.paint);
      } else if (a.kind !== b.kind || a.dir !== b.dir) {
        // motor | non-motor separation (or opposing non-motor flows): solid white
        for (const [s0, s1] of painted) ribbon(L.white, line, s0, s1, e.o - LINE_W / 2, e.o + LINE_W / 2, STREET_Y.paint);
      } else {
        // lanes of one direction: dashed, solid over the approach to a stop line
        const towardsEnd = a.dir >= 0;
        const stopAt = towardsEnd ? endStop : startStop;
        const solid: Interval[] = Number.isFinite(stopAt) ? [towardsEnd ? [stopAt - solidApproach, stopAt] : [stopAt, stopAt + solidApproach]] : [];
        const dashes: Interval[] = [];
        // dashes run on from the solid part (or from the road's start) against the travel direction
        const P = dash + gap;
        if (towardsEnd) {
          const anchor = Number.isFinite(stopAt) ? stopAt - solidApproach : line.length;
          for (let s1 = anchor; s1 > 0; s1 -= P) dashes.push([s1 - dash, s1]);
        } else {
          const anchor = Number.isFinite(stopAt) ? stopAt + solidApproach : 0;
          for (let s0 = anchor; s0 < line.length; s0 += P) dashes.push([s0, s0 + dash]);
        }
        const keep = (ivs: Interval[]) => ivs.flatMap(([s0, s1]) => painted.map(([p0, p1]) => [Math.max(s0, p0), Math.min(s1, p1)] as Interval)).filter(([s0, s1]) => s1 - s0 > 1e-3);
        const dashed = subtract(keep(dashes), solid);
        for (const [s0, s1] of [...keep(solid), ...dashed]) ribbon(L.white, line, s0, s1, e.o - LINE_W / 2, e.o + LINE_W / 2, STREET_Y.paint);
      }
    }
  }

  // ---- junctions: a sidewalk-level pad for the corners, the carriageway on top, kerbs round it
  for (const j of net.junctions) {
    grow(j.cx, j.cz, j.r);
    const r = j.r;
    L.sidewalk.flatQuad([j.cx - r, j.cz - r], [j.cx + r, j.cz - r], [j.cx + r, j.cz + r], [j.cx - r, j.cz + r], STREET_Y.sidewalk);
    const outline: Vec2[] = [];
    if (j.poly) for (let i = 0; i < j.poly.length; i += 2) outline.push([j.poly[i]!, j.poly[i + 1]!]);
    else for (let k = 0; k < 48; k++) outline.push([j.cx + Math.cos((k / 48) * Math.PI * 2) * r, j.cz + Math.sin((k / 48) * Math.PI * 2) * r]);
    L.asphalt.flatPolygon(outline, STREET_Y.road);
    for (let i = 0; i < outline.length; i++) {
      const a = outline[i]!, b = outline[(i + 1) % outline.length]!;
      if (isMouth(net, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2)) continue;
      // kerb just outside the carriageway: shift away from the junction's middle
      const mx = (a[0] + b[0]) / 2 - j.cx, mz = (a[1] + b[1]) / 2 - j.cz;
      const ml = Math.hypot(mx, mz) || 1;
      const sx = (mx / ml) * (KERB_W / 2), sz = (mz / ml) * (KERB_W / 2);
      L.kerb.beam([a[0] + sx, a[1] + sz], [b[0] + sx, b[1] + sz], KERB_W, STREET_Y.verge, STREET_Y.kerbTop);
    }
  }

  // ---- stop lines: a bar across each lane, its front edge on the line
  for (const st of net.stops) {
    const dx = Math.cos(st.heading) * (STOP_W / 2), dz = Math.sin(st.heading) * (STOP_W / 2);
    const a0: Vec2 = [st.ax - dx * 2, st.az - dz * 2], a1: Vec2 = [st.ax, st.az];
    const b0: Vec2 = [st.bx - dx * 2, st.bz - dz * 2], b1: Vec2 = [st.bx, st.bz];
    L.white.flatQuad(a0, a1, b1, b0, STREET_Y.paint);
  }

  // ---- zebra crossings: stripes along the traffic, stepping from kerb to kerb
  for (const c of net.crossings) {
    const len = c.halfLen * 2;
    const n = Math.max(1, Math.floor((len + ZEBRA_GAP) / (ZEBRA_W + ZEBRA_GAP)));
    const used = n * ZEBRA_W + (n - 1) * ZEBRA_GAP;
    const vx = -c.uz, vz = c.ux;
    for (let k = 0; k < n; k++) {
      const u0 = -used / 2 + k * (ZEBRA_W + ZEBRA_GAP);
      const u1 = u0 + ZEBRA_W;
      const p = (u: number, v: number): Vec2 => [c.cx + c.ux * u + vx * v, c.cz + c.uz * u + vz * v];
      L.white.flatQuad(p(u0, -c.halfWidth), p(u1, -c.halfWidth), p(u1, c.halfWidth), p(u0, c.halfWidth), STREET_Y.paint);
    }
  }

  // ---- the verge: ground under and around everything, reaching past the far ends
  if (!Number.isFinite(bounds[0])) bounds.splice(0, 4, -50, -50, 50, 50);
  const margin = options.vergeMargin ?? 60;
  if (margin > 0) {
    const [x0, z0, x1, z1] = [bounds[0] - margin, bounds[1] - margin, bounds[2] + margin, bounds[3] + margin];
    L.verge.flatQuad([x0, z0], [x1, z0], [x1, z1], [x0, z1], STREET_Y.verge);
    bounds.splice(0, 4, x0, z0, x1, z1);
  }

  const triangles = Object.fromEntries(Object.entries(L).map(([k, b]) => [k, b.vertexCount / 3])) as Record<StreetLayer, number>;
  const merge = (names: readonly StreetLayer[]): BufferGeometry => {
    const parts = names.filter((n) => L[n].vertexCount > 0).map((n) => L[n].build());
    const g = parts.length > 0 ? mergeGeometries(parts, false) : new GeomBuilder().build();
    for (const p of parts) p.dispose();
    const indexed = mergeVertices(g, 1e-4);
    if (indexed !== g) g.dispose();
    indexed.computeBoundingBox();
    indexed.computeBoundingSphere();
    return indexed;
  };
  return { ground: merge(GROUND_LAYERS), paint: merge(PAINT_LAYERS), triangles, bounds };
}

/** Does this point lie on a carriageway lane (the edge where a road meets the junction)? */
function isMouth(net: RoadNet, x: number, z: number): boolean {
  const out = { s: 0, lateral: 0, dist: 0, heading: 0 };
  for (const lane of net.lanes) {
    if (lane.kind === 'sidewalk') continue;
    lane.line.project(x, z, out);
    if (out.dist <= lane.width / 2 + 0.05) return true;
  }
  return false;
}
