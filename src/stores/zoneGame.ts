// The zone game being played, the store both skins render and act on (the shape of selfTest.ts):
// the flat HUD and the headset's panels call the same actions (start, skip a replay, continue,
// quit, play again, the zone's own actions such as choosing a checklist option), and the 3D scene
// calls `tick` once per frame. The store owns the run around the zone's pure rules: it builds the
// game for each round, reads the controls through the zone's reader, steps the game, publishes
// what the HUD shows (only when something changed, at most a few times a second), queues
// consequence replays of serious events and starts each once its window is recorded, and at the
// end shows the summary and saves the attempt. What the zone adds to the HUD (`hud`) is typed and
// computed by the zone's module, not a field of every zone. No three.js, React or DOM: the whole
// run is tested in Node (zoneGame.test.ts).
import { createStore } from 'zustand/vanilla';
import type { ZoneDef, ZoneId } from '../content/schema.ts';
import type { AgentKind } from '../sim/def.ts';
import { ReplayView } from '../sim/replayView.ts';
import type { Attempt, HallStorage } from '../storage/types.ts';
import { ConsequenceQueue } from '../zones/common/consequence.ts';
import { ControlState, type FrameLook, type Viewpoint } from '../zones/common/controls.ts';
import type { GamePhase, GameSummary, GroupInfo, Hint, ReplayWindow, ScoredEvent, TaskView } from '../zones/common/types.ts';
import type { InputReader, RunnableGame, ZoneActions, ZoneRules } from '../zones/common/zoneRules.ts';
import { APP_VERSION } from './selfTest.ts';

/** A serious moment being replayed (stage 'replay') or explained (stage 'explain'). */
export interface ConsequenceView {
  event: ScoredEvent;
  replay: ReplayWindow;
  /** the kind of road user whose driver's seat the replay is seen from (null if not recorded) */
  focusKind: AgentKind | null;
  stage: 'replay' | 'explain';
  /** 0..1 of the replay watched */
  progress: number;
}

export type Cue = 'safe' | 'unsafe' | 'serious' | 'done';

export interface ZoneGameActions<Z extends ZoneActions = ZoneActions> {
  /** the intro's Start: the game runs from the next frame */
  start(): void;
  /** end now: unfinished tasks count as missed, the summary follows */
  quit(): void;
  /** a new round from the intro (Play again; leaving the zone) */
  restart(): void;
  /** skip the rest of a replay: straight to its explanation */
  skipReplay(): void;
  /** the replay player's progress (0..1), and its end */
  replayProgress(progress: number): void;
  /** Continue after the explanation: back to the live street */
  resume(): void;
  /** a toggle button pressed (the phone by P or the phone button) */
  toggle(action: string): void;
  /** one frame of the run (called by the 3D scene): read the controls, step, publish, replay, finish */
  tick(look: FrameLook, now: number): void;
  /** the zone module's careful first moves (the benchmark and smoke tests) */
  rehearse(): void;
  /** the zone's own actions (the e-bike's choose and rideOff …) */
  zone: Z;
}

export interface ZoneGameState<H = unknown, Z extends ZoneActions = ZoneActions, G extends RunnableGame = RunnableGame> {
  zone: ZoneId;
  status: 'intro' | 'playing' | 'summary';
  phase: GamePhase;
  /** the zone's tuning for the visitor's group: large text for children and seniors */
  textSize: 'normal' | 'large';
  tasks: readonly TaskView[];
  hint: Hint | null;
  /** the last few scored events, newest last (feedback in the moment) */
  recent: ScoredEvent[];
  secondsLeft: number;
  /** what this zone adds to the HUD, typed by its module */
  hud: H;
  /** buttons toggled on (the phone) */
  toggles: Readonly<Record<string, boolean>>;
  consequence: ConsequenceView | null;
  summary: GameSummary | null;
  saved: boolean;
  /** counts the rounds played in this visit to the zone */
  round: number;
  // ---- what the 3D scene reads (changes with the round; not for rendering the HUD)
  game: G;
  /** the replay buffer as the street kit draws it while a consequence is on screen */
  view: ReplayView;
  /** the controls every device writes */
  controls: ControlState;
  reader: InputReader<G, unknown, string>;
  actions: ZoneGameActions<Z>;
}

export interface ZoneGameDeps<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string> {
  rules: ZoneRules<G, I, H, Z, A>;
  zone: ZoneDef;
  group: GroupInfo;
  visitorId: string;
  storage: Pick<HallStorage, 'putAttempt'>;
  /** where the attempt is played: vr, kiosk (touch) or desktop */
  device: () => Attempt['device'];
  now?: () => number;
  /** a sound for what just happened (the text is its subtitle) */
  cue?: (cue: Cue) => void;
}

/** the HUD is published at most this often, s (and at once when something was scored) */
export const PUBLISH_EVERY = 0.4;
const NO_EVENTS: readonly ScoredEvent[] = Object.freeze([]);

export function createZoneGameStore<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string>(deps: ZoneGameDeps<G, I, H, Z, A>) {
  const { rules } = deps;
  const now = deps.now ?? (() => Date.now());
  const cue = deps.cue ?? (() => undefined);
  const controls = new ControlState<A>(rules.controls);

  return createStore<ZoneGameState<H, Z, G>>()((set, get) => {
    let queue = new ConsequenceQueue();
    let lastInput: I | null = null;
    let publishAt = 0;
    let startedAt = 0;
    let finished = false;

    /** everything a round starts from: a fresh game, its replay view and reader */
    const round = (n: number) => {
      const game = rules.createGame(deps.zone, deps.group, rules.seed + n);
      queue = new ConsequenceQueue();
      lastInput = null;
      publishAt = 0;
      finished = false;
      controls.reset();
      return {
        zone: deps.zone.id,
        status: 'intro' as const,
        phase: game.phase,
        textSize: game.textSize,
        tasks: game.tasks,
        hint: game.hint,
        recent: [],
        secondsLeft: Math.ceil(game.timeLimit),
        hud: rules.hud(game, null),
        toggles: {},
        consequence: null,
        summary: null,
        saved: false,
        round: n,
        game,
        view: new ReplayView(game.world),
        reader: rules.reader(game) as InputReader<G, unknown, string>,
      };
    };

    const publish = (fresh: readonly ScoredEvent[]) => {
      const { game, recent } = get();
      set({
        phase: game.phase,
        tasks: game.tasks,
        hint: game.hint,
        secondsLeft: Math.max(0, Math.ceil(game.timeLimit - game.time)),
        hud: rules.hud(game, lastInput),
        ...(fresh.length ? { recent: [...recent, ...fresh].slice(-3) } : {}),
      });
    };

    const finish = () => {
      if (finished) return;
      finished = true;
      const { game } = get();
      const summary = game.summary();
      set({ status: 'summary', phase: game.phase, summary, tasks: game.tasks, recent: [], consequence: null, hud: rules.hud(game, lastInput) });
      get().view.hide = -1;
      cue(summary.passed ? 'done' : 'serious');
      const attempt = game.toAttempt({
        id: `a-${deps.visitorId}-${deps.zone.id}-game-${startedAt}`,
        visitorId: deps.visitorId,
        startedAt,
        endedAt: now(),
        appVersion: APP_VERSION,
        device: deps.device(),
      });
      const saving = get().round;
      deps.storage
        .putAttempt(attempt)
        .then(() => {
          if (get().round === saving) set({ saved: true });
        })
        // storage reports its own failure (a clear notice); the summary stays on screen either way
        .catch(() => undefined);
    };

    const startReplay = (event: ScoredEvent, replay: ReplayWindow) => {
      const { view } = get();
      // a car that came on the scene during the window (spawned from behind the van) is watched from its arrival
      const seen = view.firstSeen(replay.focusAgent, replay.from, replay.at);
      const w = seen > replay.from ? { ...replay, from: seen } : replay;
      const focusKind = Number.isNaN(seen) ? null : (view.find(w.focusAgent)?.kind ?? null);
      view.hide = w.focusAgent;
      set({ consequence: { event, replay: w, focusKind, stage: 'replay', progress: 0 } });
    };

    const zoneActions = rules.actions(
      () => get().game,
      () => publish(NO_EVENTS),
    );

    const actions: ZoneGameActions<Z> = {
      start() {
        if (get().status !== 'intro') return;
        startedAt = now();
        set({ status: 'playing' });
      },
      quit() {
        const { status, game } = get();
        if (status !== 'playing') return;
        game.finish();
        queue.clear();
        publish(NO_EVENTS);
        finish();
      },
      restart() {
        set(round(get().round + 1));
      },
      skipReplay() {
        const c = get().consequence;
        if (c && c.stage === 'replay') set({ consequence: { ...c, stage: 'explain', progress: 1 } });
      },
      replayProgress(progress) {
        const c = get().consequence;
        if (!c || c.stage !== 'replay') return;
        if (progress >= 1) set({ consequence: { ...c, stage: 'explain', progress: 1 } });
        else set({ consequence: { ...c, progress } });
      },
      resume() {
        if (!get().consequence) return;
        get().view.hide = -1;
        set({ consequence: null });
      },
      toggle(action) {
        if (!(action in rules.controls.actions)) return;
        const on = controls.toggle(action as A);
        set({ toggles: { ...get().toggles, [action]: on } });
      },
      tick(look, clock) {
        const s = get();
        if (s.status !== 'playing') return;
        const game = s.game;
        let fresh = NO_EVENTS;
        if (!s.consequence && game.phase !== 'done') {
          const input = (s.reader as unknown as InputReader<G, I, A>).read(controls, look, game);
          lastInput = input;
          fresh = game.step(look.dt, input);
        }
        if (fresh.length) {
          queue.offer(fresh);
          const worst = fresh.reduce((m, e) => Math.min(m, e.points), Infinity);
          cue(fresh.some((e) => e.serious) ? 'serious' : worst < 0 ? 'unsafe' : 'safe');
        }
        if (fresh.length || clock >= publishAt) {
          publishAt = clock + PUBLISH_EVERY;
          publish(fresh);
        }
        if (get().consequence) return;
        const next = queue.next((w) => game.replayReady(w));
        if (next) {
          startReplay(next.event, next.replay);
          return;
        }
        if (game.phase === 'done') finish();
      },
      rehearse() {
        for (const [name, ...args] of rules.rehearsal ?? []) (zoneActions[name] as (...a: unknown[]) => void)(...args);
      },
      zone: zoneActions,
    };

    return { ...round(0), controls: controls as unknown as ControlState, actions };
  });
}

export type ZoneGameStore<H = unknown, Z extends ZoneActions = ZoneActions> = ReturnType<typeof createZoneGameStore<RunnableGame, unknown, H, Z, string>>;

/** Where the eye goes this frame (the zone reader's viewpoint for the current game). */
export function viewpointOf(s: ZoneGameState, out: Viewpoint): Viewpoint {
  return s.reader.viewpoint(s.game, out);
}
