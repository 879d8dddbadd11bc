// The kiosk's running competition: the action log (modes/competition/log.ts), its state, and the
// saving. Every action is appended to the log, reduced into the state and saved at once (storage
// `competitions`, persist.ts JSON lines), so a reload or a crash loses nothing: `resume()` replays the
// saved log and lands on the same question with the same scores and question order.
//
// What the screens show is `shown`: the state as of the last action that is on disk. `state` runs
// ahead of it by the actions still being written (usually a few ms), and is what the next action is
// checked against (a second buzz a millisecond later loses to the first). An award the host sees is
// therefore never one a crash can take back: the browser killed right after it still has it.
//
// The question clock runs on wall-clock time (log.ts remainingMs). While a question is open the
// store also saves a heartbeat (the record's updatedAt) every few seconds; a reload then pauses the
// competition from the last heartbeat, so the time the console was away (reload, PIN) is not taken
// from the players. Staff press Resume to go on.
//
// At the podium the results are saved as one attempt per player (mode 'competition', the player's
// group; toAttempts) plus a visitor per player (nickname = the player's name, for leaderboards), and
// again after an undo on the podium (the ids are stable, so the attempts are replaced, not doubled).
import { createStore } from 'zustand/vanilla';
import type { ZoneId } from '../content/ids.ts';
import { CHALLENGES, type Challenge } from '../modes/competition/challenges.ts';
import {
  apply,
  initialState,
  nextAction,
  remainingMs,
  toAttempts,
  toVisitors,
  type Action,
  type ActionInput,
  type CompetitionContext,
  type CompetitionState,
  type Warning,
} from '../modes/competition/log.ts';
import { appendAction, parseLog, restoreCompetition, serializeLog } from '../modes/competition/persist.ts';
import { parseSetup, resolveInput, type BuzzerInput, type CompetitionSetup } from '../modes/competition/setup.ts';
import type { CompetitionRecord, HallStorage } from '../storage/types.ts';
import { APP_VERSION, type SelfTestDeps } from './selfTest.ts';

/** how often a running question's heartbeat is saved */
export const HEARTBEAT_MS = 2000;

export interface CompetitionDeps {
  storage: HallStorage;
  loadBank: SelfTestDeps['loadBank'];
  challenges?: Readonly<Record<string, Challenge>>;
  /** group id → pass mark (percent), for the saved attempts */
  passMarks?: Record<string, number>;
  now?: () => number;
  appVersion?: string;
}

export interface CompetitionStoreState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** why loading or starting failed */
  problems: string[];
  id: string | null;
  title: string;
  log: Action[];
  text: string;
  /** the latest state, with every action appended (some may still be being written) */
  state: CompetitionState;
  /** what the screens show: the state as of the last action written to storage */
  shown: CompetitionState;
  /** actions are being written (`state` is ahead of `shown`) */
  saving: boolean;
  ctx: CompetitionContext;
  /** the saved log was read back after a reload; damaged lines it held */
  resumed: boolean;
  restoreProblems: string[];
  /** what the reducer refused in the last action (shown briefly to the host) */
  lastWarnings: Warning[];
  /** the attempts of the finished competition are saved */
  attemptsSaved: boolean;
  /** the competition ended before any question was scored: there are no results to save */
  noResults: boolean;
  actions: {
    /** loads the newest unfinished competition, if any; true when one was found */
    resume(): Promise<boolean>;
    /** logs the setup and starts; problems when it cannot start */
    create(setup: CompetitionSetup): Promise<{ ok: true } | { ok: false; problems: string[] }>;
    dispatch(input: ActionInput): void;
    /** a buzzer, key or on-screen button: buzzes ('buzz' mode) or answers ('all' mode) */
    input(input: BuzzerInput): void;
    /** the player holding the floor ('buzz' mode) answers with this choice id */
    answerHolder(choiceId: string): void;
    /** an on-screen answer in 'all' mode */
    answerFor(player: string, choiceId: string): void;
    /** timer expiry and heartbeat; call a few times a second while the console is open */
    tick(): void;
    /** pauses an open question (the console is being left) */
    pauseIfRunning(): void;
    /** forgets the finished competition: back to a new setup */
    close(): void;
    /** resolves once every save started so far has been written */
    flush(): Promise<void>;
  };
}

export type CompetitionStore = ReturnType<typeof createCompetitionStore>;

const OPEN_PHASES = new Set(['question', 'buzzed']);

/**
 * The current question's choice ids in the order the host shows them (A, B, C…). Scene questions keep
 * their authored order, because their choice texts name the marks drawn in the scene ("C: …"), as the
 * self-test does; other questions use the drawn order. Keys and answer buttons follow this order.
 */
export function shownChoices(state: CompetitionState, ctx: CompetitionContext): string[] {
  const planned = state.plan[state.q];
  if (!planned) return [];
  if (planned.source === 'quiz') {
    const q = ctx.banks[planned.zone]?.find((x) => x.id === planned.id);
    if (q?.kind === 'scene') return q.choices.map((c) => c.id).filter((id) => planned.choices.includes(id));
  }
  return planned.choices;
}

export function zonesOf(setup: CompetitionSetup): ZoneId[] {
  return [...new Set(setup.rounds.flatMap((r) => (r.kind === 'quiz' ? [r.zone] : [])))];
}

const WAL_KEY = 'hall.competition.writeAhead';

function writeAhead(id: string, text: string): void {
  try {
    globalThis.localStorage?.setItem(WAL_KEY, JSON.stringify({ id, text }));
  } catch {
    // no localStorage (private mode, full): IndexedDB alone still has every action but the last
  }
}

/** The saved log, or the write-ahead copy when it is the same log with more actions. */
export function newerLog(id: string, saved: string): string {
  try {
    const wal = JSON.parse(globalThis.localStorage?.getItem(WAL_KEY) ?? 'null') as { id?: string; text?: string } | null;
    if (wal?.id === id && typeof wal.text === 'string' && wal.text.length > saved.length && wal.text.startsWith(saved)) return wal.text;
  } catch {
    // a damaged copy is ignored
  }
  return saved;
}

export function createCompetitionStore(deps: CompetitionDeps) {
  const now = deps.now ?? (() => Date.now());
  const challenges = deps.challenges ?? CHALLENGES;
  const emptyCtx = (): CompetitionContext => ({ banks: {}, challenges });
  /** no competition open: the state before one starts and after one is closed */
  const idleState = (): Omit<CompetitionStoreState, 'actions'> => ({
    status: 'idle',
    problems: [],
    id: null,
    title: '',
    log: [],
    text: '',
    state: initialState(),
    shown: initialState(),
    saving: false,
    ctx: emptyCtx(),
    resumed: false,
    restoreProblems: [],
    lastWarnings: [],
    attemptsSaved: false,
    noResults: false,
  });

  return createStore<CompetitionStoreState>()((set, get) => {
    // saves run one after another, so the last one written is the newest log
    let saving: Promise<void> = Promise.resolve();
    let lastSaved = 0;
    let results: Promise<void> = Promise.resolve();

    function record(finished: boolean, at = now()): CompetitionRecord {
      const s = get();
      return { id: s.id!, title: s.title, logText: s.text, updatedAt: at, finished };
    }

    let written = 0;
    let pendingSaves = 0;
    function save(finished = get().state.phase === 'podium'): Promise<void> {
      if (!get().id) return saving;
      // The log is also written synchronously to localStorage (a write-ahead copy; the longer one
      // wins on restore), but Chromium puts localStorage on disk lazily: only the IndexedDB write,
      // once done, makes the action durable, and only then do the screens show it.
      writeAhead(get().id!, get().text);
      const row = record(finished);
      const snapshot = get().state;
      const id = row.id;
      const seq = ++written;
      lastSaved = row.updatedAt;
      pendingSaves++;
      set({ saving: true });
      saving = saving
        .then(() => deps.storage.putCompetition(row))
        .catch(() => undefined)
        .then(() => {
          pendingSaves--;
          // a competition closed (or replaced) meanwhile is not shown again
          if (get().id === id && seq <= written) set({ shown: snapshot, saving: pendingSaves > 0 });
          else set({ saving: pendingSaves > 0 });
        });
      return saving;
    }

    async function saveResults(state: CompetitionState): Promise<void> {
      if (!state.questions.some((q) => q.status === 'done')) {
        set({ attemptsSaved: false, noResults: true });
        return;
      }
      const attempts = toAttempts(state, { appVersion: deps.appVersion ?? APP_VERSION, device: 'kiosk', passMarks: deps.passMarks });
      const visitors = toVisitors(state, state.startedAt ?? now());
      for (const v of visitors) await deps.storage.putVisitor(v);
      for (const a of attempts) await deps.storage.putAttempt(a);
      set({ attemptsSaved: true, noResults: false });
    }

    async function loadBanks(setup: CompetitionSetup): Promise<{ ctx: CompetitionContext; problems: string[] }> {
      const ctx = emptyCtx();
      const problems: string[] = [];
      for (const zone of zonesOf(setup)) {
        const r = await deps.loadBank(zone);
        if (r.ok) ctx.banks[zone] = r.questions;
        else problems.push(...r.problems.map((p) => `${p.file}: ${p.path || '(file)'}: ${p.message}`));
      }
      return { ctx, problems };
    }

    /** appends one action at `at` and saves; the state follows */
    function append(input: ActionInput, at = now()): CompetitionState {
      const s = get();
      const a = nextAction(s.log, input, at);
      const before = s.state;
      const state = apply(before, a, s.ctx);
      set({ log: [...s.log, a], text: appendAction(s.text, a), state, lastWarnings: state.warnings.slice(before.warnings.length) });
      const finishedNow = state.phase === 'podium';
      void save(finishedNow);
      // at the podium (again after an undo there) the results are saved
      if (finishedNow && (before.phase !== 'podium' || a.type === 'undo')) results = results.then(() => saveResults(state)).catch(() => undefined);
      return state;
    }

    const atMsOf = (state: CompetitionState): number => {
      const planned = state.plan[state.q];
      const left = remainingMs(state, now());
      return planned && left !== null ? planned.timeLimitSec * 1000 - left : 0;
    };

    return {
      ...idleState(),
      actions: {
        async resume() {
          set({ status: 'loading', problems: [] });
          const list = await deps.storage.listCompetitions();
          const rec = list.find((c) => !c.finished);
          if (!rec) {
            set({ status: 'idle' });
            return false;
          }
          const setupAction = parseLog(rec.logText).actions.find((a) => a.type === 'setup');
          const parsed = setupAction && setupAction.type === 'setup' ? parseSetup(setupAction.setup) : null;
          if (!parsed?.ok) {
            set({ status: 'error', problems: parsed ? parsed.errors : ['the saved competition has no setup'] });
            return false;
          }
          const { ctx, problems } = await loadBanks(parsed.value);
          if (problems.length) {
            set({ status: 'error', problems });
            return false;
          }
          const restored = restoreCompetition(newerLog(rec.id, rec.logText), ctx);
          set({
            status: 'ready',
            id: rec.id,
            title: rec.title,
            log: restored.actions,
            text: restored.text,
            state: restored.state,
            // read back from storage: on disk already
            shown: restored.state,
            ctx,
            resumed: true,
            restoreProblems: [
              ...(restored.torn ? [`line ${restored.torn.line}: an interrupted write was dropped`] : []),
              ...restored.problems.map((p) => `line ${p.line}: ${p.message}`),
            ],
            lastWarnings: [],
            attemptsSaved: false,
            noResults: false,
          });
          const s = restored.state;
          if (s.phase === 'podium') {
            // finished but not marked so (the page went away in between): save the results again
            await save(true);
            results = results.then(() => saveResults(s));
            await results;
          } else if (OPEN_PHASES.has(s.phase) && !s.paused) {
            // the clock stops where the console was last seen alive
            append({ type: 'pause' }, Math.max(rec.updatedAt, s.lastAt ?? 0));
          } else await save(false);
          return true;
        },

        async create(setup) {
          // the setup form stays on screen while the banks load (status stays 'idle')
          set({ problems: [] });
          const { ctx, problems } = await loadBanks(setup);
          if (problems.length) {
            set({ status: 'idle', problems });
            return { ok: false, problems };
          }
          const t = now();
          const log: Action[] = [];
          log.push(nextAction(log, { type: 'setup', setup }, t));
          log.push(nextAction(log, { type: 'start' }, t));
          let state = initialState();
          for (const a of log) state = apply(state, a, ctx);
          if (state.phase === 'setup') {
            const why = state.warnings.map((w) => w.reason);
            set({ status: 'idle', problems: why });
            return { ok: false, problems: why };
          }
          // the host view opens once the setup is on disk (status 'ready' after the first save)
          set({
            id: setup.id,
            title: setup.title,
            log,
            text: serializeLog(log),
            state,
            shown: initialState(),
            ctx,
            resumed: false,
            restoreProblems: [],
            lastWarnings: [],
            attemptsSaved: false,
            noResults: false,
          });
          await save(false);
          set({ status: 'ready' });
          return { ok: true };
        },

        dispatch(input) {
          if (get().status !== 'ready') return;
          append(input);
        },

        input(input) {
          const { state, status } = get();
          const setup = state.setup;
          if (status !== 'ready' || !setup || state.paused) return;
          const who = resolveInput(setup, input);
          if (!who) return;
          const rec = state.questions[state.q];
          const planned = state.plan[state.q];
          if (!rec || !planned || state.phase !== 'question') return;
          if (setup.answering === 'buzz') {
            if (rec.lockedOut.includes(who.player)) return;
            append({ type: 'buzz', player: who.player, q: state.q, atMs: atMsOf(state) });
          } else {
            if (who.choice === undefined || rec.answers.some((a) => a.player === who.player)) return;
            const choice = shownChoices(state, get().ctx)[who.choice];
            if (choice === undefined) return;
            append({ type: 'answer', player: who.player, q: state.q, choices: [choice], atMs: atMsOf(state) });
          }
        },

        answerHolder(choiceId) {
          const { state, status } = get();
          const holder = state.questions[state.q]?.holder;
          if (status !== 'ready' || state.phase !== 'buzzed' || !holder || state.paused) return;
          append({ type: 'answer', player: holder, q: state.q, choices: [choiceId], atMs: atMsOf(state) });
        },

        answerFor(player, choiceId) {
          const { state, status } = get();
          if (status !== 'ready' || state.phase !== 'question' || state.paused || state.setup?.answering !== 'all') return;
          if (state.questions[state.q]?.answers.some((a) => a.player === player)) return;
          append({ type: 'answer', player, q: state.q, choices: [choiceId], atMs: atMsOf(state) });
        },

        tick() {
          const { state, status } = get();
          if (status !== 'ready' || state.paused || !OPEN_PHASES.has(state.phase)) return;
          const t = now();
          if (remainingMs(state, t) === 0) {
            append({ type: 'timerExpired', q: state.q }, t);
            return;
          }
          if (t - lastSaved >= HEARTBEAT_MS) void save(false);
        },

        pauseIfRunning() {
          const { state, status } = get();
          if (status === 'ready' && OPEN_PHASES.has(state.phase) && !state.paused) append({ type: 'pause' });
        },

        async flush() {
          await saving;
          await results;
        },

        close() {
          if (get().state.phase !== 'podium') return;
          set(idleState());
        },
      },
    };
  });
}
