// What every playable zone's scene does around its own rules: registers the game for tests and the
// HUD, publishes what the HUD shows (only when something changed, at most a few times a second),
// queues consequence replays of serious events and starts each once its window is recorded, and
// at the end shows the summary and saves the attempt. The zone's frame loop calls `tick` with a
// step function; the game does not step while a replay or its explanation is on screen.
import { useEffect, useMemo, useRef } from 'react';
import type { ZoneDef } from '../../content/schema.ts';
import { ReplayView } from '../../sim/replayView.ts';
import type { World } from '../../sim/world.ts';
import { APP_VERSION } from '../../stores/selfTest.ts';
import type { ZoneGameView } from '../../stores/zoneGame.ts';
import type { HallStorage } from '../../storage/types.ts';
import { ConsequenceQueue } from '../../zones/common/consequence.ts';
import type { ReplayWindow, ScoredEvent, ZoneGame } from '../../zones/common/types.ts';
import { zoneGameStore } from '../../zones/session.ts';
import { playCue } from '../../ui/audio/cues.ts';
import { SceneSource } from './sceneSource.ts';
import { exposeForTests } from '../../app/testHooks.ts';

export type RunnableGame = ZoneGame<unknown> & { readonly world: World };

export interface ZoneRunOptions {
  zone: ZoneDef;
  visitorId: string;
  storage: HallStorage;
  inXR: boolean;
}

export interface ZoneRun {
  /** what the street renderers read: the live world, or the replay while one is shown */
  readonly source: SceneSource;
  readonly view: ReplayView;
  /** may the game step this frame (playing, not done, no replay on screen) */
  live(): boolean;
  /** is a consequence replay (or its explanation) on screen */
  replaying(): boolean;
  /**
   * Once per frame, after the zone stepped its game (or did not): take the fresh events, publish
   * the HUD (with the zone's `extra` fields), start a due replay, finish when the game is done.
   */
  after(fresh: readonly ScoredEvent[], now: number, extra?: () => Partial<ZoneGameView>): void;
}

const PUBLISH_EVERY = 0.4;

/** a frame in which the game did not step scored nothing (one shared empty list, no allocation) */
export const NO_EVENTS: readonly ScoredEvent[] = Object.freeze([]);

function deviceOf(inXR: boolean): 'vr' | 'kiosk' | 'desktop' {
  if (inXR) return 'vr';
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 'kiosk' : 'desktop';
}

export function useZoneRun(game: RunnableGame, o: ZoneRunOptions): ZoneRun {
  const opts = useRef(o);
  opts.current = o;
  const started = useRef(Date.now());
  const publishAt = useRef(0);
  const finished = useRef(false);

  const run = useMemo(() => {
    const view = new ReplayView(game.world);
    const source = new SceneSource(game.world, view);
    const queue = new ConsequenceQueue();
    const recorded = (w: ReplayWindow) => game.replayReady(w);

    const finish = () => {
      if (finished.current) return;
      finished.current = true;
      const { zone, visitorId, storage, inXR } = opts.current;
      const summary = game.summary();
      zoneGameStore.setState({ status: 'summary', summary, tasks: game.tasks, recent: [], consequence: null, checklist: null });
      playCue(summary.passed ? 'done' : 'serious');
      const attempt = game.toAttempt({
        id: `a-${visitorId}-${zone.id}-game-${started.current}`,
        visitorId,
        startedAt: started.current,
        endedAt: Date.now(),
        appVersion: APP_VERSION,
        device: deviceOf(inXR),
      });
      storage
        .putAttempt(attempt)
        .then(() => zoneGameStore.setState({ saved: true }))
        // storage reports its own failure (a clear notice); the summary stays on screen either way
        .catch(() => undefined);
    };

    const r: ZoneRun = {
      source,
      view,
      live: () => {
        const s = zoneGameStore.getState();
        return s.status === 'playing' && s.consequence === null && game.phase !== 'done';
      },
      replaying: () => zoneGameStore.getState().consequence !== null,
      after(fresh, now, extra) {
        const s = zoneGameStore.getState();
        if (s.status !== 'playing') return;
        if (s.quit && game.phase !== 'done') {
          game.finish();
          queue.clear();
        }
        if (fresh.length) {
          queue.offer(fresh);
          const worst = fresh.reduce((m, e) => Math.min(m, e.points), Infinity);
          playCue(fresh.some((e) => e.serious) ? 'serious' : worst < 0 ? 'unsafe' : 'safe');
        }
        if (fresh.length || now >= publishAt.current) {
          publishAt.current = now + PUBLISH_EVERY;
          zoneGameStore.setState({
            tasks: game.tasks,
            hint: game.hint,
            secondsLeft: Math.max(0, Math.ceil(game.timeLimit - game.time)),
            ...(fresh.length ? { recent: [...s.recent, ...fresh].slice(-3) } : {}),
            ...(extra ? extra() : {}),
          });
        }
        if (s.consequence) return;
        const next = queue.next(recorded);
        if (next) {
          // a car that came on the scene during the window (spawned from behind the van) is watched from its arrival
          const seen = view.firstSeen(next.replay.focusAgent, next.replay.from, next.replay.at);
          if (seen > next.replay.from) next.replay = { ...next.replay, from: seen };
          const focusKind = Number.isNaN(seen) ? null : (view.find(next.replay.focusAgent)?.kind ?? null);
          view.hide = next.replay.focusAgent;
          source.replaying = true;
          zoneGameStore.setState({ consequence: { event: next.event, replay: next.replay, focusKind, stage: 'replay', progress: 0 } });
          return;
        }
        if (game.phase === 'done') finish();
      },
    };
    return r;
  }, [game]);

  useEffect(() => {
    started.current = Date.now();
    finished.current = false;
    zoneGameStore.setState({ tasks: game.tasks, hint: game.hint, secondsLeft: Math.ceil(game.timeLimit), consequence: null });
    // the replay ends when the visitor dismisses its explanation: back to the live street
    const off = zoneGameStore.subscribe((s, prev) => {
      if (prev.consequence && !s.consequence) {
        run.source.replaying = false;
        run.view.hide = -1;
      }
    });
    // for browser tests and the benchmark: the game, and the replay view a consequence shows
    const hideGame = exposeForTests('__zoneGame', game);
    const hideReplay = exposeForTests('__zoneReplay', run.view);
    return () => {
      off();
      hideGame();
      hideReplay();
    };
  }, [game, run]);

  return run;
}
