// Real PostgreSQL for the tests that claim it: Debian's package installed when missing (as root), its
// cluster started, a login role for the tests, and a throwaway database per test file that is dropped
// afterwards. Used by scripts/pretest.ts (npm test) and by the server tests themselves, so running
// one test file by hand works too. HALL_TEST_PG_ADMIN_URL points the tests at another server (a role
// that may create databases); nothing is installed or started then.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ROLE = 'hall_test';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const HOW = 'PostgreSQL is needed by the hall-server tests: run npm test once as root (it installs and starts it), or start it yourself and set HALL_TEST_PG_ADMIN_URL=postgres://user:password@host:port/postgres (a role that may create databases)';

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', env: opts.env ?? process.env, stdio: ['ignore', 'pipe', opts.quiet ? 'ignore' : 'inherit'] });
}

function has(cmd: string): boolean {
  try {
    run('sh', ['-c', `command -v ${cmd}`], { quiet: true });
    return true;
  } catch {
    return false;
  }
}

interface Cluster {
  version: string;
  name: string;
  port: number;
  online: boolean;
}

function clusters(): Cluster[] {
  return run('pg_lsclusters', ['--no-header'], { quiet: true })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 4)
    .map(([version, name, port, status]) => ({ version: version!, name: name!, port: Number(port), online: status === 'online' }))
    .sort((a, b) => Number(b.version) - Number(a.version));
}

function psqlAsPostgres(sql: string): string {
  return run('su', ['postgres', '-s', '/bin/sh', '-c', `psql -v ON_ERROR_STOP=1 -tAc "${sql.replace(/"/g, '\\"')}"`], { quiet: true }).trim();
}

/** Makes sure a PostgreSQL cluster runs and the test role exists; returns the admin URL, or throws
 * with one line saying how to get there. */
export function ensurePostgres(log: (s: string) => void = (s) => console.log(s)): string {
  if (process.env.HALL_TEST_PG_ADMIN_URL) return process.env.HALL_TEST_PG_ADMIN_URL;
  if (!has('pg_lsclusters')) {
    if (!isRoot) throw new Error(HOW);
    log("pretest: installing Debian's postgresql for the hall-server tests");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'postgresql'], { env, quiet: true });
  }
  let cluster = clusters()[0];
  if (!cluster) {
    if (!isRoot) throw new Error(HOW);
    const version = run('sh', ['-c', 'ls /usr/lib/postgresql | sort -n | tail -1'], { quiet: true }).trim();
    log(`pretest: creating PostgreSQL ${version} cluster "main"`);
    run('pg_createcluster', [version, 'main'], { quiet: true });
    cluster = clusters()[0]!;
  }
  if (!cluster.online) {
    if (!isRoot) throw new Error(`PostgreSQL ${cluster.version}/${cluster.name} is down: run "sudo pg_ctlcluster ${cluster.version} ${cluster.name} start" (or npm test as root). ${HOW}`);
    log(`pretest: starting PostgreSQL ${cluster.version}/${cluster.name}`);
    try {
      run('pg_ctlcluster', [cluster.version, cluster.name, 'start'], { quiet: true });
    } catch (e) {
      // another checkout on this machine may have started it a moment ago
      if (!clusters().find((c) => c.version === cluster!.version && c.name === cluster!.name)?.online) throw e;
    }
  }
  const url = `postgres://${ROLE}:${ROLE}@127.0.0.1:${cluster.port}/postgres`;
  if (isRoot) {
    // a login role that may create (and drop) its own throwaway databases; local test use only
    const exists = psqlAsPostgres(`select 1 from pg_roles where rolname = '${ROLE}'`) === '1';
    if (!exists) psqlAsPostgres(`create role ${ROLE} login createdb password '${ROLE}'`);
  }
  return url;
}

async function canConnect(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** A new, empty database for one test file; drop() removes it (and any connection left to it). */
export async function throwawayDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  let admin = process.env.HALL_TEST_PG_ADMIN_URL ?? `postgres://${ROLE}:${ROLE}@127.0.0.1:5432/postgres`;
  let problem = await canConnect(admin);
  if (problem) {
    admin = ensurePostgres(() => undefined);
    problem = await canConnect(admin);
    if (problem) throw new Error(`${problem}. ${HOW}`);
  }
  const name = `hall_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}
