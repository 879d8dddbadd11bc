// Zone 5, seat belts, child seats, distraction and speed, as a pure game: short stations one after
// the other (the zone file's challenges; which ones and in what order is the group's tuning):
//   crash-test   buckle up or not, pick a speed, watch the crash model's occupant in slow motion
//                beside the other way, with the figures of facts 5.8 and 5.9
//   child-seat   where and in what a small child rides; in arms and in a child seat, the same crash;
//                where a child may sit (the Jiangsu rules, named as such)
//   phone-drive  behind a car, twice: eyes on the road, then a message arrives; the car ahead brakes
//   stopping     pick a speed; a child steps onto the crossing; dry, then wet
// The drives run in the sim world built from the zone's road (one world; each drive starts at its
// own spawn point); the crash stations need no world and it waits until the first drive.
//
//   const game = createGame(zone, group, seed);
//   game.buckle(true); game.choose('speed', '30'); game.go(); … game.next();   (the HUDs' calls)
//   per frame: const fresh = game.step(delta, input)                          (SeatbeltInput)
//   game.station → the current station's view; at the end game.summary(), game.toAttempt(meta)
import type { Localized, ZoneDef } from '../../content/schema.ts';
import type { InputAdapter, PlayerInput } from '../../sim/agents/player.ts';
import { createWorld, type World } from '../../sim/world.ts';
import { GameBase } from '../common/game.ts';
import { ScoreKeeper } from '../common/scoreKeeper.ts';
import type { Scored } from '../common/scored.ts';
import { groupIdOf } from '../common/tuning.ts';
import { TaskList } from '../common/tasks.ts';
import type { GroupInfo } from '../common/types.ts';
import { simDefOf } from '../common/worldDef.ts';
import { ChildSeatStation, CrashTestStation } from './crashStations.ts';
import { PhoneDriveStation, StoppingStation } from './driveStations.ts';
import { seatbeltInput, type SeatbeltInput } from './input.ts';
import { missed, SEATBELT_KINDS } from './scoring.ts';
import { readStations, STATION_SCHEMAS, stoppingParamsSchema, type Figure, type StationDef } from './stations.ts';
import { standStill, type Station, type StationHost, type StationView } from './station.ts';
import { seatbeltTuning, type SeatbeltTuning } from './tuning.ts';

export { seatbeltInput, type SeatbeltInput } from './input.ts';
export type { SeatbeltTuning } from './tuning.ts';
export type * from './station.ts';

const IDLE = seatbeltInput();

/** crashed cars and children are cleared after this long (each drive has its own stretch anyway) */
const CLEAR_CRASHES = 8;

function stationOf(def: StationDef, host: StationHost): Station {
  switch (def.kind) {
    case 'crash-test':
      return new CrashTestStation(def, host);
    case 'child-seat':
      return new ChildSeatStation(def, host);
    case 'phone-drive':
      return new PhoneDriveStation(def, host);
    case 'stopping':
      return new StoppingStation(def, host);
  }
}

/** Every event kind the zone file's stations can produce (the kinds the rules name, and the child-seat options'). */
export function allKinds(zone: ZoneDef): string[] {
  const options = (zone.challenges ?? [])
    .filter((c) => c.kind === 'child-seat')
    .flatMap((c) => {
      const p = STATION_SCHEMAS['child-seat'].parse(c.params);
      return p.items.flatMap((i) => i.options.map((o) => o.event));
    });
  return [...new Set([...SEATBELT_KINDS, ...options])];
}

export class SeatbeltGame extends GameBase<SeatbeltInput> {
  readonly world: World;
  readonly tuning: SeatbeltTuning;
  readonly stations: readonly Station[];
  /** the stations as the zone's tasks (one active at a time, in the group's order) */
  protected readonly list: TaskList<Station>;
  private index = 0;
  private worldStarted = false;
  /** the rules for drivers aged 70 and over, for the summary (groups with seniorDriverRules) */
  readonly notes: Figure[];

  /** the world's input each fixed step: the current station's (a drive's autopilot and the visitor's brake; else standing) */
  private readonly stepInput: InputAdapter = {
    read: (_t: number, out: PlayerInput) => {
      const s = this.stations[this.index];
      if (s && this.input) s.fill(this.input, out);
      else standStill(this.input ?? IDLE, out);
    },
  };

  constructor(zone: ZoneDef, group: GroupInfo | string, seed: number) {
    const tuning = seatbeltTuning(zone, group);
    const keeper = ScoreKeeper.fromZone(zone);
    super({ zone, group: groupIdOf(group), seed, keeper, timeLimit: tuning.timeLimit, passMark: tuning.passMark ?? keeper.stars[1], phase: 'play', textSize: tuning.textSize });
    for (const k of allKinds(zone)) if (!keeper.scores(k)) throw new Error(`scenes/${zone.id}.json: scoring.events: "${k}" is missing (the seat-belt stations produce it)`);
    this.tuning = tuning;
    this.world = createWorld(simDefOf(zone), seed, { trafficDensity: tuning.trafficDensity, input: this.stepInput, clearCrashesAfter: CLEAR_CRASHES });
    if (!this.world.player) throw new Error(`scenes/${zone.id}.json: layout.spawns: no player spawn point (the visitor's car)`);
    const host: StationHost = {
      world: this.world,
      tuning,
      feedback: this.feedback,
      score: (list, task) => this.scoreNow(list, task),
      scoreWorld: (kind, e, task, key) => void this.recordWorldEvent(kind, e, { task, key }),
      seen: (key) => keeper.seen(key),
      points: (kind) => zone.scoring!.events[kind]?.points ?? 0,
    };
    this.stations = readStations(zone, tuning.stations).map((d) => stationOf(d, host));
    this.list = new TaskList(this.stations);
    const stopping = (zone.challenges ?? []).find((c) => c.kind === 'stopping');
    this.notes = tuning.seniorDriverRules && stopping ? stoppingParamsSchema.parse(stopping.params).seniorDrivers : [];
  }

  // ------------------------------------------------------------------ what the UI reads
  /** the station the visitor is at, as the HUDs and the scene draw it; null when the game is over */
  get station(): StationView | null {
    return this.currentPhase === 'done' ? null : (this.stations[this.index]?.view() ?? null);
  }

  /** the phone: ringing now, and what its pop-up says */
  get phone(): { ringing: boolean; popup: Localized | null } {
    const v = this.station;
    return v?.kind === 'phone-drive' ? { ringing: v.ringing, popup: v.popup } : { ringing: false, popup: null };
  }

  // ------------------------------------------------------------------ the visitor's calls
  private current(what: string): Station {
    const s = this.stations[this.index];
    if (this.currentPhase === 'done' || !s) throw new Error(`the game is over: cannot ${what}`);
    return s;
  }

  /** Fasten (true) or unfasten the seat belt (crash test, before the crash). */
  buckle(on: boolean): void {
    this.current('buckle up').buckle(on);
  }

  /** Pick an option: 'speed' (crash test, stopping), 'row' or 'how' (child seat). */
  choose(item: string, option: string): void {
    this.current('choose').choose(item, option);
  }

  /** Start the crash or the drive the station is waiting for. */
  go(): void {
    this.current('start').go();
  }

  /** Leave a result: the next drive or run, or the next station. */
  next(): void {
    const s = this.current('go on');
    s.next();
    if (s.done) this.completeStation();
  }

  /** Crash again at another speed or with the belt the other way (crash test, after a result; not scored). */
  again(): void {
    this.current('crash again').again();
  }

  /** Straight to the result of the crash playing in slow motion. */
  skip(): void {
    this.current('skip').skip();
  }

  // ------------------------------------------------------------------ the frame
  protected override fillInput(): void {
    // the stations fill the world's input themselves (stepInput)
  }

  protected override advance(dt: number): void {
    const s = this.stations[this.index];
    if (!s) return;
    // the world waits (the lead cars held at their spawn points) until the first drive begins
    if (s.driving && !this.worldStarted) {
      this.worldStarted = true;
      this.worldStart = this.clock - dt - this.world.time;
    }
    if (this.worldStarted) {
      this.world.step(dt);
      for (const e of this.playerEvents(this.world.drainEvents())) this.stations[this.index]?.worldEvent(e);
    }
    s.frame(dt, this.input!);
    if (s.done) this.completeStation();
    if (this.currentPhase === 'done') return;
    this.hint = this.tuning.hints ? (this.stations[this.index]?.hint() ?? null) : null;
  }

  private completeStation(): void {
    this.list.completeActive();
    this.index++;
    if (this.list.allDone) this.finish();
  }

  /** the stations not reached are missed (scored on the game clock: the world may not have started) */
  protected override onFinish(): void {
    for (const s of this.list.missRemaining()) this.scoreNow([missed(s.id)], s.id);
  }

  private scoreNow(list: readonly Scored[], task: string): void {
    for (const s of list) this.keeper.record(s.kind, this.clock, { task, key: s.key, details: s.details });
  }

}

/** A seat-belt game for an audience group (its id, or the groups file's entry with defaults). */
export function createGame(zone: ZoneDef, group: GroupInfo | string, seed: number): SeatbeltGame {
  return new SeatbeltGame(zone, group, seed);
}
