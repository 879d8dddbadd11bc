// Live competitions in the database (migration 2): the room, who joined, and its action log, one row
// per action. Rows are only ever added (and the room marked finished), so a server killed at any
// moment finds every action it broadcast.
import type { Action } from '../../src/modes/competition/log.ts';
import { json, type Database, type Sql } from '../db/driver.ts';

export interface CompetitionRow {
  id: string;
  joinCode: string;
  title: string;
  createdAt: number;
  finishedAt: number | null;
}

export interface PlayerRow {
  id: string;
  name: string;
  group: string;
  deviceId: string | null;
  deviceKind: string;
  tokenHash: string;
  joinedAt: number;
}

/** false when the code is taken by another live room (the caller draws another). */
export async function insertCompetition(db: Sql, hallId: string, c: Omit<CompetitionRow, 'finishedAt'>): Promise<boolean> {
  const rows = await db.query(
    `insert into competitions (hall_id, id, join_code, title, created_at) values ($1, $2, $3, $4, $5)
     on conflict do nothing returning id`,
    [hallId, c.id, c.joinCode, c.title, c.createdAt],
  );
  return rows.length === 1;
}

export async function liveCompetitions(db: Sql, hallId: string): Promise<CompetitionRow[]> {
  const rows = await db.query<{ id: string; join_code: string; title: string; created_at: number; finished_at: number | null }>(
    'select id, join_code, title, created_at, finished_at from competitions where hall_id = $1 and finished_at is null order by created_at',
    [hallId],
  );
  return rows.map((r) => ({ id: r.id, joinCode: r.join_code, title: r.title, createdAt: Number(r.created_at), finishedAt: r.finished_at }));
}

export async function finishCompetition(db: Sql, hallId: string, id: string, at: number): Promise<void> {
  await db.query('update competitions set finished_at = $3 where hall_id = $1 and id = $2 and finished_at is null', [hallId, id, at]);
}

export async function insertPlayer(db: Sql, hallId: string, competitionId: string, p: PlayerRow): Promise<void> {
  await db.query(
    `insert into competition_players (hall_id, competition_id, id, name, group_id, device_id, device_kind, token_hash, joined_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [hallId, competitionId, p.id, p.name, p.group, p.deviceId, p.deviceKind, p.tokenHash, p.joinedAt],
  );
}

export async function playersOf(db: Sql, hallId: string, competitionId: string): Promise<PlayerRow[]> {
  const rows = await db.query<{ id: string; name: string; group_id: string; device_id: string | null; device_kind: string; token_hash: string; joined_at: number }>(
    'select id, name, group_id, device_id, device_kind, token_hash, joined_at from competition_players where hall_id = $1 and competition_id = $2 order by joined_at, id',
    [hallId, competitionId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, group: r.group_id, deviceId: r.device_id, deviceKind: r.device_kind, tokenHash: r.token_hash, joinedAt: Number(r.joined_at) }));
}

/** One action at its log position; throws if that position is taken (the room then stops). */
export async function insertAction(db: Database, hallId: string, competitionId: string, a: Action): Promise<void> {
  await db.query('insert into competition_actions (hall_id, competition_id, seq, action, at) values ($1, $2, $3, $4::jsonb, $5)', [hallId, competitionId, a.seq, json(a), a.at]);
}

export async function actionsOf(db: Sql, hallId: string, competitionId: string): Promise<Action[]> {
  const rows = await db.query<{ action: Action }>('select action from competition_actions where hall_id = $1 and competition_id = $2 order by seq', [hallId, competitionId]);
  return rows.map((r) => r.action);
}
