// The host's competition store when the competition runs in a hall server's live room: the same shape
// as the kiosk's own store (stores/competition.ts), so the setup form and the host view work
// unchanged, but every action goes to the room, which orders, stores and broadcasts it; the state is
// the room's log reduced here. The kiosk's buzzers and on-screen buttons play for its local teams;
// visitors answer on their own devices. Nothing is saved on the kiosk: the room's database holds the
// log, and the room turns the podium into attempts for the hall's statistics.
import { createStore } from 'zustand/vanilla';
import { remainingMs, type ActionInput, type CompetitionState } from '../modes/competition/log.ts';
import { resolveInput } from '../modes/competition/setup.ts';
import { HOST_COMMANDS } from '../hall/live.ts';
import type { LiveRoomClient } from '../hall/liveRoom.ts';
import { shownChoices, type CompetitionStore, type CompetitionStoreState } from './competition.ts';

const COMMANDS = new Set<string>(HOST_COMMANDS);

export function createLiveCompetitionStore(room: LiveRoomClient): CompetitionStore {
  const live = room.store;
  const store = createStore<CompetitionStoreState>()((set, get) => {
    const local = (player: string, s: CompetitionState) => !live.getState().roster.some((r) => r.id === player && r.kind !== 'local') && !!s.setup;
    return {
      status: 'idle',
      problems: [],
      id: null,
      title: '',
      log: [],
      text: '',
      state: live.getState().state,
      shown: live.getState().state,
      saving: false,
      ctx: live.getState().ctx,
      resumed: false,
      restoreProblems: [],
      lastWarnings: [],
      attemptsSaved: false,
      noResults: false,
      actions: {
        async resume() {
          return false;
        },
        async create(setup) {
          // the form's players are the kiosk's local teams; the room adds every joined visitor
          const { id: _id, title: _title, ...rest } = setup;
          set({ problems: [] });
          if (!room.send({ kind: 'start', setup: rest as Record<string, unknown> })) return { ok: false, problems: ['not connected to the live room'] };
          const s0 = live.getState();
          return new Promise((resolve) => {
            const off = live.subscribe((s) => {
              if (s.state.startedAt !== null) {
                off();
                resolve({ ok: true });
              } else if (s.refused && s.refused !== s0.refused) {
                off();
                const problems = [s.refused, ...s.problems];
                set({ problems });
                resolve({ ok: false, problems });
              }
            });
          });
        },
        dispatch(input: ActionInput) {
          if (COMMANDS.has(input.type)) room.send({ kind: 'command', type: input.type as (typeof HOST_COMMANDS)[number], ...('phase' in input && input.phase ? { phase: input.phase } : {}) });
        },
        input(input) {
          const s = get().state;
          if (!s.setup || s.paused || s.phase !== 'question') return;
          const who = resolveInput(s.setup, input);
          if (!who || !local(who.player, s)) return;
          if (s.setup.answering === 'buzz') room.send({ kind: 'local', type: 'buzz', player: who.player, q: s.q });
          else if (who.choice !== undefined) {
            const choice = shownChoices(s, get().ctx)[who.choice];
            if (choice !== undefined) room.send({ kind: 'local', type: 'answer', player: who.player, q: s.q, choice });
          }
        },
        answerHolder(choiceId) {
          const s = get().state;
          const holder = s.questions[s.q]?.holder;
          // a visitor holding the floor answers on their own device
          if (s.phase === 'buzzed' && holder && local(holder, s)) room.send({ kind: 'local', type: 'answer', player: holder, q: s.q, choice: choiceId });
        },
        answerFor(player, choiceId) {
          const s = get().state;
          if (s.phase === 'question' && local(player, s)) room.send({ kind: 'local', type: 'answer', player, q: s.q, choice: choiceId });
        },
        // the room runs the question clock
        tick() {},
        pauseIfRunning() {},
        close() {
          if (get().state.phase !== 'podium') return;
          room.close();
          set({ status: 'idle', id: null });
        },
        async flush() {},
      },
    };
  });
  const sync = () => {
    const s = live.getState();
    const started = s.state.startedAt !== null;
    store.setState({
      status: started ? 'ready' : 'idle',
      id: s.state.setup?.id ?? null,
      title: s.title,
      log: s.log,
      state: s.state,
      shown: s.state,
      ctx: s.ctx,
      saving: s.status !== 'open',
      lastWarnings: [],
      // the room stores the results as attempts of the devices they were played on
      attemptsSaved: s.state.phase === 'podium' && s.state.questions.some((q) => q.status === 'done'),
      noResults: s.state.phase === 'podium' && !s.state.questions.some((q) => q.status === 'done'),
    });
  };
  live.subscribe(sync);
  sync();
  return store;
}

/** ms left on the room's clock, on this device's clock corrected by the server's */
export const liveRemainingMs = (s: CompetitionState, clockOffset: number) => remainingMs(s, Date.now() + clockOffset);
