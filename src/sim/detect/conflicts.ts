// Conflicts between pairs of agents: collisions (bodies overlap) and near misses by time-to-collision
// (their boxes would meet within the TTC threshold if each kept its heading and current braking).
// Pairs come from the grid; only pairs that matter for safety teaching are judged for near misses:
// the player with anyone, and a vehicle with a pedestrian or rider.
import type { SimAgent } from '../agents/agent.ts';
import { isVehicle, isVulnerable } from '../agents/specs.ts';
import { obbOverlap, predictContact, type MovingBox } from '../geometry/obb.ts';
import type { SimWorld } from '../world.ts';

const ma: MovingBox = { x: 0, z: 0, heading: 0, hl: 0, hw: 0, moveHeading: 0, speed: 0, accel: 0 };
const mb: MovingBox = { x: 0, z: 0, heading: 0, hl: 0, hw: 0, moveHeading: 0, speed: 0, accel: 0 };

export const pairKey = (a: number, b: number): number => (a < b ? a * 1_000_000 + b : b * 1_000_000 + a);

/** a near miss between these two is worth reporting */
export function nearMissPair(a: SimAgent, b: SimAgent): boolean {
  if (a.kind === 'pedestrian' && b.kind === 'pedestrian') return false;
  if (a.isPlayer || b.isPlayer) return true;
  return (isVehicle(a.kind) && isVulnerable(b.kind)) || (isVehicle(b.kind) && isVulnerable(a.kind));
}

export function agentsOverlap(a: SimAgent, b: SimAgent): boolean {
  if (box(a, false, b, false)) return true;
  if (a.hasTrailer && box(a, true, b, false)) return true;
  if (b.hasTrailer && box(a, false, b, true)) return true;
  return a.hasTrailer && b.hasTrailer && box(a, true, b, true);
}

function box(a: SimAgent, at: boolean, b: SimAgent, bt: boolean): boolean {
  return obbOverlap(
    at ? a.trailerX : a.x, at ? a.trailerZ : a.z, at ? a.trailerHeading : a.heading,
    (at ? a.trailerLength : a.length) / 2, (at ? a.trailerWidth : a.width) / 2,
    bt ? b.trailerX : b.x, bt ? b.trailerZ : b.z, bt ? b.trailerHeading : b.heading,
    (bt ? b.trailerLength : b.length) / 2, (bt ? b.trailerWidth : b.width) / 2,
  );
}

function radius(a: SimAgent): number {
  const r = 0.5 * Math.hypot(a.length, a.width);
  return a.hasTrailer ? r + a.trailerLength : r;
}

function toBox(a: SimAgent, out: MovingBox): MovingBox {
  out.x = a.x;
  out.z = a.z;
  out.heading = a.heading;
  out.hl = a.length / 2;
  out.hw = a.width / 2;
  out.moveHeading = a.heading;
  out.speed = a.speed;
  out.accel = a.accel;
  return out;
}

export function detectConflicts(w: SimWorld): void {
  const g = w.grid;
  const agents = w.agents;
  const horizon = w.opts.nearMiss.ttc;
  for (let i = 0; i < agents.length; i++) {
    const a = agents[i]!;
    g.nextStamp();
    const ra = radius(a);
    // the agent's own cells plus a ring: near misses are judged a little before bodies meet
    const reach = ra + 1;
    const c0 = g.cx(a.x - reach) - 1, c1 = g.cx(a.x + reach) + 1, r0 = g.cz(a.z - reach) - 1, r1 = g.cz(a.z + reach) + 1;
    for (let r = Math.max(0, r0); r <= Math.min(g.nz - 1, r1); r++)
      for (let c = Math.max(0, c0); c <= Math.min(g.nx - 1, c1); c++) {
        const ci = r * g.nx + c;
        for (let k = g.start[ci]!; k < g.start[ci + 1]!; k++) {
          const j = g.items[k]!;
          if (j <= i || !g.visit(j)) continue;
          const b = agents[j]!;
          if (a.kind === 'pedestrian' && b.kind === 'pedestrian') continue;
          judgePair(w, a, b, ra, horizon);
        }
      }
  }
}

function judgePair(w: SimWorld, a: SimAgent, b: SimAgent, ra: number, horizon: number): void {
  const dx = b.x - a.x, dz = b.z - a.z;
  const d = Math.hypot(dx, dz);
  const rr = ra + radius(b);
  const key = pairKey(a.id, b.id);
  if (d < rr && agentsOverlap(a, b)) {
    if (!w.pairs.collision.has(key)) {
      w.pairs.collision.set(key, w.time);
      w.emit('collision', a.id, b.id, (a.x + b.x) / 2, (a.z + b.z) / 2, {
        speedA: Math.round(a.speed * 10) / 10,
        speedB: Math.round(b.speed * 10) / 10,
        relSpeed: Math.round(Math.hypot(Math.cos(a.heading) * a.speed - Math.cos(b.heading) * b.speed, Math.sin(a.heading) * a.speed - Math.sin(b.heading) * b.speed) * 10) / 10,
      });
      crash(a, w.time);
      crash(b, w.time);
    }
    return;
  }
  if (!nearMissPair(a, b) || w.pairs.collision.has(key)) return;
  // out of reach within the horizon, even closing head-on
  if (d - rr > (a.speed + b.speed) * horizon) return;
  if ((w.pairs.nearMiss.get(key) ?? -Infinity) > w.time) return;
  const ttc = predictContact(toBox(a, ma), toBox(b, mb), horizon, 6);
  if (ttc < Infinity) reportNearMiss(w, a, b, 'ttc', ttc);
}

export function reportNearMiss(w: SimWorld, a: SimAgent, b: SimAgent, metric: 'ttc' | 'pet', value: number): void {
  const key = pairKey(a.id, b.id);
  if ((w.pairs.nearMiss.get(key) ?? -Infinity) > w.time || w.pairs.collision.has(key)) return;
  // one report per encounter
  w.pairs.nearMiss.set(key, w.time + w.opts.nearMiss.cooldown);
  w.emit('near_miss', a.id, b.id, (a.x + b.x) / 2, (a.z + b.z) / 2, { metric, value: Math.round(value * 100) / 100 });
}

/** A crash stops the non-player agents involved where they are. */
function crash(a: SimAgent, t: number): void {
  if (a.isPlayer) return;
  if (a.state !== 'crashed') a.crashedAt = t;
  a.state = 'crashed';
  a.speed = 0;
  a.accel = 0;
}
