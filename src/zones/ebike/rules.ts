// Zone 2, e-bike riding, as a pure game: first the pre-ride checklist (helmet, passenger, the bike
// itself — a challenge of kind 'checklist' in scenes/ebike.json), then the ride (kind 'ride'): along
// the non-motor lane, through the signalised junction where a truck turns right, to the drop-off
// point, while the phone buzzes. The world comes from the scene file with the group's tuning; the
// choices, the world's events and the ride watch's observations become scored events with the
// file's points and feedback.
//
//   const game = createGame(zone, group, seed);          // phase 'setup' (the checklist)
//   game.choose('helmet', 'helmet'); …; game.startRide(); // phase 'play'
//   per frame: const fresh = game.step(delta, input)      // RiderInput, see input.ts
//   at the end: game.summary(), game.toAttempt(meta)
import type { Localized, ZoneDef } from '../../content/schema.ts';
import type { PlayerInput } from '../../sim/agents/player.ts';
import { createWorld, type World } from '../../sim/world.ts';
import type { Challenge } from '../common/challenges.ts';
import { GameBase } from '../common/game.ts';
import { nearMissCounts, otherOf } from '../common/nearMiss.ts';
import { PhoneWatch } from '../common/phone.ts';
import { phoneIgnored } from '../common/scored.ts';
import { ScoreKeeper } from '../common/scoreKeeper.ts';
import { TaskList, type TaskDef } from '../common/tasks.ts';
import { groupIdOf } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';
import { scaleTrafficSpeed, simDefOf, withoutPhone } from '../common/worldDef.ts';
import { Checklist, readChecklist, type ChecklistItemView } from './checklist.ts';
import { rideHint } from './hints.ts';
import { fillRider, type RiderInput } from './input.ts';
import { readRide, RideWatch, type RideParams } from './ride.ts';
import { classifyArrival, classifyObservation, classifyWorldEvent } from './scoring.ts';
import { ebikeTuning, type EbikeTuning } from './tuning.ts';

export { riderInput, type RiderInput } from './input.ts';
export type { ChecklistItemView } from './checklist.ts';
export type { EbikeTuning } from './tuning.ts';

export class EbikeGame extends GameBase<RiderInput> {
  readonly world: World;
  readonly tuning: EbikeTuning;
  /** two tasks: the checklist, then the ride */
  protected readonly list: TaskList<TaskDef>;
  private readonly checks: Checklist;
  private readonly ride: Challenge<RideParams>;
  private readonly watch: RideWatch;
  private readonly phoneWatch = new PhoneWatch();
  /** the rider came into conflict with the turning truck (inside it, swept, nearly hit or hit by it) */
  private truckConflict = false;

  constructor(zone: ZoneDef, group: GroupInfo | string, seed: number) {
    const tuning = ebikeTuning(zone, group);
    const keeper = ScoreKeeper.fromZone(zone);
    super({ zone, group: groupIdOf(group), seed, keeper, timeLimit: tuning.timeLimit, passMark: tuning.passMark ?? keeper.stars[1], phase: 'setup', textSize: tuning.textSize });
    this.tuning = tuning;
    this.checks = new Checklist(readChecklist(zone));
    for (const k of this.checks.allKinds())
      if (!keeper.scores(k)) throw new Error(`scenes/${zone.id}.json: challenges "${this.checks.challenge.id}": option event "${k}" is not in scoring.events`);

    let def = simDefOf(zone);
    def = scaleTrafficSpeed(def, tuning.speedFactor);
    if (tuning.phone === false) def = withoutPhone(def);
    this.world = createWorld(def, seed, { trafficDensity: tuning.trafficDensity, input: this.adapter });
    if (!this.world.player) throw new Error(`scenes/${zone.id}.json: layout.spawns: no player spawn point`);
    this.ride = readRide(zone, this.world);
    this.watch = new RideWatch(this.ride.params);
    this.list = new TaskList<TaskDef>([this.checks.challenge, this.ride]);
  }

  /** the checklist as the panel shows it (prompt, options, current choice) */
  get checklist(): ChecklistItemView[] {
    return this.checks.items;
  }

  /** every checklist item has an answer (riding off is possible) */
  get checklistComplete(): boolean {
    return this.checks.complete;
  }

  /** the phone: buzzing now, and what its pop-up says (a delivery order for riders) */
  get phone(): { ringing: boolean; popup: Localized | null } {
    const ringing = this.world.phone.ringing;
    const popup = ringing && this.tuning.phone ? (this.ride.params.popups[this.tuning.phone] ?? null) : null;
    return { ringing, popup };
  }

  /** Pick a checklist option (only before the ride). */
  choose(itemId: string, optionId: string): void {
    if (this.currentPhase !== 'setup') throw new Error('the checklist is closed: the ride has started');
    this.checks.choose(itemId, optionId);
  }

  /** Confirm the checklist: its choices are scored and the ride begins. */
  startRide(): void {
    if (this.currentPhase !== 'setup') throw new Error('the ride has already started');
    if (!this.checks.complete) throw new Error('choose an option for every checklist item first');
    const task = this.checks.challenge.id;
    for (const c of this.checks.outcome(this.tuning.minorRider))
      this.keeper.record(c.kind, this.clock, { task, key: `${task}:${c.item}`, details: { item: c.item, option: c.option } });
    this.list.completeActive();
    this.worldStart = this.clock;
    this.currentPhase = 'play';
  }

  protected fillInput(input: RiderInput, out: PlayerInput): void {
    fillRider(input, out);
  }

  private recorded = (kind: string): boolean => this.keeper.inTask(this.ride.id).some((e) => e.kind === kind);

  protected advance(dt: number): void {
    if (this.currentPhase === 'setup') return;
    const w = this.world;
    w.step(dt);
    const task = this.ride.id;
    const truckName = this.ride.params.truck;
    for (const e of w.drainEvents()) {
      if (!e.agents.includes(this.playerId) || !nearMissCounts(w, e, this.playerId)) continue;
      const scored = classifyWorldEvent(e, task, this.playerId);
      if (scored.length && truckName && otherOf(w, e, this.playerId)?.name === truckName) this.truckConflict = true;
      this.score(scored, task, e);
    }
    const input = this.input!;
    const p = w.player!;
    const o = this.watch.update(w, p, input.phoneOut);
    if (o.alongsideTruck) this.truckConflict = true;
    if (this.phoneWatch.update(w.phone.ringing, o.phoneRiding)) this.score([phoneIgnored(task)], task);
    this.score(classifyObservation(o, task, this.truckConflict), task);
    if (o.atGoal) {
      this.score(classifyArrival(task, this.recorded), task);
      this.list.completeActive();
      this.finish();
      return;
    }
    if (this.tuning.hints) {
      const lane = p.lane ? w.net.laneById.get(p.lane) : undefined;
      const truck = this.watch.truckAhead(w);
      this.hint = rideHint(this.feedback, {
        o,
        title: this.ride.title,
        phoneRinging: w.phone.ringing,
        laneKind: lane?.kind ?? null,
        overLimit: lane && Number.isFinite(lane.limit) ? (p.speed - lane.limit) * 3.6 : 0,
        signal: w.signalState(this.ride.params.signal).state,
        truckClose: truck !== null && Math.hypot(truck.x - p.x, truck.z - p.z) < 25 && o.inApproach,
      });
    } else this.hint = null;
  }
}

/** An e-bike game for an audience group (its id, or the groups file's entry with defaults). */
export function createGame(zone: ZoneDef, group: GroupInfo | string, seed: number): EbikeGame {
  return new EbikeGame(zone, group, seed);
}
