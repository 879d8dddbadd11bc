// Zone 4, truck blind zones and the inner-wheel difference, as a pure game in three stages (the
// zone file's challenges):
//   1. walkaround ('markers'): on foot round a standing truck, setting markers down where the
//      visitor thinks the driver cannot see them;
//   2. cab ('cab-view'): in the driver's seat — each marker judged by the sim's sight lines and
//      mirrors (seen directly, seen in a mirror, hidden), the blind zones shown on the ground,
//      the visitor's own walk shown as the driver saw it;
//   3. turn ('turn'): the trucks (a rigid truck and a semi-trailer) turn right; on foot or on an
//      e-bike the visitor chooses where to wait and is scored on staying out of the blind zones
//      and the sweep; a driver (pro) drives the truck and is scored on stopping, looking and
//      checking each mirror before turning, and on whom the truck comes close to.
// The walk round happens in a quiet world with the trucks held; the turn in its own world built
// from the same file for the visitor's role (`world` is the current one).
//
//   const game = createGame(zone, group, seed);
//   per frame: game.step(delta, input); actions: placeMarker(x, z), removeMarker(id), enterCab(), leaveCab()
//   at the end: game.summary(), game.toAttempt(meta)
import { z } from 'zod';
import { localizedSchema, type Localized, type ZoneDef } from '../../content/schema.ts';
import type { Agent } from '../../sim/agents/agent.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import type { PlayerInput } from '../../sim/agents/player.ts';
import { inBlindZone } from '../../sim/geometry/blindZone.ts';
import { inSweptPath, sweptPath, type SweptPath } from '../../sim/geometry/sweptPath.ts';
import { createWorld, type World, type WorldBlindZone } from '../../sim/world.ts';
import { challengesOf, type Challenge } from '../common/challenges.ts';
import { GameBase } from '../common/game.ts';
import { ScoreKeeper } from '../common/scoreKeeper.ts';
import { taskMissed, type Scored } from '../common/scored.ts';
import { TaskList, type TaskDef } from '../common/tasks.ts';
import { groupIdOf } from '../common/tuning.ts';
import type { Feedback, GroupInfo } from '../common/types.ts';
import { scaleTrafficSpeed, simDefOf } from '../common/worldDef.ts';
import { lookedAt, lookTargets, MirrorChecks, type LookTarget } from './cabView.ts';
import { blindspotHint } from './hints.ts';
import { fillWalker } from '../common/walkInput.ts';
import { fillVehicle, type BlindspotInput } from './input.ts';
import { bodyOf, cabOf, judge, placeProblem, poseOf, toCab, WalkTrack, type Marker, type MarkerVerdict, type PlaceProblem, type SightSetup, type TrackPoint } from './markers.ts';
import { classifyDriverChecks, classifyDriverEvent, classifyMarkers, classifyTurnEvent, classifyWaiting } from './scoring.ts';
import { anyMoving, DriverWatch, SWEEP_MARGIN, exposure, readTurn, standDef, SteeringAssist, truckThrough, turnDef, turningTrucks, type Exposure, type TurningTruck, type TurnSetup } from './turn.ts';
import { blindspotTuning, type BlindspotTuning } from './tuning.ts';
import { WorldSwitch } from './worlds.ts';

export { blindspotInput, type BlindspotInput } from './input.ts';
export type { BlindspotTuning, Role } from './tuning.ts';
export type { Marker, MarkerVerdict, PlaceProblem, TrackPoint } from './markers.ts';
export type { TurningTruck } from './turn.ts';

export type Stage = 'walkaround' | 'cab' | 'turn';

/** blind zones reach this far from a truck's body, m (the worlds' blindZoneMargin) */
export const BLIND_MARGIN = 4;
/** a near miss counts only when one of the two moves at least this fast, m/s */
const NEAR_MISS_MIN_SPEED = 1.0;

const stageSchema = z
  .object({
    truck: z.string(),
    short: localizedSchema.optional(),
    /** what to do in this stage (the HUD's notice), and in children's words */
    help: localizedSchema.optional(),
    helpShort: localizedSchema.optional(),
    /** the cab stage seen from above (the blind zones, the markers, the walk) */
    helpAbove: localizedSchema.optional(),
    helpAboveShort: localizedSchema.optional(),
  })
  .strict();
type StageParams = z.infer<typeof stageSchema>;

function readStage(zone: ZoneDef, kind: string): Challenge<StageParams> {
  const c = challengesOf(zone, kind, stageSchema)[0];
  if (!c) throw new Error(`scenes/${zone.id}.json: challenges: no challenge of kind "${kind}"`);
  if (!(zone.actors ?? []).some((a) => a.type === 'named' && a.id === c.params.truck))
    throw new Error(`scenes/${zone.id}.json: challenges "${c.id}": "${c.params.truck}" is not a named actor`);
  return c;
}

/** The zone file's feedback in the group's wording: children get each kind's `short` texts. */
export function wordedFeedback(feedback: Record<string, Feedback>, wording: BlindspotTuning['wording']): Record<string, Feedback> {
  if (wording === 'full') return feedback;
  const out: Record<string, Feedback> = {};
  for (const [kind, f] of Object.entries(feedback)) {
    const s = f.short;
    out[kind] = s ? { message: s.message, rule: s.rule, ...(s.instead ? { instead: s.instead } : {}), source: { facts: f.source.facts, law: s.law ?? f.source.law } } : f;
  }
  return out;
}

/** a marker set down by the act button lands this far ahead of the visitor's feet, m (in view) */
export const MARK_AHEAD = 1.2;

/** a press goes on from the cab only after this long in it, s (the press that set the last marker is not the lesson's end) */
export const CAB_AT_LEAST = 3;

/** conflicts that spoil a clean turn */
const CONFLICTS = new Set(['stood_in_blind_zone', 'stood_in_sweep', 'stood_too_close', 'inner_wheel_sweep', 'near_miss', 'collision', 'swept_someone', 'driver_near_miss', 'driver_collision']);

export type PlaceResult = { ok: true; marker: Marker } | { ok: false; problem: PlaceProblem | 'stage' };

export class BlindspotGame extends GameBase<BlindspotInput> {
  readonly tuning: BlindspotTuning;
  /** the quiet junction of the walk round and the cab (trucks held, no traffic) */
  readonly standWorld: World;
  /** the junction of the right turn, for the visitor's role */
  readonly turnWorld: World;
  override readonly feedback: Record<string, Feedback>;
  private stageNow: Stage = 'walkaround';
  /** the world the UI draws: the stand world, then the turn's (one object throughout) */
  private readonly switcher: WorldSwitch;
  private stageStart = 0;
  private readonly walk: Challenge<StageParams>;
  private readonly cab: Challenge<StageParams>;
  private readonly turn: TurnSetup;
  /** the three stages' tasks (walk round, cab, turn), titled in the group's wording */
  protected readonly list: TaskList<TaskDef>;
  /** replaced (not changed) on every placement or removal, so the UI can tell by identity */
  private markerList: readonly Marker[] = [];
  private nextMarker = 1;
  private verdictList: MarkerVerdict[] = [];
  private readonly walkTrack = new WalkTrack();
  private walkDone: readonly TrackPoint[] | null = null;
  private readonly sight: SightSetup;
  private readonly standTruckId: number;
  /** the mirrors of the cab the visitor sits in (stage 2) or drives (pro) */
  readonly lookTargets: readonly LookTarget[];
  /** mirror looks: in the cab (stage 2), then afresh for driving (stage 3) */
  private checks: MirrorChecks;
  private trucks: TurningTruck[] = [];
  private through: boolean[] = [];
  private movedOff = false;
  private readonly exp: Exposure = { blindOf: null, sweptBy: null, closeTo: null };
  private assist: SteeringAssist | null = null;
  private driver: DriverWatch | null = null;
  private ownSweepPath: SweptPath | null = null;
  private mirrorsLookedInCab = new Set<string>();
  /** the act and next buttons last frame (the game acts on a press) */
  private actWas = true;
  private nextWas = true;
  private lastPlaceResult: PlaceResult | null = null;
  /** the cab stage: from the driver's seat, then from above (the blind zones on the ground) */
  private aboveSince = NaN;
  private readonly gazeOn: string[] = [];

  constructor(zone: ZoneDef, group: GroupInfo | string, seed: number) {
    const tuning = blindspotTuning(zone, group);
    if (!zone.scoring) throw new Error(`scenes/${zone.id}.json: scoring: missing (a game needs its scoring)`);
    if (!zone.feedback) throw new Error(`scenes/${zone.id}.json: feedback: missing (a game needs its feedback)`);
    const feedback = wordedFeedback(zone.feedback, tuning.wording);
    const keeper = new ScoreKeeper(zone.scoring, feedback);
    super({ zone, group: groupIdOf(group), seed, keeper, timeLimit: tuning.timeLimit, passMark: tuning.passMark ?? keeper.stars[1], phase: 'play', textSize: tuning.textSize });
    this.tuning = tuning;
    this.feedback = feedback;
    this.walk = readStage(zone, 'markers');
    this.cab = readStage(zone, 'cab-view');
    // the visitor sits in the cab of the truck they walked round
    if (this.cab.params.truck !== this.walk.params.truck)
      throw new Error(`scenes/${zone.id}.json: challenges "${this.cab.id}": params.truck must be the walk round's truck "${this.walk.params.truck}"`);
    this.turn = readTurn(zone, tuning.role);
    this.list = new TaskList([
      { id: this.walk.id, title: this.titleOf(this.walk.title, this.walk.params.short) },
      { id: this.cab.id, title: this.titleOf(this.cab.title, this.cab.params.short) },
      { id: this.turn.challenge.id, title: this.titleOf(this.turn.title, this.turn.short ?? undefined) },
    ]);

    const def = scaleTrafficSpeed(simDefOf(zone), tuning.speedFactor);
    const standing = [...new Set([this.walk.params.truck, ...this.turn.challenge.params.trucks])];
    this.standWorld = createWorld(standDef(def, standing), seed, {
      player: { kind: 'pedestrian', height: tuning.playerHeight },
      walkSpeed: tuning.walkSpeed,
      blindZoneMargin: BLIND_MARGIN,
      input: this.adapter,
    });
    const spawn = zone.layout!.spawns.find((s) => s.id === this.turn.params.spawn)!;
    const kind = tuning.role === 'driver' ? (spawn.as ?? 'truck') : tuning.role === 'rider' ? 'ebike' : 'pedestrian';
    this.turnWorld = createWorld(turnDef(def, this.turn, tuning.greenAfter), seed + 1, {
      player: { spawn: spawn.id, kind, ...(kind === 'pedestrian' ? { height: tuning.playerHeight } : {}) },
      walkSpeed: tuning.walkSpeed,
      trafficDensity: tuning.trafficDensity,
      blindZoneMargin: BLIND_MARGIN,
      input: this.adapter,
    });
    this.switcher = new WorldSwitch(this.standWorld);
    const truck = this.standWorld.agentByName(this.walk.params.truck)!;
    this.standTruckId = truck.id;
    this.sight = { cab: cabOf(truck.kind), body: bodyOf(truck.kind), height: tuning.markerHeight, margin: BLIND_MARGIN };
    // the pro looks in the mirrors of the truck they drive; everyone else in those of the standing truck
    this.lookTargets = lookTargets(cabOf(tuning.role === 'driver' ? this.turnWorld.player!.kind : truck.kind));
    this.checks = new MirrorChecks(this.lookTargets.map((t) => t.name));
  }

  // ------------------------------------------------------------------ what the UI reads
  override get world(): World {
    return this.switcher;
  }

  get stage(): Stage {
    return this.stageNow;
  }

  /** seconds left in the current stage (walk round, cab, turn) */
  get stageTimeLeft(): number {
    const limit = this.stageNow === 'walkaround' ? this.tuning.markerSeconds : this.stageNow === 'cab' ? this.tuning.cabSeconds : this.tuning.turnSeconds;
    return Math.max(0, limit - (this.clock - this.stageStart));
  }

  private titleOf(full: Localized, short: Localized | undefined): Localized {
    return this.tuning.wording === 'short' && short ? short : full;
  }

  get markers(): readonly Marker[] {
    return this.markerList;
  }

  /** each marker as judged from the cab (empty before the cab) */
  get verdicts(): readonly MarkerVerdict[] {
    return this.verdictList;
  }

  /** the visitor's walk round the truck, each point hidden from the driver or not (a fixed copy from the cab on) */
  get track(): readonly TrackPoint[] {
    return this.walkDone ?? this.walkTrack.points;
  }

  /** the truck walked round and sat in (stage 1–2), in the stand world */
  get standTruck(): Agent {
    return this.standWorld.agent(this.standTruckId)!;
  }

  /** The standing truck's blind zones for someone of the markers' height (world polygons). */
  blindZones(): WorldBlindZone[] {
    return this.standWorld.blindZones(this.standTruckId, this.tuning.markerHeight);
  }

  /** the trucks of the turn with their whole sweeps (empty before the turn) */
  get turningTrucks(): readonly TurningTruck[] {
    return this.trucks;
  }

  /** the sweep of the visitor's own truck over its turn (driver role, from the turn on) */
  get ownSweep(): SweptPath | null {
    return this.ownSweepPath;
  }

  /** the mirror being looked at now (in the cab, or driving), or null */
  get lookingAt(): string | null {
    return this.checks.looking;
  }

  /** mirrors looked at while sitting in the cab (stage 2) */
  get mirrorsLooked(): readonly string[] {
    return [...this.mirrorsLookedInCab];
  }

  /** what to do in this stage, in the group's wording (the zone file's `help` / `helpShort`), or null */
  get stageHelp(): Localized | null {
    const short = this.tuning.wording === 'short';
    if (this.stageNow === 'walkaround') return (short ? this.walk.params.helpShort : undefined) ?? this.walk.params.help ?? null;
    if (this.fromAbove) return (short ? this.cab.params.helpAboveShort : undefined) ?? this.cab.params.helpAbove ?? null;
    if (this.stageNow === 'cab') return (short ? this.cab.params.helpShort : undefined) ?? this.cab.params.help ?? null;
    return (short ? this.turn.challenge.params.helpShort : undefined) ?? this.turn.params.help ?? null;
  }

  /** a press of act or next goes on from the cab (after its first CAB_AT_LEAST seconds) */
  get canLeaveCab(): boolean {
    return this.stageNow === 'cab' && this.clock - (this.fromAbove ? this.aboveSince : this.stageStart) >= CAB_AT_LEAST;
  }

  /**
   * The cab stage's second look: from above the truck, where the blind zones painted on the ground,
   * the markers' verdicts and the visitor's own walk can be seen at once (from the seat they cannot:
   * that is what a blind zone is). A press in the seat rises here; the next goes on to the turn.
   */
  get fromAbove(): boolean {
    return this.stageNow === 'cab' && !Number.isNaN(this.aboveSince);
  }

  /** From the seat to the view from above (cab stage). */
  lookFromAbove(): boolean {
    if (this.stageNow !== 'cab' || this.fromAbove) return false;
    this.aboveSince = this.clock;
    // out of the seat: the truck is drawn again
    this.switcher.hide = -1;
    return true;
  }

  /** the last try at setting a marker down (its problem, if refused), null before any */
  get lastPlace(): PlaceResult | null {
    return this.lastPlaceResult;
  }

  /** Where the act button would set a marker down now: MARK_AHEAD in front of the visitor. */
  markerSpot(out: { x: number; z: number } = { x: 0, z: 0 }): { x: number; z: number } {
    const p = this.standWorld.player!;
    const look = this.input && Number.isFinite(this.input.lookYaw) ? this.input.lookYaw : p.heading;
    out.x = p.x + Math.cos(look) * MARK_AHEAD;
    out.z = p.z + Math.sin(look) * MARK_AHEAD;
    return out;
  }

  // ------------------------------------------------------------------ actions
  /** Set a marker down on the ground at (x, z) during the walk round. */
  placeMarker(x: number, z: number): PlaceResult {
    const r = this.tryPlace(x, z);
    this.lastPlaceResult = r;
    return r;
  }

  private tryPlace(x: number, z: number): PlaceResult {
    if (this.stageNow !== 'walkaround' || this.currentPhase === 'done') return { ok: false, problem: 'stage' };
    const problem = placeProblem(poseOf(this.standTruck), this.sight.body, this.markerList, this.tuning.markers, BLIND_MARGIN, x, z);
    if (problem) return { ok: false, problem };
    const marker = { id: this.nextMarker++, x, z };
    this.markerList = [...this.markerList, marker];
    return { ok: true, marker };
  }

  removeMarker(id: number): boolean {
    if (this.stageNow !== 'walkaround') return false;
    if (!this.markerList.some((m) => m.id === id)) return false;
    this.markerList = this.markerList.filter((m) => m.id !== id);
    return true;
  }

  /** Into the driver's seat: the markers are judged and the blind zones shown. Needs a marker. */
  enterCab(): boolean {
    if (this.stageNow !== 'walkaround' || this.currentPhase === 'done' || this.markerList.length === 0) return false;
    this.openCab();
    return true;
  }

  /** Out of the cab to the right turn. */
  leaveCab(): boolean {
    if (this.stageNow !== 'cab' || this.currentPhase === 'done') return false;
    this.startTurn();
    return true;
  }

  private openCab(): void {
    const task = this.walk.id;
    const t = poseOf(this.standTruck);
    this.verdictList = this.markerList.map((m) => judge(t, this.sight, m));
    this.walkDone = [...this.walkTrack.points];
    if (this.verdictList.length) {
      this.score(classifyMarkers(task, this.verdictList), task);
      this.list.completeActive();
    } else {
      this.list.missActive();
      this.score([taskMissed(task)], task);
    }
    this.stageNow = 'cab';
    this.stageStart = this.clock;
    // the visitor sits in it: the renderers leave its body out
    this.switcher.hide = this.standTruckId;
  }

  private startTurn(): void {
    this.list.completeActive();
    this.stageNow = 'turn';
    this.stageStart = this.clock;
    this.switcher.current = this.turnWorld;
    this.switcher.hide = -1;
    this.worldStart = this.clock - this.turnWorld.time;
    const w = this.turnWorld;
    this.trucks = turningTrucks(w, this.turn.challenge.params.trucks);
    this.through = this.trucks.map(() => false);
    this.checks = new MirrorChecks(this.lookTargets.map((t) => t.name));
    if (this.tuning.role === 'driver') {
      const p = w.player!;
      this.assist = new SteeringAssist(w, this.turn.params.route!, p.kind);
      this.driver = new DriverWatch(this.turn.params.approach!);
      // the front axle is the front overhang behind the bumper
      const s0 = Math.max(0, this.assist.frontS(p) - SPECS[p.kind].frontOverhang);
      this.ownSweepPath = sweptPath(this.assist.path, p.kind, s0, s0 + 90);
    }
  }

  // ------------------------------------------------------------------ the frame
  protected fillInput(input: BlindspotInput, out: PlayerInput): void {
    const t = this.tuning;
    if (this.stageNow !== 'turn' || t.role === 'pedestrian') fillWalker(input, t.walkSpeed, t.runFactor, out);
    else if (t.role === 'rider') fillVehicle(input, input.steer, out);
    else fillVehicle(input, this.assist!.steer(this.turnWorld.player!), out);
  }

  protected advance(dt: number): void {
    this.buttons();
    if (this.stageNow === 'walkaround') this.advanceWalk(dt);
    else if (this.stageNow === 'cab') this.advanceCab(dt);
    else this.advanceTurn(dt);
  }

  /** The act and next buttons, on a press: a marker ahead or into the cab (walk round), go on (cab). */
  private buttons(): void {
    const inp = this.input!;
    const act = inp.act && !this.actWas;
    const next = inp.next && !this.nextWas;
    this.actWas = inp.act;
    this.nextWas = inp.next;
    if (this.stageNow === 'walkaround') {
      if (act) {
        const at = this.markerSpot();
        // the last marker set down by the button opens the cab (bare hands have no other button)
        if (this.placeMarker(at.x, at.z).ok && this.markerList.length >= this.tuning.markers) this.enterCab();
      } else if (next) this.enterCab();
    } else if (this.stageNow === 'cab' && (act || next) && this.canLeaveCab) {
      if (this.fromAbove) this.leaveCab();
      else this.lookFromAbove();
    }
  }

  private gaze(truck: Agent, dt: number): void {
    const inp = this.input!;
    const yaw = Number.isNaN(inp.lookYaw) ? NaN : inp.lookYaw - truck.heading;
    this.checks.updateAll(this.clock, dt, lookedAt(this.lookTargets, yaw, inp.lookPitch, this.gazeOn));
  }

  private advanceWalk(dt: number): void {
    const w = this.standWorld;
    w.step(dt);
    // the trucks stand still: bumping into one or standing in its blind zone scores nothing here
    w.drainEvents();
    const p = w.player!;
    const { u, v } = toCab(poseOf(this.standTruck), p.x, p.z);
    this.walkTrack.add(this.clock, p.x, p.z, inBlindZone(this.sight.cab, this.sight.body, u, v, this.sight.height, BLIND_MARGIN));
    if (this.clock - this.stageStart >= this.tuning.markerSeconds) this.openCab();
    this.updateHint();
  }

  private advanceCab(dt: number): void {
    this.gaze(this.standTruck, dt);
    for (const n of this.checks.lookingAll) this.mirrorsLookedInCab.add(n);
    // half the stage's time in the seat, then from above by itself
    if (!this.fromAbove && this.clock - this.stageStart >= this.tuning.cabSeconds / 2) this.lookFromAbove();
    if (this.clock - this.stageStart >= this.tuning.cabSeconds) this.startTurn();
    this.updateHint();
  }

  private advanceTurn(dt: number): void {
    const w = this.turnWorld;
    w.step(dt);
    const task = this.turn.challenge.id;
    const p = w.player!;
    const driver = this.tuning.role === 'driver';
    for (const e of w.drainEvents()) {
      if (!e.agents.includes(p.id)) continue;
      const otherId = e.agents.find((id) => id !== p.id) ?? -1;
      const other = w.agent(otherId);
      if (e.kind === 'near_miss' && Math.max(other?.speed ?? 0, p.speed) < NEAR_MISS_MIN_SPEED) continue;
      if (e.kind === 'in_inner_wheel_sweep' && !this.sweepConfirmed(e.agents[0]!, e.agents[1]!)) continue;
      this.score(driver ? classifyDriverEvent(e, task, p.id) : classifyTurnEvent(e, task, p.id), task, e);
    }
    if (driver) this.watchDriver(dt, p, task);
    else this.watchWaiting(p, task);
    if (this.currentPhase !== 'done' && this.clock - this.stageStart >= this.tuning.turnSeconds) this.finish();
    this.updateHint();
  }

  /**
   * The world flags a sweep from the turn's instantaneous radii, which reach further than the wheels
   * really go early in a turn; it counts here only where the whole turn's traced sweep (the one
   * drawn on the road) covers the person too.
   */
  private sweepConfirmed(vehicleId: number, personId: number): boolean {
    const person = this.turnWorld.agent(personId);
    if (!person) return false;
    const sweep = vehicleId === this.turnWorld.player?.id ? this.ownSweepPath : (this.trucks.find((t) => t.id === vehicleId)?.sweep ?? null);
    return sweep !== null && inSweptPath(sweep, person.x, person.z, SWEEP_MARGIN);
  }

  private watchWaiting(p: Agent, task: string): void {
    const w = this.turnWorld;
    const m = this.tuning.playerHeight;
    if (!this.movedOff) {
      if (anyMoving(w, this.trucks)) {
        this.movedOff = true;
        this.score(classifyWaiting(task, exposure(w, this.trucks, p, m, BLIND_MARGIN, false, this.exp)), task);
      }
    } else {
      // stepping into a moving truck's blind zone or sweep counts too (trucks already through do not)
      const live = this.trucks.filter((_, i) => !this.through[i]);
      const e = exposure(w, live, p, m, BLIND_MARGIN, true, this.exp);
      if (e.blindOf || e.sweptBy) this.score(classifyWaiting(task, e), task);
    }
    this.trucks.forEach((t, i) => {
      if (!this.through[i]) this.through[i] = truckThrough(w, t, this.turn.challenge.params.clear);
    });
    if (this.movedOff && this.through.every(Boolean)) this.completeTurn(task, 'kept_clear');
  }

  private watchDriver(dt: number, p: Agent, task: string): void {
    this.gaze(p, dt);
    const d = this.driver!;
    const happened = d.update(this.clock, p, this.turn.challenge.params.clear);
    if (happened === 'begun') {
      const stopped = !Number.isNaN(d.stopStart);
      const right = this.lookTargets.filter((t) => t.yaw > 0).map((t) => t.name);
      const looked = stopped && right.some((n) => this.checks.lastChecked(n) >= d.stopStart);
      const mirrors = this.lookTargets.map((t) => ({ name: t.name, checked: !Number.isNaN(this.checks.lastChecked(t.name)) && this.checks.lastChecked(t.name) >= this.stageStart }));
      this.score(classifyDriverChecks(task, { stopped, looked, mirrors }), task);
    } else if (happened === 'done') this.completeTurn(task, 'gave_way');
  }

  private completeTurn(task: string, credit: string): void {
    if (!this.keeper.inTask(task).some((e) => CONFLICTS.has(e.kind))) this.recordNow(credit, { task, key: `${task}:${credit}` });
    this.list.completeActive();
    this.finish();
  }

  private updateHint(): void {
    if (!this.tuning.hints) {
      this.hint = null;
      return;
    }
    const tasks = this.tasks;
    const title = tasks[this.stageNow === 'walkaround' ? 0 : this.stageNow === 'cab' ? 1 : 2]!.title;
    let waiting: Exposure | null = null;
    let driving: { stopped: boolean; allMirrors: boolean } | null = null;
    if (this.stageNow === 'turn' && !this.movedOff && this.tuning.role !== 'driver')
      waiting = exposure(this.turnWorld, this.trucks, this.turnWorld.player!, this.tuning.playerHeight, BLIND_MARGIN, false, { blindOf: null, sweptBy: null, closeTo: null });
    if (this.stageNow === 'turn' && this.driver && !this.driver.hasBegun)
      driving = { stopped: !Number.isNaN(this.driver.stopStart), allMirrors: this.lookTargets.every((t) => this.checks.lastChecked(t.name) >= this.stageStart) };
    this.hint = blindspotHint(this.feedback, { stage: this.stageNow, title, waiting, driving });
  }
}

/** A blindspot game for an audience group (its id, or the groups file's entry with defaults). */
export function createGame(zone: ZoneDef, group: GroupInfo | string, seed: number): BlindspotGame {
  return new BlindspotGame(zone, group, seed);
}
