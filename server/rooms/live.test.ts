// Live competition rooms end to end over HTTP and real WebSockets on a random port, once on PGlite and
// once on a real PostgreSQL: join, answer, one order for everyone, a dropped visitor rejoins with its
// score, a server killed mid-question resumes it, bad messages and guessed codes are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/driver.ts';
import { cookieClient, engineDatabase, ENGINES, tempDir, testServer } from '../testing.ts';
import { connectLive, type LiveClient } from './liveClient.ts';

const PIN = '246810';
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const setup = {
  seed: 7,
  entrants: 'players',
  players: [{ id: 'kiosk-red', name: '红队', group: 'adult' }],
  buzzers: { 'kiosk-red': { keys: ['Digit1'] } },
  rounds: [{ kind: 'quiz', zone: 'crossing', count: 3, timeLimitSec: 60 }],
  answering: 'all',
  scoring: { correct: 10, wrongBuzz: 0 },
};

const pointsOf = (c: LiveClient, player: string) => c.state.players.find((p) => p.id === player)?.points;

describe.each(ENGINES)('live rooms on %s', (engine) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await engineDatabase(engine));
  }, 90_000);
  afterAll(async () => {
    await close?.();
  });

  it('staff endpoints and hosting answer 401 / refuse without a session; bad messages, other origins and guessed codes are refused', async () => {
    const s = await testServer(db);
    try {
      expect((await fetch(`${s.url}/api/staff/rooms`, json({ title: '周末赛' }))).status).toBe(401);
      expect((await fetch(`${s.url}/api/staff/rooms`)).status).toBe(401);

      const staff = cookieClient(s.url);
      expect((await staff.req('POST', '/api/staff/setup', { code: s.identity.setupCode, pin: PIN })).status).toBe(200);
      const room = (await (await staff.req('POST', '/api/staff/rooms', { title: '周末赛' })).json()) as { id: string; code: string };
      expect(room.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

      // hosting without the cookie: refused, and the socket closed
      const anon = await connectLive(s.url, { kind: 'host', room: room.id });
      expect((await anon.closed).code).toBe(4401);
      expect(anon.refused).toEqual(['staff sign-in needed']);

      // an unknown kind, an extra field, a non-JSON frame, an oversized frame: each closes its socket
      const v = (await (await fetch(`${s.url}/api/live/join`, json({ code: room.code.toLowerCase(), nickname: '小明', group: 'child' }))).json()) as { room: string; token: string };
      for (const bad of [{ kind: 'cheat', points: 100 }, { kind: 'buzz', q: 0, player: 'v2' }]) {
        const c = await connectLive(s.url, { kind: 'hello', room: v.room, token: v.token });
        await c.until((x) => x.messages.some((m) => m.kind === 'welcome'));
        c.send(bad);
        expect((await c.closed).code).toBe(4400);
        expect(c.refused[0]).toMatch(/^invalid message/);
      }
      const raw = await connectLive(s.url, { kind: 'hello', room: v.room, token: v.token });
      raw.sendRaw('{not json');
      expect((await raw.closed).code).toBe(4400);
      const big = await connectLive(s.url, { kind: 'hello', room: v.room, token: v.token });
      big.sendRaw(JSON.stringify({ kind: 'ping', id: 1, pad: 'x'.repeat(20_000) }));
      expect((await big.closed).code).toBe(1009);
      // a token of another seat is not a seat
      const wrong = await connectLive(s.url, { kind: 'hello', room: v.room, token: 'A'.repeat(32) });
      expect((await wrong.closed).code).toBe(4401);
      // the upgrade from a page of another origin is refused before it is a WebSocket
      await expect(connectLive(s.url, { kind: 'hello', room: v.room, token: v.token }, { origin: 'https://evil.example' })).rejects.toThrow(/upgrade refused: 403/);

      // guessing codes: 20 tries a minute per address, then 429 (the earlier join counted too)
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await fetch(`${s.url}/api/live/join`, json({ code: 'ZZZZZZ', nickname: `g${i}`, group: 'child' }))).status);
      expect(statuses.slice(0, 19).every((x) => x === 404)).toBe(true);
      expect(statuses.slice(19)).toEqual([429, 429]);
    } finally {
      await s.close();
    }
  }, 60_000);

  it('two visitors and a kiosk team play one log; a dropped visitor rejoins with its score; a restart mid-question resumes it; the results reach hall statistics', async () => {
    const dataDir = tempDir();
    let s = await testServer(db, { dataDir });
    const staff = cookieClient(s.url);
    expect((await staff.req('POST', '/api/staff/setup', { code: s.identity.setupCode, pin: PIN })).status).toBe(200);
    const room = (await (await staff.req('POST', '/api/staff/rooms', { title: '周五直播赛' })).json()) as { id: string; code: string };
    const join = async (nickname: string, group: string, kind: 'vr' | 'phone') =>
      (await (await fetch(`${s.url}/api/live/join`, json({ code: room.code, nickname, group, device: { id: `dev-${kind}-0001`, kind, appVersion: '0.1.0' } }))).json()) as { room: string; player: string; token: string };
    const ming = await join('小明', 'child', 'vr');
    const hong = await join('小红', 'teen', 'phone');
    expect((await fetch(`${s.url}/api/live/join`, json({ code: room.code, nickname: '小明', group: 'teen' }))).status).toBe(409);

    const cookie = { cookie: [...staff.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    let host = await connectLive(s.url, { kind: 'host', room: room.id }, cookie);
    let a = await connectLive(s.url, { kind: 'hello', room: room.id, token: ming.token });
    let b = await connectLive(s.url, { kind: 'hello', room: room.id, token: hong.token });
    await host.until((c) => c.roster.filter((r) => r.online).length === 2, 5000, 'both visitors online');

    host.send({ kind: 'start', setup });
    for (const c of [host, a, b]) await c.until((x) => x.state.phase === 'roundIntro', 5000, 'the round intro');
    expect(host.state.players.map((p) => [p.id, p.name, p.group])).toEqual([['kiosk-red', '红队', 'adult'], [ming.player, '小明', 'child'], [hong.player, '小红', 'teen']]);
    host.send({ kind: 'command', type: 'next', phase: 'roundIntro' });
    await a.until((x) => x.state.phase === 'question');

    // question 1: 小明 right, 小红 wrong, the kiosk team right on its buzzer
    const q0 = a.state.plan[0]!;
    const wrong0 = q0.choices.find((c) => !q0.answer.includes(c))!;
    a.send({ kind: 'answer', q: 0, choice: q0.answer[0]! });
    b.send({ kind: 'answer', q: 0, choice: wrong0 });
    host.send({ kind: 'local', type: 'answer', player: 'kiosk-red', q: 0, choice: q0.answer[0]! });
    // a late second answer and an answer for another question are dropped, not logged
    a.send({ kind: 'answer', q: 0, choice: wrong0 });
    a.send({ kind: 'answer', q: 2, choice: wrong0 });
    await host.until((x) => x.state.phase === 'locked', 5000, 'the lock when all answered');
    for (const c of [host, a, b]) await c.until((x) => x.log.length === host.log.length);
    // one order for everyone: the same log, positions 1…n, and the same rows in the database
    expect(a.log).toEqual(host.log);
    expect(b.log).toEqual(host.log);
    expect(host.log.map((x) => x.seq)).toEqual(host.log.map((_, i) => i + 1));
    const rows = await db.query<{ seq: number }>('select seq from competition_actions where competition_id = $1 order by seq', [room.id]);
    expect(rows.map((r) => r.seq)).toEqual(host.log.map((x) => x.seq));
    expect(host.log.filter((x) => x.type === 'answer').map((x) => (x as { player: string }).player)).toEqual([ming.player, hong.player, 'kiosk-red']);
    expect(pointsOf(host, ming.player)).toBe(10);
    expect(pointsOf(host, hong.player)).toBe(0);

    // 小红's phone drops; the game goes on; it comes back with the token and has its seat and score
    b.close();
    await host.until((c) => c.roster.find((r) => r.id === hong.player)?.online === false, 5000, '小红 offline');
    host.send({ kind: 'command', type: 'reveal', phase: 'locked' });
    host.send({ kind: 'command', type: 'next', phase: 'revealed' });
    host.send({ kind: 'command', type: 'next', phase: 'scoreboard' });
    await host.until((x) => x.state.phase === 'question' && x.state.q === 1, 5000, 'question 2');
    b = await connectLive(s.url, { kind: 'hello', room: room.id, token: hong.token });
    await b.until((x) => x.state.q === 1 && x.state.phase === 'question', 5000, 'the rejoin');
    expect(b.messages.find((m) => m.kind === 'welcome')).toMatchObject({ you: hong.player });
    expect(b.state.players.find((p) => p.id === hong.player)).toMatchObject({ name: '小红', group: 'teen', points: 0 });
    expect(pointsOf(b, ming.player)).toBe(10);
    await host.until((c) => c.roster.find((r) => r.id === hong.player)?.online === true, 5000, '小红 back');

    // question 2: 小红 answers right; then the server dies before anyone else answers
    const q1 = b.state.plan[1]!;
    b.send({ kind: 'answer', q: 1, choice: q1.answer[0]! });
    await host.until((x) => x.state.questions[1]!.answers.length === 1, 5000, '小红 answered');
    const before = host.log.length;
    await s.close();
    s = await testServer(db, { dataDir });

    // the restarted room: the same question, the same answers, paused until the host resumes
    host = await connectLive(s.url, { kind: 'host', room: room.id }, cookie);
    a = await connectLive(s.url, { kind: 'hello', room: room.id, token: ming.token });
    b = await connectLive(s.url, { kind: 'hello', room: room.id, token: hong.token });
    await host.until((x) => x.log.length === before + 1 && x.state.paused, 5000, 'the restored room, paused');
    expect(host.log.at(-1)!.type).toBe('pause');
    expect(host.state.q).toBe(1);
    expect(host.state.phase).toBe('question');
    expect(host.state.questions[1]!.answers.map((x) => x.player)).toEqual([hong.player]);
    host.send({ kind: 'command', type: 'resume' });
    await a.until((x) => !x.state.paused);
    const wrong1 = q1.choices.find((c) => !q1.answer.includes(c))!;
    a.send({ kind: 'answer', q: 1, choice: wrong1 });
    host.send({ kind: 'local', type: 'answer', player: 'kiosk-red', q: 1, choice: q1.answer[0]! });
    await host.until((x) => x.state.phase === 'locked', 5000, 'question 2 locked');
    expect(pointsOf(host, hong.player)).toBe(10);
    expect(pointsOf(host, ming.player)).toBe(10);

    // the host ends it: the podium's results are attempts of the devices they were played on
    host.send({ kind: 'command', type: 'endEarly' });
    await b.until((x) => x.state.phase === 'podium', 5000, 'the podium');
    await expect.poll(async () => (await db.query('select id from attempts where id like $1', [`live-${room.id}-%`])).length, { timeout: 5000 }).toBe(3);
    const att = await db.query<{ device_id: string; group_id: string; played_on: string; score: number }>('select device_id, group_id, played_on, score from attempts where id like $1 order by group_id', [`live-${room.id}-%`]);
    expect(att).toEqual([
      { device_id: `live-room-${room.id}`, group_id: 'adult', played_on: 'kiosk', score: 100 },
      { device_id: 'dev-vr-0001', group_id: 'child', played_on: 'vr', score: 50 },
      { device_id: 'dev-phone-0001', group_id: 'teen', played_on: 'desktop', score: 50 },
    ]);
    const staff2 = cookieClient(s.url);
    expect((await staff2.req('POST', '/api/staff/login', { pin: PIN })).status).toBe(200);
    const stats = (await (await staff2.req('GET', '/api/staff/stats?period=all&mode=competition')).json()) as { stats: { byGroup?: unknown } };
    const text = JSON.stringify(stats);
    expect(text).toContain('"child"');
    expect(text).toContain('"teen"');
    const done = await db.query<{ finished_at: number | null }>('select finished_at from competitions where id = $1', [room.id]);
    expect(done[0]!.finished_at).not.toBeNull();
    // a finished room takes no more joins
    expect((await fetch(`${s.url}/api/live/join`, json({ code: room.code, nickname: '迟到', group: 'child' }))).status).toBe(404);
    for (const c of [host, a, b]) c.close();
    await s.close();
  }, 90_000);
});
