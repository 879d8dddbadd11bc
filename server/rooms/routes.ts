// The live rooms over HTTP and one WebSocket path. Staff (signed in) create a room and get its join
// code; visitors trade the code plus a nickname and group for a seat and a resume token (join
// attempts rate limited per address and overall: the code is the only secret); then every device
// talks to its room over /api/live. Each message is checked with zod (unknown kinds refused), held
// to a size and a rate; the upgrade itself is refused from another origin.
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import { CLOSE, CODE_ALPHABET, CODE_LENGTH, clientMessageSchema, createRoomSchema, joinRequestSchema, LIVE_LIMITS, LIVE_PATH, type ClientMessage, type JoinResponse, type RoomInfo } from '../../src/hall/live.ts';
import { MAX_LIVE_PLAYERS } from '../../src/modes/competition/setup.ts';
import { problemsOf, HttpError, parse } from '../api/validate.ts';
import type { HallContext } from '../context.ts';
import { actionsOf, insertCompetition, liveCompetitions, playersOf } from '../repo/competitions.ts';
import { findSession } from '../repo/sessions.ts';
import { fileBanks, LiveRoom, RoomError, type Conn } from './room.ts';

const SESSION_COOKIE = 'hall_staff';

export function newJoinCode(): string {
  let c = '';
  for (let i = 0; i < CODE_LENGTH; i++) c += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return c;
}

export interface Rooms {
  byId: Map<string, LiveRoom>;
  byCode: Map<string, LiveRoom>;
}

function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  // a browser always sends Origin on a WebSocket upgrade; a program without it is no cross-site page
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** the app's own quiz files, beside the server */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function roomRoutes(ctx: HallContext, root = ROOT) {
  return async (app: FastifyInstance) => {
    const hallId = ctx.identity.hallId;
    const banks = fileBanks(root);
    const rooms: Rooms = { byId: new Map(), byCode: new Map() };
    app.decorate('liveRooms', rooms);

    // unfinished competitions come back as they were (a server killed mid-question resumes it)
    for (const row of await liveCompetitions(ctx.db, hallId)) {
      const room = new LiveRoom(ctx, row, banks);
      room.restore(await playersOf(ctx.db, hallId, row.id), await actionsOf(ctx.db, hallId, row.id));
      rooms.byId.set(row.id, room);
      rooms.byCode.set(row.joinCode, room);
    }
    app.addHook('onClose', async () => {
      for (const r of rooms.byId.values()) {
        await r.settle().catch(() => undefined);
        r.close();
      }
    });

    await app.register(websocket, { options: { maxPayload: LIVE_LIMITS.messageBytes } });

    const isStaff = async (req: FastifyRequest) => {
      const token = req.cookies[SESSION_COOKIE];
      return !!token && (await findSession(ctx.db, hallId, token, ctx.now())) !== null;
    };
    const requireStaff = async (req: FastifyRequest) => {
      if (!(await isStaff(req))) throw new HttpError(401, 'staff sign-in needed');
    };

    app.post('/api/staff/rooms', { onRequest: requireStaff }, async (req): Promise<RoomInfo> => {
      const body = parse(createRoomSchema, req.body, 'room');
      for (let tries = 0; tries < 20; tries++) {
        const row = { id: `r${Date.now().toString(36)}${randomBytes(4).toString('hex')}`, joinCode: newJoinCode(), title: body.title, createdAt: ctx.now() };
        if (!(await insertCompetition(ctx.db, hallId, row))) continue;
        const room = new LiveRoom(ctx, { ...row, finishedAt: null }, banks);
        rooms.byId.set(row.id, room);
        rooms.byCode.set(row.joinCode, room);
        return { id: row.id, code: row.joinCode, title: row.title, createdAt: row.createdAt };
      }
      throw new HttpError(503, 'no free join code: try again');
    });

    app.get('/api/staff/rooms', { onRequest: requireStaff }, async () => ({
      rooms: [...rooms.byId.values()].filter((r) => r.row.finishedAt === null).map((r) => ({ id: r.id, code: r.row.joinCode, title: r.row.title, createdAt: r.row.createdAt, phase: r.state.phase, players: r.players.size })),
    }));

    const perAddress = app.createRateLimit({ max: ctx.limits.joinsPerAddress, timeWindow: 60_000, keyGenerator: (req) => `join:${req.ip}` });
    const overall = app.createRateLimit({ max: ctx.limits.joinsOverall, timeWindow: 60_000, keyGenerator: () => 'join:everyone' });
    const joinLimits = async (req: FastifyRequest, reply: FastifyReply) => {
      for (const check of [perAddress, overall]) {
        const r = await check(req);
        if (!r.isAllowed && r.isExceeded) {
          reply.header('retry-after', r.ttlInSeconds);
          throw new HttpError(429, `too many join attempts: try again in ${r.ttlInSeconds} s`);
        }
      }
    };

    app.post('/api/live/join', { preHandler: joinLimits }, async (req): Promise<JoinResponse> => {
      const body = parse(joinRequestSchema, req.body, 'join');
      const room = rooms.byCode.get(body.code);
      if (!room || room.row.finishedAt !== null) throw new HttpError(404, 'no live competition has this code');
      try {
        const seat = await room.join(body.nickname, body.group, body.device, MAX_LIVE_PLAYERS);
        return { room: room.id, player: seat.player, token: seat.token, title: room.row.title };
      } catch (e) {
        if (e instanceof RoomError) throw new HttpError(e.statusCode, e.message, e.problems);
        throw e;
      }
    });

    const refuse = (conn: Conn, code: number, reason: string) => {
      try {
        conn.ws.send(JSON.stringify({ kind: 'refused', reason }));
      } catch {
        // already gone
      }
      conn.ws.close(code, reason.slice(0, 120));
    };

    app.get(
      LIVE_PATH,
      {
        websocket: true,
        preValidation: async (req) => {
          if (!sameOrigin(req)) throw new HttpError(403, 'a live room is not joined from another origin');
        },
      },
      (ws: WebSocket, req: FastifyRequest) => {
        // the handlers go on at once: a client sends its hello as soon as the socket opens, and a
        // message that arrives while a session lookup is awaited would otherwise be lost
        const conn: Conn = { ws, role: 'none', staff: isStaff(req).catch(() => false) };
        let chain: Promise<void> = Promise.resolve();
        let windowStart = Date.now();
        let count = 0;
        ws.on('close', () => conn.room?.detach(conn));
        ws.on('message', (data, isBinary) => {
          const now = Date.now();
          if (now - windowStart > 10_000) {
            windowStart = now;
            count = 0;
          }
          if (++count > LIVE_LIMITS.messagesPer10s) return refuse(conn, CLOSE.tooMany, 'too many messages');
          if (isBinary) return refuse(conn, CLOSE.badMessage, 'text messages only');
          let raw: unknown;
          try {
            raw = JSON.parse(String(data));
          } catch {
            return refuse(conn, CLOSE.badMessage, 'not JSON');
          }
          const r = clientMessageSchema.safeParse(raw);
          if (!r.success) return refuse(conn, CLOSE.badMessage, `invalid message: ${problemsOf(r.error, 3).join('; ')}`);
          // one message after another per socket (a hello awaiting the session lookup comes first)
          const m = r.data;
          chain = chain.then(() => handle(conn, m)).catch((e: Error) => {
            if (e instanceof RoomError) room(conn)?.send(conn, { kind: 'refused', reason: e.message, problems: e.problems });
            else ctx.log(`[rooms] ${e.stack ?? e.message}`);
          });
        });
      },
    );

    const room = (conn: Conn) => conn.room;

    async function handle(conn: Conn, m: ClientMessage): Promise<void> {
      if (m.kind === 'ping') return void conn.ws.send(JSON.stringify({ kind: 'pong', id: m.id, serverTime: ctx.now() }));
      if (m.kind === 'hello' || m.kind === 'host') {
        if (conn.room) return refuse(conn, CLOSE.badMessage, 'already in a room');
        const r = rooms.byId.get(m.room);
        if (!r) return refuse(conn, CLOSE.unknownRoom, 'no such room');
        if (m.kind === 'host') {
          if (!(await conn.staff)) return refuse(conn, CLOSE.notAllowed, 'staff sign-in needed');
          conn.role = 'host';
        } else {
          const p = r.playerByToken(m.token);
          if (!p) return refuse(conn, CLOSE.notAllowed, 'this seat is not known in this room');
          // the same seat on a new socket: the old one (a dropped headset) is let go
          for (const c of r.conns) if (c.role === 'visitor' && c.player === p.id) c.ws.close(4000, 'rejoined elsewhere');
          conn.role = 'visitor';
          conn.player = p.id;
        }
        return r.attach(conn);
      }
      const r = conn.room;
      if (!r) return refuse(conn, CLOSE.badMessage, 'say hello first');
      if (m.kind === 'buzz' || m.kind === 'answer') {
        if (conn.role !== 'visitor' || !conn.player) return refuse(conn, CLOSE.notAllowed, 'only players answer');
        await r.append((s) => playerInput(r, s, conn.player!, m.kind, m.q, m.kind === 'answer' ? m.choice : undefined));
        return;
      }
      if (conn.role !== 'host') return refuse(conn, CLOSE.notAllowed, 'only the host runs the competition');
      if (m.kind === 'start') return r.start(m.setup);
      if (m.kind === 'command') {
        await r.append(() => ({ type: m.type, ...(m.phase ? { phase: m.phase } : {}) }) as never);
        return;
      }
      if (m.kind === 'local') {
        if (r.players.has(m.player)) return refuse(conn, CLOSE.notAllowed, 'a visitor answers on their own device');
        await r.append((s) => playerInput(r, s, m.player, m.type, m.q, m.choice));
      }
    }
  };
}

/** A buzz or an answer as the log takes it, or null when it no longer fits the state (the question
 * moved on, the player already answered or is locked out): such late input is dropped, not logged. */
function playerInput(r: LiveRoom, s: LiveRoom['state'], player: string, kind: 'buzz' | 'answer', q: number, choice?: string) {
  if (s.paused || s.q !== q || !s.setup?.players.some((p) => p.id === player)) return null;
  const rec = s.questions[q];
  const planned = s.plan[q];
  if (!rec || !planned) return null;
  const atMs = r.atMs(s);
  if (kind === 'buzz') {
    if (s.setup.answering !== 'buzz' || s.phase !== 'question' || rec.lockedOut.includes(player)) return null;
    return { type: 'buzz' as const, player, q, atMs };
  }
  if (choice === undefined || !planned.choices.includes(choice)) return null;
  if (s.setup.answering === 'buzz') {
    if (s.phase !== 'buzzed' || rec.holder !== player) return null;
  } else if (s.phase !== 'question' || rec.answers.some((a) => a.player === player)) return null;
  return { type: 'answer' as const, player, q, choices: [choice], atMs };
}
