// The device's setup code: what only staff have, needed to set the staff PIN on a device that has
// none (first run, or a PIN staff forgot). A visitor who taps "Staff" on a fresh kiosk cannot take the
// console: they would need the code.
//
// Where the code comes from (checked in this order):
// 1. The hall server (`npm start`) prints a setup code when it starts and checks it:
//      GET  /api/staff/setup-code          → 200 {"setupCode":"server"}   (this server checks codes)
//      POST /api/staff/setup-code {code}   → 200 {"ok":true} | 403 {"ok":false} | 429 (too many tries)
// 2. A static copy of the app (no server) carries `setup-code.json` beside index.html: the
//    PBKDF2 hash of a code that `npm run setup-code` generated, printed once and wrote there
//    (public/ before a build, or dist/ after it). The code itself is never stored anywhere.
// 3. Neither: PIN setup is not possible on this device, and the gate says how to get a code.
//
// The code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in groups
// of four: about 59 bits, so even its published hash cannot be searched through.
import { hashSecret, storedPinSchema, verifySecret, type StoredPin } from './pin.ts';

export const SETUP_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SETUP_CODE_LENGTH = 12;
export const SETUP_CODE_FILE = 'setup-code.json';
export const SETUP_CODE_API = '/api/staff/setup-code';

/** A new random code, e.g. "K7QM-4XTD-9PRW". */
export function generateSetupCode(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const n = SETUP_CODE_ALPHABET.length;
  // rejection sampling: bytes above the largest multiple of n would favour the first letters
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < SETUP_CODE_LENGTH) {
    for (const b of random(new Uint8Array(16))) {
      if (b >= limit) continue;
      out += SETUP_CODE_ALPHABET[b % n];
      if (out.length === SETUP_CODE_LENGTH) break;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What staff typed, as the code is hashed: upper case, without spaces or dashes. */
export function normalizeSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** The file a static deployment carries: the code's hash, never the code. */
export async function setupCodeFile(code: string): Promise<StoredPin> {
  return hashSecret(normalizeSetupCode(code));
}

export type SetupCodeSource = 'server' | 'file' | 'none';
export type SetupCodeCheck = 'ok' | 'wrong' | 'limited' | 'unavailable';

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function json(r: Response): Promise<unknown> {
  try {
    return await r.json();
  } catch {
    return null;
  }
}

async function deploymentFile(fetchFn: Fetch, base: string): Promise<StoredPin | null> {
  try {
    const r = await fetchFn(new URL(SETUP_CODE_FILE, base).href, { cache: 'no-store' });
    if (!r.ok) return null;
    const parsed = storedPinSchema.safeParse(await json(r));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function serverChecks(fetchFn: Fetch, base: string): Promise<boolean> {
  try {
    const r = await fetchFn(new URL(SETUP_CODE_API, base).href, { cache: 'no-store' });
    if (!r.ok) return false;
    const body = (await json(r)) as { setupCode?: unknown } | null;
    return body?.setupCode === 'server';
  } catch {
    return false;
  }
}

/**
 * Which setup code this device can check (asked when the PIN gate opens on a device without a PIN).
 * `fromHallServer`: the page carries the hall server's marker (src/hall/hint.ts); a static copy asks
 * no API at all (not even to hear that there is none).
 */
export async function probeSetupCode(fetchFn: Fetch, base: string, fromHallServer = true): Promise<SetupCodeSource> {
  if (fromHallServer && (await serverChecks(fetchFn, base))) return 'server';
  if (await deploymentFile(fetchFn, base)) return 'file';
  return 'none';
}

/** Is this the device's setup code? Asks the hall server, or checks the deployment file's hash. */
export async function checkSetupCode(typed: string, fetchFn: Fetch, base: string, fromHallServer = true): Promise<SetupCodeCheck> {
  const code = normalizeSetupCode(typed);
  if (!code) return 'wrong';
  if (fromHallServer && (await serverChecks(fetchFn, base))) {
    try {
      const r = await fetchFn(new URL(SETUP_CODE_API, base).href, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
        cache: 'no-store',
      });
      if (r.status === 429) return 'limited';
      const body = (await json(r)) as { ok?: unknown } | null;
      return r.ok && body?.ok === true ? 'ok' : 'wrong';
    } catch {
      // the server went away between the two requests: try the file
    }
  }
  const file = await deploymentFile(fetchFn, base);
  if (!file) return 'unavailable';
  return (await verifySecret(code, file)) ? 'ok' : 'wrong';
}
