// One drive on the zone's road, measured by the engine: the car holds its speed by itself (and its
// distance to a car ahead until that car brakes); something happens (the car ahead brakes, a child
// steps onto the crossing); the visitor brakes. Step by step the meter notes when the hazard began,
// when the visitor's brake went on, where the car stood, how far it went in between, and how far it
// went with the eyes on the phone. Reaction time, reaction and braking distances, the distance
// driven blind, the gap left or the speed of a hit are these measurements, never data.
import type { Agent } from '../../sim/agents/agent.ts';
import { COAST_DRAG, type PlayerInput } from '../../sim/agents/player.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import type { World } from '../../sim/world.ts';
import { BRAKE_ON, clampPedal, type SeatbeltInput } from './input.ts';

/** standing: slower than this, m/s */
const STANDING = 0.05;
/** standing this long with the brake down before anything happened ends the drive there, s */
const WAITED = 3;
/** the autopilot brakes (gently, at most this share of the pedal) only when it must shed more than this, m/s² */
const AUTO_BRAKE_FROM = 1;
const AUTO_BRAKE_MAX = 0.25;
/** following: m/s of speed per metre of gap beyond the wanted one */
const GAP_GAIN = 1.0;
/** while closing up on the car ahead the car may go this much over its speed */
const CATCH_UP = 1.1;

export interface Point {
  x: number;
  z: number;
}

export interface DriveMeasure {
  /** km/h when the hazard began (or now, before it) */
  speedKmh: number;
  /** world time the hazard began (the car ahead's brake lights, the child's first step); null: not yet */
  onsetT: number | null;
  /** s from the hazard to the visitor's brake (0 when already braking); null: never braked after it */
  reactionS: number | null;
  /** m driven in that time */
  reactionM: number | null;
  /** m from the brake to standstill */
  brakingM: number | null;
  /** m from the hazard to standstill */
  stoppingM: number | null;
  /** the front of the car at the hazard's start, at the brake, and where it stood: the marks on the road */
  onsetAt: Point | null;
  brakeAt: Point | null;
  stopAt: Point | null;
  /** the brake was already down when the hazard began (no reaction in the stop) */
  anticipated: boolean;
  /** s and m with the eyes on the phone while the car moved (the whole drive) */
  blindS: number;
  blindM: number;
  /** s and m with the eyes on the phone after the hazard began and before the brake */
  blindAfterOnsetS: number;
  /** the car hit someone; at this speed (km/h) */
  hit: boolean;
  hitKmh: number | null;
  /** m left to the hazard when standing (to the car ahead's rear, or to the crossing's near edge); negative: past it */
  gapM: number | null;
  /** standing (or the hit is over): nothing more to measure */
  done: boolean;
}

export function emptyMeasure(): DriveMeasure {
  return {
    speedKmh: 0, onsetT: null, reactionS: null, reactionM: null, brakingM: null, stoppingM: null, onsetAt: null, brakeAt: null,
    stopAt: null, anticipated: false, blindS: 0, blindM: 0, blindAfterOnsetS: 0, hit: false, hitKmh: null, gapM: null, done: false,
  };
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

/** The front bumper's middle. */
export function frontOf(p: Agent, out: Point): Point {
  out.x = p.x + Math.cos(p.heading) * (p.length / 2);
  out.z = p.z + Math.sin(p.heading) * (p.length / 2);
  return out;
}

/** What the drive is about: how to tell that the hazard has begun, and how far away it is. */
export interface Hazard {
  /** has the hazard begun (this step's world) */
  begun(w: World): boolean;
  /** m from the car's front to the hazard along the car's heading (the car ahead's rear, a crossing's near edge) */
  distance(w: World, front: Point, heading: number): number;
  /** the car ahead to follow before the hazard, or null */
  lead(w: World): Agent | null;
}

export class DriveMeter {
  readonly m: DriveMeasure = emptyMeasure();
  private odo = 0;
  private odoOnset = 0;
  private odoBrake = NaN;
  private last: Point | null = null;
  private readonly front: Point = { x: 0, z: 0 };
  /** s standing with the brake down before the hazard began */
  private waited = 0;
  /** unrounded sums behind blindS, blindM, blindAfterOnsetS */
  private readonly blind = { s: 0, m: 0, afterOnset: 0 };

  constructor(private readonly hazard: Hazard) {}

  get braked(): boolean {
    return !Number.isNaN(this.odoBrake);
  }

  /**
   * One fixed step, before the car moves: the world as the visitor sees it, the visitor's own brake
   * (not the autopilot's) and eyes in this step.
   */
  step(w: World, brake: number, phoneLook: boolean): void {
    const m = this.m;
    const p = w.player;
    if (!p || m.done) return;
    const f = frontOf(p, this.front);
    if (this.last) {
      const d = Math.hypot(f.x - this.last.x, f.z - this.last.z);
      this.odo += d;
      if (phoneLook && p.speed > STANDING) {
        const b = this.blind;
        b.s += w.dt;
        b.m += d;
        if (m.onsetT !== null && !this.braked) b.afterOnset += w.dt;
        m.blindS = r2(b.s);
        m.blindM = r2(b.m);
        m.blindAfterOnsetS = r2(b.afterOnset);
      }
    }
    this.last = { x: f.x, z: f.z };
    const t = w.time;
    if (m.onsetT === null) {
      m.speedKmh = r2(p.speed * 3.6);
      if (this.hazard.begun(w)) {
        m.onsetT = t;
        m.onsetAt = { x: f.x, z: f.z };
        this.odoOnset = this.odo;
      }
    }
    // before the hazard the brake only slows the car (a nervous tap, slowing for a crossing) and the
    // car takes up its speed again when it is let go; from the hazard on, the first press is the
    // reaction (none when the foot was already down) and the foot stays off the throttle
    if (!this.braked && m.onsetT !== null && brake >= BRAKE_ON) {
      this.odoBrake = this.odo;
      m.brakeAt = { x: f.x, z: f.z };
      m.anticipated = m.onsetT === t;
      m.reactionS = r2(t - m.onsetT);
      m.reactionM = r2(this.odo - this.odoOnset);
    }
    if (m.onsetT === null) {
      // stopped and waiting before anything happened: that is where the car stood
      this.waited = p.speed < STANDING && brake >= BRAKE_ON ? this.waited + w.dt : 0;
      if (this.waited >= WAITED) this.stand(w, f, p.heading);
    }
    // (after a hit the car is stopped for the visitor: that stop ends the drive too)
    if ((this.braked || m.hit) && p.speed < STANDING) this.stand(w, f, p.heading);
  }

  private stand(w: World, f: Point, heading: number): void {
    const m = this.m;
    m.stopAt = { x: f.x, z: f.z };
    m.gapM = r2(this.hazard.distance(w, f, heading));
    if (m.onsetT !== null) m.stoppingM = r2(this.odo - this.odoOnset);
    if (this.braked) m.brakingM = r2(this.odo - this.odoBrake);
    m.done = true;
  }

  /** The car hit someone at `speed` m/s (the stop that follows ends the measurement as usual). */
  hit(speed: number): void {
    if (this.m.hit) return;
    this.m.hit = true;
    this.m.hitKmh = r2(speed * 3.6);
  }
}

export interface AutopilotState {
  /** the speed the car holds, m/s */
  speed: number;
  /** the gap to keep to the car ahead until the hazard, m (0: no car to follow) */
  gap: number;
}

/**
 * The sim's controls for this step: the car holds its speed (following the car ahead at the gap)
 * until the visitor brakes; from then on the foot is off the throttle and the brake is the visitor's.
 * Before the hazard it may brake gently to keep its distance; once the hazard began it does not (the
 * visitor's reaction is what is measured). After a hit it stands on the brake. The speed is held
 * exactly (the throttle the next step needs, drag included), so a drive at 50 km/h is at 50 km/h
 * when the measurement starts.
 */
export function fillDrive(
  w: World,
  ap: AutopilotState,
  hazard: Hazard,
  meter: DriveMeter,
  inp: SeatbeltInput,
  hitDone: boolean,
  out: PlayerInput,
): void {
  const p = w.player!;
  out.moveX = 0;
  out.moveZ = 0;
  out.steer = 0;
  out.hasPose = false;
  out.lookYaw = inp.lookYaw;
  const brake = clampPedal(inp.brake);
  if (hitDone) {
    out.throttle = 0;
    out.brake = 1;
    return;
  }
  if (meter.braked || brake >= BRAKE_ON) {
    out.throttle = 0;
    out.brake = brake;
    return;
  }
  let target = ap.speed;
  const lead = hazard.lead(w);
  if (meter.m.onsetT === null && lead && ap.gap > 0) {
    const gap = hazard.distance(w, frontOf(p, scratch), p.heading);
    // (a little faster than the station's speed while closing up, so the gap is right when it counts)
    target = Math.min(ap.speed * CATCH_UP, Math.max(0, lead.speed + GAP_GAIN * (gap - ap.gap)));
  }
  // the acceleration that reaches the target in one step, with the coasting drag made up
  const need = (target - p.speed) / w.dt + (p.speed > 0 ? COAST_DRAG : 0);
  const maxAccel = SPECS[p.kind].maxAccel;
  out.throttle = need > 0 ? Math.min(1, need / maxAccel) : 0;
  // slowing down to keep the distance, gently, and only before anything happened
  const slow = meter.m.onsetT === null && need < -AUTO_BRAKE_FROM ? Math.min(AUTO_BRAKE_MAX, -need / SPECS[p.kind].maxDecel) : 0;
  out.brake = Math.max(brake, slow);
}

const scratch: Point = { x: 0, z: 0 };
