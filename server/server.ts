// Starts a hall server: identity, database (migrated), the app's compressed copies, then listening.
// `npm start` (main.ts) calls it with the defaults; the tests call it with a random port and a
// throwaway database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { APP_VERSION } from '../src/stores/selfTest.ts';
import { buildHallApp } from './app.ts';
import { DEFAULT_RATE_LIMITS, type HallContext, type RateLimits } from './context.ts';
import type { Database } from './db/driver.ts';
import { openDatabase, type DatabaseConfig } from './db/open.ts';
import { loadIdentity, type HallIdentity } from './identity.ts';
import { precompress, type PrecompressReport } from './precompress.ts';
import { unsafeRuleFromScenes } from './stats.ts';

export interface HallServerConfig {
  root: string;
  /** ./data by default: the hall's identity and setup code, and PGlite's files */
  dataDir: string;
  /** a PostgreSQL URL; otherwise PGlite in dataDir (or in memory, for tests) */
  databaseUrl?: string;
  /** connections per hall server to PostgreSQL (a city's halls share its max_connections) */
  databasePoolMax?: number;
  memoryDatabase?: boolean;
  /** an already open database (tests share one between servers); the caller closes it */
  database?: Database;
  port: number;
  host: string;
  https?: { key: Buffer; cert: Buffer };
  /** serve the built app (false: API only) */
  serveApp?: boolean;
  /** the built app; root/dist by default */
  distDir?: string;
  env?: { HALL_ID?: string; HALL_NAME?: string };
  limits?: Partial<RateLimits>;
  now?: () => number;
  log?: (line: string) => void;
}

export interface RunningHallServer {
  app: FastifyInstance;
  url: string;
  port: number;
  identity: HallIdentity;
  db: Database;
  /** ms from the call to listening; database open and migrated within it */
  timings: { database: number; listen: number; total: number };
  /** the app's compressed copies, made in the background after listening (null: API only) */
  precompressed: Promise<PrecompressReport | null>;
  close(): Promise<void>;
}

export function databaseConfig(cfg: Pick<HallServerConfig, 'databaseUrl' | 'databasePoolMax' | 'memoryDatabase' | 'dataDir'>): DatabaseConfig {
  if (cfg.databaseUrl) return { databaseUrl: cfg.databaseUrl, poolMax: cfg.databasePoolMax };
  if (cfg.memoryDatabase) return { memory: true };
  return { dataDir: cfg.dataDir };
}

export async function startHallServer(cfg: HallServerConfig): Promise<RunningHallServer> {
  const t0 = performance.now();
  const log = cfg.log ?? ((l: string) => console.log(l));
  const identity = loadIdentity(cfg.dataDir, cfg.env ?? {});
  const distDir = cfg.distDir ?? join(cfg.root, 'dist');
  if (cfg.serveApp !== false && !existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: build the app first (npm run build)`);

  const db = cfg.database ?? (await openDatabase(databaseConfig(cfg)));
  const tDb = performance.now();
  const ctx: HallContext = {
    db,
    identity,
    dataDir: cfg.dataDir,
    version: APP_VERSION,
    now: cfg.now ?? Date.now,
    unsafe: unsafeRuleFromScenes(join(cfg.root, 'scenes')),
    secureCookies: !!cfg.https,
    limits: { ...DEFAULT_RATE_LIMITS, ...cfg.limits },
    log,
  };
  const app = await buildHallApp(ctx, { distDir: cfg.serveApp !== false ? distDir : undefined, https: cfg.https });
  await app.listen({ port: cfg.port, host: cfg.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const tEnd = performance.now();
  const precompressed =
    cfg.serveApp !== false
      ? precompress(distDir, { skip: (p) => p === join(distDir, 'index.html') }).catch((e: Error) => {
          log(`[server] compressed copies of the app not made: ${e.message}`);
          return null;
        })
      : Promise.resolve(null);
  return {
    app,
    port,
    url: `${cfg.https ? 'https' : 'http'}://localhost:${port}`,
    identity,
    db,
    timings: { database: Math.round(tDb - t0), listen: Math.round(tEnd - tDb), total: Math.round(tEnd - t0) },
    precompressed,
    async close() {
      // a half-made set of compressed copies is fine (each is renamed into place when complete)
      await app.close();
      if (!cfg.database) await db.close();
    },
  };
}
