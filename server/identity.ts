// Who this hall server is, kept in its data directory (./data/hall.json, created on first start):
// the hall's id (every row in the database carries it, so halls can share one PostgreSQL), its name,
// and the staff setup code. The code is something only staff have — it is printed on the server's
// console at every start — and it is what sets (or resets) the hall's staff PIN from a device.
import { randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// Crockford's base 32: no I, L, O, U, so nothing is misread from a screen
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface HallIdentity {
  hallId: string;
  name: string;
  setupCode: string;
}

const fileSchema = z.object({ hallId: z.string().regex(/^[a-z0-9-]{1,40}$/), name: z.string().min(1).max(80), setupCode: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/) });

/** "7KQ4-M2XP": 40 random bits. */
export function newSetupCode(): string {
  const c = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

/** What staff typed, compared without spaces, dashes or case; O/I/L read as 0/1/1 as Crockford says. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function newHallId(): string {
  return `hall-${Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('').toLowerCase()}`;
}

export function identityFile(dataDir: string): string {
  return join(dataDir, 'hall.json');
}

/** Reads the data directory's identity, creating it on first start. HALL_ID and HALL_NAME (for a
 * city's shared database, where each hall needs a name it keeps) override the stored id and name. */
export function loadIdentity(dataDir: string, env: { HALL_ID?: string; HALL_NAME?: string } = {}): HallIdentity {
  mkdirSync(dataDir, { recursive: true });
  const file = identityFile(dataDir);
  let stored: HallIdentity | null = null;
  if (existsSync(file)) {
    const r = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!r.success) throw new Error(`${file}: not a hall identity (${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); move it away to start afresh`);
    stored = r.data;
  }
  const identity: HallIdentity = {
    hallId: env.HALL_ID ?? stored?.hallId ?? newHallId(),
    name: env.HALL_NAME ?? stored?.name ?? '交通安全体验馆',
    setupCode: stored?.setupCode ?? newSetupCode(),
  };
  if (!/^[a-z0-9-]{1,40}$/.test(identity.hallId)) throw new Error(`HALL_ID must be 1–40 lower-case letters, digits or dashes (got ${JSON.stringify(identity.hallId)})`);
  if (!stored || stored.hallId !== identity.hallId || stored.name !== identity.name) saveIdentity(dataDir, identity);
  return identity;
}

export function saveIdentity(dataDir: string, identity: HallIdentity): void {
  const file = identityFile(dataDir);
  writeFileSync(file, `${JSON.stringify(identity, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
