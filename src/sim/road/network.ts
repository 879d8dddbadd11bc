// The street compiled from a layout: lanes as polylines in their direction of travel, stop lines as
// segments, crossings as oriented rectangles, all in SI units. Built once per world; the engine and
// the detectors only read it.
import type { HeadKind, LaneKind, LayoutDef, Vec2 } from '../def.ts';
import { degToRad, kmhToMs } from '../units.ts';
import { offsetPolyline, Polyline, type ProjectionOut } from './polyline.ts';

export interface RtLane {
  index: number;
  id: string;
  roadId: string;
  kind: LaneKind;
  /** 1: travel along `line`; 0: both ways (sidewalks). Backward lanes are stored reversed, so never -1. */
  dir: 0 | 1;
  width: number;
  /** m/s; Infinity on sidewalks */
  limit: number;
  /** the hardest braking the surface allows, m/s²; Infinity: each vehicle's own maximum */
  grip: number;
  /** signed offset of the lane middle from the road's centre line (+ = right of the centre line) */
  offset: number;
  /** middle line in the direction of travel */
  line: Polyline;
  stops: number[];
  /** its road also has a non-motor lane (then an e-bike in a motor lane is in the wrong lane) */
  roadHasNonMotor: boolean;
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
}

export interface RtStop {
  index: number;
  id: string;
  lane: number;
  /** arc length along the lane */
  s: number;
  head: number;
  rightOnRed: boolean;
  /** the line across the lane, left end (a) to right end (b) */
  ax: number;
  az: number;
  bx: number;
  bz: number;
  /** direction of travel it faces */
  heading: number;
}

export interface RtCrossing {
  index: number;
  id: string;
  cx: number;
  cz: number;
  /** unit vector from `from` to `to` */
  ux: number;
  uz: number;
  halfLen: number;
  halfWidth: number;
  head: number;
}

export interface RtJunction {
  index: number;
  id: string;
  cx: number;
  cz: number;
  r: number;
  /** carriageway outline as flat [x0, z0, x1, z1, …]; null = the disc */
  poly: Float64Array | null;
}

export interface RtHead {
  index: number;
  id: string;
  kind: HeadKind;
}

export interface RtOccluder {
  cx: number;
  cz: number;
  heading: number;
  halfL: number;
  halfW: number;
  height: number;
}

export interface RtSpawn {
  id: string;
  x: number;
  z: number;
  heading: number;
  player: boolean;
  as: string | undefined;
}

export interface RoadNet {
  lanes: RtLane[];
  laneById: Map<string, RtLane>;
  stops: RtStop[];
  crossings: RtCrossing[];
  junctions: RtJunction[];
  heads: RtHead[];
  headById: Map<string, RtHead>;
  occluders: RtOccluder[];
  spawns: RtSpawn[];
  bounds: { minX: number; minZ: number; maxX: number; maxZ: number };
}

const DEFAULT_LIMIT_KMH: Record<LaneKind, number> = { motor: 50, 'non-motor': 25, sidewalk: Infinity };

export function compileLayout(layout: LayoutDef): RoadNet {
  const lanes: RtLane[] = [];
  const bounds = { minX: Infinity, minZ: Infinity, maxX: -Infinity, maxZ: -Infinity };
  const grow = (x: number, z: number) => {
    bounds.minX = Math.min(bounds.minX, x);
    bounds.minZ = Math.min(bounds.minZ, z);
    bounds.maxX = Math.max(bounds.maxX, x);
    bounds.maxZ = Math.max(bounds.maxZ, z);
  };

  for (const road of layout.roads) {
    // lanes of each side are stacked outwards from the centre line (half the median first)
    const edge = { right: road.median / 2, left: road.median / 2 };
    for (const l of road.lanes) {
      let offset: number;
      if (l.offset !== undefined) offset = l.offset;
      else {
        const mid = edge[l.side] + l.width / 2;
        edge[l.side] += l.width;
        offset = l.side === 'right' ? mid : -mid;
      }
      const direction = l.direction ?? (l.kind === 'sidewalk' ? 'both' : l.side === 'right' ? 'forward' : 'backward');
      let pts = offsetPolyline(road.centerline, offset);
      if (direction === 'backward') pts = pts.reverse();
      const line = new Polyline(pts);
      const limitKmh = l.kind === 'sidewalk' ? Infinity : (l.speedLimit ?? road.speedLimit ?? DEFAULT_LIMIT_KMH[l.kind]);
      let minX = Infinity, minZ = Infinity, maxX = -Infinity, maxZ = -Infinity;
      for (const [x, z] of pts) {
        minX = Math.min(minX, x - l.width / 2);
        minZ = Math.min(minZ, z - l.width / 2);
        maxX = Math.max(maxX, x + l.width / 2);
        maxZ = Math.max(maxZ, z + l.width / 2);
        grow(x, z);
      }
      lanes.push({
        index: lanes.length,
        id: l.id,
        roadId: road.id,
        kind: l.kind,
        dir: direction === 'both' ? 0 : 1,
        width: l.width,
        limit: limitKmh === Infinity ? Infinity : kmhToMs(limitKmh),
        grip: road.grip ?? Infinity,
        offset,
        line,
        stops: [],
        roadHasNonMotor: road.lanes.some((x) => x.kind === 'non-motor'),
        minX,
        minZ,
        maxX,
        maxZ,
      });
    }
  }
  const laneById = new Map(lanes.map((l) => [l.id, l]));

  const heads: RtHead[] = [];
  for (const sig of layout.signals) for (const h of sig.heads) heads.push({ index: heads.length, id: h.id, kind: h.kind });
  const headById = new Map(heads.map((h) => [h.id, h]));

  const stops: RtStop[] = [];
  for (const sl of layout.stopLines)
    for (const laneId of sl.lanes) {
      const lane = laneById.get(laneId);
      if (!lane) continue; // the schema has reported it
      const s = Math.max(0, lane.line.length - sl.fromEnd);
      const p = { x: 0, z: 0, heading: 0 };
      lane.line.sample(s, p);
      const rx = -Math.sin(p.heading) * (lane.width / 2);
      const rz = Math.cos(p.heading) * (lane.width / 2);
      const stop: RtStop = {
        index: stops.length,
        id: sl.id,
        lane: lane.index,
        s,
        head: sl.head ? (headById.get(sl.head)?.index ?? -1) : -1,
        rightOnRed: sl.rightOnRed,
        ax: p.x - rx,
        az: p.z - rz,
        bx: p.x + rx,
        bz: p.z + rz,
        heading: p.heading,
      };
      lane.stops.push(stop.index);
      stops.push(stop);
    }

  const crossings: RtCrossing[] = layout.crossings.map((c, index) => {
    const dx = c.to[0] - c.from[0];
    const dz = c.to[1] - c.from[1];
    const len = Math.hypot(dx, dz) || 1;
    grow(c.from[0], c.from[1]);
    grow(c.to[0], c.to[1]);
    return {
      index,
      id: c.id,
      cx: (c.from[0] + c.to[0]) / 2,
      cz: (c.from[1] + c.to[1]) / 2,
      ux: dx / len,
      uz: dz / len,
      halfLen: len / 2,
      halfWidth: c.width / 2,
      head: c.head ? (headById.get(c.head)?.index ?? -1) : -1,
    };
  });

  const junctions: RtJunction[] = layout.junctions.map((j, index) => {
    grow(j.center[0] - j.radius, j.center[1] - j.radius);
    grow(j.center[0] + j.radius, j.center[1] + j.radius);
    return { index, id: j.id, cx: j.center[0], cz: j.center[1], r: j.radius, poly: j.polygon ? new Float64Array(j.polygon.flat()) : null };
  });

  const occluders: RtOccluder[] = layout.props
    .filter((p) => p.occluder && p.size)
    .map((p) => ({
      cx: p.position[0],
      cz: p.position[1],
      heading: degToRad(p.rotation),
      halfL: p.size![0] / 2,
      halfW: p.size![1] / 2,
      height: p.size![2],
    }));

  const spawns: RtSpawn[] = layout.spawns.map((s) => {
    grow(s.position[0], s.position[1]);
    return { id: s.id, x: s.position[0], z: s.position[1], heading: degToRad(s.heading), player: s.player, as: s.as };
  });

  if (!Number.isFinite(bounds.minX)) Object.assign(bounds, { minX: -50, minZ: -50, maxX: 50, maxZ: 50 });
  return { lanes, laneById, stops, crossings, junctions, heads, headById, occluders, spawns, bounds };
}

// ---------------------------------------------------------------- point queries (player and detectors)
const proj: ProjectionOut = { s: 0, lateral: 0, dist: 0, heading: 0 };

/** The lane whose area holds the point (nearest middle wins), or -1. `outHeading` gets its heading there. */
export function laneAt(net: RoadNet, x: number, z: number, out?: { heading: number; s: number }): number {
  let best = -1;
  let bestD = Infinity;
  for (const lane of net.lanes) {
    if (x < lane.minX || x > lane.maxX || z < lane.minZ || z > lane.maxZ) continue;
    lane.line.project(x, z, proj);
    if (proj.dist > lane.width / 2 || proj.s <= 0 || proj.s >= lane.line.length) continue;
    if (proj.dist < bestD) {
      bestD = proj.dist;
      best = lane.index;
      if (out) {
        out.heading = proj.heading;
        out.s = proj.s;
      }
    }
  }
  return best;
}

export function crossingAt(net: RoadNet, x: number, z: number, margin = 0): number {
  for (const c of net.crossings) if (inCrossing(c, x, z, margin)) return c.index;
  return -1;
}

export function inCrossing(c: RtCrossing, x: number, z: number, margin = 0): boolean {
  const dx = x - c.cx;
  const dz = z - c.cz;
  const along = dx * c.ux + dz * c.uz;
  const across = -dx * c.uz + dz * c.ux;
  return Math.abs(along) <= c.halfLen + margin && Math.abs(across) <= c.halfWidth + margin;
}

/** The junction whose disc (grown by margin) holds the point: for routing. */
export function junctionAt(net: RoadNet, x: number, z: number, margin = 0): number {
  for (const j of net.junctions) {
    const dx = x - j.cx;
    const dz = z - j.cz;
    if (dx * dx + dz * dz <= (j.r + margin) * (j.r + margin)) return j.index;
  }
  return -1;
}

/** The junction whose carriageway (its polygon, else its disc) holds the point: for rules. */
export function junctionAreaAt(net: RoadNet, x: number, z: number): number {
  for (const j of net.junctions) {
    if (j.poly ? pointInPolygon(j.poly, x, z) : (x - j.cx) ** 2 + (z - j.cz) ** 2 <= j.r * j.r) return j.index;
  }
  return -1;
}

/** Even–odd ray casting; works for the concave outlines rounded kerbs give. */
export function pointInPolygon(poly: Float64Array, x: number, z: number): boolean {
  let inside = false;
  const n = poly.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = poly[i * 2]!, zi = poly[i * 2 + 1]!, xj = poly[j * 2]!, zj = poly[j * 2 + 1]!;
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

/** Where vehicles drive: a motor or non-motor lane, or a junction box, but not a sidewalk. */
export function onCarriageway(net: RoadNet, x: number, z: number): boolean {
  const lane = laneAt(net, x, z);
  if (lane >= 0) return net.lanes[lane]!.kind !== 'sidewalk';
  return junctionAreaAt(net, x, z) >= 0;
}

/** Does the segment between two points cross a stop line, moving with its direction of travel? */
export function crossesStop(stop: RtStop, x0: number, z0: number, x1: number, z1: number): boolean {
  const d = segIntersect(x0, z0, x1, z1, stop.ax, stop.az, stop.bx, stop.bz);
  if (d < 0) return false;
  return (x1 - x0) * Math.cos(stop.heading) + (z1 - z0) * Math.sin(stop.heading) > 0;
}

/** Parameter t ∈ [0,1] along p0→p1 where it meets q0→q1, or -1. */
export function segIntersect(
  p0x: number, p0z: number, p1x: number, p1z: number,
  q0x: number, q0z: number, q1x: number, q1z: number,
): number {
  const rx = p1x - p0x, rz = p1z - p0z, sx = q1x - q0x, sz = q1z - q0z;
  const den = rx * sz - rz * sx;
  if (Math.abs(den) < 1e-12) return -1;
  const qpx = q0x - p0x, qpz = q0z - p0z;
  const t = (qpx * sz - qpz * sx) / den;
  const u = (qpx * rz - qpz * rx) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : -1;
}

export type { Vec2 };
