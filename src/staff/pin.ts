// The staff console's PIN: 6–8 digits for a new PIN (a PIN set before that rule, 4–5 digits, still
// opens the console and is asked to be changed), set on first use with the device's setup code
// (setupCode.ts), changeable. Only a PBKDF2-SHA-256 hash (WebCrypto: globalThis.crypto.subtle, in
// browsers and Node 20) is stored, with its random 16-byte salt and iteration count, all as base64
// so it fits in the settings store as plain JSON. 600,000 iterations (OWASP 2023 for PBKDF2-SHA-256);
// a hash made with fewer is re-made at the next right PIN.
//
// Wrong PINs are rate limited by a pure limiter whose state the app saves with the settings (a reload
// must not reset it): the first MAX_FREE_FAILURES wrong PINs cost nothing, the next one locks the
// console for 30 s, each further one doubles the wait, capped at 15 min. A right PIN clears it, and so
// does an hour without a wrong PIN (the next shift's typo does not inherit yesterday's lock).
import { z } from 'zod';

/** digits of a new PIN */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 8;
/** a PIN set under the old 4-digit rule still opens the console (and is asked to be changed) */
export const LEGACY_PIN_MIN_DIGITS = 4;
/** iterations for new hashes; verification uses the count stored with each hash */
export const PIN_ITERATIONS = 600_000;
/** hashes below this are refused when made; anything below PIN_ITERATIONS is re-hashed (needsRehash) */
export const PIN_MIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export const storedPinSchema = z
  .object({
    algo: z.literal('PBKDF2-SHA-256'),
    iterations: z.number().int().min(1),
    salt: z.string().min(1),
    hash: z.string().min(1),
  })
  .strict();
export type StoredPin = z.infer<typeof storedPinSchema>;

/** Why a PIN cannot be used as a new PIN, or null when it can. */
export function checkPinRule(pin: string, minDigits = PIN_MIN_DIGITS): string | null {
  if (!/^\d*$/.test(pin)) return 'the PIN must be digits only';
  if (pin.length < minDigits || pin.length > PIN_MAX_DIGITS) return `the PIN must have ${minDigits}–${PIN_MAX_DIGITS} digits`;
  return null;
}

/** A PIN that opens the console but is shorter than today's rule: the console asks for a new one. */
export const isShortPin = (pin: string): boolean => /^\d+$/.test(pin) && pin.length < PIN_MIN_DIGITS;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available (the staff console needs a secure context: https or localhost)');
  return s;
}

export async function derive(secret: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await subtle().importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/** A salted PBKDF2-SHA-256 hash of any secret (a PIN, a setup code). */
export async function hashSecret(secret: string, iterations = PIN_ITERATIONS): Promise<StoredPin> {
  if (!Number.isInteger(iterations) || iterations < PIN_MIN_ITERATIONS) throw new Error(`at least ${PIN_MIN_ITERATIONS} iterations`);
  const salt = new Uint8Array(SALT_BYTES);
  globalThis.crypto.getRandomValues(salt);
  const hash = await derive(secret, salt, iterations);
  return { algo: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** A new hash of the PIN with a fresh random salt. Throws when the PIN breaks the rule (6–8 digits). */
export async function setPin(pin: string, opts: { iterations?: number; minDigits?: number } = {}): Promise<StoredPin> {
  const problem = checkPinRule(pin, opts.minDigits);
  if (problem) throw new Error(problem);
  return hashSecret(pin, opts.iterations);
}

/** True when the secret matches the stored hash. A damaged stored value never matches (and never throws). */
export async function verifySecret(secret: string, stored: unknown): Promise<boolean> {
  const r = storedPinSchema.safeParse(stored);
  if (!r.success || !secret) return false;
  const salt = fromBase64(r.data.salt);
  const expected = fromBase64(r.data.hash);
  if (!salt || !expected || expected.length * 8 !== HASH_BITS) return false;
  const actual = await derive(secret, salt, r.data.iterations);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ actual[i]!; // same time for every mismatch position
  return diff === 0;
}

/** True when the PIN matches the stored hash. PINs made under the old 4-digit rule still match. */
export async function verifyPin(pin: string, stored: unknown): Promise<boolean> {
  if (checkPinRule(pin, LEGACY_PIN_MIN_DIGITS)) return false;
  return verifySecret(pin, stored);
}

/** A stored hash made with fewer iterations than today's: re-hash after the next right PIN. */
export function needsRehash(stored: StoredPin): boolean {
  // fewer iterations than today's: made before the OWASP 2023 figure
  return stored.iterations < PIN_ITERATIONS;
}

export type ChangePinResult = { ok: true; stored: StoredPin } | { ok: false; reason: 'wrong-pin' | 'rule'; message: string };

/** Changing the PIN needs the current one. */
export async function changePin(stored: StoredPin, currentPin: string, newPin: string, opts: { iterations?: number } = {}): Promise<ChangePinResult> {
  const rule = checkPinRule(newPin);
  if (rule) return { ok: false, reason: 'rule', message: rule };
  if (!(await verifyPin(currentPin, stored))) return { ok: false, reason: 'wrong-pin', message: 'the current PIN is wrong' };
  return { ok: true, stored: await setPin(newPin, opts) };
}

// ---------------------------------------------------------------- rate limiting (pure)

export const MAX_FREE_FAILURES = 2;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** wrong PINs older than this (since the last one) are forgotten */
export const FAILURE_MEMORY_MS = 60 * 60_000;

export interface PinLimiter {
  /** consecutive wrong PINs */
  failures: number;
  lastFailureAt: number | null;
  /** no attempt before this time */
  lockedUntil: number;
}

export const initialLimiter = (): PinLimiter => ({ failures: 0, lastFailureAt: null, lockedUntil: 0 });

/** Whether a PIN may be tried now, and if not how long to wait. */
export function attemptAllowed(state: PinLimiter, now: number): { allowed: boolean; waitMs: number } {
  const waitMs = Math.max(0, state.lockedUntil - now);
  return { allowed: waitMs === 0, waitMs };
}

/** Lock time after the n-th consecutive wrong PIN: 0, 0, 30 s, 60 s, 120 s … capped at 15 min. */
export function lockMsAfter(failures: number): number {
  if (failures <= MAX_FREE_FAILURES) return 0;
  const doublings = failures - MAX_FREE_FAILURES - 1;
  return doublings >= 15 ? MAX_LOCK_MS : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** doublings);
}

export function recordFailure(state: PinLimiter, now: number): PinLimiter {
  const forgotten = state.lastFailureAt !== null && now - state.lastFailureAt >= FAILURE_MEMORY_MS;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const lock = lockMsAfter(failures);
  return { failures, lastFailureAt: now, lockedUntil: lock ? Math.max(state.lockedUntil, now + lock) : state.lockedUntil };
}

export const recordSuccess = (): PinLimiter => initialLimiter();
