// npm run bench:server — the hall server's own figures, for docs/DEPLOY.md: start time (a data
// directory made from nothing, then the same one again), upload throughput over HTTP (many devices,
// batches of 50, as the outbox sends them), the statistics query over everything, and the space an
// attempt takes — on PGlite and on PostgreSQL (skipped with a note when PostgreSQL is not reachable).
// Not a test: never in npm test. Writes bench/hall-server.json.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { throwawayDatabase } from '../scripts/postgres.ts';
import { hallApi } from '../src/hall/api.ts';
import type { Attempt } from '../src/storage/types.ts';
import { openDatabase } from '../server/db/open.ts';
import { startHallServer, type RunningHallServer } from '../server/server.ts';
import { cookieClient, tempDir } from '../server/testing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const ATTEMPTS = Number(process.argv.find((a) => a.startsWith('--attempts='))?.split('=')[1] ?? 10_000);
const DEVICES = 20;
const BATCH = 50;
const ZONES = ['crossing', 'ebike', 'drunk', 'blindspot', 'seatbelt', 'signals'] as const;
const GROUPS = ['child', 'teen', 'adult', 'senior', 'rider', 'driver', 'pro'];

/** Attempts shaped like the app's: half self-tests with 8 answers, half games with ~25 events. */
function attempt(i: number): Attempt {
  const t = Date.now() - (i % 30) * 86_400_000;
  const game = i % 2 === 0;
  return {
    id: `bench-${i}-${Math.random().toString(36).slice(2, 10)}`,
    visitorId: `v-${Math.floor(i / 10)}`,
    group: GROUPS[i % GROUPS.length]!,
    zone: ZONES[i % ZONES.length]!,
    mode: game ? 'game' : 'test',
    startedAt: t - 180_000,
    endedAt: t,
    score: (i * 37) % 101,
    stars: i % 4,
    passed: i % 3 !== 0,
    ...(game
      ? { events: Array.from({ length: 25 }, (_, k) => ({ kind: k % 5 ? 'looked_both_ways' : 'entered_on_red', t: k * 4.2, details: { task: k % 3 } })) }
      : { answers: Array.from({ length: 8 }, (_, k) => ({ question: `crossing-q-${k}`, chosen: ['a'], correct: k % 3 !== 0, ms: 4000 + k * 300 })) }),
    appVersion: '0.1.0',
    device: 'vr',
  };
}

function du(dir: string): number {
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

async function measure(label: string, server: RunningHallServer, sizeOf: () => Promise<{ total: number; attempts: number }>) {
  const url = `http://127.0.0.1:${server.port}`;
  const api = hallApi(url);
  const before = await sizeOf();
  const t0 = performance.now();
  let sent = 0;
  // DEVICES devices upload at once, each its share in batches
  await Promise.all(
    Array.from({ length: DEVICES }, async (_, d) => {
      const device = { id: `dev-bench-${String(d).padStart(4, '0')}`, kind: 'vr' as const, appVersion: '0.1.0' };
      for (let i = d; i < ATTEMPTS; i += DEVICES * BATCH) {
        const items = [];
        for (let k = 0; k < BATCH && i + k * DEVICES < ATTEMPTS; k++) {
          const a = attempt(i + k * DEVICES);
          items.push({ attempt: a, visitor: { id: a.visitorId, nickname: `访客${a.visitorId}`, group: a.group } });
        }
        const r = await api.upload({ device, items });
        sent += r.stored.length;
      }
    }),
  );
  const uploadMs = performance.now() - t0;
  const staff = cookieClient(url);
  await staff.req('POST', '/api/staff/setup', { code: server.identity.setupCode, pin: '123456' });
  const t1 = performance.now();
  const res = await staff.req('GET', '/api/staff/stats?period=all');
  const stats = (await res.json()) as { stats: { overall: { attempts: number } } };
  const statsMs = performance.now() - t1;
  const t2 = performance.now();
  await staff.req('GET', '/api/staff/stats?period=today');
  const todayMs = performance.now() - t2;
  const after = await sizeOf();
  return {
    label,
    stored: sent,
    uploadSeconds: +(uploadMs / 1000).toFixed(2),
    attemptsPerSecond: Math.round(sent / (uploadMs / 1000)),
    statsAllMs: Math.round(statsMs),
    statsAllAttempts: stats.stats.overall.attempts,
    statsTodayMs: Math.round(todayMs),
    bytesPerAttempt: Math.round((after.attempts - before.attempts) / sent),
    databaseBytesBefore: before.total,
    databaseBytesAfter: after.total,
  };
}

const quiet = () => undefined;
const out: Record<string, unknown> = { attempts: ATTEMPTS, devices: DEVICES, batch: BATCH, at: new Date().toISOString() };

// start times: a data directory made from nothing (PGlite's initdb), then the same one again
const dataDir = tempDir('hall-bench-');
const cold = await startHallServer({ root, dataDir, port: 0, host: '127.0.0.1', serveApp: false, log: quiet });
out.coldStartMs = cold.timings.total;
out.emptyPgliteBytes = du(join(dataDir, 'pglite'));
await cold.close();
const warm = await startHallServer({ root, dataDir, port: 0, host: '127.0.0.1', serveApp: false, log: quiet });
out.warmStartMs = warm.timings.total;
const pgliteSize = async () => ({ total: du(join(dataDir, 'pglite')), attempts: Number((await warm.db.query<{ n: number }>("select pg_total_relation_size('attempts')::bigint as n"))[0]!.n) });
out.pglite = await measure('PGlite (embedded)', warm, pgliteSize);
await warm.close();
out.pgliteDataDirAfterRestart = du(join(dataDir, 'pglite'));

// the app's compressed copies (dist must be built: npm run build)
try {
  const withApp = await startHallServer({ root, dataDir, port: 0, host: '127.0.0.1', log: quiet });
  out.precompress = await withApp.precompressed;
  await withApp.close();
} catch (e) {
  out.precompress = `not measured: ${(e as Error).message}`;
}

try {
  const pg = await throwawayDatabase();
  try {
    const db = await openDatabase({ databaseUrl: pg.url });
    const s = await startHallServer({ root, dataDir: tempDir('hall-bench-pg-'), database: db, port: 0, host: '127.0.0.1', serveApp: false, log: quiet });
    const pgSize = async () => {
      const [r] = await db.query<{ total: number; attempts: number }>("select pg_database_size(current_database())::bigint as total, pg_total_relation_size('attempts')::bigint as attempts");
      return { total: Number(r!.total), attempts: Number(r!.attempts) };
    };
    out.postgres = await measure('PostgreSQL', s, pgSize);
    await s.close();
    await db.close();
  } finally {
    await pg.drop();
  }
} catch (e) {
  out.postgres = `not measured: ${(e as Error).message}`;
}

writeFileSync(join(root, 'bench', 'hall-server.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(JSON.stringify(out, null, 2));
process.exit(0);
