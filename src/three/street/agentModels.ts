// One model per agent pool, built from the props kit's builders (the semi-trailer is split into an
// articulated tractor and trailer here: the kit's rig is one rigid piece). Each model is fitted to
// the simulation's nominal length (src/sim/agents/specs.ts), centred on the middle of its body
// (the sim's x, z), nose towards +x, and carries a `paint` vertex attribute marking the parts that
// take the instance colour (body paint, a rider's or walker's shirt).
import { type BufferGeometry, Color, Float32BufferAttribute } from 'three';
import { mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { AgentKind } from '../../sim/def.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import { buildBus } from '../props/Bus.tsx';
import { buildCar } from '../props/Car.tsx';
import { buildEbikeRider } from '../props/EbikeRider.tsx';
import { buildPedestrian } from '../props/Pedestrian.tsx';
import { C, PAINT, SHIRTS } from '../props/palette.ts';
import { PartBuilder } from '../props/parts.ts';
import { buildTruck } from '../props/Truck.tsx';
import { axle, rearFace, sideGuard, truckCab } from '../props/vehicleParts.ts';
import { PAINT_ATTRIBUTE } from './materials.ts';

/** Instanced pools: one InstancedMesh each. A semi-trailer agent fills one tractor and one trailer. */
export const AGENT_POOLS = ['car', 'bus', 'truck', 'tractor', 'trailer', 'ebike', 'pedestrian'] as const;
export type AgentPool = (typeof AGENT_POOLS)[number];

export const POOL_OF: Record<AgentKind, AgentPool> = {
  car: 'car',
  bus: 'bus',
  truck: 'truck',
  'semi-trailer': 'tractor',
  ebike: 'ebike',
  pedestrian: 'pedestrian',
};

/** sRGB colours an instance's paint takes, picked by agent id. */
export const POOL_PALETTES: Record<AgentPool, readonly string[]> = {
  car: [...PAINT, '#b8bec4', '#1b2a4a', '#7a1f2b', '#9aa3ab', '#f2f2f0', '#17181a'],
  bus: ['#1e9e6a', '#2e6fd0', '#d7263d', '#e8a317'],
  truck: ['#2e6fd0', '#d7263d', '#f2f2f0', '#4caf7d', '#e8a317'],
  tractor: ['#d7263d', '#2e6fd0', '#f2f2f0', '#3a3d42', '#e8a317', '#4caf7d'],
  trailer: ['#d8dde2', '#ece6d6', '#cfd9e6', '#e6d3d3', '#d5e3d0'],
  ebike: [...SHIRTS, '#f26b1d', '#1e9e6a', '#c8f03c', '#3a3d42'],
  pedestrian: [...SHIRTS, '#f26b1d', '#1e9e6a', '#3a3d42', '#f7c600', '#b8bec4'],
};

/** A stable pseudo-random index for an agent id (Knuth multiplicative hash). */
export function paletteIndex(id: number, n: number): number {
  return ((Math.imul(id + 1, 0x9e3779b1) >>> 0) >>> 8) % n;
}

/** Tractor unit matching SPECS['semi-trailer']: 6.0 m, front axle 1.4 m behind the nose, wheelbase 3.8, fifth wheel over the rear axle. */
function buildTractor(paint: string): BufferGeometry {
  const b = new PartBuilder();
  const hw = 1.25;
  const front = 3.0;
  const frontAxle = front - 1.4;
  const rearAxle = frontAxle - 3.8;
  truckCab(b, front, 2.2, 0.9, 3.5, hw - 0.05, paint);
  b.slab(-3.0, front - 2.2, 0.6, 1.0, -0.5, 0.5, C.chassis);
  b.slab(rearAxle - 0.55, rearAxle + 0.55, 1.0, 1.12, -0.6, 0.6, C.darkGrey); // fifth wheel
  for (const side of [-1, 1]) b.cyl(0.25, 0.25, 1.0, [0.1, 0.85, side * 0.85], C.steel, { axis: 'x', segments: 8 }); // tanks
  for (const side of [-1, 1]) b.slab(rearAxle - 0.7, rearAxle + 0.7, 1.05, 1.12, side > 0 ? 0.7 : -1.25, side > 0 ? 1.25 : -0.7, C.chassis); // mudguards
  axle(b, frontAxle, 0.5, 2.05, 0.32);
  axle(b, rearAxle + 0.6, 0.5, 1.95, 0.32, true);
  axle(b, rearAxle - 0.6, 0.5, 1.95, 0.32, true);
  return b.build();
}

/** Box semi-trailer matching SPECS['semi-trailer'].trailer: 13 m, kingpin 1.2 m behind its front, axle group 10 m behind the kingpin. */
function buildTrailer(box: string): BufferGeometry {
  const b = new PartBuilder();
  const hw = 1.25;
  const front = 6.5;
  const kingpin = front - 1.2;
  const axles = kingpin - 10;
  b.slab(-6.5, front, 1.0, 1.25, -0.55, 0.55, C.chassis);
  b.slab(-6.5, front, 1.25, 4.0, -hw, hw, box);
  b.slab(-6.45, front - 0.05, 1.3, 1.4, -hw - 0.01, hw + 0.01, C.red);
  for (let x = -6.2; x < front - 0.3; x += 1.0) b.slab(x, x + 0.5, 1.3, 1.4, -hw - 0.012, hw + 0.012, C.white);
  b.slab(-6.52, -6.48, 1.3, 3.95, -hw + 0.05, hw - 0.05, '#c4cacf');
  b.cyl(0.05, 0.05, 0.15, [kingpin, 0.95, 0], C.steel, { segments: 6 });
  for (const side of [-1, 1]) b.rod([kingpin - 2.0, 0.1, side * 0.9], [kingpin - 2.0, 1.0, side * 0.9], 0.05, C.steel, 4); // landing legs
  sideGuard(b, axles + 1.8, kingpin - 2.4, 0.55, hw - 0.08);
  for (const dx of [-1.3, 0, 1.3]) axle(b, axles + dx, 0.5, 1.95, 0.32, true);
  rearFace(b, -6.5, hw, 0.9, 0.55);
  return b.build();
}

interface ModelRecipe {
  build: () => BufferGeometry;
  /** sRGB colours of the parts that take the instance colour */
  paint: readonly string[];
  /** stretch along x to this length (the sim's nominal length); null = keep (people) */
  length: number | null;
}

const semi = SPECS['semi-trailer'];
const RECIPES: Record<AgentPool, ModelRecipe> = {
  car: { build: () => buildCar(0), paint: [PAINT[0]], length: SPECS.car.length },
  bus: { build: () => buildBus(), paint: ['#1e9e6a'], length: SPECS.bus.length },
  truck: { build: () => buildTruck(), paint: ['#2e6fd0'], length: SPECS.truck.length },
  tractor: { build: () => buildTractor('#b8322a'), paint: ['#b8322a'], length: semi.length },
  trailer: { build: () => buildTrailer('#d8dde2'), paint: ['#d8dde2'], length: semi.trailer!.length },
  ebike: { build: () => buildEbikeRider(0), paint: [SHIRTS[3]], length: SPECS.ebike.length },
  pedestrian: { build: () => buildPedestrian(0), paint: [SHIRTS[0]], length: null },
};

/** Adds the `paint` attribute: 1 on vertices whose colour is one of `paint` (sRGB), else 0. */
export function markPaint(g: BufferGeometry, paint: readonly string[]): number {
  const col = g.getAttribute('color');
  const targets = paint.map((p) => new Color(p));
  const mask = new Float32Array(col.count);
  let marked = 0;
  for (let i = 0; i < col.count; i++) {
    const r = col.getX(i), gg = col.getY(i), b = col.getZ(i);
    if (targets.some((t) => Math.abs(t.r - r) < 1e-4 && Math.abs(t.g - gg) < 1e-4 && Math.abs(t.b - b) < 1e-4)) {
      mask[i] = 1;
      marked++;
    }
  }
  g.setAttribute(PAINT_ATTRIBUTE, new Float32BufferAttribute(mask, 1));
  return marked;
}

/** The pool's model: fitted, centred, paint-marked and indexed. The caller owns (disposes) it. */
export function buildAgentModel(pool: AgentPool): BufferGeometry {
  const r = RECIPES[pool];
  const raw = r.build();
  markPaint(raw, r.paint);
  raw.computeBoundingBox();
  const bb = raw.boundingBox!;
  raw.translate(-(bb.min.x + bb.max.x) / 2, 0, -(bb.min.z + bb.max.z) / 2);
  if (r.length !== null) raw.scale(r.length / (bb.max.x - bb.min.x), 1, 1);
  const g = mergeVertices(raw, 1e-5);
  if (g !== raw) raw.dispose();
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
