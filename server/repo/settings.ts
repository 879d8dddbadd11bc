// The hall's shared settings by key (the staff PIN hash, kiosk settings, staff questions), as jsonb.
import { json, type Sql } from '../db/driver.ts';

export async function getSetting<T = unknown>(db: Sql, hallId: string, key: string): Promise<{ value: T; updatedAt: number } | null> {
  const [row] = await db.query<{ value: T; updated_at: number }>('select value, updated_at from settings where hall_id = $1 and key = $2', [hallId, key]);
  return row ? { value: row.value, updatedAt: row.updated_at } : null;
}

export async function putSetting(db: Sql, hallId: string, key: string, value: unknown, now: number): Promise<void> {
  await db.query(
    `insert into settings (hall_id, key, value, updated_at) values ($1, $2, $3::jsonb, $4)
     on conflict (hall_id, key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    [hallId, key, json(value), now],
  );
}
