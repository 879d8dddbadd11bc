// The device side of the hall server without a server: device kinds, the retry back-off, the uploader
// against a scripted transport (batches, refusals, a batch too large, a failure keeps every row), the
// Dexie v6 upgrade keeping older rows, and the storage wrapper that feeds the outbox.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openHallDb } from '../storage/db.ts';
import { createHallStorage } from '../storage/storage.ts';
import type { Attempt } from '../storage/types.ts';
import { classifyDevice, type DeviceFacts } from './deviceKind.ts';
import { dexieOutbox } from './dexieOutbox.ts';
import { memoryOutbox, retryDelay, type OutboxRow } from './outbox.ts';
import { LIMITS, type UploadResponse } from './protocol.ts';
import { createUploader, SendError, type Send } from './uploader.ts';
import { uploadingStorage } from './withUpload.ts';

const facts = (p: Partial<DeviceFacts>): DeviceFacts => ({ immersiveVr: false, touch: false, finePointer: true, shortSide: 900, attractLoop: false, ...p });

const attempt = (id: string, extra: Partial<Attempt> = {}): Attempt => ({
  id,
  visitorId: 'v1',
  group: 'child',
  zone: 'crossing',
  mode: 'test',
  startedAt: 1000,
  endedAt: 2000,
  score: 80,
  stars: 2,
  passed: true,
  appVersion: 'test',
  device: 'desktop',
  ...extra,
});

const row = (id: string, t = 0, extra: Partial<OutboxRow> = {}): OutboxRow => ({ id, state: 'queued', item: { attempt: attempt(id) }, tries: 0, nextAt: t, queuedAt: t, ...extra });

describe('device kind', () => {
  it('a headset browser is vr, a small touch screen a phone, a touch screen without a mouse a kiosk, else a desktop', () => {
    expect(classifyDevice(facts({ immersiveVr: true, touch: true }))).toBe('vr');
    expect(classifyDevice(facts({ touch: true, finePointer: false, shortSide: 390 }))).toBe('phone');
    expect(classifyDevice(facts({ touch: true, finePointer: false, shortSide: 1080 }))).toBe('kiosk');
    // a touch laptop has a trackpad too
    expect(classifyDevice(facts({ touch: true, finePointer: true, shortSide: 800 }))).toBe('desktop');
    expect(classifyDevice(facts({ attractLoop: true }))).toBe('kiosk');
    // what a kiosk's start URL says wins; nonsense is ignored
    expect(classifyDevice(facts({ declared: 'kiosk', immersiveVr: true }))).toBe('kiosk');
    expect(classifyDevice(facts({ declared: 'toaster' }))).toBe('desktop');
  });
});

describe('retry back-off', () => {
  it('doubles from 2 s to a minute, with ±20 % so a hall of headsets does not knock at once', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => retryDelay(n, () => 0.5))).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(retryDelay(1, () => 0)).toBe(1600);
    expect(retryDelay(10, () => 0.999)).toBeLessThanOrEqual(72_000);
  });
});

describe('uploader', () => {
  const ok = (ids: string[]): UploadResponse => ({ stored: ids, duplicates: [], conflicts: [], rejected: [] });
  const device = () => ({ id: 'dev-test0001', kind: 'desktop' as const, appVersion: 't' });

  it('sends due rows oldest first in batches of at most 50, and settles each by the answer', async () => {
    const store = memoryOutbox();
    await store.put(Array.from({ length: 120 }, (_, i) => row(`a${String(i).padStart(3, '0')}`, i)));
    const batches: string[][] = [];
    const send: Send = async (body) => {
      const ids = body.items.map((x) => (x as { attempt: Attempt }).attempt.id);
      batches.push(ids);
      return { stored: ids.filter((id) => id !== 'a007'), duplicates: [], conflicts: [], rejected: ids.includes('a007') ? [{ id: 'a007', problem: 'score: must be between 0 and 100' }] : [] };
    };
    const up = createUploader({ store, send, device, now: () => 1000, setTimer: () => 0 });
    await up.kick();
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches[0]![0]).toBe('a000');
    expect(up.status()).toMatchObject({ queued: 0, sent: 119, rejected: 1 });
    expect(await store.get('a007')).toMatchObject({ state: 'rejected', problem: 'score: must be between 0 and 100' });
    // a sent row keeps only what says it went
    expect((await store.get('a001'))!.item).toBeUndefined();
  });

  it('a failed request keeps every row of the batch and waits for the back-off; a 400 is not taken as a refusal', async () => {
    const store = memoryOutbox();
    await store.put([row('x1'), row('x2')]);
    let now = 0;
    let fail: number | null = 0;
    const send: Send = async (body) => {
      if (fail !== null) throw new SendError(fail, fail ? `HTTP ${fail}` : 'no network');
      return ok(body.items.map((x) => (x as { attempt: Attempt }).attempt.id));
    };
    const timers: number[] = [];
    const up = createUploader({ store, send, device, now: () => now, random: () => 0.5, setTimer: (_fn, ms) => timers.push(ms) });
    for (const status of [0, 500, 503, 429, 400]) {
      fail = status;
      now += 120_000;
      await up.kick();
      expect(up.status().queued).toBe(2);
    }
    expect((await store.get('x1'))!.tries).toBe(5);
    expect(timers.at(-1)).toBe(32_000);
    // not due yet: nothing is sent
    fail = null;
    now += 10_000;
    await up.kick();
    expect(up.status().queued).toBe(2);
    now += 30_000;
    await up.kick();
    expect(up.status()).toMatchObject({ queued: 0, sent: 2, lastError: null });
  });

  it('a batch too large goes one by one; the one attempt the server can never take is kept, marked', async () => {
    const store = memoryOutbox();
    await store.put([row('s1', 1), row('big', 2), row('s2', 3)]);
    const sizes: number[] = [];
    const send: Send = async (body) => {
      sizes.push(body.items.length);
      const ids = body.items.map((x) => (x as { attempt: Attempt }).attempt.id);
      if (ids.length > 1 || ids[0] === 'big') throw new SendError(413, 'request body is too large');
      return ok(ids);
    };
    const up = createUploader({ store, send, device, now: () => 10, setTimer: () => 0 });
    await up.kick();
    // after a success the batch grows again, and shrinks at the next refusal
    expect(sizes).toEqual([3, 1, 2, 1, 1]);
    expect(up.status()).toMatchObject({ queued: 0, sent: 2, rejected: 1 });
    expect(await store.get('big')).toMatchObject({ state: 'rejected', item: { attempt: { id: 'big' } } });
  });

  it('keeps a request under the upload size limit', async () => {
    const store = memoryOutbox();
    const fat = (id: string) => row(id, 0, { item: { attempt: attempt(id, { events: Array.from({ length: 3000 }, (_, i) => ({ kind: 'near_miss', t: i })) }) } });
    await store.put(Array.from({ length: 12 }, (_, i) => fat(`f${i}`)));
    const bytes: number[] = [];
    const send: Send = async (body) => {
      bytes.push(JSON.stringify(body).length);
      return ok(body.items.map((x) => (x as { attempt: Attempt }).attempt.id));
    };
    await createUploader({ store, send, device, now: () => 0, setTimer: () => 0 }).kick();
    expect(bytes.length).toBeGreaterThan(1);
    expect(Math.max(...bytes)).toBeLessThan(LIMITS.uploadBytes);
  });
});

describe('outbox in IndexedDB (Dexie v6)', () => {
  it('rows of older versions survive the upgrade to v6, and the outbox keeps its rows across a reopen', async () => {
    const name = `hall-v6-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({ visitors: 'id, group, createdAt', attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]', settings: 'key' });
    v3.version(2).stores({ progress: 'key, updatedAt' });
    v3.version(3).stores({ competitions: 'id, updatedAt' });
    await v3.table('attempts').put(attempt('old'));
    await v3.table('competitions').put({ id: 'c1', title: 'x', logText: '', updatedAt: 1, finished: true });
    v3.close();

    const out = await dexieOutbox(() => openHallDb(name));
    await out.put([row('q1', 5), row('q2', 50), row('done', 1, { state: 'sent', item: undefined })]);
    await out.putDevice({ key: 'device', id: 'dev-abc', hallId: 'hall-1' });
    expect((await out.due(10, 10)).map((r) => r.id)).toEqual(['q1']);
    expect(await out.nextDueAt()).toBe(5);
    expect(await out.counts()).toEqual({ queued: 2, sent: 1, rejected: 0 });

    const again = await dexieOutbox(() => openHallDb(name));
    expect([...(await again.knownIds())].sort()).toEqual(['done', 'q1', 'q2']);
    expect(await again.getDevice()).toEqual({ key: 'device', id: 'dev-abc', hallId: 'hall-1' });
    await again.forgetSent();
    expect([...(await again.knownIds())].sort()).toEqual(['q1', 'q2']);

    const storage = createHallStorage(() => openHallDb(name));
    expect((await storage.listAttempts()).map((a) => a.id)).toEqual(['old']);
    expect((await storage.listCompetitions()).map((c) => c.id)).toEqual(['c1']);
  });
});

describe('storage feeding the outbox', () => {
  it('saves on the device first, then hands the attempt over; a failing outbox never fails the save', async () => {
    const name = `hall-wrap-${Date.now()}`;
    const inner = createHallStorage(() => openHallDb(name));
    const handed: string[] = [];
    const wrapped = uploadingStorage(inner, async (a) => {
      expect((await inner.listAttempts()).map((x) => x.id)).toContain(a.id);
      handed.push(a.id);
      if (a.id === 'boom') throw new Error('outbox down');
    });
    await wrapped.putAttempt(attempt('a1'));
    await wrapped.putAttempt(attempt('boom'));
    expect(handed).toEqual(['a1', 'boom']);
    expect((await wrapped.listAttempts()).map((a) => a.id)).toEqual(['a1', 'boom']);
    // everything else passes through, getters included
    expect(wrapped.status).toBe('ok');
    await wrapped.putVisitor({ id: 'v1', nickname: '小明', group: 'child', createdAt: 1 });
    expect((await inner.getVisitor('v1'))!.nickname).toBe('小明');
  });
});
