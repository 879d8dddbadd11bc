// The engine's measurement of one drive's encounter with the hazard, step by step: when the child
// came into the visitor's view (the sight line from the driver's eye clears the van), when the
// brakes acted (the brake the vehicle really got, after the impairment filter: the driver's own
// reaction plus whatever alcohol added), where the vehicle stood, and how far it went in between.
// Reaction time, reaction, braking and stopping distances are these measurements, never data.
import type { Agent } from '../../sim/agents/agent.ts';
import type { World } from '../../sim/world.ts';
import type { RunId } from './route.ts';

/** the brake counts as applied from this much pedal */
export const BRAKE_ON = 0.3;
/** standing: slower than this, m/s */
const STANDING = 0.05;
/** the vehicle has passed the hazard when its front is this far beyond it, m */
const PASSED = 2;

export interface Point {
  x: number;
  z: number;
}

export interface RunMeasure {
  run: RunId;
  /** world time the hazard came into view; null if it never did */
  onsetT: number | null;
  /** km/h when it came into view */
  speedKmh: number;
  /** the front of the vehicle at that moment */
  onsetFront: Point | null;
  /** s from seeing the hazard to the brakes acting (0 when already braking); null if they never did */
  reactionS: number | null;
  /** m travelled in that time */
  reactionM: number | null;
  /** m from the brakes acting to standing */
  brakingM: number | null;
  /** m from seeing the hazard to standing */
  stoppingM: number | null;
  /** where the front of the vehicle stood: the mark on the road; null if it did not stop before the hazard */
  stop: Point | null;
  /** where the hazard (the child) was when the vehicle stood or hit it */
  hazardAt: Point | null;
  /** m left between the front and the child along the vehicle's heading when it stood (negative: past it) */
  gapM: number | null;
  /** the vehicle hit the child */
  hit: boolean;
  /** km/h at the moment of the hit, null when there was none */
  hitKmh: number | null;
  /** the brake was already on when the child came into view */
  anticipated: boolean;
  /** stood, or passed the hazard: nothing more to measure */
  done: boolean;
}

export function emptyMeasure(run: RunId): RunMeasure {
  return {
    run, onsetT: null, speedKmh: 0, onsetFront: null, reactionS: null, reactionM: null, brakingM: null, stoppingM: null,
    stop: null, hazardAt: null, gapM: null, hit: false, hitKmh: null, anticipated: false, done: false,
  };
}

/**
 * Where the driver's eyes are: a car's driver sits on the left, a little ahead of the middle (the
 * seat the replay view uses); a rider's head is over the middle of the bike.
 */
export function driverEye(p: Agent, out: Point): Point {
  const c = Math.cos(p.heading), s = Math.sin(p.heading);
  const ahead = p.kind === 'ebike' || p.kind === 'pedestrian' ? 0 : p.length * 0.05;
  const lateral = p.kind === 'car' ? -0.35 : 0;
  out.x = p.x + c * ahead - s * lateral;
  out.z = p.z + s * ahead + c * lateral;
  return out;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

export class HazardMeter {
  readonly m: RunMeasure;
  private odo = 0;
  private odoOnset = 0;
  private odoBrake = NaN;
  private brakeT = NaN;
  private fx = NaN;
  private fz = NaN;
  private readonly eye: Point = { x: 0, z: 0 };

  constructor(
    run: RunId,
    private readonly hazardName: string,
  ) {
    this.m = emptyMeasure(run);
  }

  /**
   * One fixed step, before the vehicle moves: the world as the driver sees it now and the brake
   * the vehicle gets in this step.
   */
  step(world: World, brake: number): void {
    const m = this.m;
    const p = world.player;
    if (!p || m.done) return;
    const c = Math.cos(p.heading), s = Math.sin(p.heading);
    const fx = p.x + c * (p.length / 2), fz = p.z + s * (p.length / 2);
    if (!Number.isNaN(this.fx)) this.odo += Math.hypot(fx - this.fx, fz - this.fz);
    this.fx = fx;
    this.fz = fz;
    const t = world.time;
    const h = world.agentByName(this.hazardName);

    if (m.onsetT === null) {
      if (!h || h.state === 'held') return;
      driverEye(p, this.eye);
      if (!world.lineOfSight(this.eye.x, this.eye.z, h.x, h.z)) return;
      m.onsetT = t;
      m.speedKmh = r2(p.speed * 3.6);
      m.onsetFront = { x: fx, z: fz };
      this.odoOnset = this.odo;
    }
    if (Number.isNaN(this.brakeT) && brake >= BRAKE_ON) {
      this.brakeT = t;
      this.odoBrake = this.odo;
      m.anticipated = t === m.onsetT;
      m.reactionS = r2(t - m.onsetT);
      m.reactionM = r2(this.odo - this.odoOnset);
    }
    const ahead = h ? (h.x - fx) * c + (h.z - fz) * s : NaN;
    if (p.speed < STANDING) {
      m.stop = { x: fx, z: fz };
      m.hazardAt = h ? { x: h.x, z: h.z } : null;
      m.gapM = Number.isNaN(ahead) ? null : r2(ahead);
      m.stoppingM = r2(this.odo - this.odoOnset);
      if (!Number.isNaN(this.odoBrake)) m.brakingM = r2(this.odo - this.odoBrake);
      m.done = true;
    } else if (!m.hit && (!h || ahead < -PASSED)) {
      // drove past (or the child has gone): no stop to mark
      m.done = true;
    }
  }

  /** The vehicle hit the child at `speed` m/s: the stop that follows is marked as the end of that hit. */
  hit(speed: number): void {
    if (this.m.hit) return;
    this.m.hit = true;
    this.m.hitKmh = r2(speed * 3.6);
  }
}
