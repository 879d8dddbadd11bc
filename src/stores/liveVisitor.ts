// A visitor's side of a live competition, for both skins (the join screen on a phone or desktop, the
// 3D join and answer panels in a headset): the join form's draft, joining with a code, nickname and
// audience group (POST /api/live/join), then the room's client (src/hall/liveRoom.ts: the socket, the
// log reduced, reconnection with backoff) and the player's own inputs. The seat (room + resume token)
// is kept in localStorage, so a closed tab, a reload or a headset that slept comes back as the same
// player with the same score.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { joinProblem, type JoinProblem } from '../modes/competition/visitorView.ts';
import type { DeviceInfo } from '../hall/protocol.ts';
import { connectLiveRoom, joinRoom, saveSeat, savedSeat, type LiveRoomClient, type LiveSeat } from '../hall/liveRoom.ts';

export interface JoinDraft {
  code: string;
  nickname: string;
  group: string;
}

export interface LiveVisitorState {
  step: 'form' | 'joining' | 'room';
  draft: JoinDraft;
  problem: JoinProblem | 'seatLost' | null;
  /** the server's own words, for 'other' */
  detail: string;
  seat: LiveSeat | null;
  client: LiveRoomClient | null;
  actions: {
    setDraft(p: Partial<JoinDraft>): void;
    /** takes up a seat kept from before (a reload, a closed tab): true when there was one */
    resume(): boolean;
    join(): Promise<boolean>;
    answer(choice: string): boolean;
    buzz(): boolean;
    /** gives the seat up on this device (the player stays in the room's results) */
    leave(): void;
  };
}

export type LiveVisitorStore = StoreApi<LiveVisitorState>;

export interface LiveVisitorDeps {
  /** whether the page came from a hall server (a static copy has none: joining cannot work) */
  hasServer: boolean;
  /** this device as the hall knows it, so the results count for it */
  device?: () => Promise<DeviceInfo | null | undefined>;
  join?: typeof joinRoom;
  connect?: typeof connectLiveRoom;
  seats?: { load(): LiveSeat | null; save(s: LiveSeat | null): void };
}

export function createLiveVisitorStore(deps: LiveVisitorDeps): LiveVisitorStore {
  const join = deps.join ?? joinRoom;
  const connect = deps.connect ?? connectLiveRoom;
  const seats = deps.seats ?? { load: savedSeat, save: saveSeat };
  let unwatch: (() => void) | null = null;

  return createStore<LiveVisitorState>()((set, get) => {
    function enter(seat: LiveSeat) {
      unwatch?.();
      get().client?.close();
      const client = connect({ kind: 'hello', room: seat.room, token: seat.token });
      // the room no longer knows this seat (a finished competition's room is gone): back to the form
      unwatch = client.store.subscribe((s) => {
        if (s.status !== 'refused' || get().client !== client) return;
        unwatch?.();
        unwatch = null;
        client.close();
        seats.save(null);
        set({ step: 'form', client: null, seat: null, problem: 'seatLost', detail: s.refused ?? '' });
      });
      set({ step: 'room', seat, client, problem: null, detail: '' });
    }

    const send = (m: Parameters<LiveRoomClient['send']>[0]) => get().client?.send(m) ?? false;

    return {
      step: 'form',
      draft: { code: '', nickname: '', group: '' },
      problem: deps.hasServer ? null : 'noServer',
      detail: '',
      seat: null,
      client: null,
      actions: {
        setDraft(p) {
          set({ draft: { ...get().draft, ...p } });
        },
        resume() {
          if (get().client) return true;
          const seat = seats.load();
          if (!seat || !deps.hasServer) return false;
          enter(seat);
          return true;
        },
        async join() {
          if (!deps.hasServer) {
            set({ problem: 'noServer' });
            return false;
          }
          if (get().step === 'joining') return false;
          const { code, nickname, group } = get().draft;
          set({ step: 'joining', problem: null, detail: '' });
          const device = (await deps.device?.().catch(() => null)) ?? undefined;
          const r = await join({ code, nickname: nickname.trim(), group, ...(device ? { device: { id: device.id, kind: device.kind, appVersion: device.appVersion } } : {}) });
          if (!r.ok) {
            set({ step: 'form', problem: joinProblem(r.status, r.error), detail: r.error });
            return false;
          }
          const seat: LiveSeat = { ...r.seat, code: code.toUpperCase(), nickname: nickname.trim(), group };
          seats.save(seat);
          enter(seat);
          return true;
        },
        answer(choice) {
          const s = get().client?.store.getState().state;
          return !!s && s.q >= 0 && send({ kind: 'answer', q: s.q, choice });
        },
        buzz() {
          const s = get().client?.store.getState().state;
          return !!s && s.q >= 0 && send({ kind: 'buzz', q: s.q });
        },
        leave() {
          unwatch?.();
          unwatch = null;
          get().client?.close();
          seats.save(null);
          set({ step: 'form', client: null, seat: null, problem: null, detail: '' });
        },
      },
    };
  });
}
