// The two truck dangers of zone 4: a pedestrian or rider standing where the driver cannot see them
// (blind zone from sight lines and mirrors), and one standing inside the area the inner rear wheels
// will sweep through in a turn. Judged for every agent with a cab against nearby vulnerable agents.
import type { SimAgent } from '../agents/agent.ts';
import { isVulnerable, SPECS } from '../agents/specs.ts';
import { inBlindZone, type BodySpec } from '../geometry/blindZone.ts';
import { inSweep, sweepFromWheels, type SweepRegion } from '../geometry/innerWheel.ts';
import type { SimWorld } from '../world.ts';
import { pairKey } from './conflicts.ts';

const body: BodySpec = { length: 0, width: 0 };
const sweep: SweepRegion = { cx: 0, cz: 0, rIn: 0, rOut: 0, a0: 0, span: 0 };
/** turns gentler than this (rad of steer) sweep no meaningful area */
const MIN_STEER = 0.05;

/** bumper-to-tail length of the whole vehicle when straight */
export function overallLength(a: SimAgent): number {
  if (!a.hasTrailer) return a.length;
  return a.frontOverhang + a.wheelbase - a.kingpinOffset + a.trailerLength - a.trailerFront;
}

/** Local (u forward from the front bumper, v to the right) coordinates of a point. */
export function toCabFrame(a: SimAgent, x: number, z: number, out: { u: number; v: number }): void {
  const c = Math.cos(a.heading), s = Math.sin(a.heading);
  const bx = a.x + c * (a.length / 2), bz = a.z + s * (a.length / 2);
  const dx = x - bx, dz = z - bz;
  out.u = dx * c + dz * s;
  out.v = -dx * s + dz * c;
}

/** The inner-wheel sweep of a turning vehicle, or null when it is not turning. */
export function sweepOf(a: SimAgent, out: SweepRegion): SweepRegion | null {
  if (Math.abs(a.steer) < MIN_STEER || a.wheelbase <= 0 || a.track <= 0) return null;
  const side = a.steer > 0 ? 1 : -1;
  const c = Math.cos(a.heading), s = Math.sin(a.heading);
  // right of heading is (−s, c); the turn centre lies on the rear axle line
  const rr = a.wheelbase / Math.tan(a.steer);
  const cx = a.rx - s * rr, cz = a.rz + c * rr;
  const fx = a.fx - s * side * (a.track / 2), fz = a.fz + c * side * (a.track / 2);
  let rx: number, rz: number;
  if (a.hasTrailer) {
    const tc = Math.cos(a.trailerHeading), ts = Math.sin(a.trailerHeading);
    rx = a.tx - ts * side * (a.trailerTrack / 2);
    rz = a.tz + tc * side * (a.trailerTrack / 2);
  } else {
    rx = a.rx - s * side * (a.track / 2);
    rz = a.rz + c * side * (a.track / 2);
  }
  return sweepFromWheels(cx, cz, fx, fz, rx, rz, 2.0, out);
}

const local = { u: 0, v: 0 };

export function detectTruckZones(w: SimWorld): void {
  const g = w.grid;
  const agents = w.agents;
  const margin = w.opts.blindZoneMargin;
  for (let i = 0; i < agents.length; i++) {
    const t = agents[i]!;
    const cab = SPECS[t.kind].cab;
    if (!cab) continue;
    body.length = overallLength(t);
    body.width = t.width;
    const sw = t.speed > 0.3 ? sweepOf(t, sweep) : null;
    const reach = body.length + margin;
    g.nextStamp();
    const c0 = g.cx(t.x - reach), c1 = g.cx(t.x + reach), r0 = g.cz(t.z - reach), r1 = g.cz(t.z + reach);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const ci = r * g.nx + c;
        for (let k = g.start[ci]!; k < g.start[ci + 1]!; k++) {
          const j = g.items[k]!;
          if (!g.visit(j)) continue;
          const v = agents[j]!;
          if (v === t || !isVulnerable(v.kind)) continue;
          toCabFrame(t, v.x, v.z, local);
          const key = pairKey(t.id, v.id);
          const blind = inBlindZone(cab, body, local.u, local.v, v.height, margin);
          if (blind !== w.pairs.blind.has(key)) {
            if (blind) {
              w.pairs.blind.set(key, w.time);
              w.emit('in_blind_zone', t.id, v.id, v.x, v.z, { u: round2(local.u), v: round2(local.v), targetHeight: v.height });
            } else w.pairs.blind.delete(key);
          } else if (blind) w.pairs.blind.set(key, w.time);
          const swept = sw !== null && inSweep(sw, v.x, v.z, v.width / 2);
          if (swept !== w.pairs.sweep.has(key)) {
            if (swept) {
              w.pairs.sweep.set(key, w.time);
              w.emit('in_inner_wheel_sweep', t.id, v.id, v.x, v.z, { rIn: round2(sweep.rIn), rOut: round2(sweep.rOut), offTracking: round2(sweep.rOut - sweep.rIn) });
            } else w.pairs.sweep.delete(key);
          } else if (swept) w.pairs.sweep.set(key, w.time);
        }
      }
  }
  // pairs not seen this step have parted (one of them left or went out of reach)
  prune(w.pairs.blind, w.time);
  prune(w.pairs.sweep, w.time);
}

let pruneNow = 0;
// a module-level callback, so pruning allocates no iterator or closure per step
const pruneOne = (t: number, k: number, m: Map<number, number>): void => {
  if (t !== pruneNow) m.delete(k);
};
function prune(m: Map<number, number>, now: number): void {
  if (m.size === 0) return;
  pruneNow = now;
  m.forEach(pruneOne);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
