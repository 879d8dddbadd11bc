// One live competition room: who joined, the action log and its state, the sockets watching it.
// Every action goes through one queue: checked against the state as it stands when its turn comes
// (a buzz a millisecond after another loses to it), given the next log position and the server's
// time, written to the database, and only then reduced and broadcast. A crash after the write and
// before the broadcast loses nothing: the restarted room replays the rows.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebSocket } from 'ws';
import { quizFileSchema, type Question } from '../../src/content/schema.ts';
import type { DeviceKind } from '../../src/hall/protocol.ts';
import type { RosterEntry, ServerMessage } from '../../src/hall/live.ts';
import { CHALLENGES } from '../../src/modes/competition/challenges.ts';
import { apply, initialState, nextAction, remainingMs, toAttempts, type Action, type ActionInput, type CompetitionContext, type CompetitionState } from '../../src/modes/competition/log.ts';
import { parseSetup } from '../../src/modes/competition/setup.ts';
import { zonesOf } from '../../src/stores/competition.ts';
import type { HallContext } from '../context.ts';
import { storeUploads } from '../repo/attempts.ts';
import { finishCompetition, insertAction, insertPlayer, type CompetitionRow, type PlayerRow } from '../repo/competitions.ts';

export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface Conn {
  ws: WebSocket;
  role: 'host' | 'visitor' | 'none';
  /** the visitor's player id */
  player?: string;
  /** whether a staff session was shown at the upgrade (looked up once, while the socket opens) */
  staff: Promise<boolean>;
  room?: LiveRoom;
}

const OPEN = new Set(['question', 'buzzed']);

/** Question banks from the app's own quiz files (the same files the devices load). */
export function fileBanks(root: string): (zone: string) => Question[] {
  const cache = new Map<string, Question[]>();
  return (zone) => {
    if (!cache.has(zone)) cache.set(zone, quizFileSchema.parse(JSON.parse(readFileSync(join(root, 'quizzes', `${zone}.json`), 'utf8'))).questions);
    return cache.get(zone)!;
  };
}

export class RoomError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

export class LiveRoom {
  readonly players = new Map<string, PlayerRow>();
  log: Action[] = [];
  state: CompetitionState = initialState();
  ctx: CompetitionContext = { banks: {}, challenges: CHALLENGES };
  readonly conns = new Set<Conn>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private nextPlayer = 1;
  /** results stored (they are stored once, when the podium is first reached) */
  resultsStored: Promise<void> | null = null;
  /** set when a write failed: the room refuses further actions rather than diverge from the database */
  broken: string | null = null;

  constructor(
    readonly hall: HallContext,
    readonly row: CompetitionRow,
    private readonly banksOf: (zone: string) => Question[],
  ) {}

  get id() {
    return this.row.id;
  }

  /** Rebuilds a room from the database: players, then the log reduced in order. */
  restore(players: PlayerRow[], actions: Action[]): void {
    for (const p of players) this.players.set(p.id, p);
    this.nextPlayer = players.length + 1;
    const setup = actions.find((a) => a.type === 'setup');
    if (setup) {
      const parsed = parseSetup(setup.setup);
      if (parsed.ok) this.loadBanks(zonesOf(parsed.value));
    }
    for (const a of actions) {
      this.log.push(a);
      this.state = apply(this.state, a, this.ctx);
    }
    // the clock stops where the last server left it: the players do not lose the time it was down
    if (OPEN.has(this.state.phase) && !this.state.paused) void this.append(() => ({ type: 'pause' }), this.state.lastAt ?? this.hall.now());
    this.armTimer();
  }

  private loadBanks(zones: readonly string[]): void {
    for (const z of zones) this.ctx.banks[z as keyof CompetitionContext['banks']] = this.banksOf(z);
  }

  roster(): RosterEntry[] {
    const online = new Set([...this.conns].filter((c) => c.role === 'visitor').map((c) => c.player));
    const local = (this.state.setup?.players ?? []).filter((p) => !this.players.has(p.id)).map((p): RosterEntry => ({ id: p.id, name: p.name, group: p.group, kind: 'local', online: true }));
    const visitors = [...this.players.values()].map((p): RosterEntry => ({ id: p.id, name: p.name, group: p.group, kind: p.deviceKind as DeviceKind, online: online.has(p.id) }));
    return [...local, ...visitors];
  }

  /** A visitor takes a seat (before the start only); the token seats it again after a drop. */
  async join(nickname: string, group: string, device: { id: string; kind: DeviceKind } | undefined, maxPlayers: number): Promise<{ player: string; token: string }> {
    if (this.row.finishedAt !== null || this.state.phase === 'podium') throw new RoomError(410, 'this competition has ended');
    if (this.state.startedAt !== null) throw new RoomError(409, 'this competition has already started');
    if (this.players.size >= maxPlayers) throw new RoomError(409, `the room is full (${maxPlayers} players)`);
    const key = nickname.trim().toLowerCase();
    if ([...this.players.values()].some((p) => p.name.trim().toLowerCase() === key)) throw new RoomError(409, 'this nickname is taken in this room: choose another');
    const token = randomBytes(24).toString('base64url');
    const p: PlayerRow = { id: `v${this.nextPlayer++}`, name: nickname.trim(), group, deviceId: device?.id ?? null, deviceKind: device?.kind ?? 'phone', tokenHash: tokenDigest(token), joinedAt: this.hall.now() };
    this.players.set(p.id, p);
    try {
      await insertPlayer(this.hall.db, this.hall.identity.hallId, this.id, p);
    } catch (e) {
      this.players.delete(p.id);
      throw e;
    }
    this.broadcast({ kind: 'roster', roster: this.roster() });
    return { player: p.id, token };
  }

  playerByToken(token: string): PlayerRow | undefined {
    const h = tokenDigest(token);
    return [...this.players.values()].find((p) => p.tokenHash === h);
  }

  welcome(conn: Conn): ServerMessage {
    return { kind: 'welcome', role: conn.role === 'host' ? 'host' : 'visitor', room: this.id, code: this.row.joinCode, title: this.row.title, you: conn.player, roster: this.roster(), log: this.log, banks: this.ctx.banks as Record<string, Question[]>, serverTime: this.hall.now() };
  }

  attach(conn: Conn): void {
    conn.room = this;
    this.conns.add(conn);
    this.send(conn, this.welcome(conn));
    if (conn.role === 'visitor') this.broadcast({ kind: 'roster', roster: this.roster() });
  }

  detach(conn: Conn): void {
    if (!this.conns.delete(conn)) return;
    if (conn.role === 'visitor') this.broadcast({ kind: 'roster', roster: this.roster() });
  }

  /** The host starts: its local teams (kiosk buzzers) and every joined visitor play. */
  start(hostSetup: Record<string, unknown>): Promise<void> {
    return this.enqueue(async () => {
      if (this.state.startedAt !== null) throw new RoomError(409, 'already started');
      const local = Array.isArray(hostSetup.players) ? (hostSetup.players as unknown[]) : [];
      const visitors = [...this.players.values()].map((p) => ({ id: p.id, name: p.name, group: p.group }));
      const parsed = parseSetup({ ...hostSetup, id: this.id, title: this.row.title, live: true, players: [...local, ...visitors] });
      if (!parsed.ok) throw new RoomError(400, 'the setup is not valid', parsed.errors);
      this.loadBanks(zonesOf(parsed.value));
      const at = this.hall.now();
      await this.commit(nextAction(this.log, { type: 'setup', setup: parsed.value }, at), true);
      await this.commit(nextAction(this.log, { type: 'start' }, at));
      if (this.state.phase === 'setup') throw new RoomError(400, 'the competition cannot start', this.state.warnings.map((w) => w.reason));
    });
  }

  /**
   * Appends what `make` returns for the state at the action's turn (null: nothing to append, e.g. a
   * buzz that came after the question closed). Resolves with the appended action, or null.
   */
  append(make: (s: CompetitionState) => ActionInput | null, at?: number): Promise<Action | null> {
    return this.enqueue(async () => {
      const input = make(this.state);
      if (!input) return null;
      const a = nextAction(this.log, input, at ?? this.hall.now());
      await this.commit(a);
      return a;
    });
  }

  /** ms into the current question, by the server's clock (the same clock for every device) */
  atMs(s: CompetitionState): number {
    const planned = s.plan[s.q];
    const left = remainingMs(s, this.hall.now());
    return planned && left !== null ? planned.timeLimitSec * 1000 - left : 0;
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.broken) throw new RoomError(503, `the room stopped: ${this.broken}`);
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commit(a: Action, withBanks = false): Promise<void> {
    try {
      await insertAction(this.hall.db, this.hall.identity.hallId, this.id, a);
    } catch (e) {
      this.broken = (e as Error).message;
      this.hall.log(`[rooms] ${this.id}: an action could not be stored, the room stops: ${this.broken}`);
      throw e;
    }
    const before = this.state;
    this.log.push(a);
    this.state = apply(before, a, this.ctx);
    this.broadcast({ kind: 'action', action: a, serverTime: this.hall.now(), ...(withBanks ? { banks: this.ctx.banks as Record<string, Question[]> } : {}) });
    if (this.state.phase === 'podium' && before.phase !== 'podium') this.resultsStored = this.storeResults();
    this.armTimer();
  }

  /** The podium's results become attempts through the upload path, each counted for the device it was
   * played on (local teams for the host's kiosk), so hall statistics include them. */
  private async storeResults(): Promise<void> {
    const s = this.state;
    const hallId = this.hall.identity.hallId;
    const now = this.hall.now();
    try {
      if (s.questions.some((q) => q.status === 'done')) {
        const visitorIds = Object.fromEntries((s.setup?.players ?? []).map((p) => [p.id, `live-${this.id}-${p.id}`]));
        const byDevice = new Map<string, { kind: DeviceKind; items: Parameters<typeof storeUploads>[3][number][] }>();
        for (const p of s.setup?.players ?? []) {
          const seat = this.players.get(p.id);
          const kind = (seat?.deviceKind ?? 'kiosk') as DeviceKind;
          const deviceId = seat?.deviceId ?? `live-room-${this.id}`.slice(0, 64);
          // an attempt says vr, desktop or kiosk; a phone's is a flat screen (its device row says phone)
          const [attempt] = toAttempts({ ...s, setup: { ...s.setup!, players: [p] } }, { appVersion: this.hall.version, device: kind === 'phone' ? 'desktop' : kind, visitorIds });
          if (!attempt) continue;
          const entry = byDevice.get(deviceId) ?? { kind, items: [] };
          entry.items.push({ attempt: { ...attempt, id: `live-${this.id}-${p.id}` }, visitor: { id: visitorIds[p.id]!, nickname: p.name, group: p.group } });
          byDevice.set(deviceId, entry);
        }
        for (const [id, { kind, items }] of byDevice) await storeUploads(this.hall.db, hallId, { id, kind, appVersion: this.hall.version }, items, [], now);
      }
      await finishCompetition(this.hall.db, hallId, this.id, now);
      this.row.finishedAt = now;
    } catch (e) {
      this.hall.log(`[rooms] ${this.id}: results not stored: ${(e as Error).message}`);
    }
  }

  /** Expires the question's clock on the server (one clock for all devices). */
  private armTimer(): void {
    const open = OPEN.has(this.state.phase) && !this.state.paused;
    if (open && !this.timer) {
      this.timer = setInterval(() => {
        const left = remainingMs(this.state, this.hall.now());
        if (left === 0) void this.append((s) => (OPEN.has(s.phase) && !s.paused && remainingMs(s, this.hall.now()) === 0 ? { type: 'timerExpired', q: s.q } : null)).catch(() => undefined);
      }, 200);
      this.timer.unref();
    } else if (!open && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  send(conn: Conn, msg: ServerMessage): void {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(msg));
  }

  broadcast(msg: ServerMessage): void {
    const text = JSON.stringify(msg);
    for (const c of this.conns) if (c.ws.readyState === c.ws.OPEN) c.ws.send(text);
  }

  /** Waits for every queued action (tests, shutdown). */
  async settle(): Promise<void> {
    await this.queue;
    await this.resultsStored;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const c of this.conns) c.ws.close(1001, 'server closing');
    this.conns.clear();
  }
}
