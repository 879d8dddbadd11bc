// Street dressing for views that want a lived-in street around a bare layout (the junction lab):
// trees on the verge beyond each sidewalk and buildings set back behind them, as ordinary layout
// props (pure, deterministic). Visual only: the simulation never sees them (no sight-line
// occluders), so zones whose lessons depend on what can be seen put their props in the layout.
import type { LayoutDef, Vec2 } from '../../sim/def.ts';
import { compileLayout } from '../../sim/road/network.ts';

type LayoutProp = LayoutDef['props'][number];

export interface DressingOptions {
  /** metres between street trees (default 12); 0 = none */
  treeSpacing?: number;
  /** metres between buildings along a road (default 24); 0 = none */
  buildingSpacing?: number;
  /** nothing further than this from a junction's middle, or from the road's middle if none (default 80) */
  reach?: number;
}

export function dressStreet(layout: LayoutDef, options: DressingOptions = {}): LayoutProp[] {
  const net = compileLayout(layout);
  const treeSpacing = options.treeSpacing ?? 12;
  const buildingSpacing = options.buildingSpacing ?? 24;
  const reach = options.reach ?? 80;
  const out: LayoutProp[] = [];
  const taken: { p: Vec2; r: number }[] = [];
  for (const p of layout.props) taken.push({ p: p.position, r: p.prop === 'building' ? 9 : 2 });
  for (const s of layout.signs) taken.push({ p: s.position, r: 1.5 });
  for (const s of layout.signals) for (const h of s.heads) if (h.position) taken.push({ p: h.position, r: 1.5 });
  const free = (p: Vec2, r: number) => taken.every((t) => Math.hypot(p[0] - t.p[0], p[1] - t.p[1]) > r + t.r);
  const onStreet = (p: Vec2, margin: number) =>
    net.lanes.some((l) => {
      const o = { s: 0, lateral: 0, dist: 0, heading: 0 };
      l.line.project(p[0], p[1], o);
      return o.dist < l.width / 2 + margin && o.s > 0.01 && o.s < l.line.length - 0.01;
    }) ||
    net.junctions.some((j) => Math.max(Math.abs(p[0] - j.cx), Math.abs(p[1] - j.cz)) < j.r + margin) ||
    net.crossings.some((c) => Math.hypot(p[0] - c.cx, p[1] - c.cz) < c.halfLen + c.halfWidth + margin);
  // keep the corners open: nothing tall within 8 m of a junction's edge (the sight triangles)
  const nearCorner = (p: Vec2) => net.junctions.some((j) => Math.hypot(p[0] - j.cx, p[1] - j.cz) < j.r + 8);
  const centre = (p: Vec2) => (net.junctions.length ? Math.min(...net.junctions.map((j) => Math.hypot(p[0] - j.cx, p[1] - j.cz))) : Math.hypot(p[0], p[1]));

  for (const road of layout.roads) {
    const lanes = net.lanes.filter((l) => l.roadId === road.id);
    if (lanes.length === 0) continue;
    // the road's outer edges, left (−) and right (+) of its centre line
    let right = 0, left = 0;
    for (const l of lanes) {
      right = Math.max(right, l.offset + l.width / 2);
      left = Math.min(left, l.offset - l.width / 2);
    }
    const a = road.centerline[0]!, b = road.centerline[road.centerline.length - 1]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const ux = (b[0] - a[0]) / len, uz = (b[1] - a[1]) / len;
    const rx = -uz, rz = ux;
    for (const [edge, sign] of [
      [right, 1],
      [left, -1],
    ] as const) {
      const at = (s: number, lat: number): Vec2 => [a[0] + ux * s + rx * lat, a[1] + uz * s + rz * lat];
      if (treeSpacing > 0)
        for (let s = treeSpacing / 2; s < len; s += treeSpacing) {
          const p = at(s, edge + sign * 1.6);
          if (centre(p) > reach || nearCorner(p) || onStreet(p, 1.2) || !free(p, 1.5)) continue;
          out.push({ prop: 'tree', position: p, rotation: (s * 37) % 360, occluder: false });
          taken.push({ p, r: 1.5 });
        }
      if (buildingSpacing > 0)
        for (let s = buildingSpacing / 2; s < len; s += buildingSpacing) {
          // a 10 m deep block, its front (+x) towards the road, 4.5 m behind the verge trees
          const p = at(s, edge + sign * (3.5 + 5 + 1.5));
          if (centre(p) > reach || onStreet(p, 7) || !free(p, 7)) continue;
          const facing = (Math.atan2(-rz * sign, -rx * sign) * 180) / Math.PI;
          out.push({ prop: 'building', position: p, rotation: facing, occluder: false });
          taken.push({ p, r: 7 });
        }
    }
  }
  return out;
}
