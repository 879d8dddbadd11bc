// Zone 1, street crossing, as a pure game: the visitor is a pedestrian who must reach the far side
// of a city street once per task (scenes/crossing.json challenges of kind 'cross': the signalised
// zebra with turning traffic, the unsignalised zebra behind a parked van, the crossing where the
// phone rings). The world comes from the scene file with the group's tuning applied; the world's
// events and the watch's observations become scored events with the file's points and feedback.
//
//   const game = createGame(zone, group, seed);
//   per frame: const fresh = game.step(delta, input)   // WalkerInput, see input.ts
//   at the end: game.summary(), game.toAttempt(meta)
import type { ZoneDef } from '../../content/schema.ts';
import type { PlayerInput } from '../../sim/agents/player.ts';
import type { WorldEvent } from '../../sim/events.ts';
import { createWorld, type World } from '../../sim/world.ts';
import { GameBase } from '../common/game.ts';
import { nearMissCounts, NearMissHold } from '../common/nearMiss.ts';
import { PhoneWatch } from '../common/phone.ts';
import { ScoreKeeper } from '../common/scoreKeeper.ts';
import { TaskList } from '../common/tasks.ts';
import { groupIdOf } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';
import { extendPedestrianGreen, scaleTrafficSpeed, simDefOf, withoutPhone } from '../common/worldDef.ts';
import { crossingHint } from './hints.ts';
import { fillWalker } from '../common/walkInput.ts';
import type { WalkerInput } from './input.ts';
import { classifyCompletion, classifyObservation, classifyWorldEvent } from './scoring.ts';
import { atGoal, readTasks, resolveTask, type CrossTask } from './tasks.ts';
import { crossingTuning, type CrossingTuning } from './tuning.ts';
import { WalkerWatch } from './watch.ts';

export { walkerInput, type WalkerInput } from './input.ts';
export type { CrossingTuning } from './tuning.ts';

/** a near miss counts when the visitor is on the carriageway within this many seconds of it */
export const NEAR_MISS_CONFIRM = 1.0;

export interface CrossingGameOptions {
  /** play only this challenge (a competition round), starting at its spawn point */
  challenge?: string;
}

export class CrossingGame extends GameBase<WalkerInput> {
  readonly world: World;
  readonly tuning: CrossingTuning;
  protected readonly list: TaskList<CrossTask>;
  private readonly watch: WalkerWatch;
  /** the phone during the active task */
  private readonly phone = new PhoneWatch();
  private peekDone = false;
  /** near misses waiting for the visitor to be on the road (one who stops at the kerb was never nearly hit) */
  private readonly nearMisses = new NearMissHold(NEAR_MISS_CONFIRM);

  constructor(zone: ZoneDef, group: GroupInfo | string, seed: number, opts: CrossingGameOptions = {}) {
    const tuning = crossingTuning(zone, group);
    const keeper = ScoreKeeper.fromZone(zone);
    super({
      zone,
      group: groupIdOf(group),
      seed,
      keeper,
      timeLimit: tuning.timeLimit,
      passMark: tuning.passMark ?? keeper.stars[1],
      phase: 'play',
      textSize: tuning.textSize,
    });
    this.tuning = tuning;

    let challenges = readTasks(zone);
    if (opts.challenge !== undefined) {
      challenges = challenges.filter((c) => c.id === opts.challenge);
      if (challenges.length === 0) throw new Error(`scenes/${zone.id}.json: no challenge "${opts.challenge}" of kind "cross"`);
    }

    let def = simDefOf(zone);
    def = scaleTrafficSpeed(def, tuning.speedFactor);
    def = extendPedestrianGreen(def, tuning.pedGreenExtra);
    if (!tuning.phone) def = withoutPhone(def);
    this.world = createWorld(def, seed, {
      walkSpeed: tuning.walkSpeed,
      trafficDensity: tuning.trafficDensity,
      player: { spawn: opts.challenge !== undefined ? challenges[0]!.params.spawn : undefined, height: tuning.playerHeight, maxWalk: tuning.walkSpeed * tuning.runFactor + 0.01 },
      input: this.adapter,
    });
    if (!this.world.player) throw new Error(`scenes/${zone.id}.json: layout.spawns: no player spawn point`);
    this.list = new TaskList(challenges.map((c) => resolveTask(c, this.world.net, zone.id)));
    this.watch = new WalkerWatch(this.world.net, tuning.runThreshold);
  }

  /** the task being played (its crossing, kerbs and goal), null when all are over */
  get currentTask(): CrossTask | null {
    return this.list.active;
  }

  /** the pedestrian light of the current task's crossing: its state, 'none' for a crossing without lights */
  get currentLight(): string | null {
    const t = this.list.active;
    if (!t) return null;
    return t.head ? this.world.signalState(t.head).state : 'none';
  }

  /** the phone is ringing now (show it; the visitor decides whether to take it out) */
  get phoneRinging(): boolean {
    return this.world.phone.ringing;
  }

  protected fillInput(input: WalkerInput, out: PlayerInput): void {
    fillWalker(input, this.tuning.walkSpeed, this.tuning.runFactor, out);
  }

  private pedSignal = (crossingId: string): string | null => {
    const c = this.world.net.crossings.find((x) => x.id === crossingId);
    if (!c || c.head < 0) return null;
    return this.world.signalState(this.world.net.heads[c.head]!.id).state;
  };

  private scoreEvent = (e: WorldEvent, task: string): void => this.score(classifyWorldEvent(e, task, this.playerId, this.pedSignal), task, e);

  protected advance(dt: number): void {
    const w = this.world;
    w.step(dt);
    const task = this.list.active;
    for (const e of w.drainEvents()) {
      if (!task || !e.agents.includes(this.playerId) || !nearMissCounts(w, e, this.playerId)) continue;
      if (e.kind === 'near_miss') this.nearMisses.hold(e, task.id);
      else this.scoreEvent(e, task.id);
    }
    const input = this.input!;
    const p = w.player!;
    const o = this.watch.update(p, task, input.lookYaw, input.phoneOut, dt, w.time);
    this.nearMisses.settle(o.onRoad, w.time, this.scoreEvent);
    if (task) {
      this.phone.update(w.phone.ringing, o.phoneOnRoad);
      if (o.peeked) this.peekDone = true;
      this.score(classifyObservation(o, task.id), task.id);
      if (!o.onRoad && atGoal(task, p.x, p.z)) {
        this.score(classifyCompletion(task.id, this.keeper.inTask(task.id, true).length, this.phone.rang, this.phone.used), task.id);
        this.list.completeActive();
        this.phone.reset();
        this.peekDone = false;
        if (this.list.allDone) {
          this.finish();
          return;
        }
      }
    }
    const next = this.list.active;
    this.hint = this.tuning.hints
      ? crossingHint(this.feedback, { task: next, o, signal: next?.head ? w.signalState(next.head).state : null, phoneRinging: w.phone.ringing, peekDone: this.peekDone })
      : null;
  }
}

/** A crossing game for an audience group (its id, or the groups file's entry with defaults). */
export function createGame(zone: ZoneDef, group: GroupInfo | string, seed: number, opts?: CrossingGameOptions): CrossingGame {
  return new CrossingGame(zone, group, seed, opts);
}
