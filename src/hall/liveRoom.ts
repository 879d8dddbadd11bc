// A device's side of a live competition room (the host's console and each visitor): one WebSocket to
// /api/live, the log the room broadcasts reduced with the banks the room sent (the same reducer the
// kiosk uses), and reconnection with backoff: after a drop (sleep, Wi-Fi) the same first message
// (the visitor's resume token, or the host's session) seats it again and the room sends the whole log.
// The visitor's seat (room, token) is kept in localStorage, so a reload or a restarted browser tab
// also comes back as the same player with the same score.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { CHALLENGES } from '../modes/competition/challenges.ts';
import { apply, initialState, type Action, type CompetitionContext, type CompetitionState } from '../modes/competition/log.ts';
import { LIVE_PATH, serverMessageSchema, type ClientMessage, type JoinResponse, type RosterEntry } from './live.ts';

export interface LiveSeat extends JoinResponse {
  code: string;
  nickname: string;
  group: string;
}

export interface LiveRoomState {
  status: 'connecting' | 'open' | 'reconnecting' | 'refused';
  role: 'host' | 'visitor';
  title: string;
  code: string;
  you: string | null;
  roster: RosterEntry[];
  log: Action[];
  state: CompetitionState;
  ctx: CompetitionContext;
  /** what the room last refused (a setup problem, a closed seat) */
  refused: string | null;
  problems: string[];
  /** server time minus this device's (from the last message), for the question clock */
  clockOffset: number;
}

export interface LiveRoomClient {
  store: StoreApi<LiveRoomState>;
  send(m: ClientMessage): boolean;
  close(): void;
}

const SEAT_KEY = 'hall.live.seat';

export function savedSeat(): LiveSeat | null {
  try {
    const s = JSON.parse(globalThis.localStorage?.getItem(SEAT_KEY) ?? 'null') as LiveSeat | null;
    return s && typeof s.token === 'string' && typeof s.room === 'string' ? s : null;
  } catch {
    return null;
  }
}
export function saveSeat(seat: LiveSeat | null): void {
  try {
    if (seat) globalThis.localStorage?.setItem(SEAT_KEY, JSON.stringify(seat));
    else globalThis.localStorage?.removeItem(SEAT_KEY);
  } catch {
    // no localStorage: the seat lasts as long as the page
  }
}

export function liveUrl(base = ''): string {
  const origin = base || globalThis.location.origin;
  return origin.replace(/^http/, 'ws') + LIVE_PATH;
}

/** Connects and stays connected until close(); `first` is the hello (visitor) or host message. */
export function connectLiveRoom(first: ClientMessage & { kind: 'hello' | 'host' }, opts: { url?: string; WebSocketImpl?: typeof WebSocket } = {}): LiveRoomClient {
  const WS = opts.WebSocketImpl ?? globalThis.WebSocket;
  const ctx: CompetitionContext = { banks: {}, challenges: CHALLENGES };
  const store = createStore<LiveRoomState>()(() => ({
    status: 'connecting',
    role: first.kind === 'host' ? 'host' : 'visitor',
    title: '',
    code: '',
    you: null,
    roster: [],
    log: [],
    state: initialState(),
    ctx,
    refused: null,
    problems: [],
    clockOffset: 0,
  }));
  let ws: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function open() {
    if (closed) return;
    const sock = new WS(opts.url ?? liveUrl());
    ws = sock;
    sock.onopen = () => sock.send(JSON.stringify(first));
    sock.onmessage = (ev) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      const r = serverMessageSchema.safeParse(raw);
      if (!r.success) return;
      const m = r.data;
      if (m.kind === 'welcome') {
        attempt = 0;
        Object.assign(ctx.banks, m.banks);
        const log = m.log as Action[];
        store.setState({
          status: 'open',
          title: m.title,
          code: m.code,
          you: m.you ?? null,
          roster: m.roster as RosterEntry[],
          log,
          state: log.reduce((s, a) => apply(s, a, ctx), initialState()),
          ctx: { ...ctx },
          refused: null,
          clockOffset: m.serverTime - Date.now(),
        });
      } else if (m.kind === 'action') {
        if (m.banks) Object.assign(ctx.banks, m.banks);
        const s = store.getState();
        const a = m.action as Action;
        // an action already held (a welcome raced the broadcast) is not applied twice
        if (s.log.length && a.seq <= s.log[s.log.length - 1]!.seq) return;
        store.setState({ log: [...s.log, a], state: apply(s.state, a, ctx), ctx: m.banks ? { ...ctx } : s.ctx, clockOffset: m.serverTime - Date.now() });
      } else if (m.kind === 'roster') store.setState({ roster: m.roster as RosterEntry[] });
      else if (m.kind === 'refused') store.setState({ refused: m.reason, problems: m.problems ?? [] });
    };
    sock.onclose = (ev) => {
      if (ws !== sock) return;
      ws = null;
      // 4401/4404: this seat or room is not (or no longer) known: trying again would not help
      if (ev.code === 4401 || ev.code === 4404 || ev.code === 4400) {
        store.setState({ status: 'refused' });
        return;
      }
      if (closed) return;
      store.setState({ status: 'reconnecting' });
      const delay = Math.min(5000, 400 * 2 ** attempt++) * (0.75 + Math.random() * 0.5);
      timer = setTimeout(open, delay);
    };
  }
  open();

  return {
    store,
    send(m) {
      if (!ws || ws.readyState !== ws.OPEN) return false;
      ws.send(JSON.stringify(m));
      return true;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      ws?.close(1000);
      ws = null;
    },
  };
}

/** POST /api/live/join: a seat for this nickname and group, or the server's message why not. */
export async function joinRoom(body: { code: string; nickname: string; group: string; device?: { id: string; kind: string; appVersion: string } }, base = ''): Promise<{ ok: true; seat: JoinResponse } | { ok: false; status: number; error: string }> {
  try {
    const r = await fetch(`${base}/api/live/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const j = (await r.json().catch(() => ({}))) as JoinResponse & { error?: string };
    if (!r.ok) return { ok: false, status: r.status, error: j.error ?? `HTTP ${r.status}` };
    return { ok: true, seat: j };
  } catch (e) {
    return { ok: false, status: 0, error: (e as Error).message };
  }
}
