// Where the signal hardware stands, from a layout (pure: no three.js).
//
// A signal head in the layout is a *controlled stream* (the simulation reads its colour), and one
// head often controls several approaches (veh-EW serves both the west and the east arm). So the
// hardware is placed per approach, from what the head controls:
// - vehicle and non-motor heads named by stop lines: per approach (a road and a direction), an
//   L-shaped pole on the right-hand kerb at the junction mouth, its arm over the approach lanes;
//   each vehicle head hangs above the lanes it controls, a non-motor head sits on the pole beside
//   the non-motor lane; all face the oncoming traffic.
// - pedestrian heads named by crossings: a post at each end of the crossing, facing across it (the
//   walkers at the far kerb read it).
// - heads named by neither stand on their own post at the head's `position`, facing `facing`
//   (degrees, the direction the lamp face looks towards, as for signs).
import type { HeadKind, LayoutDef, Vec2 } from '../../sim/def.ts';
import { compileLayout } from '../../sim/road/network.ts';
import { degToRad } from '../../sim/units.ts';

export interface LampUnit {
  head: string;
  kind: HeadKind;
  x: number;
  /** height of the unit's middle */
  y: number;
  z: number;
  /** three's rotation.y of a unit whose face looks towards +x */
  rotationY: number;
  /** a horizontal bracket at the unit's height from this point (the pole) to the unit */
  bracket: Vec2 | null;
  /** a hanger from the unit's top up to this height (the arm) */
  hangTo: number | null;
}

export interface Pole {
  x: number;
  z: number;
  height: number;
  /** the arm's far end (the arm runs 0.3 m below the top), if it has one */
  arm: Vec2 | null;
  /** thin post (pedestrian) or mast */
  thin: boolean;
}

export interface SignalPlan {
  units: LampUnit[];
  poles: Pole[];
  /** every head id drawn (each once) */
  heads: string[];
}

export const MAST_HEIGHT = 6.2;
const ARM_Y = MAST_HEIGHT - 0.3;
const VEHICLE_Y = ARM_Y - 0.75;
const NONMOTOR_Y = 3.0;
const PEDESTRIAN_Y = 2.25;
const STANDALONE_Y = { vehicle: 3.1, 'non-motor': 2.8, pedestrian: PEDESTRIAN_Y } as const;

/** rotation.y of something facing the sim heading h (rad) */
const facingY = (h: number) => -h;
/** a unit mounted on the front of a post at (x, z), facing `look` */
const inFront = (x: number, z: number, look: number) => ({ x: x + Math.cos(look) * 0.18, z: z + Math.sin(look) * 0.18 });

export function planSignals(layout: LayoutDef): SignalPlan {
  const net = compileLayout(layout);
  const kindOf = new Map<string, HeadKind>();
  const headInfo = new Map<string, { position?: Vec2; facing?: number }>();
  for (const s of layout.signals) for (const h of s.heads) {
    kindOf.set(h.id, h.kind);
    headInfo.set(h.id, { position: h.position, facing: h.facing });
  }
  const units: LampUnit[] = [];
  const poles: Pole[] = [];
  const placed = new Set<string>();

  // ---- approaches: stop lines with a head, grouped by road and direction of travel
  const approaches = new Map<string, (typeof net.stops)[number][]>();
  for (const st of net.stops) {
    if (st.head < 0) continue;
    const lane = net.lanes[st.lane]!;
    const key = `${lane.roadId}|${Math.round((st.heading * 180) / Math.PI / 15)}`;
    let list = approaches.get(key);
    if (!list) approaches.set(key, (list = []));
    list.push(st);
  }
  for (const stops of approaches.values()) {
    const h = stops[0]!.heading;
    const fx = Math.cos(h), fz = Math.sin(h);
    const rx = -fz, rz = fx;
    const ox = (stops[0]!.ax + stops[0]!.bx) / 2, oz = (stops[0]!.az + stops[0]!.bz) / 2;
    const lateral = (x: number, z: number) => (x - ox) * rx + (z - oz) * rz;
    // the pole stands where the lanes end (the junction's mouth), past the crossing
    let ahead = Infinity;
    for (const st of stops) ahead = Math.min(ahead, net.lanes[st.lane]!.line.length - st.s);
    if (!Number.isFinite(ahead) || ahead < 1.5) ahead = 1.5;
    let right = -Infinity;
    for (const st of stops) right = Math.max(right, lateral(st.bx, st.bz), lateral(st.ax, st.az));
    const at = (lat: number): Vec2 => [ox + fx * ahead + rx * lat, oz + fz * ahead + rz * lat];
    const poleLat = right + 0.9;
    const [px, pz] = at(poleLat);
    const byHead = new Map<string, number[]>();
    for (const st of stops) {
      const id = net.heads[st.head]!.id;
      let l = byHead.get(id);
      if (!l) byHead.set(id, (l = []));
      l.push(lateral((st.ax + st.bx) / 2, (st.az + st.bz) / 2));
    }
    let armReach = poleLat;
    for (const [id, lats] of byHead) {
      const kind = kindOf.get(id)!;
      placed.add(id);
      if (kind === 'vehicle') {
        const lat = lats.reduce((a, b) => a + b, 0) / lats.length;
        const [x, z] = at(lat);
        units.push({ head: id, kind, x, y: VEHICLE_Y, z, rotationY: facingY(h + Math.PI), bracket: null, hangTo: ARM_Y });
        armReach = Math.min(armReach, lat - 0.6);
      } else {
        const [x, z] = at(poleLat - 0.4);
        units.push({ head: id, kind, x, y: NONMOTOR_Y, z, rotationY: facingY(h + Math.PI), bracket: [px, pz], hangTo: null });
      }
    }
    poles.push({ x: px, z: pz, height: MAST_HEIGHT, arm: armReach < poleLat ? at(armReach) : null, thin: false });
  }

  // ---- crossings: a post at each end, facing across
  for (const c of layout.crossings) {
    if (!c.head) continue;
    placed.add(c.head);
    const dx = c.to[0] - c.from[0], dz = c.to[1] - c.from[1];
    const len = Math.hypot(dx, dz) || 1;
    const ux = dx / len, uz = dz / len;
    // beside the crossing (on its +v side), just past the kerb
    const vx = -uz, vz = ux;
    const side = c.width / 2 + 0.4;
    for (const [end, out] of [
      [c.from, -1],
      [c.to, 1],
    ] as const) {
      const x = end[0] + ux * out * 0.6 + vx * side, z = end[1] + uz * out * 0.6 + vz * side;
      // the face looks back across the crossing, towards the other end
      const look = Math.atan2(-uz * out, -ux * out);
      poles.push({ x, z, height: PEDESTRIAN_Y + 0.5, arm: null, thin: true });
      units.push({ ...inFront(x, z, look), head: c.head, kind: 'pedestrian', y: PEDESTRIAN_Y, rotationY: facingY(look), bracket: null, hangTo: null });
    }
  }

  // ---- anything else stands where the layout says
  for (const [id, info] of headInfo) {
    if (placed.has(id) || !info.position) continue;
    placed.add(id);
    const kind = kindOf.get(id)!;
    const [x, z] = info.position;
    poles.push({ x, z, height: STANDALONE_Y[kind] + (kind === 'pedestrian' ? 0.5 : 0.7), arm: null, thin: kind === 'pedestrian' });
    const look = degToRad(info.facing ?? 0);
    units.push({ ...inFront(x, z, look), head: id, kind, y: STANDALONE_Y[kind], rotationY: facingY(look), bracket: null, hangTo: null });
  }

  return { units, poles, heads: [...placed] };
}
