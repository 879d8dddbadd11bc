// A real PostgreSQL server through node-postgres: a small pool; bigint (int8) columns parsed to
// numbers like PGlite returns them, so repositories see the same rows from both engines.
import pg from 'pg';
import type { Database, Sql } from './driver.ts';

const INT8 = 20;

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 8,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  // an idle client losing its connection (server restart) must not crash the process
  pool.on('error', (e) => console.error(`[db] idle PostgreSQL connection failed: ${e.message}`));
  // fail at start, with the server's own message, when the URL is wrong
  await pool.query('select 1');
  const wrap = (c: pg.Pool | pg.PoolClient): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      return (await c.query(text, params as unknown[])).rows as T[];
    },
    async exec(text: string) {
      await c.query(text);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(wrap(client));
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
