// How a non-player agent chooses its acceleration: IDM towards whatever is ahead on its path (a
// vehicle, a pedestrian, the player, a red stop line, an occupied crossing, a bend), and an
// emergency stop with reaction time when the situation suddenly needs more than comfortable
// braking. Pedestrians walk, waiting at red signals and for gaps at unsignalised crossings.
import { GREEN, RED, YELLOW } from '../signals.ts';
import { brakeStep, idmAccel, integrate, type IdmParams, type Motion } from '../kinematics.ts';
import type { ProjectionOut } from '../road/polyline.ts';
import type { RoutePath } from '../road/routes.ts';
import type { SimWorld } from '../world.ts';
import { frontS, type SimAgent } from './agent.ts';

const idm: IdmParams = { v0: 10, T: 1.4, s0: 2, a: 1.5, b: 2.5 };
const proj: ProjectionOut = { s: 0, lateral: 0, dist: 0, heading: 0 };
const motion: Motion = { ds: 0, v: 0 };
const sampleOut = { x: 0, z: 0, heading: 0 };

/** half the length of the longest body (a semi-trailer's), for search bounds */
const LONGEST = 10;

/** the leader found by `findLeader` */
const lead = { gap: Infinity, v: 0, id: -1 };

/** IDM braking beyond comfortable + this counts as a sudden hazard (reaction time applies) */
const HAZARD_MARGIN = 2.0;

export function decideVehicle(w: SimWorld, a: SimAgent, p: RoutePath): number {
  const v = a.speed;
  const sf = frontS(a);
  const look = Math.min(90, Math.max(30, v * 4 + 15));
  idm.v0 = Math.min(a.v0, curveLimit(a, p, sf, v));
  idm.a = a.maxAccel;
  idm.b = a.comfortDecel;
  idm.s0 = a.kind === 'ebike' ? 1.0 : 2.0;
  let acc = idmAccel(v, Infinity, 0, idm);

  findLeader(w, a, p, sf, look);
  a.hazard = false;
  if (lead.gap < Infinity) {
    const al = idmAccel(v, lead.gap, lead.v, idm);
    acc = Math.min(acc, al);
    // a driver reacts late only to what surprises them (facts 5.15): someone on foot (or the
    // visitor) suddenly in the way, or brake lights ahead. Vehicles merging or turning in are
    // watched all along and braked for at once, which keeps background traffic crash-free.
    if (al < -(a.comfortDecel + HAZARD_MARGIN)) {
      const leader = w.agentById(lead.id);
      // (leaderId −2: just spawned, everything ahead was already in view)
      const sudden = lead.id !== a.leaderId && a.leaderId !== -2 && leader !== undefined && (leader.kind === 'pedestrian' || leader.isPlayer);
      a.hazard = sudden || (leader !== undefined && leader.accel < -4);
    }
  }
  a.leaderId = lead.id;

  // the next stop line on the path, if its signal says stop
  while (a.nextStop < p.stops.length && p.stops[a.nextStop]!.s < sf - 0.5) a.nextStop++;
  const st = p.stops[a.nextStop];
  if (st && st.head >= 0 && !a.runRed && st.s - sf < look) {
    const col = w.signals.colors[st.head]!;
    const gap = st.s - sf - 0.3;
    let stop = false;
    if (col === RED) stop = !(st.rightOnRed && st.turn === 'right');
    // on yellow, stop only if it can be done comfortably (otherwise clear the junction)
    else if (col === YELLOW) stop = gap > (v * v) / (2 * a.comfortDecel * 1.2);
    if (stop) acc = Math.min(acc, idmAccel(v, gap, 0, idm));
  }

  // turning across others: give way to straight-going traffic whose path meets ours
  // (the prediction is re-run every third step, staggered by id; the stop point is kept between)
  if (!a.noYield && (Math.abs(a.steer) > 0.05 || bendAhead(a, p, sf))) {
    if ((w.stepCount + a.id) % 3 === 0) a.giveWayS = giveWay(w, a, p, sf, v);
    if (a.giveWayS < Infinity) acc = Math.min(acc, idmAccel(v, Math.max(a.giveWayS - sf, 0.1), 0, idm));
  } else a.giveWayS = Infinity;

  // crossings: give way to anyone walking on them (unless flagged not to, or too late to stop)
  if (!a.noYield) {
    while (a.nextCrossing < p.crossings.length && p.crossings[a.nextCrossing]!.s1 < a.s - a.wheelbase - a.rearOverhang) a.nextCrossing++;
    for (let k = a.nextCrossing; k < p.crossings.length; k++) {
      const c = p.crossings[k]!;
      if (c.s0 - sf > look) break;
      if (c.s0 < sf - 0.2 || w.crossingPeds[c.crossing] === 0) continue;
      const gap = c.s0 - sf - 1.0;
      if (gap > (v * v) / (2 * a.maxDecel)) acc = Math.min(acc, idmAccel(v, gap, 0, idm));
    }
  }
  return acc;
}

/** Does the path turn within the next 35 m (a junction turn is coming)? */
function bendAhead(a: SimAgent, p: RoutePath, sf: number): boolean {
  const line = p.line;
  for (let i = a.seg; i < line.n - 1; i++) {
    if (line.cum[i]! - sf > 35) return false;
    if (p.vCurve[i]! < 12) return true;
  }
  return false;
}

const GIVE_WAY_HORIZON = 4;
const GIVE_WAY_SAMPLES = 16;

/**
 * Gap acceptance for a turning vehicle: predict the next few seconds (itself along its path at
 * its speed, or at a walking pace when standing; others straight on) and find where to stop short
 * of the first place a straight-going vehicle or rider would be alongside at the same moment.
 * Returns that stop point as the front bumper's arc length, or Infinity.
 */
function giveWay(w: SimWorld, a: SimAgent, p: RoutePath, sf: number, v: number): number {
  const g = w.grid;
  const agents = w.agents;
  const vp = Math.max(v, 3);
  const reach = 20;
  let stopS = Infinity;
  g.nextStamp();
  const c0 = g.cx(a.x - reach), c1 = g.cx(a.x + reach), r0 = g.cz(a.z - reach), r1 = g.cz(a.z + reach);
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const ci = r * g.nx + c;
      for (let k = g.start[ci]!; k < g.start[ci + 1]!; k++) {
        const j = g.items[k]!;
        const b = agents[j];
        if (!b || b === a || !g.visit(j) || b.kind === 'pedestrian' || b.speed < 1 || Math.abs(b.steer) > 0.05) continue;
        const bc = Math.cos(b.heading), bs = Math.sin(b.heading);
        const dx = b.x - a.x, dz = b.z - a.z;
        // too far to meet us within the horizon, even head-on
        const bound = (vp + b.speed) * GIVE_WAY_HORIZON + a.length + b.length;
        if (dx * dx + dz * dz > bound * bound) continue;
        // already ahead of us in our own lane: that is a leader, not a crossing stream
        const ah = a.heading;
        if (
          Math.cos(b.heading - ah) > 0.85 &&
          dx * Math.cos(ah) + dz * Math.sin(ah) > 0 &&
          Math.abs(-dx * Math.sin(ah) + dz * Math.cos(ah)) < (a.width + b.width) / 2
        )
          continue;
        const clear = (a.width + b.width) / 2 + 1.5 + b.length / 2;
        // our body follows the path: check where the front and where the tail will be
        const tail = a.wheelbase + a.rearOverhang;
        for (let n = 1; n <= GIVE_WAY_SAMPLES; n++) {
          const t = (GIVE_WAY_HORIZON * n) / GIVE_WAY_SAMPLES;
          const sAt = sf + vp * t;
          if (sAt > p.line.length) break;
          const bx = b.x + bc * b.speed * t, bz = b.z + bs * b.speed * t;
          // a crossing stream only: someone running alongside in the next lane is no conflict
          p.line.sample(sAt, sampleOut, a.seg);
          let hit = (sampleOut.x - bx) ** 2 + (sampleOut.z - bz) ** 2 < clear * clear && Math.abs(Math.sin(b.heading - sampleOut.heading)) > 0.4;
          if (!hit && sAt - tail > a.s) {
            p.line.sample(sAt - tail, sampleOut, a.seg);
            hit = (sampleOut.x - bx) ** 2 + (sampleOut.z - bz) ** 2 < clear * clear && Math.abs(Math.sin(b.heading - sampleOut.heading)) > 0.4;
          }
          if (hit) {
            let gap = sAt - sf - clear;
            // wait at the stop line if it is still ahead, not on the crossing beyond it
            const st = p.stops[a.nextStop];
            if (st && st.s > sf) gap = Math.min(gap, st.s - sf - 0.3);
            stopS = Math.min(stopS, sf + Math.max(gap, 0.1));
            break;
          }
        }
      }
    }
  return stopS;
}

/** Slow for bends early enough to take them at comfortable lateral acceleration. */
function curveLimit(a: SimAgent, p: RoutePath, sf: number, v: number): number {
  const line = p.line;
  const reach = (v * v) / (2 * a.comfortDecel) + 10;
  let lim = Infinity;
  for (let i = a.seg; i < line.n - 1; i++) {
    const d = Math.max(0, line.cum[i]! - sf);
    if (d > reach) break;
    const vc = p.vCurve[i]!;
    if (vc < Infinity) lim = Math.min(lim, Math.sqrt(vc * vc + 2 * a.comfortDecel * d));
  }
  return lim;
}

/**
 * Nearest agent whose body lies across this agent's path ahead: gap from this front bumper to its
 * near edge, and its speed along the path. Walks the grid cells the path passes through.
 */
function findLeader(w: SimWorld, a: SimAgent, p: RoutePath, sf: number, look: number, standingVehiclesOnly = false): void {
  lead.gap = Infinity;
  lead.v = 0;
  lead.id = -1;
  const g = w.grid;
  const line = p.line;
  const agents = w.agents;
  const half = a.width / 2 + 0.3;
  const segEnd = line.segmentAt(Math.min(line.length, sf + look), a.seg);
  g.nextStamp();
  // sample the path once per cell length; each sample covers the cells within half a cell of it
  const step = g.cell;
  const pad = half + step * 0.5;
  let lastKey = -1;
  for (let s = a.s; s <= sf + look + step * 0.5; s += step) {
    // nothing further on can be nearer than a leader already found (its cells were covered)
    if (s - pad - LONGEST > sf + lead.gap) break;
    line.sample(Math.min(s, line.length), sampleOut, a.seg);
    const c0 = g.cx(sampleOut.x - pad), c1 = g.cx(sampleOut.x + pad);
    const r0 = g.cz(sampleOut.z - pad), r1 = g.cz(sampleOut.z + pad);
    const key = ((r0 * g.nx + c0) * 4 + (c1 - c0)) * 4 + (r1 - r0);
    if (key === lastKey) continue;
    lastKey = key;
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const ci = r * g.nx + c;
        for (let k = g.start[ci]!; k < g.start[ci + 1]!; k++) {
          const j = g.items[k]!;
          const b = agents[j];
          if (!b || b === a || !g.visit(j) || (standingVehiclesOnly && (b.kind === 'pedestrian' || b.speed > 0.5))) continue;
          consider(a, b, b.x, b.z, b.heading, b.length, b.width, p, sf, segEnd, half);
          if (b.hasTrailer) consider(a, b, b.trailerX, b.trailerZ, b.trailerHeading, b.trailerLength, b.trailerWidth, p, sf, segEnd, half);
        }
      }
    if (s >= line.length) break;
  }
}

function consider(
  a: SimAgent, b: SimAgent,
  bx: number, bz: number, bh: number, bl: number, bw: number,
  p: RoutePath, sf: number, segEnd: number, half: number,
): void {
  p.line.project(bx, bz, proj, a.seg, segEnd);
  const rel = bh - proj.heading;
  const c = Math.abs(Math.cos(rel)), s = Math.abs(Math.sin(rel));
  const lateralExtent = s * bl * 0.5 + c * bw * 0.5;
  if (proj.dist > half + lateralExtent) return;
  const alongExtent = c * bl * 0.5 + s * bw * 0.5;
  const gap = proj.s - alongExtent - sf;
  // only what is ahead of (or overlapping) this agent's front
  if (proj.s + alongExtent < sf - 0.1) return;
  if (gap < lead.gap) {
    lead.gap = gap;
    lead.v = b.speed * Math.cos(rel);
    lead.id = b.id;
  }
}

/** Advance a vehicle by one step with acceleration `acc`, entering an emergency stop if needed. */
export function moveVehicle(w: SimWorld, a: SimAgent, p: RoutePath, acc: number, dt: number): void {
  if (a.emergency === 0 && a.hazard && a.speed > 1) {
    a.emergency = 1;
    a.reactLeft = a.reactionTime;
    a.emDecel = a.maxDecel;
  }
  if (a.emergency > 0) {
    const before = a.speed;
    a.reactLeft = brakeStep(a.speed, a.reactLeft, a.emDecel < a.grip ? a.emDecel : a.grip, dt, motion);
    a.emergency = a.reactLeft > 0 ? 1 : 2;
    a.accel = (motion.v - before) / dt;
    a.speed = motion.v;
    a.brakeLight = a.emergency === 2;
    if (a.speed === 0) {
      // stopped: a scripted stop stands for its hold time; a hazard stop hands back to IDM, which
      // keeps it standing while the hazard is still there
      if (a.forcedHold > 0) a.forcedHold -= dt;
      if (a.forcedHold <= 0) {
        a.emergency = 0;
        a.forcedHold = -1;
      }
    } else if (a.forcedHold < 0 && a.emergency === 2 && acc > -a.comfortDecel) a.emergency = 0;
  } else {
    const lo = -(a.maxDecel < a.grip ? a.maxDecel : a.grip);
    const clamped = acc < lo ? lo : acc > a.maxAccel ? a.maxAccel : acc;
    integrate(a.speed, clamped, dt, motion);
    a.accel = clamped;
    a.speed = motion.v;
    a.brakeLight = clamped < -0.5;
  }
  a.state = a.emergency > 0 ? 'braking' : a.speed < 0.05 ? 'stopped' : 'moving';
  advance(w, a, p, motion.ds);
}

/** A pedestrian walks at its speed, waiting before a crossing it may not or dare not enter yet. */
export function movePedestrian(w: SimWorld, a: SimAgent, p: RoutePath, dt: number): void {
  while (a.nextCrossing < p.crossings.length && p.crossings[a.nextCrossing]!.s0 < a.s) a.nextCrossing++;
  let limitS = Infinity;
  const c = p.crossings[a.nextCrossing];
  if (c && c.s0 - a.s < 2.5) {
    let wait = false;
    // on green a walker still does not step in front of a vehicle about to pass
    if (c.head >= 0) wait = (!a.runRed && w.signals.colors[c.head] !== GREEN) || !w.gapAcceptable(c.crossing, 2.0);
    else wait = !w.gapAcceptable(c.crossing, 4.0);
    if (wait) limitS = c.s0 - 0.3;
  }
  // never walk into a vehicle standing across the way (a queue that stopped on the crossing)
  findLeader(w, a, p, frontS(a), 1.5, true);
  if (lead.gap < 1.0) limitS = Math.min(limitS, a.s + Math.max(0, lead.gap - 0.3));
  const target = limitS < Infinity && limitS - a.s < 0.6 ? 0 : a.v0;
  const dv = target - a.speed;
  const step = (dv > 0 ? a.maxAccel : a.maxDecel) * dt;
  a.speed = Math.abs(dv) <= step ? target : a.speed + Math.sign(dv) * step;
  let ds = a.speed * dt;
  if (a.s + ds > limitS) {
    ds = Math.max(0, limitS - a.s);
    a.speed = 0;
  }
  a.state = limitS < Infinity && a.speed === 0 ? 'waiting' : a.speed < 0.05 ? 'stopped' : 'moving';
  advance(w, a, p, ds);
}

function advance(w: SimWorld, a: SimAgent, p: RoutePath, ds: number): void {
  a.px = a.fx;
  a.pz = a.fz;
  const before = frontS(a);
  w.moveAlong(a, p, a.s + ds);
  w.afterAdvance(a, p, before, frontS(a));
}
