// Zone 3, drink and drug driving, as a pure game. The visitor first chooses a blood alcohol level
// (a challenge of kind 'drink-level'), then drives the same short street twice (kind 'drive-twice'):
// sober, then "after drinking" at that level, when the sim's impairment filter makes the controls
// late, wandering and drifting (a demonstration model whose numbers are the file's). Both times a
// child runs out after a ball from behind a parked van; the engine measures the reaction time and
// the stopping distance of each drive (hazard.ts), and the end shows the two side by side with the
// legal consequences of the chosen level (level.ts). Drivers, professional drivers and adults drive
// a car; riders and teens ride an e-bike (tuning `vehicle`), with the e-bike's legal position.
//
//   const game = createGame(zone, group, seed);            // phase 'setup': choose the level
//   game.choose('level', 'mg80'); game.startDriving();      // phase 'play', stage 'sober'
//   per frame: const fresh = game.step(delta, input)        // DriveInput, see input.ts
//   stage 'interlude' (a few seconds, the world waits), then 'drunk'; at the end: game.comparison,
//   game.legal, game.summary(), game.toAttempt(meta)
//
// One world serves both drives: for the second the visitor is put back at the start
// (world.resetPlayer) and the child comes back behind the van; world time runs on, so replay
// windows of both drives live on one clock.
import type { Localized, ZoneDef } from '../../content/schema.ts';
import { ImpairedControls, type ImpairmentParams } from '../../sim/agents/impairment.ts';
import type { InputAdapter, PlayerInput } from '../../sim/agents/player.ts';
import type { WorldEvent } from '../../sim/events.ts';
import type { RtLane } from '../../sim/road/network.ts';
import { createWorld, type World } from '../../sim/world.ts';
import type { Challenge } from '../common/challenges.ts';
import { GameBase } from '../common/game.ts';
import { hintFromFeedback, hintFromTitle } from '../common/hints.ts';
import { ScoreKeeper } from '../common/scoreKeeper.ts';
import { groupIdOf } from '../common/tuning.ts';
import { taskMissed } from '../common/scored.ts';
import { TaskList, type TaskDef } from '../common/tasks.ts';
import type { GroupInfo } from '../common/types.ts';
import { scaleTrafficSpeed, simDefOf } from '../common/worldDef.ts';
import { HazardMeter, type Point, type RunMeasure } from './hazard.ts';
import { fillDriver, type DriveInput } from './input.ts';
import { categoryOf, impairmentOf, legalFor, readLevels, type Category, type LegalView, type LevelChoiceView, type LevelOption, type LevelParams, type ViewImpairment } from './level.ts';
import { forVersion, readDrive, type DriveParams, type DriveTexts, type RouteVersion, type RunId } from './route.ts';
import { classifyArrival, classifyWorldEvent, DRUNK_KINDS, keptClear, laneDeparture, measured, type Scored } from './scoring.ts';
import { drunkTuning, type DrunkTuning, type Vehicle } from './tuning.ts';
import { LaneWatch } from './watch.ts';

export { driveInput, type DriveInput } from './input.ts';
export type { DrunkTuning, Vehicle } from './tuning.ts';
export type { LegalView, LevelChoiceView } from './level.ts';
export type { RunMeasure } from './hazard.ts';
export type { DriveTexts, RunId } from './route.ts';

export type Stage = 'choose' | 'sober' | 'interlude' | 'drunk' | 'done';

/** after a hit the drive ends this many seconds later (the vehicle is stopped; the replay window is recorded) */
export const AFTER_HIT = 2.5;
/** a crashed road user is towed away after this long, so the child can come back for the second drive */
const CLEAR_CRASHES = 2;
/** standing closer to the child than this (front to its middle, m) is a near miss */
export const NEAR_GAP = 0.5;
/** the speed limiter eases the accelerator off over this last stretch below the limit, m/s */
const LIMITER_BAND = 0.5;

/** The two drives side by side, as the summary draws them on the road. */
export interface Comparison {
  level: { id: string; mg: number; label: Localized; category: Category; categoryLabel: Localized } | null;
  /** where the child's path crosses the visitor's lane */
  hazard: Point;
  runs: Record<RunId, RunMeasure | null>;
  /** the demonstration model of the chosen level (shown as 示意, never as facts) */
  model: ImpairmentParams | null;
}

export class DrunkGame extends GameBase<DriveInput> {
  readonly world: World;
  readonly tuning: DrunkTuning;
  readonly vehicle: Vehicle;
  readonly version: RouteVersion;
  private readonly levels: Challenge<LevelParams>;
  private readonly drive: Challenge<DriveParams>;
  private readonly lane: RtLane;
  private readonly hazardPoint: Point;
  private chosen: LevelOption | null = null;
  private stageNow: Stage = 'choose';
  /** the level choice, the sober drive, the drive after drinking */
  protected readonly list: TaskList<TaskDef>;
  private filter: ImpairedControls | null = null;
  private meter: HazardMeter;
  private readonly measures: Record<RunId, RunMeasure | null> = { sober: null, drunk: null };
  private readonly laneWatch: LaneWatch;
  private hazardId = -1;
  private runStartWorld = 0;
  /** world time of the first collision in this drive (NaN: none) */
  private hitAt = NaN;
  /** replay windows recorded in this drive end by this world time */
  private pendingTo = -Infinity;
  private hazardConflict = false;
  private measureRecorded = false;
  private interludeLeftS = 0;

  /** the world's input each fixed step: the visitor's, then alcohol's filter, the limiter, the measurement */
  private readonly stepInput: InputAdapter = {
    read: (t: number, out: PlayerInput) => {
      this.adapter.read(t, out);
      this.filter?.apply(out);
      const p = this.world.player;
      if (p) {
        const lim = this.version.limiterKmh / 3.6;
        if (p.speed > lim - LIMITER_BAND) out.throttle *= Math.max(0, Math.min(1, (lim - p.speed) / LIMITER_BAND));
      }
      // the brake the driver (impaired or not) gave is what the measurement times
      this.meter.step(this.world, out.brake);
      // after a hit the vehicle stops, whatever the controls say
      if (!Number.isNaN(this.hitAt)) {
        out.throttle = 0;
        out.brake = 1;
      }
    },
  };

  constructor(zone: ZoneDef, group: GroupInfo | string, seed: number) {
    const tuning = drunkTuning(zone, group);
    const keeper = ScoreKeeper.fromZone(zone);
    super({ zone, group: groupIdOf(group), seed, keeper, timeLimit: tuning.timeLimit, passMark: tuning.passMark ?? keeper.stars[1], phase: 'setup', textSize: tuning.textSize });
    for (const k of DRUNK_KINDS) if (!keeper.scores(k)) throw new Error(`scenes/${zone.id}.json: scoring.events: "${k}" is missing (the drunk rules produce it)`);
    this.tuning = tuning;
    this.vehicle = tuning.vehicle;
    this.levels = readLevels(zone);
    this.drive = readDrive(zone);
    this.version = this.drive.params.vehicles[this.vehicle];
    let def = forVersion(simDefOf(zone), this.drive.params, this.vehicle);
    def = scaleTrafficSpeed(def, tuning.speedFactor);
    this.world = createWorld(def, seed, {
      trafficDensity: tuning.trafficDensity,
      input: this.stepInput,
      player: { spawn: this.version.spawn },
      clearCrashesAfter: CLEAR_CRASHES,
    });
    if (!this.world.player) throw new Error(`scenes/${zone.id}.json: layout.spawns: no spawn "${this.version.spawn}"`);
    this.lane = this.world.net.laneById.get(this.version.lane)!;
    this.laneWatch = new LaneWatch(this.lane);
    this.meter = new HazardMeter('sober', this.version.hazard);
    this.hazardPoint = hazardCrossing(zone, this.version, this.lane);
    const runs = this.drive.params.runs;
    this.list = new TaskList<TaskDef>([this.levels, { id: 'sober', title: runs.sober.title }, { id: 'drunk', title: runs.drunk.title }]);
  }

  // ------------------------------------------------------------------ what the UI reads
  get stage(): Stage {
    return this.stageNow;
  }

  /** the drive in progress (or the next one during the interlude), null before and after */
  get run(): RunId | null {
    return this.stageNow === 'sober' ? 'sober' : this.stageNow === 'drunk' || this.stageNow === 'interlude' ? 'drunk' : null;
  }

  /** the level choice as the panel shows it */
  get checklist(): LevelChoiceView[] {
    const p = this.levels.params;
    return [{ id: this.levels.id, prompt: p.prompt, options: p.options.map((o) => ({ id: o.id, label: o.label })), chosen: this.chosen?.id ?? null }];
  }

  /** the chosen level, null before the choice */
  get level(): LevelOption | null {
    return this.chosen;
  }

  /** what alcohol does now (the second drive and the pause before it): the model and the view's layer; null when sober */
  get impairment(): { params: ImpairmentParams; view: ViewImpairment } | null {
    const o = this.chosen;
    return o && (this.stageNow === 'drunk' || this.stageNow === 'interlude') ? { params: impairmentOf(o), view: o.view } : null;
  }

  /** seconds left of the pause between the drives */
  get interludeLeft(): number {
    return this.stageNow === 'interlude' ? Math.max(0, this.interludeLeftS) : 0;
  }

  /** the file's words around the numbers (HUD and summary) */
  get texts(): DriveTexts {
    return this.drive.params.texts;
  }

  get limiterKmh(): number {
    return this.version.limiterKmh;
  }

  get goalX(): number {
    return this.version.goalX;
  }

  /** the drives measured so far, side by side */
  get comparison(): Comparison {
    const o = this.chosen;
    const p = this.levels.params;
    const live = this.stageNow === 'sober' || this.stageNow === 'drunk' ? { ...this.meter.m } : null;
    return {
      level: o ? { id: o.id, mg: o.mg, label: o.label, category: categoryOf(o.mg, p.thresholds), categoryLabel: p.categories[categoryOf(o.mg, p.thresholds)][this.vehicle] } : null,
      hazard: { ...this.hazardPoint },
      runs: {
        sober: this.measures.sober ?? (live?.run === 'sober' ? live : null),
        drunk: this.measures.drunk ?? (live?.run === 'drunk' ? live : null),
      },
      model: o ? impairmentOf(o) : null,
    };
  }

  /** the legal consequences of the chosen level for this visitor's vehicle (and job), null before the choice */
  get legal(): LegalView | null {
    return this.chosen ? legalFor(this.levels.params, this.chosen, this.vehicle, this.tuning.commercial) : null;
  }

  // ------------------------------------------------------------------ before the drives
  /** Pick the level for the second drive (again, to change one's mind). */
  choose(itemId: string, optionId: string): void {
    if (this.currentPhase !== 'setup') throw new Error('the level is chosen: the drives have started');
    if (itemId !== this.levels.id) throw new Error(`level choice: unknown item "${itemId}"`);
    const o = this.levels.params.options.find((x) => x.id === optionId);
    if (!o) throw new Error(`level choice: no option "${optionId}"`);
    this.chosen = o;
  }

  /** Confirm the level: the sober drive begins. */
  startDriving(): void {
    if (this.currentPhase !== 'setup') throw new Error('the drives have already started');
    const o = this.chosen;
    if (!o) throw new Error('choose a level first');
    const category = categoryOf(o.mg, this.levels.params.thresholds);
    this.keeper.record('drink_level', this.clock, { task: this.levels.id, key: 'level', details: { option: o.id, mg: o.mg, category, vehicle: this.vehicle } });
    this.list.completeActive();
    this.currentPhase = 'play';
    this.startRun('sober');
  }

  // ------------------------------------------------------------------ the drives
  protected override fillInput(input: DriveInput, out: PlayerInput): void {
    fillDriver(input, out);
  }

  private startRun(run: RunId): void {
    const w = this.world;
    if (run === 'drunk') {
      w.resetPlayer(this.version.spawn);
      // the child is back behind the van (gone since: it crossed, or was towed away after a hit)
      w.spawnNamed(this.version.hazard);
      this.filter = new ImpairedControls(impairmentOf(this.chosen!), (this.seed ^ 0x5eed) >>> 0, w.dt);
    } else this.filter = null;
    this.hazardId = w.agentByName(this.version.hazard)?.id ?? -1;
    this.meter = new HazardMeter(run, this.version.hazard);
    this.laneWatch.reset();
    this.runStartWorld = w.time;
    this.hitAt = NaN;
    this.pendingTo = -Infinity;
    this.hazardConflict = false;
    this.measureRecorded = false;
    // game time = worldStart + world time: the pause before this drive is on the game's clock only
    this.worldStart = this.clock - w.time;
    this.stageNow = run;
  }

  /** as the base records, and a replay never reaches back across the jump to the start */
  protected override score(list: readonly Scored[], task: string, e?: WorldEvent): void {
    for (const s of list) {
      const ev = e ? this.recordWorldEvent(s.kind, e, { task, key: s.key, details: s.details }) : this.recordNow(s.kind, { task, key: s.key, details: s.details });
      if (ev?.replay) {
        // never reach back across the jump to the start
        ev.replay.from = Math.max(ev.replay.from, this.runStartWorld);
        this.pendingTo = Math.max(this.pendingTo, ev.replay.to);
      }
    }
  }

  private recorded(run: RunId, kind: string): boolean {
    return this.keeper.inTask(run).some((e) => e.kind === kind);
  }

  protected override advance(dt: number): void {
    if (this.currentPhase === 'setup') {
      this.hint = this.tuning.hints ? hintFromTitle(this.levels.title) : null;
      return;
    }
    if (this.stageNow === 'interlude') {
      this.interludeLeftS -= dt;
      if (this.interludeLeftS <= 0) this.startRun('drunk');
      return;
    }
    const run = this.run!;
    const w = this.world;
    w.step(dt);
    for (const e of w.drainEvents()) {
      if (!e.agents.includes(this.playerId)) continue;
      const other = e.agents.find((id) => id !== this.playerId) ?? -1;
      // the sim predicts a near miss with the child as soon as it runs towards the lane, before
      // anyone could brake; with the child, how close the vehicle came to stand decides (below)
      if (e.kind === 'near_miss' && other === this.hazardId) continue;
      if (e.kind === 'collision' && other === this.hazardId) this.hazardConflict = true;
      if (e.kind === 'collision') {
        if (Number.isNaN(this.hitAt)) this.hitAt = e.t;
        if (other === this.hazardId) this.meter.hit(w.player!.speed);
      }
      this.score(classifyWorldEvent(e, run, this.playerId), run, e);
    }
    const p = w.player!;
    if (this.laneWatch.update(p)) this.score([laneDeparture(run)], run);
    if (this.meter.m.done && !this.measureRecorded) {
      const m = this.meter.m;
      this.recordMeasure(run);
      if (m.onsetT !== null && !m.hit && m.gapM !== null && m.gapM < NEAR_GAP && m.stop) {
        // stood within a hand's breadth of the child: a near miss, replayed from the child's eyes
        this.hazardConflict = true;
        const e: WorldEvent = { kind: 'near_miss', t: w.time, agents: [this.playerId, this.hazardId], x: m.stop.x, z: m.stop.z, details: { gapM: m.gapM } };
        this.score(classifyWorldEvent(e, run, this.playerId), run, e);
      } else if (m.onsetT !== null && !this.hazardConflict) this.score([keptClear(run)], run);
    }

    if (!Number.isNaN(this.hitAt)) {
      if (w.time >= this.hitAt + AFTER_HIT) this.endRun(run, 'hit');
    } else if (p.x >= this.version.goalX && w.time >= this.pendingTo) this.endRun(run, 'arrived');
    else if (w.time - this.runStartWorld >= this.tuning.runLimit) this.endRun(run, 'timeout');
    if (this.currentPhase === 'done') return;

    if (this.tuning.hints) {
      const ahead = this.hazardPoint.x - p.x;
      this.hint = ahead > 0 && ahead < 45 ? hintFromFeedback(this.feedback, 'near_miss') : hintFromTitle(this.drive.params.runs[run].title);
    } else this.hint = null;
  }

  /** the measurement of this drive, as an event the attempt keeps (numbers in its details) */
  private recordMeasure(run: RunId): void {
    this.measureRecorded = true;
    const m = this.meter.m;
    if (m.onsetT === null) return;
    const details: Record<string, number | string | boolean> = { run, speedKmh: m.speedKmh, hit: m.hit, stopped: m.stop !== null, anticipated: m.anticipated };
    if (m.reactionS !== null) details.reactionS = m.reactionS;
    if (m.stoppingM !== null) details.stoppingM = m.stoppingM;
    if (m.gapM !== null) details.gapM = m.gapM;
    this.score([{ ...measured(run), details }], run);
  }

  private endRun(run: RunId, how: 'arrived' | 'hit' | 'timeout'): void {
    if (!this.measureRecorded) this.recordMeasure(run);
    this.measures[run] = { ...this.meter.m };
    if (how === 'timeout') {
      this.list.missActive();
      this.score([taskMissed(run)], run);
    } else {
      this.list.completeActive();
      if (how === 'arrived') this.score(classifyArrival(run, (k) => this.recorded(run, k)), run);
    }
    if (run === 'sober') {
      this.stageNow = 'interlude';
      this.interludeLeftS = this.tuning.interlude;
      this.filter = null;
      this.hint = null;
      if (this.interludeLeftS <= 0) this.startRun('drunk');
    } else this.finish();
  }

  protected override onFinish(): void {
    const run = this.run;
    if (run && this.stageNow !== 'interlude' && this.measures[run] === null) {
      if (!this.measureRecorded) this.recordMeasure(run);
      this.measures[run] = { ...this.meter.m };
    }
    super.onFinish();
    this.stageNow = 'done';
    this.filter = null;
  }
}

/** Where the hazard actor's path crosses the visitor's lane (its first point, moved onto the lane's middle line). */
function hazardCrossing(zone: ZoneDef, v: RouteVersion, lane: RtLane): Point {
  const actor = zone.actors?.find((a) => a.id === v.hazard);
  const start = actor?.path?.[0];
  if (!start) throw new Error(`scenes/${zone.id}.json: actors "${v.hazard}": the hazard needs a path`);
  const proj = { s: 0, lateral: 0, dist: 0, heading: 0 };
  lane.line.project(start[0], start[1], proj);
  const pose = { x: 0, z: 0, heading: 0 };
  lane.line.sample(proj.s, pose);
  return { x: pose.x, z: pose.z };
}

/** A drunk-zone game for an audience group (its id, or the groups file's entry with defaults). */
export function createGame(zone: ZoneDef, group: GroupInfo | string, seed: number): DrunkGame {
  return new DrunkGame(zone, group, seed);
}
