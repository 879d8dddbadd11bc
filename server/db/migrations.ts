// The schema, as numbered migrations that only ever grow (never edit one that has shipped: add the
// next). The same SQL runs on PGlite and PostgreSQL. Every table carries hall_id, so the hall servers
// of a city can share one PostgreSQL database (docs/DEPLOY.md); times are epoch milliseconds (bigint).
import type { Database } from './driver.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'devices, visitors, attempts, settings, staff sessions',
    sql: `
      create table devices (
        hall_id text not null,
        id text not null,
        kind text not null,
        app_version text not null,
        first_seen bigint not null,
        last_seen bigint not null,
        primary key (hall_id, id)
      );
      -- nickname and audience group only: visitors are often minors
      create table visitors (
        hall_id text not null,
        id text not null,
        nickname text not null,
        group_id text not null,
        first_seen bigint not null,
        updated_at bigint not null,
        primary key (hall_id, id)
      );
      -- one row per finished attempt; the id is the device's, so an upload repeated after a lost
      -- answer finds its row and adds nothing. body is the attempt as validated (events, answers).
      create table attempts (
        hall_id text not null,
        id text not null,
        device_id text not null,
        visitor_id text not null,
        group_id text not null,
        zone text not null,
        mode text not null,
        played_on text not null,
        started_at bigint not null,
        ended_at bigint not null,
        score double precision not null,
        passed boolean not null,
        body jsonb not null,
        received_at bigint not null,
        primary key (hall_id, id)
      );
      create index attempts_by_end on attempts (hall_id, ended_at);
      create index attempts_by_device on attempts (hall_id, device_id);
      -- the hall's shared settings by key: staff PIN hash, kiosk settings, staff questions
      create table settings (
        hall_id text not null,
        key text not null,
        value jsonb not null,
        updated_at bigint not null,
        primary key (hall_id, key)
      );
      -- a signed-in staff console; only a hash of the cookie's token is kept
      create table staff_sessions (
        token_hash text primary key,
        hall_id text not null,
        created_at bigint not null,
        expires_at bigint not null
      );
      create index staff_sessions_by_expiry on staff_sessions (expires_at);
    `,
  },
  {
    version: 2,
    name: 'live competition rooms: competitions, their players, one row per action',
    sql: `
      create table competitions (
        hall_id text not null,
        id text not null,
        join_code text not null,
        title text not null,
        created_at bigint not null,
        finished_at bigint,
        primary key (hall_id, id)
      );
      -- a code names one live room at a time (across the halls sharing a database)
      create unique index competitions_live_code on competitions (join_code) where finished_at is null;
      -- who joined: nickname, group, device kind; only a hash of the resume token
      create table competition_players (
        hall_id text not null,
        competition_id text not null,
        id text not null,
        name text not null,
        group_id text not null,
        device_id text,
        device_kind text not null,
        token_hash text not null,
        joined_at bigint not null,
        primary key (hall_id, competition_id, id)
      );
      -- the log, written before each action is broadcast; seq is the log position, so an action
      -- cannot be appended twice, and a restarted server replays these rows in order
      create table competition_actions (
        hall_id text not null,
        competition_id text not null,
        seq integer not null,
        action jsonb not null,
        at bigint not null,
        primary key (hall_id, competition_id, seq)
      );
    `,
  },
];

/** Brings the schema up to the newest version. Safe when several hall servers start at once against
 * one PostgreSQL: the first takes an advisory lock and the others wait, then find nothing to do. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(725340113)');
    await tx.exec('create table if not exists schema_migrations (version integer primary key, name text not null, applied_at bigint not null)');
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name, applied_at) values ($1, $2, $3)', [m.version, m.name, Date.now()]);
      applied.push(m.version);
    }
    return applied;
  });
}
