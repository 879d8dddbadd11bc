// The skeleton every zone game shares: a game clock and phase, the score keeper, the task list, the
// world fed with the visitor's input through an adapter, the time limit, scoring what the rules
// classified (`score`), and summary/attempt at the end (unfinished tasks count as missed). A zone
// subclasses it and writes only its rules: how a frame's input moves the player (`fillInput`) and
// what to do with the world's events and the player's state each step (`advance`).
import type { ZoneDef, ZoneId } from '../../content/schema.ts';
import type { InputAdapter, PlayerInput } from '../../sim/agents/player.ts';
import type { WorldEvent } from '../../sim/events.ts';
import type { World } from '../../sim/world.ts';
import { replayWindow, type ReplayOptions } from './replay.ts';
import { taskMissed, type Scored } from './scored.ts';
import type { RecordOptions, ScoreKeeper } from './scoreKeeper.ts';
import { summarize, toAttempt } from './summary.ts';
import type { TaskDef, TaskList } from './tasks.ts';
import type { AttemptMeta, Feedback, GamePhase, GameSummary, Hint, ReplayWindow, ScoredEvent, TaskView, ZoneGame } from './types.ts';
import type { Attempt } from '../../storage/types.ts';

export interface GameBaseOptions {
  zone: ZoneDef;
  group: string;
  seed: number;
  keeper: ScoreKeeper;
  timeLimit: number;
  passMark: number;
  phase: GamePhase;
  /** the group's text size (the zone's tuning) */
  textSize: 'normal' | 'large';
  replay?: ReplayOptions;
}

export abstract class GameBase<I> implements ZoneGame<I> {
  readonly zone: ZoneId;
  readonly group: string;
  readonly seed: number;
  readonly keeper: ScoreKeeper;
  readonly timeLimit: number;
  readonly passMark: number;
  readonly textSize: 'normal' | 'large';
  abstract readonly world: World;
  /** the zone file's feedback texts (hints reuse them) */
  protected readonly feedback: Record<string, Feedback>;
  /** the zone's tasks (its challenges), in file order */
  protected abstract readonly list: TaskList<TaskDef>;
  hint: Hint | null = null;
  protected currentPhase: GamePhase;
  protected clock = 0;
  /** game time at which the world's clock was 0 (a checklist may come first) */
  protected worldStart = 0;
  /** the frame's input, read by the adapter at every fixed step of the world */
  protected input: I | null = null;
  private readonly replayOpts: ReplayOptions;

  /** hand this to createWorld: it turns the zone's input into the sim's PlayerInput */
  protected readonly adapter: InputAdapter = {
    read: (_t: number, out: PlayerInput) => {
      if (this.input) this.fillInput(this.input, out);
    },
  };

  constructor(o: GameBaseOptions) {
    this.zone = o.zone.id;
    this.group = o.group;
    this.seed = o.seed;
    this.keeper = o.keeper;
    this.timeLimit = o.timeLimit;
    this.passMark = o.passMark;
    this.textSize = o.textSize;
    this.feedback = o.zone.feedback ?? {};
    this.currentPhase = o.phase;
    this.replayOpts = o.replay ?? {};
  }

  get phase(): GamePhase {
    return this.currentPhase;
  }
  get time(): number {
    return this.clock;
  }
  get events(): readonly ScoredEvent[] {
    return this.keeper.events;
  }
  get tasks(): readonly TaskView[] {
    return this.list.views;
  }

  step(dt: number, input: I): ScoredEvent[] {
    if (this.currentPhase === 'done' || !(dt > 0)) return this.keeper.takeFresh();
    this.clock += dt;
    this.input = input;
    this.advance(dt);
    // (advance may have finished the game)
    if ((this.currentPhase as GamePhase) !== 'done' && this.clock >= this.timeLimit) this.finish();
    return this.keeper.takeFresh();
  }

  finish(): void {
    if (this.currentPhase === 'done') return;
    this.onFinish();
    this.currentPhase = 'done';
    this.hint = null;
  }

  replayReady(w: ReplayWindow): boolean {
    return this.currentPhase === 'done' || this.world.time >= w.to - 1e-9;
  }

  summary(): GameSummary {
    return summarize({ zone: this.zone, group: this.group, keeper: this.keeper, durationSec: this.clock, passMark: this.passMark, tasks: this.tasks });
  }

  toAttempt(meta: AttemptMeta): Attempt {
    return toAttempt(this.summary(), meta);
  }

  // ------------------------------------------------------------------ for the zones
  /** Copy the zone's input into the sim's (called once per fixed step of the world). */
  protected abstract fillInput(input: I, out: PlayerInput): void;
  /** One frame of the game after the clock moved (step the world here when playing). */
  protected abstract advance(dt: number): void;
  /** The game ends, finished or not: every task not done is missed. A zone may score more first. */
  protected onFinish(): void {
    for (const t of this.list.missRemaining()) {
      const m = taskMissed(t.id);
      this.recordNow(m.kind, { task: t.id, key: m.key });
    }
  }

  /** the visitor's agent id in the world */
  protected get playerId(): number {
    return this.world.player!.id;
  }

  /** game time of a world time */
  protected gameTimeOf(worldTime: number): number {
    return this.worldStart + worldTime;
  }

  /** World events that involve the visitor. */
  protected playerEvents(events: readonly WorldEvent[]): WorldEvent[] {
    const id = this.world.player?.id;
    return id === undefined ? [] : events.filter((e) => e.agents.includes(id));
  }

  /** Record a world event under a zone kind, with a replay window when the kind is serious. */
  protected recordWorldEvent(kind: string, e: WorldEvent, o: RecordOptions = {}): ScoredEvent | null {
    const player = this.world.player;
    const replay = this.keeper.isSerious(kind) && player ? replayWindow(this.world, e, player.id, this.replayOpts) : undefined;
    return this.keeper.record(kind, this.gameTimeOf(e.t), { ...o, details: { ...e.details, ...(o.details ?? {}) }, replay });
  }

  /** Record something the rules observed now. */
  protected recordNow(kind: string, o: RecordOptions = {}): ScoredEvent | null {
    return this.keeper.record(kind, this.currentPhase === 'setup' ? this.clock : this.gameTimeOf(this.world.time), o);
  }

  /** Record what the zone's scoring classified, in a task: at the world event `e` (with its replay window) or now. */
  protected score(list: readonly Scored[], task: string, e?: WorldEvent): void {
    for (const s of list)
      if (e) this.recordWorldEvent(s.kind, e, { task, key: s.key, details: s.details });
      else this.recordNow(s.kind, { task, key: s.key, details: s.details });
  }
}
