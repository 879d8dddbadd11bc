// The device side of the live rooms (src/hall/liveRoom.ts, src/stores/liveCompetition.ts) against a
// real hall server on a random port (PGlite): the host's competition store runs the room through the
// kiosk store's interface, a visitor's client answers, loses its socket and reconnects by itself as the
// same player with the same score.
import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectLiveRoom, joinRoom } from '../../src/hall/liveRoom.ts';
import { parseSetup, type CompetitionSetup } from '../../src/modes/competition/setup.ts';
import { createLiveCompetitionStore } from '../../src/stores/liveCompetition.ts';
import type { Database } from '../db/driver.ts';
import { openDatabase } from '../db/open.ts';
import { cookieClient, testServer } from '../testing.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
}, 240_000);
afterAll(async () => db?.close());

const until = async (test: () => boolean, what: string, ms = 10_000) => {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

it('the host store runs a live room; a visitor client reconnects by itself with its seat and score', async () => {
  const s = await testServer(db);
  try {
    const staff = cookieClient(s.url);
    expect((await staff.req('POST', '/api/staff/setup', { code: s.identity.setupCode, pin: '246810' })).status).toBe(200);
    const room = (await (await staff.req('POST', '/api/staff/rooms', { title: '周五直播赛' })).json()) as { id: string; code: string };
    const url = s.url.replace('http', 'ws') + '/api/live';
    const cookie = [...staff.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    // Node's WebSocket (ws) with the session cookie, as a browser sends it on the upgrade
    const HostWS = class extends WebSocket {
      constructor(u: string) {
        super(u, { headers: { cookie } });
      }
    } as unknown as typeof globalThis.WebSocket;

    const joined = await joinRoom({ code: room.code, nickname: '小明', group: 'child' }, s.url);
    if (!joined.ok) throw new Error(joined.error);
    const bad = await joinRoom({ code: 'ABCDEF', nickname: 'x', group: 'child' }, s.url);
    expect(bad).toMatchObject({ ok: false, status: 404, error: 'no live competition has this code' });

    // the visitor's sockets, so the test can cut one as a dropped Wi-Fi would
    const visitorSockets: WebSocket[] = [];
    const VisitorWS = class extends WebSocket {
      constructor(u: string) {
        super(u);
        visitorSockets.push(this);
      }
    } as unknown as typeof globalThis.WebSocket;
    const visitor = connectLiveRoom({ kind: 'hello', room: joined.seat.room, token: joined.seat.token }, { url, WebSocketImpl: VisitorWS });
    const hostRoom = connectLiveRoom({ kind: 'host', room: room.id }, { url, WebSocketImpl: HostWS });
    const host = createLiveCompetitionStore(hostRoom);
    await until(() => hostRoom.store.getState().roster.some((r) => r.id === joined.seat.player && r.online), 'the visitor online');

    const parsed = parseSetup({
      id: 'ignored',
      title: 'ignored',
      seed: 3,
      players: [{ id: 'red', name: '红队', group: 'adult' }, { id: 'blue', name: '蓝队', group: 'senior' }],
      buzzers: { red: { keys: ['Digit1'] }, blue: { keys: ['Digit2'] } },
      rounds: [{ kind: 'quiz', zone: 'ebike', count: 2, timeLimitSec: 60 }],
      answering: 'all',
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(await host.getState().actions.create(parsed.value as CompetitionSetup)).toEqual({ ok: true });
    expect(host.getState().status).toBe('ready');
    host.getState().actions.dispatch({ type: 'next', phase: 'roundIntro' });
    await until(() => visitor.store.getState().state.phase === 'question', 'question 1 on the visitor');

    // the kiosk teams answer on their keys (each team's first key = the first choice shown), the visitor on its device
    const st = visitor.store.getState().state;
    const planned = st.plan[0]!;
    host.getState().actions.input({ kind: 'key', code: 'Digit1' });
    host.getState().actions.input({ kind: 'key', code: 'Digit2' });
    visitor.send({ kind: 'answer', q: 0, choice: planned.answer[0]! });
    await until(() => host.getState().shown.phase === 'locked', 'the lock');
    expect(host.getState().state.players.find((p) => p.id === joined.seat.player)?.points).toBe(10);

    // the visitor's socket dies (Wi-Fi): the client comes back by itself, same seat, same score
    const before = visitor.store.getState().log.length;
    visitorSockets.at(-1)!.terminate();
    await until(() => visitor.store.getState().status === 'reconnecting' || visitor.store.getState().status === 'open', 'the drop noticed');
    // a second socket, welcomed (the status goes reconnecting → open again)
    await until(() => visitorSockets.length === 2 && visitor.store.getState().status === 'open', 'the visitor back', 30_000);
    host.getState().actions.dispatch({ type: 'reveal', phase: 'locked' });
    await until(() => visitor.store.getState().log.length > before, 'the reveal on the visitor');
    expect(visitor.store.getState().you).toBe(joined.seat.player);
    expect(visitor.store.getState().state.players.find((p) => p.id === joined.seat.player)).toMatchObject({ name: '小明', group: 'child', points: 10 });
    expect(visitor.store.getState().log).toEqual(hostRoom.store.getState().log);
    visitor.close();
    hostRoom.close();
  } finally {
    await s.close();
  }
}, 240_000);
