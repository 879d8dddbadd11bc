// Attempts uploaded by the hall's devices, and the visitors (nickname + group) they belong to.
// Idempotent by attempt id: the same attempt sent twice (a retry after a lost answer) is stored once.
import type { DeviceInfo, UploadItem, UploadResponse } from '../../src/hall/protocol.ts';
import type { Attempt, Visitor } from '../../src/storage/types.ts';
import { json, type Database, type Sql } from '../db/driver.ts';
import { touchDevice } from './devices.ts';

/** Stores valid items (already checked one by one); `rejected` carries the ones that were not. */
export async function storeUploads(
  db: Database,
  hallId: string,
  device: DeviceInfo,
  items: readonly UploadItem[],
  rejected: UploadResponse['rejected'],
  now: number,
): Promise<UploadResponse> {
  return db.transaction(async (tx) => {
    await touchDevice(tx, hallId, device, now);
    const out: UploadResponse = { stored: [], duplicates: [], conflicts: [], rejected: [...rejected] };
    for (const { attempt: a, visitor: v } of items) {
      if (v) await upsertVisitor(tx, hallId, v, now);
      const inserted = await tx.query(
        `insert into attempts (hall_id, id, device_id, visitor_id, group_id, zone, mode, played_on, started_at, ended_at, score, passed, body, received_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)
         on conflict (hall_id, id) do nothing returning id`,
        [hallId, a.id, device.id, a.visitorId, a.group, a.zone, a.mode, a.device, a.startedAt, a.endedAt, a.score, a.passed, json(a), now],
      );
      if (inserted.length) {
        out.stored.push(a.id);
        continue;
      }
      // jsonb equality ignores key order and number spelling: the same attempt compares equal
      const [row] = await tx.query<{ same: boolean }>('select body = $3::jsonb as same from attempts where hall_id = $1 and id = $2', [hallId, a.id, json(a)]);
      (row?.same ? out.duplicates : out.conflicts).push(a.id);
    }
    return out;
  });
}

async function upsertVisitor(tx: Sql, hallId: string, v: { id: string; nickname: string; group: string }, now: number): Promise<void> {
  await tx.query(
    `insert into visitors (hall_id, id, nickname, group_id, first_seen, updated_at) values ($1, $2, $3, $4, $5, $5)
     on conflict (hall_id, id) do update set nickname = excluded.nickname, group_id = excluded.group_id, updated_at = excluded.updated_at`,
    [hallId, v.id, v.nickname, v.group, now],
  );
}

export interface AttemptFilter {
  /** ended at from ≤ endedAt < to; ±Infinity for no bound */
  from: number;
  to: number;
  mode?: string;
  /** the kind of device that uploaded it (vr, desktop, kiosk, phone) */
  kind?: string;
}

function where(hallId: string, f: AttemptFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [hallId];
  const parts = ['a.hall_id = $1'];
  if (Number.isFinite(f.from)) parts.push(`a.ended_at >= $${params.push(f.from)}`);
  if (Number.isFinite(f.to)) parts.push(`a.ended_at < $${params.push(f.to)}`);
  if (f.mode) parts.push(`a.mode = $${params.push(f.mode)}`);
  if (f.kind) parts.push(`d.kind = $${params.push(f.kind)}`);
  return { sql: parts.join(' and '), params };
}

/** The attempts as the devices sent them, oldest first. */
export async function listAttempts(db: Sql, hallId: string, f: AttemptFilter): Promise<Attempt[]> {
  const w = where(hallId, f);
  const rows = await db.query<{ body: Attempt }>(
    `select a.body from attempts a left join devices d on d.hall_id = a.hall_id and d.id = a.device_id
     where ${w.sql} order by a.ended_at, a.id`,
    w.params,
  );
  return rows.map((r) => r.body);
}

/** Attempts per kind of device in the filter's period (the device-kind filter ignored). */
export async function countByDeviceKind(db: Sql, hallId: string, f: AttemptFilter): Promise<Record<string, number>> {
  const w = where(hallId, { ...f, kind: undefined });
  const rows = await db.query<{ kind: string | null; n: number }>(
    `select d.kind, count(*)::int as n from attempts a left join devices d on d.hall_id = a.hall_id and d.id = a.device_id
     where ${w.sql} group by d.kind`,
    w.params,
  );
  return Object.fromEntries(rows.map((r) => [r.kind ?? 'unknown', r.n]));
}

/** The visitors these attempts belong to (nickname + group). */
export async function visitorsOf(db: Sql, hallId: string, attempts: readonly Attempt[]): Promise<Visitor[]> {
  const ids = [...new Set(attempts.map((a) => a.visitorId))];
  if (!ids.length) return [];
  const rows = await db.query<{ id: string; nickname: string; group_id: string; first_seen: number }>(
    'select id, nickname, group_id, first_seen from visitors where hall_id = $1 and id = any($2::text[])',
    [hallId, ids],
  );
  return rows.map((r) => ({ id: r.id, nickname: r.nickname, group: r.group_id, createdAt: r.first_seen }));
}

/** Privacy: deletes attempts that ended before `before` (all of them for Infinity), then the visitors
 * left without any attempt. Returns how many of each went. */
export async function purgeAttempts(db: Database, hallId: string, before: number): Promise<{ attempts: number; visitors: number }> {
  return db.transaction(async (tx) => {
    const a = Number.isFinite(before)
      ? await tx.query('delete from attempts where hall_id = $1 and ended_at < $2 returning id', [hallId, before])
      : await tx.query('delete from attempts where hall_id = $1 returning id', [hallId]);
    const v = await tx.query(
      'delete from visitors v where v.hall_id = $1 and not exists (select 1 from attempts a where a.hall_id = v.hall_id and a.visitor_id = v.id) returning id',
      [hallId],
    );
    return { attempts: a.length, visitors: v.length };
  });
}
