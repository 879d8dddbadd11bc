// The hall server end to end over HTTP on a random port, once on PGlite (the embedded default) and
// once on a real PostgreSQL (a throwaway database): the same file, the same SQL, the same assertions.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallApi } from '../src/hall/api.ts';
import { connectHall } from '../src/hall/connect.ts';
import { dexieOutbox } from '../src/hall/dexieOutbox.ts';
import { uploadingStorage } from '../src/hall/withUpload.ts';
import { openHallDb } from '../src/storage/db.ts';
import { createHallStorage } from '../src/storage/storage.ts';
import type { Attempt } from '../src/storage/types.ts';
import type { Database } from './db/driver.ts';
import { migrate } from './db/migrations.ts';
import { cookieClient, engineDatabase, ENGINES, manualClock, sampleAttempt, testServer } from './testing.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 18, 6, 0, 0); // a Wednesday, 14:00 in the hall (UTC+8)
const device = (id: string, kind: 'vr' | 'desktop' | 'kiosk' | 'phone') => ({ id, kind, appVersion: '0.1.0' });
const visitor = (id: string, nickname: string, group: string) => ({ id, nickname, group });

describe.each(ENGINES)('hall server on %s', (engine) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await engineDatabase(engine));
  }, 90_000);
  afterAll(async () => {
    await close?.();
  });

  it('migrations run once: a second start applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it('stores each uploaded attempt once: a repeat is a duplicate, changed content a conflict, a bad item is refused alone', async () => {
    const s = await testServer(db, { now: () => NOW });
    try {
      const api = hallApi(s.url);
      const info = await api.info();
      expect(info).toMatchObject({ hallId: s.identity.hallId, pinSet: false });
      await api.register(device('dev-aaaaaaaa', 'vr'));

      const a1 = sampleAttempt({ visitorId: 'v1', group: 'child', device: 'vr' });
      const a2 = sampleAttempt({ visitorId: 'v2', group: 'senior', zone: 'ebike', mode: 'game', events: [{ kind: 'helmet_on', t: 1 }] });
      const first = await api.upload({ device: device('dev-aaaaaaaa', 'vr'), items: [{ attempt: a1, visitor: visitor('v1', '勇敢的斑马', 'child') }, { attempt: a2, visitor: visitor('v2', '王奶奶', 'senior') }] });
      expect(first).toEqual({ stored: [a1.id, a2.id], duplicates: [], conflicts: [], rejected: [] });

      const bad = { ...sampleAttempt({ visitorId: 'v3', group: 'teen' }), score: 140 };
      const withPhone = { attempt: sampleAttempt({ visitorId: 'v4', group: 'teen' }), visitor: { ...visitor('v4', 'x', 'teen'), phone: '13800000000' } };
      const again = await api.upload({
        device: device('dev-aaaaaaaa', 'vr'),
        items: [{ attempt: a1, visitor: visitor('v1', '勇敢的斑马', 'child') }, { attempt: { ...a2, score: 10 } }, { attempt: bad }, withPhone],
      });
      expect(again.stored).toEqual([]);
      expect(again.duplicates).toEqual([a1.id]);
      expect(again.conflicts).toEqual([a2.id]);
      expect(again.rejected.map((r) => r.id)).toEqual([bad.id, withPhone.attempt.id]);
      expect(again.rejected[0]!.problem).toMatch(/score: must be between 0 and 100/);
      // no personal data beyond nickname and group: an unknown visitor field refuses the item
      expect(again.rejected[1]!.problem).toMatch(/phone/);

      const rows = await db.query<{ id: string; score: number; played_on: string }>('select id, score, played_on from attempts where hall_id = $1 order by id', [s.identity.hallId]);
      expect(rows).toHaveLength(2);
      // the conflicting copy did not replace the first
      expect(rows.find((r) => r.id === a2.id)!.score).toBe(80);
      const cols = await db.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'visitors' order by ordinal_position");
      expect(cols.map((c) => c.column_name)).toEqual(['hall_id', 'id', 'nickname', 'group_id', 'first_seen', 'updated_at']);
    } finally {
      await s.close();
    }
  });

  it('refuses malformed requests with the field named, and oversized ones', async () => {
    const s = await testServer(db);
    try {
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${s.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      let res = await post('/api/devices', { id: 'dev-bbbbbbbb', kind: 'toaster', appVersion: '1' });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { problems: string[] }).problems.join()).toMatch(/^kind: /);
      res = await post('/api/attempts', { device: device('dev-bbbbbbbb', 'desktop'), items: Array.from({ length: 51 }, () => ({})) });
      expect(res.status).toBe(400);
      res = await post('/api/attempts', { device: device('dev-bbbbbbbb', 'desktop'), items: [{ attempt: { junk: 'x'.repeat(1_100_000) } }] });
      expect(res.status).toBe(413);
      res = await post('/api/devices', '{"id": ');
      expect(res.status).toBe(400);
      res = await fetch(`${s.url}/api/devices`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
      expect(res.status).toBe(415);
      res = await fetch(`${s.url}/api/nothing-here`);
      expect(res.status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('keeps every staff endpoint closed without a session, even with a made-up cookie', async () => {
    const s = await testServer(db);
    try {
      const closed: [string, string, unknown?][] = [
        ['GET', '/api/staff/stats'],
        ['GET', '/api/staff/stats?period=all&kind=vr'],
        ['GET', '/api/staff/export.csv'],
        ['GET', '/api/staff/export.json'],
        ['GET', '/api/staff/devices'],
        ['PUT', '/api/staff/settings/kiosk', { attract: true, idleSeconds: 60, blockContextMenu: true }],
        ['PUT', '/api/staff/questions', { questions: [] }],
        ['DELETE', '/api/staff/attempts'],
      ];
      for (const cookie of [undefined, 'hall_staff=forged-token-that-was-never-issued']) {
        for (const [method, path, body] of closed) {
          const res = await fetch(`${s.url}${path}`, {
            method,
            headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 401`);
        }
      }
      const status = await fetch(`${s.url}/api/staff/session`);
      expect(await status.json()).toEqual({ signedIn: false, expiresAt: null });
    } finally {
      await s.close();
    }
  });

  it('checks the setup code of a device for a kiosk without a staff PIN (the contract of src/staff/setupCode.ts), without spending it', async () => {
    const s = await testServer(db);
    try {
      const code = s.identity.setupCode;
      expect(await fetch(`${s.url}/api/staff/setup-code`).then((r) => r.json())).toEqual({ setupCode: 'server' });
      const check = (c: unknown) => fetch(`${s.url}/api/staff/setup-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: c }) });
      const wrong = await check('AAAA-AAAA');
      expect(wrong.status).toBe(403);
      expect(await wrong.json()).toEqual({ ok: false });
      // typed the way the device sends it: upper case, no dash
      const right = await check(code.replace('-', ''));
      expect(right.status).toBe(200);
      expect(await right.json()).toEqual({ ok: true });
      expect((await check(42)).status).toBe(400);
      // a second kiosk can use the same code
      expect(s.identity.setupCode).toBe(code);
    } finally {
      await s.close();
    }
  });

  it('sets the hall PIN with the setup code (then spent), signs in with the PIN, signs out', async () => {
    const s = await testServer(db);
    try {
      const staff = cookieClient(s.url);
      const code = s.identity.setupCode;
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect((await staff.req('POST', '/api/staff/login', { pin: '135790' })).status).toBe(409);
      expect((await staff.req('POST', '/api/staff/setup', { code: 'AAAA-AAAA', pin: '135790' })).status).toBe(403);
      // a 4-digit PIN is too weak for the hall
      expect((await staff.req('POST', '/api/staff/setup', { code, pin: '1357' })).status).toBe(400);

      const set = await staff.req('POST', '/api/staff/setup', { code: code.toLowerCase().replace('-', ' '), pin: '135790' });
      expect(set.status).toBe(200);
      const cookie = set.headers.getSetCookie()[0]!;
      expect(cookie).toMatch(/^hall_staff=[A-Za-z0-9_-]{40,}/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api/);
      expect((await staff.req('GET', '/api/staff/session').then((r) => r.json())) as object).toMatchObject({ signedIn: true });
      // the code is spent; the next one is printed on the server's console
      expect(s.identity.setupCode).not.toBe(code);
      expect(s.lines.join('\n')).toContain(s.identity.setupCode);
      expect((await cookieClient(s.url).req('POST', '/api/staff/setup', { code, pin: '000000' })).status).toBe(403);
      expect((await hallApi(s.url).info()).pinSet).toBe(true);
      const stored = await db.query<{ value: { alg: string; iterations: number; hash: string } }>("select value from settings where hall_id = $1 and key = 'staffPin'", [s.identity.hallId]);
      expect(stored[0]!.value).toMatchObject({ alg: 'pbkdf2-sha256', iterations: 600_000 });
      expect(JSON.stringify(stored[0]!.value)).not.toContain('135790');

      const other = cookieClient(s.url);
      expect((await other.req('POST', '/api/staff/login', { pin: '135791' })).status).toBe(401);
      expect((await other.req('POST', '/api/staff/login', { pin: '135790' })).status).toBe(200);
      expect((await other.req('GET', '/api/staff/devices')).status).toBe(200);
      expect((await other.req('POST', '/api/staff/logout')).status).toBe(204);
      expect((await other.req('GET', '/api/staff/devices')).status).toBe(401);
      // the session table holds hashes, not the cookie's token
      const tokens = await db.query<{ token_hash: string }>('select token_hash from staff_sessions where hall_id = $1', [s.identity.hallId]);
      expect(tokens.some((t) => cookie.includes(t.token_hash))).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('hall statistics per audience group and zone cover every device, filtered by device kind and period; CSV and JSON exports', async () => {
    let now = NOW;
    const s = await testServer(db, { now: () => now });
    try {
      const api = hallApi(s.url);
      const today = NOW - 3_600_000;
      const headset = sampleAttempt({ visitorId: 'vr-1', group: 'child', zone: 'crossing', mode: 'game', score: 60, passed: false, device: 'vr', endedAt: today, startedAt: today - 60_000, events: [{ kind: 'entered_on_red', t: 3 }] });
      const desktop = sampleAttempt({ visitorId: 'dt-1', group: 'teen', zone: 'ebike', score: 90, endedAt: today, startedAt: today - 60_000 });
      const kiosk = sampleAttempt({ visitorId: 'ki-1', group: 'senior', zone: 'crossing', score: 70, device: 'kiosk', endedAt: today, startedAt: today - 60_000 });
      const lastMonth = sampleAttempt({ visitorId: 'ki-1', group: 'senior', zone: 'crossing', score: 20, passed: false, device: 'kiosk', endedAt: NOW - 40 * DAY, startedAt: NOW - 40 * DAY - 60_000 });
      // a nickname Excel would run as a formula
      const formula = sampleAttempt({ visitorId: 'dt-2', group: 'adult', endedAt: today, startedAt: today - 60_000 });
      await api.upload({ device: device('dev-headset1', 'vr'), items: [{ attempt: headset, visitor: visitor('vr-1', '小明', 'child') }] });
      await api.upload({ device: device('dev-desktop1', 'desktop'), items: [{ attempt: desktop, visitor: visitor('dt-1', 'Lee', 'teen') }, { attempt: formula, visitor: visitor('dt-2', '=1+2', 'adult') }] });
      await api.upload({ device: device('dev-kiosk001', 'kiosk'), items: [{ attempt: kiosk, visitor: visitor('ki-1', '王奶奶', 'senior') }, { attempt: lastMonth }] });

      const staff = cookieClient(s.url);
      expect((await staff.req('POST', '/api/staff/setup', { code: s.identity.setupCode, pin: '246813' })).status).toBe(200);
      type Stats = { stats: { overall: { attempts: number; visitors: number }; byGroup: Record<string, { attempts: number; averageScore: number }>; byZone: Record<string, { attempts: number }>; byGroupZone: Record<string, Record<string, { attempts: number; unsafeEvents: { kind: string; count: number }[] }>> }; byDeviceKind: Record<string, number> };
      const stats = async (q: string) => (await (await staff.req('GET', `/api/staff/stats${q}`)).json()) as Stats;

      const week = await stats('?period=week');
      expect(week.stats.overall.attempts).toBe(4);
      expect(Object.keys(week.stats.byGroup).sort()).toEqual(['adult', 'child', 'senior', 'teen']);
      expect(week.stats.byGroup.senior).toMatchObject({ attempts: 1, averageScore: 70 });
      expect(week.stats.byZone).toMatchObject({ crossing: { attempts: 3 }, ebike: { attempts: 1 } });
      // unsafe events come from the zones' scoring tables, as on a device
      expect(week.stats.byGroupZone.child!.crossing!.unsafeEvents).toEqual([{ kind: 'entered_on_red', count: 1 }]);
      expect(week.byDeviceKind).toEqual({ vr: 1, desktop: 2, kiosk: 1 });

      const all = await stats('?period=all');
      expect(all.stats.overall.attempts).toBe(5);
      expect(all.stats.byGroup.senior).toMatchObject({ attempts: 2, averageScore: 45 });
      expect((await stats('?period=all&kind=vr')).stats.overall.attempts).toBe(1);
      expect(Object.keys((await stats('?period=all&kind=kiosk')).stats.byGroup)).toEqual(['senior']);
      expect((await stats('?period=all&mode=game')).stats.overall.attempts).toBe(1);
      // the next day the session has expired (8 hours); signed in again, "today" is empty
      now = NOW + DAY;
      expect((await staff.req('GET', '/api/staff/stats?period=today')).status).toBe(401);
      expect((await staff.req('POST', '/api/staff/login', { pin: '246813' })).status).toBe(200);
      expect((await stats('?period=today')).stats.overall.attempts).toBe(0);
      expect((await staff.req('GET', '/api/staff/stats?period=decade')).status).toBe(400);
      now = NOW;

      const csvRes = await staff.req('GET', '/api/staff/export.csv?period=all');
      expect(csvRes.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
      const bytes = new Uint8Array(await csvRes.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      const lines = csv.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(6);
      expect(lines.find((l) => l.startsWith(headset.id))).toContain(',小明,child,crossing,game,');
      expect(lines.find((l) => l.startsWith(kiosk.id))).toContain(',王奶奶,senior,');
      expect(lines.find((l) => l.startsWith(formula.id))).toContain(",'=1+2,adult,");
      expect((await staff.req('GET', '/api/staff/export.csv?period=all&kind=vr').then((r) => r.text())).trimEnd().split('\r\n')).toHaveLength(2);

      const json = (await (await staff.req('GET', '/api/staff/export.json?period=week')).json()) as { format: string; attempts: Attempt[]; visitors: { id: string; nickname: string }[] };
      expect(json.format).toBe('traffic-hall-export');
      expect(json.attempts.map((a) => a.id).sort()).toEqual([desktop.id, formula.id, headset.id, kiosk.id].sort());
      expect(json.visitors.map((v) => Object.keys(v).sort().join())).toEqual(Array(4).fill('group,id,nickname'));

      const devices = (await (await staff.req('GET', '/api/staff/devices')).json()) as { devices: { id: string; kind: string; attempts: number }[] };
      expect(devices.devices.map((d) => `${d.id}:${d.kind}:${d.attempts}`).sort()).toEqual(['dev-desktop1:desktop:2', 'dev-headset1:vr:1', 'dev-kiosk001:kiosk:2']);
    } finally {
      await s.close();
    }
  });

  it('kiosk settings and staff questions are kept for the whole hall and served to every device', async () => {
    const s = await testServer(db, { now: () => NOW });
    try {
      const api = hallApi(s.url);
      expect(await api.settings()).toEqual({ kiosk: null, updatedAt: null });
      expect(await api.questions()).toEqual({ questions: [], updatedAt: null });
      const staff = cookieClient(s.url);
      await staff.req('POST', '/api/staff/setup', { code: s.identity.setupCode, pin: '975310' });

      expect((await staff.req('PUT', '/api/staff/settings/kiosk', { attract: true, idleSeconds: 2, blockContextMenu: true })).status).toBe(400);
      expect((await staff.req('PUT', '/api/staff/settings/kiosk', { attract: true, idleSeconds: 120, blockContextMenu: true })).status).toBe(204);
      expect(await api.settings()).toEqual({ kiosk: { attract: true, idleSeconds: 120, blockContextMenu: true }, updatedAt: NOW });

      const base = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8')).questions[0];
      const mine = { ...base, id: 'crossing-staff-added-1', groups: ['child'] };
      const res = await staff.req('PUT', '/api/staff/questions', { questions: [mine] });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ count: 1 });
      expect((await api.questions()).questions.map((q) => q.id)).toEqual(['crossing-staff-added-1']);

      const wrong = await staff.req('PUT', '/api/staff/questions', { questions: [mine, { ...mine, id: 'crossing-staff-added-2', answer: ['maybe'] }] });
      expect(wrong.status).toBe(400);
      expect(((await wrong.json()) as { problems: string[] }).problems).toEqual(['questions.1.answer.0: "maybe" is not one of the choices (yes, no)']);
      const dup = await staff.req('PUT', '/api/staff/questions', { questions: [mine, mine] });
      expect(((await dup.json()) as { problems: string[] }).problems).toEqual(['questions: duplicate question id "crossing-staff-added-1"']);
      // a refused replacement keeps what was there
      expect((await api.questions()).questions).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it('limits sign-in attempts per address and overall, and refuses writes from another origin', async () => {
    const s = await testServer(db, { limits: { signInPerAddress: 3, signInOverall: 5 } });
    try {
      const login = (remoteAddress: string) => s.app.inject({ method: 'POST', url: '/api/staff/login', remoteAddress, payload: { pin: '111111' } });
      const a = await Promise.all([1, 2, 3, 4].map(() => login('10.0.0.1')));
      expect(a.map((r) => r.statusCode)).toEqual([409, 409, 409, 429]);
      // another address has its own allowance, until the hall's overall limit is reached
      expect((await login('10.0.0.2')).statusCode).toBe(409);
      expect((await login('10.0.0.3')).statusCode).toBe(409);
      expect((await login('10.0.0.4')).statusCode).toBe(429);
      expect((await s.app.inject({ method: 'POST', url: '/api/staff/setup', remoteAddress: '10.0.0.5', payload: { code: 'AAAA-AAAA', pin: '123456' } })).statusCode).toBe(429);

      const cross = await fetch(`${s.url}/api/devices`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: JSON.stringify(device('dev-cccccccc', 'phone')) });
      expect(cross.status).toBe(403);
      expect(cross.headers.get('access-control-allow-origin')).toBeNull();
      const same = await fetch(`${s.url}/api/devices`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.url }, body: JSON.stringify(device('dev-cccccccc', 'phone')) });
      expect(same.status).toBe(204);
      const preflight = await fetch(`${s.url}/api/attempts`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await s.close();
    }
  });

  it('a device offline for an hour, and an answer lost after the server stored it: nothing lost, nothing twice', async () => {
    const s = await testServer(db);
    const name = `hall-device-${engine}-${Date.now()}`;
    const clock = manualClock();
    let network: 'up' | 'down' | 'lose-answers' = 'up';
    let uploads = 0;
    const flaky: typeof fetch = async (url, init) => {
      if (network === 'down') throw new TypeError('fetch failed');
      const res = await fetch(url, init);
      if (String(url).endsWith('/api/attempts')) {
        uploads++;
        if (network === 'lose-answers') {
          await res.arrayBuffer();
          throw new TypeError('the connection was reset');
        }
      }
      return res;
    };
    const deviceStorage = createHallStorage(() => openHallDb(name));
    const connect = () =>
      connectHall({
        storage: deviceStorage,
        appVersion: '0.1.0',
        api: hallApi(s.url, flaky),
        openOutbox: () => dexieOutbox(() => openHallDb(name)),
        facts: async () => ({ immersiveVr: true, touch: false, finePointer: false, shortSide: 1000, attractLoop: false }),
        now: clock.now,
        setTimer: clock.setTimer,
        clearTimer: clock.clearTimer,
      });
    try {
      await deviceStorage.putVisitor({ id: 'vq', nickname: '小红', group: 'child', createdAt: 1 });
      // one attempt saved before this device ever met the hall
      const before = sampleAttempt({ visitorId: 'vq', group: 'child', device: 'vr' });
      await deviceStorage.putAttempt(before);

      let hall = await connect();
      await hall.ready;
      const storage = uploadingStorage(deviceStorage, (a) => hall.enqueue(a));
      const count = async () => Number((await db.query<{ n: number }>('select count(*)::int as n from attempts where hall_id = $1', [s.identity.hallId]))[0]!.n);
      expect(await count()).toBe(1);
      expect(hall.state.getState()).toMatchObject({ device: { kind: 'vr' }, durable: true, outbox: { queued: 0, sent: 1 } });

      // an hour without the network: a visitor finishes an attempt every three minutes
      network = 'down';
      const offline: Attempt[] = [];
      for (let i = 0; i < 20; i++) {
        const a = sampleAttempt({ visitorId: 'vq', group: 'child', device: 'vr', score: i * 5 });
        offline.push(a);
        await storage.putAttempt(a);
        await hall.flush();
        clock.advance(3 * 60_000);
      }
      await hall.flush();
      expect(await count()).toBe(1);
      expect(hall.state.getState().outbox).toMatchObject({ queued: 20, sent: 1 });
      expect(hall.state.getState().outbox.lastError).toMatch(/cannot be reached/);

      // the network comes back, but the answer to the first upload is lost after the server stored it
      network = 'lose-answers';
      clock.advance(75_000);
      await hall.flush();
      expect(await count()).toBe(21);
      expect(hall.state.getState().outbox.queued).toBe(20);

      // a reload: the outbox is still there, and the next send finds the attempts already stored
      hall.stop();
      network = 'up';
      hall = await connect();
      await hall.ready;
      clock.advance(75_000);
      await hall.flush();
      expect(await count()).toBe(21);
      expect(hall.state.getState().outbox).toMatchObject({ queued: 0, sent: 21, rejected: 0, lastError: null });
      const stored = await db.query<{ id: string; score: number }>('select id, score from attempts where hall_id = $1', [s.identity.hallId]);
      expect(stored.map((r) => r.id).sort()).toEqual([before, ...offline].map((a) => a.id).sort());
      expect(stored.find((r) => r.id === offline[7]!.id)!.score).toBe(35);
      // one device, one id, across the reload
      expect((await db.query('select id from devices where hall_id = $1', [s.identity.hallId])).length).toBe(1);

      // nothing more goes out once everything is confirmed
      const sends = uploads;
      clock.advance(3_600_000);
      await hall.flush();
      expect(uploads).toBe(sends);
      hall.stop();
    } finally {
      await s.close();
    }
  });

  it('purges what is older than N days, and the visitors left without attempts', async () => {
    const s = await testServer(db, { now: () => NOW });
    try {
      const api = hallApi(s.url);
      const old = sampleAttempt({ visitorId: 'old-1', group: 'adult', endedAt: NOW - 100 * DAY, startedAt: NOW - 100 * DAY - 1000 });
      const recent = sampleAttempt({ visitorId: 'new-1', group: 'adult', endedAt: NOW - DAY, startedAt: NOW - DAY - 1000 });
      await api.upload({ device: device('dev-purge001', 'desktop'), items: [{ attempt: old, visitor: visitor('old-1', 'A', 'adult') }, { attempt: recent, visitor: visitor('new-1', 'B', 'adult') }] });
      const staff = cookieClient(s.url);
      await staff.req('POST', '/api/staff/setup', { code: s.identity.setupCode, pin: '864200' });
      expect(await (await staff.req('DELETE', '/api/staff/attempts?olderThanDays=30')).json()).toEqual({ attempts: 1, visitors: 1 });
      const left = await db.query<{ id: string }>('select id from visitors where hall_id = $1', [s.identity.hallId]);
      expect(left.map((v) => v.id)).toEqual(['new-1']);
      expect(await (await staff.req('DELETE', '/api/staff/attempts')).json()).toEqual({ attempts: 1, visitors: 1 });
    } finally {
      await s.close();
    }
  });
});
