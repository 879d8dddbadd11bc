// A live room client for Node (the integration tests and the load test): a real WebSocket (ws) that
// keeps the log the room broadcasts and reduces it with the banks the room sent, like the app does.
import WebSocket from 'ws';
import { CHALLENGES } from '../../src/modes/competition/challenges.ts';
import { apply, initialState, type Action, type CompetitionContext, type CompetitionState } from '../../src/modes/competition/log.ts';
import { LIVE_PATH, type ClientMessage, type RosterEntry, type ServerMessage } from '../../src/hall/live.ts';

export interface LiveClient {
  ws: WebSocket;
  log: Action[];
  state: CompetitionState;
  roster: RosterEntry[];
  messages: ServerMessage[];
  refused: string[];
  closed: Promise<{ code: number; reason: string }>;
  send(m: ClientMessage | Record<string, unknown>): void;
  sendRaw(text: string): void;
  /** resolves when `test` holds (checked after every message), rejects after `ms` */
  until(test: (c: LiveClient) => boolean, ms?: number, what?: string): Promise<void>;
  /** called with each broadcast action and the local time it arrived */
  onAction?: (a: Action, t: number) => void;
  close(): void;
}

/** `reduce: false`: keep the log only (the load test's visitors; the host reduces) */
export function connectLive(baseUrl: string, first: ClientMessage, headers: Record<string, string> = {}, opts: { reduce?: boolean } = {}): Promise<LiveClient> {
  const reduce = opts.reduce ?? true;
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + LIVE_PATH, { headers });
  const ctx: CompetitionContext = { banks: {}, challenges: CHALLENGES };
  const waiters = new Set<() => void>();
  let resolveClosed!: (v: { code: number; reason: string }) => void;
  const c: LiveClient = {
    ws,
    log: [],
    state: initialState(),
    roster: [],
    messages: [],
    refused: [],
    closed: new Promise((r) => (resolveClosed = r)),
    send: (m) => ws.send(JSON.stringify(m)),
    sendRaw: (t) => ws.send(t),
    until(test, ms = 10_000, what = 'condition') {
      if (test(c)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const check = () => {
          if (test(c)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve();
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; last messages: ${JSON.stringify(c.messages.slice(-3)).slice(0, 600)}`));
        }, ms);
        waiters.add(check);
      });
    },
    close: () => ws.close(),
  };
  ws.on('message', (data) => {
    const t = performance.now();
    const m = JSON.parse(String(data)) as ServerMessage;
    c.messages.push(m);
    if (m.kind === 'welcome') {
      Object.assign(ctx.banks, m.banks);
      c.log = [...m.log];
      if (reduce) c.state = c.log.reduce((s, a) => apply(s, a, ctx), initialState());
      c.roster = m.roster;
    } else if (m.kind === 'action') {
      if (m.banks) Object.assign(ctx.banks, m.banks);
      c.log.push(m.action);
      if (reduce) c.state = apply(c.state, m.action, ctx);
      c.onAction?.(m.action, t);
    } else if (m.kind === 'roster') c.roster = m.roster;
    else if (m.kind === 'refused') c.refused.push(m.reason);
    for (const w of [...waiters]) w();
  });
  ws.on('close', (code, reason) => {
    resolveClosed({ code, reason: String(reason) });
    for (const w of [...waiters]) w();
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      c.send(first);
      resolve(c);
    });
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
}
