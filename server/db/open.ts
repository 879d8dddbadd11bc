// Opens the hall's database: PostgreSQL when DATABASE_URL names one, else PGlite under the data
// directory; then migrates it.
import { join } from 'node:path';
import type { Database } from './driver.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export type DatabaseConfig = { databaseUrl: string; poolMax?: number } | { dataDir: string } | { memory: true };

export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  const db =
    'databaseUrl' in cfg ? await openPostgres(cfg.databaseUrl, { max: cfg.poolMax }) : await openPglite('dataDir' in cfg ? join(cfg.dataDir, 'pglite') : null);
  try {
    await migrate(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}

/** "postgres://user@host:5432/db" without the password, for logs. */
export function describeDatabase(cfg: DatabaseConfig): string {
  if ('memory' in cfg) return 'PGlite (in memory)';
  if ('dataDir' in cfg) return `PGlite (embedded PostgreSQL) in ${join(cfg.dataDir, 'pglite')}`;
  try {
    const u = new URL(cfg.databaseUrl);
    u.password = '';
    return `PostgreSQL at ${u.toString().replace(/:@/, '@')}`;
  } catch {
    return 'PostgreSQL';
  }
}
