// Test helpers for the hall server: a server on a random port over a given database, sample attempts,
// a cookie-keeping client, and a clock whose timers fire only when the test moves it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attempt } from '../src/storage/types.ts';
import { throwawayDatabase } from '../scripts/postgres.ts';
import type { Database } from './db/driver.ts';
import { openDatabase } from './db/open.ts';
import { startHallServer, type HallServerConfig, type RunningHallServer } from './server.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function tempDir(prefix = 'hall-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A hall server on 127.0.0.1 and a random port, API only unless `serveApp`. */
export async function testServer(database: Database, opts: Partial<HallServerConfig> = {}): Promise<RunningHallServer & { lines: string[] }> {
  const lines: string[] = [];
  const s = await startHallServer({
    root: ROOT,
    dataDir: opts.dataDir ?? tempDir(),
    database,
    port: 0,
    host: '127.0.0.1',
    serveApp: false,
    log: (l) => lines.push(l),
    ...opts,
  });
  return Object.assign(s, { url: `http://127.0.0.1:${s.port}`, lines });
}

let seq = 0;
export function sampleAttempt(p: Partial<Attempt> & { visitorId: string; group: string }): Attempt {
  seq++;
  return {
    id: `att-${seq}-${Math.random().toString(36).slice(2, 8)}`,
    zone: 'crossing',
    mode: 'test',
    startedAt: 1_790_000_000_000 + seq * 1000,
    endedAt: 1_790_000_060_000 + seq * 1000,
    score: 80,
    stars: 2,
    passed: true,
    answers: [{ question: 'crossing-red-light-enter', chosen: ['no'], correct: true, ms: 3200 }],
    appVersion: '0.1.0',
    device: 'desktop',
    ...p,
  };
}

/** fetch that keeps the cookies a server sets (Node's fetch has no cookie jar). */
export function cookieClient(base: string, headers: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  async function req(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...headers,
        ...extra,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=');
      if (v) jar.set(k!.trim(), v.trim());
      else jar.delete(k!.trim());
    }
    return res;
  }
  return { req, jar, fetch: ((url: string | URL | Request, init?: RequestInit) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}) } })) as typeof fetch };
}

/** A clock for the device side: `now()` stands still until `advance()`, which fires due timers. */
export function manualClock(start = 1_790_000_000_000) {
  let t = start;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((x) => x.id !== id);
    },
    advance(ms: number) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const x of due) x.fn();
    },
  };
}

/** the engines the server's tests run on: the same file against each */
export const ENGINES = ['pglite', 'postgres'] as const;

/**
 * A database for one engine's test run: PGlite in memory, or a throwaway PostgreSQL database
 * (scripts/postgres.ts installs and starts PostgreSQL where it can); `close` drops it again.
 */
export async function engineDatabase(engine: (typeof ENGINES)[number]): Promise<{ db: Database; close(): Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDatabase({ memory: true });
    return { db, close: () => db.close() };
  }
  const t = await throwawayDatabase();
  const db = await openDatabase({ databaseUrl: t.url });
  return {
    db,
    close: async () => {
      await db.close();
      await t.drop();
    },
  };
}
