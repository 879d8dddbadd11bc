// The two stations on the road. Phone while driving: behind a car at the station's speed, twice —
// eyes on the road, then with a message arriving — the car ahead brakes and the engine measures the
// visitor's reaction, the distance driven with the eyes on the phone, and whether the car stopped in
// time. Speed and stopping distance: the visitor picks a speed, the car holds it; at the crossing a
// child steps out; the reaction and braking distances are measured and marked; dry, then wet.
// Each drive starts at its own spawn point on the zone's road (the world puts the visitor there);
// the script of the zone file makes things happen on that stretch.
import type { Agent } from '../../sim/agents/agent.ts';
import type { PlayerInput } from '../../sim/agents/player.ts';
import type { WorldEvent } from '../../sim/events.ts';
import { stoppingDistance } from '../../sim/kinematics.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import { laneAt, type RtCrossing } from '../../sim/road/network.ts';
import type { World } from '../../sim/world.ts';
import type { Challenge } from '../common/challenges.ts';
import { hintFromFeedback, hintFromTitle } from '../common/hints.ts';
import type { Hint } from '../common/types.ts';
import { DriveMeter, fillDrive, type AutopilotState, type DriveMeasure, type Hazard, type Point } from './drive.ts';
import type { SeatbeltInput } from './input.ts';
import { phoneDriveEnd, phoneLooked, stoppingRunEnd } from './scoring.ts';
import type { PhoneParams, StoppingParams } from './stations.ts';
import { notNow, StationBase, standStill, type PhoneView, type Station, type StationHost, type StoppingView } from './station.ts';

/** after standing (or the hit), the drive's picture holds this long before its result, s */
const SETTLE = 1.0;
/** after a hit, at least this long (the replay window's end is recorded), s */
const AFTER_HIT = 1.8;
/** a drive that never ends (no one braked, nothing was hit) is called off after this long, s */
const MAX_DRIVE = 60;

/** One drive in progress: its meter, the car's hold on speed, how it ends. */
class Drive {
  readonly meter: DriveMeter;
  private startT: number;
  private endT = NaN;
  private hitT = NaN;
  looked = false;

  constructor(
    readonly world: World,
    readonly hazard: Hazard,
    readonly autopilot: AutopilotState,
  ) {
    this.meter = new DriveMeter(hazard);
    this.startT = world.time;
  }

  fill(input: SeatbeltInput, out: PlayerInput): void {
    fillDrive(this.world, this.autopilot, this.hazard, this.meter, input, !Number.isNaN(this.hitT), out);
    this.meter.step(this.world, input.brake, input.phoneLook);
  }

  hit(e: WorldEvent): void {
    if (!Number.isNaN(this.hitT)) return;
    this.hitT = e.t;
    this.meter.hit(this.world.player!.speed);
  }

  /** the drive's end has come (standing a moment, or after a hit its replay recorded) */
  get over(): boolean {
    const t = this.world.time;
    if (t - this.startT > MAX_DRIVE) return true;
    if (!this.meter.m.done) return false;
    if (Number.isNaN(this.endT)) this.endT = t;
    return t - this.endT >= SETTLE && (Number.isNaN(this.hitT) || t - this.hitT >= AFTER_HIT);
  }
}

/** the along-the-road distance from a front point to a body's rear (an agent ahead) */
function toRear(a: Agent, front: Point, heading: number): number {
  const c = Math.cos(heading), s = Math.sin(heading);
  return (a.x - front.x) * c + (a.z - front.z) * s - a.length / 2;
}

function crossingOf(w: World, id: string): RtCrossing {
  const c = w.net.crossings.find((x) => x.id === id);
  if (!c) throw new Error(`unknown crossing "${id}"`);
  return c;
}

/** the along-the-road distance from a front point to the near edge of a crossing */
function toCrossing(c: RtCrossing, front: Point, heading: number): number {
  const cs = Math.cos(heading), sn = Math.sin(heading);
  return (c.cx - front.x) * cs + (c.cz - front.z) * sn - c.halfWidth;
}

const NO_LEAD = (): Agent | null => null;

function spawnOf(w: World, id: string): { x: number; z: number; heading: number } {
  const s = w.net.spawns.find((x) => x.id === id)!;
  return { x: s.x, z: s.z, heading: s.heading };
}

/**
 * What both drive stations share: one drive at a time on the world's road (the car's controls from
 * the drive, standing still between drives), a collision during it scored and handed to the drive.
 */
abstract class DriveStation<P> extends StationBase<P> {
  readonly usesWorld = true;
  protected index = 0;
  protected drive: Drive | null = null;
  /** the current drive's (or run's) id in the zone file */
  protected abstract itemId(): string;

  fill(input: SeatbeltInput, out: PlayerInput): void {
    if (this.stage === 'drive' && this.drive) this.drive.fill(input, out);
    else standStill(input, out);
  }

  worldEvent(e: WorldEvent): void {
    if (this.stage !== 'drive' || !this.drive || e.kind !== 'collision') return;
    this.drive.hit(e);
    this.host.scoreWorld('collision', e, this.id, `${this.id}:${this.itemId()}:hit`);
  }
}

export class PhoneDriveStation extends DriveStation<PhoneParams> implements Station {
  readonly kind = 'phone-drive' as const;
  protected stage: 'ready' | 'drive' | 'result' = 'ready';
  private readonly measures: (DriveMeasure | null)[] = [null, null];

  constructor(def: Challenge<PhoneParams>, host: StationHost) {
    super(def, host);
    for (const d of def.params.drives) {
      if (!host.world.net.spawns.some((s) => s.id === d.spawn)) throw new Error(`station "${def.id}": drive "${d.id}": unknown spawn point "${d.spawn}"`);
      if (!host.world.def.actors.some((a) => a.id === d.lead)) throw new Error(`station "${def.id}": drive "${d.id}": unknown actor "${d.lead}"`);
    }
  }

  go(): void {
    if (this.stage !== 'ready') throw notNow(this.id, 'drive', this.stage);
    const d = this.def.params.drives[this.index]!;
    const w = this.host.world;
    // a flying start: the car is already at the station's speed, the car ahead too (the script releases it so)
    w.resetPlayer(d.spawn, this.def.params.speedKmh / 3.6);
    const hazard: Hazard = {
      // the car ahead's brake lights in an emergency stop
      begun: (wd) => {
        const lead = wd.agentByName(d.lead);
        return !!lead && lead.state === 'braking' && lead.brakeLight;
      },
      distance: (wd, front, heading) => {
        const lead = wd.agentByName(d.lead);
        return lead ? toRear(lead, front, heading) : Infinity;
      },
      lead: (wd) => wd.agentByName(d.lead) ?? null,
    };
    this.drive = new Drive(w, hazard, { speed: this.def.params.speedKmh / 3.6, gap: this.def.params.gapM });
    this.stage = 'drive';
  }

  protected itemId(): string {
    return this.def.params.drives[this.index]!.id;
  }

  frame(_dt: number, input: SeatbeltInput): void {
    if (this.stage !== 'drive' || !this.drive) return;
    const d = this.def.params.drives[this.index]!;
    const p = this.host.world.player!;
    if (input.phoneLook && p.speed > 0.5 && !this.drive.meter.m.done) {
      this.drive.looked = true;
      this.host.score([phoneLooked(this.id, d.id)], this.id);
    }
    if (this.drive.over) {
      const m = this.drive.meter.m;
      this.measures[this.index] = { ...m };
      this.host.score(phoneDriveEnd(this.id, d.id, m, d.message, this.drive.looked), this.id);
      this.drive = null;
      this.stage = 'result';
    }
  }

  next(): void {
    if (this.stage !== 'result') throw notNow(this.id, 'go on', this.stage);
    if (this.index + 1 < this.def.params.drives.length) {
      this.index++;
      this.stage = 'ready';
    } else this.finished = true;
  }

  hint(): Hint | null {
    if (this.stage === 'drive' && this.host.world.phone.ringing) return hintFromFeedback(this.host.feedback, 'phone_looked');
    if (this.stage === 'drive') return hintFromFeedback(this.host.feedback, 'braked_in_time');
    return hintFromTitle(this.title);
  }

  view(): PhoneView {
    const p = this.def.params;
    const live = this.drive ? { ...this.drive.meter.m } : null;
    const w = this.host.world;
    const ringing = this.stage === 'drive' && w.phone.ringing;
    const drives = p.drives.map((d, i) => ({
      id: d.id,
      title: d.title,
      speedKmh: p.speedKmh,
      message: d.message,
      measure: this.measures[i] ?? (i === this.index ? live : null),
      spawn: spawnOf(w, d.spawn),
    }));
    // the glance of facts 5.11 at the speed the engine measured when the car ahead braked (else the station's)
    const measured = drives.find((d) => d.measure?.onsetT != null)?.measure?.speedKmh;
    const kmh = measured ?? p.speedKmh;
    return {
      kind: this.kind,
      id: this.id,
      title: this.title,
      stage: this.stage,
      drive: this.index,
      drives,
      popup: ringing ? p.messages[this.host.tuning.message] : null,
      ringing,
      glance: { seconds: p.glanceS, speedKmh: kmh, metres: Math.round((kmh / 3.6) * p.glanceS * 10) / 10 },
      figures: this.stage === 'result' ? p.figures : [],
    };
  }
}

export class StoppingStation extends DriveStation<StoppingParams> implements Station {
  readonly kind = 'stopping' as const;
  protected stage: 'setup' | 'drive' | 'result' = 'setup';
  private readonly speeds: readonly number[];
  private readonly chosen: (number | null)[];
  private readonly measures: (DriveMeasure | null)[];
  private readonly crossings: RtCrossing[];

  constructor(def: Challenge<StoppingParams>, host: StationHost) {
    super(def, host);
    const t = host.tuning;
    this.speeds = t.stoppingSpeeds ? def.params.speeds.filter((s) => t.stoppingSpeeds!.includes(s)) : def.params.speeds;
    if (this.speeds.length === 0) throw new Error(`station "${def.id}": none of the group's speeds (${t.stoppingSpeeds?.join(', ')}) is offered`);
    this.chosen = def.params.runs.map(() => null);
    this.measures = def.params.runs.map(() => null);
    this.crossings = def.params.runs.map((r) => {
      if (!host.world.net.spawns.some((s) => s.id === r.spawn)) throw new Error(`station "${def.id}": run "${r.id}": unknown spawn point "${r.spawn}"`);
      if (!host.world.def.actors.some((a) => a.id === r.child)) throw new Error(`station "${def.id}": run "${r.id}": unknown actor "${r.child}"`);
      return crossingOf(host.world, r.crossing);
    });
  }

  override choose(item: string, option: string): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'choose', this.stage);
    const kmh = Number(option);
    if (item !== 'speed' || !this.speeds.includes(kmh)) throw new Error(`${this.id}: no choice "${item}" = "${option}" (speed: ${this.speeds.join(', ')})`);
    this.chosen[this.index] = kmh;
  }

  go(): void {
    if (this.stage !== 'setup') throw notNow(this.id, 'drive', this.stage);
    const kmh = this.chosen[this.index];
    if (kmh == null) throw new Error(`${this.id}: choose a speed first`);
    const run = this.def.params.runs[this.index]!;
    const crossing = this.crossings[this.index]!;
    const w = this.host.world;
    // a flying start at the chosen speed: the drive is about the stop, not the getting going
    w.resetPlayer(run.spawn, kmh / 3.6);
    let begun = false;
    const hazard: Hazard = {
      // the child's first step off the kerb (a held actor is waiting; once released it is on its way)
      begun: (wd) => {
        if (!begun) {
          const child = wd.agentByName(run.child);
          begun = !!child && child.state !== 'held';
        }
        return begun;
      },
      distance: (_wd, front, heading) => toCrossing(crossing, front, heading),
      lead: NO_LEAD,
    };
    this.drive = new Drive(w, hazard, { speed: kmh / 3.6, gap: 0 });
    this.stage = 'drive';
  }

  protected itemId(): string {
    return this.def.params.runs[this.index]!.id;
  }

  frame(_dt: number, input: SeatbeltInput): void {
    if (this.stage !== 'drive' || !this.drive) return;
    const run = this.def.params.runs[this.index]!;
    if (input.phoneLook && this.host.world.player!.speed > 0.5 && !this.drive.meter.m.done) this.host.score([phoneLooked(this.id, run.id)], this.id);
    if (this.drive.over) {
      const m = this.drive.meter.m;
      this.measures[this.index] = { ...m };
      this.host.score(stoppingRunEnd(this.id, run.id, m, this.chosen[this.index]!), this.id);
      this.drive = null;
      this.stage = 'result';
    }
  }

  next(): void {
    if (this.stage !== 'result') throw notNow(this.id, 'go on', this.stage);
    if (this.index + 1 < this.def.params.runs.length) {
      this.index++;
      this.stage = 'setup';
    } else this.finished = true;
  }

  hint(): Hint | null {
    if (this.stage === 'drive') return hintFromFeedback(this.host.feedback, 'stopped_before_crossing');
    if (this.stage === 'setup' && this.def.params.runs[this.index]!.surface === 'wet') return hintFromFeedback(this.host.feedback, 'stopped_on_crossing');
    return hintFromTitle(this.title);
  }

  view(): StoppingView {
    const p = this.def.params;
    const live = this.drive ? { ...this.drive.meter.m } : null;
    return {
      kind: this.kind,
      id: this.id,
      title: this.title,
      stage: this.stage,
      run: this.index,
      speeds: this.speeds,
      runs: p.runs.map((r, i) => {
        const kmh = this.chosen[i] ?? null;
        const grip = this.gripOf(i);
        const c = this.crossings[i]!;
        return {
          id: r.id,
          title: r.title,
          surface: r.surface,
          speedKmh: kmh,
          measure: this.measures[i] ?? (i === this.index ? live : null),
          spawn: spawnOf(this.host.world, r.spawn),
          crossing: { x: c.cx, z: c.cz },
          // facts 5.16's formula with facts 5.15's surprise reaction, on this road's surface
          reference:
            kmh === null
              ? null
              : {
                  reactionS: p.reactionS,
                  reactionM: Math.round((kmh / 3.6) * p.reactionS * 10) / 10,
                  brakingM: Math.round(stoppingDistance(kmh, 0, grip) * 10) / 10,
                  totalM: Math.round(stoppingDistance(kmh, p.reactionS, grip) * 10) / 10,
                },
        };
      }),
      figures: this.stage === 'result' ? p.figures : [],
    };
  }

  /** the braking the run's road allows a car: its grip, at most the car's own (7 m/s², facts 5.16) */
  private gripOf(i: number): number {
    const w = this.host.world;
    const spawn = w.net.spawns.find((s) => s.id === this.def.params.runs[i]!.spawn)!;
    const lane = laneAt(w.net, spawn.x, spawn.z);
    return Math.min(lane >= 0 ? w.net.lanes[lane]!.grip : Infinity, SPECS.car.maxDecel);
  }
}
