// The hall's devices: a random id each device made for itself, its kind and app version, when it
// was first and last seen. Nothing that identifies a person or the hardware.
import type { DeviceInfo } from '../../src/hall/protocol.ts';
import type { Sql } from '../db/driver.ts';

export async function touchDevice(db: Sql, hallId: string, d: DeviceInfo, now: number): Promise<void> {
  await db.query(
    `insert into devices (hall_id, id, kind, app_version, first_seen, last_seen) values ($1, $2, $3, $4, $5, $5)
     on conflict (hall_id, id) do update set kind = excluded.kind, app_version = excluded.app_version, last_seen = excluded.last_seen`,
    [hallId, d.id, d.kind, d.appVersion, now],
  );
}

export interface DeviceRow {
  id: string;
  kind: string;
  appVersion: string;
  firstSeen: number;
  lastSeen: number;
  attempts: number;
}

export async function listDevices(db: Sql, hallId: string): Promise<DeviceRow[]> {
  const rows = await db.query<{ id: string; kind: string; app_version: string; first_seen: number; last_seen: number; attempts: number }>(
    `select d.id, d.kind, d.app_version, d.first_seen, d.last_seen,
            (select count(*)::int from attempts a where a.hall_id = d.hall_id and a.device_id = d.id) as attempts
     from devices d where d.hall_id = $1 order by d.last_seen desc`,
    [hallId],
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, appVersion: r.app_version, firstSeen: r.first_seen, lastSeen: r.last_seen, attempts: r.attempts }));
}
