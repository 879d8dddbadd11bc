// What the API handlers share: the database, who this hall is, the clock and the limits.
import type { Database } from './db/driver.ts';
import type { HallIdentity } from './identity.ts';
import type { UnsafeRule } from '../src/scoring/stats.ts';

export interface RateLimits {
  /** API requests per address per minute (uploads, settings, staff screens) */
  apiPerAddress: number;
  /** sign-in and setup-code attempts per address per minute */
  signInPerAddress: number;
  /** sign-in and setup-code attempts per minute from everyone together (a PIN check costs ≈ 0.25 s) */
  signInOverall: number;
  /** live room join attempts per address per minute, and from everyone together (the code is the secret) */
  joinsPerAddress: number;
  joinsOverall: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { apiPerAddress: 600, signInPerAddress: 10, signInOverall: 30, joinsPerAddress: 20, joinsOverall: 240 };

export interface HallContext {
  db: Database;
  identity: HallIdentity;
  /** where the identity file lives (a used setup code is replaced there); null: not saved */
  dataDir: string | null;
  version: string;
  now: () => number;
  unsafe: UnsafeRule;
  /** cookies only over HTTPS (start:lan) */
  secureCookies: boolean;
  limits: RateLimits;
  /** the server's console: the setup code, problems */
  log: (line: string) => void;
}
