// Signed-in staff consoles. The cookie holds a random token; the database holds only its SHA-256, so
// a copy of the database signs no one in.
import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/driver.ts';

export const SESSION_HOURS = 8;

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createSession(db: Sql, hallId: string, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_HOURS * 3_600_000;
  // expired sessions go as new ones come
  await db.query('delete from staff_sessions where expires_at < $1', [now]);
  await db.query('insert into staff_sessions (token_hash, hall_id, created_at, expires_at) values ($1, $2, $3, $4)', [digest(token), hallId, now, expiresAt]);
  return { token, expiresAt };
}

/** The session's expiry when the token is a live session of this hall, else null. */
export async function findSession(db: Sql, hallId: string, token: string, now: number): Promise<number | null> {
  const [row] = await db.query<{ expires_at: number }>('select expires_at from staff_sessions where token_hash = $1 and hall_id = $2 and expires_at > $3', [digest(token), hallId, now]);
  return row ? row.expires_at : null;
}

export async function endSession(db: Sql, token: string): Promise<void> {
  await db.query('delete from staff_sessions where token_hash = $1', [digest(token)]);
}

/** A new PIN signs every other console out. */
export async function endAllSessions(db: Sql, hallId: string): Promise<void> {
  await db.query('delete from staff_sessions where hall_id = $1', [hallId]);
}
