import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';

// 600,000 PBKDF2 iterations take a few hundred ms each; a loaded CI machine needs room
vi.setConfig({ testTimeout: 30_000 });
import {
  FAILURE_MEMORY_MS,
  PIN_ITERATIONS,
  attemptAllowed,
  changePin,
  checkPinRule,
  isShortPin,
  initialLimiter,
  lockMsAfter,
  needsRehash,
  recordFailure,
  recordSuccess,
  setPin,
  verifyPin,
  type PinLimiter,
  type StoredPin,
} from './pin.ts';

const b64 = (s: string) => Buffer.from(s, 'base64');

describe('PIN rules', () => {
  it('a new PIN has 6 to 8 digits (issue 15: 4 digits fall to a search of the hash in minutes)', () => {
    for (const ok of ['000000', '987654', '1234567', '12345678']) expect(checkPinRule(ok)).toBeNull();
    expect(checkPinRule('1234')).toBe('the PIN must have 6–8 digits');
    expect(checkPinRule('12345')).toBe('the PIN must have 6–8 digits');
    expect(checkPinRule('123456789')).toBe('the PIN must have 6–8 digits');
    expect(checkPinRule('')).toBe('the PIN must have 6–8 digits');
    expect(checkPinRule('12a456')).toBe('the PIN must be digits only');
    expect(checkPinRule('１２３４５６')).toBe('the PIN must be digits only'); // full-width digits from a Chinese IME
    expect(checkPinRule(' 123456')).toBe('the PIN must be digits only');
    expect(isShortPin('2468')).toBe(true);
    expect(isShortPin('246802')).toBe(false);
  });

  it('setPin refuses a PIN that breaks them, and fewer than 600,000 iterations (OWASP 2023)', async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    await expect(setPin('2468')).rejects.toThrow('the PIN must have 6–8 digits');
    await expect(setPin('123456', { iterations: 200_000 })).rejects.toThrow(/at least 600000 iterations/);
  });
});

describe('setPin / verifyPin', () => {
  it('stores a PBKDF2-SHA-256 hash with a random 16-byte salt, never the PIN', async () => {
    const stored = await setPin('246802');
    expect(stored.algo).toBe('PBKDF2-SHA-256');
    expect(stored.iterations).toBe(PIN_ITERATIONS);
    expect(stored.iterations).toBeGreaterThanOrEqual(600_000);
    expect(b64(stored.salt)).toHaveLength(16);
    expect(b64(stored.hash)).toHaveLength(32);
    expect(JSON.stringify(stored)).not.toContain('246802');
    // the same derivation, computed independently by Node's own PBKDF2
    const expected = pbkdf2Sync('246802', b64(stored.salt), stored.iterations, 32, 'sha256');
    expect(b64(stored.hash).equals(expected)).toBe(true);
  });

  it('the same PIN twice gets two different salts and hashes', async () => {
    const [a, b] = await Promise.all([setPin('246802'), setPin('246802')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('verifies the right PIN and refuses others', async () => {
    const stored = await setPin('902101');
    expect(await verifyPin('902101', stored)).toBe(true);
    expect(await verifyPin('902102', stored)).toBe(false);
    expect(await verifyPin('90210', stored)).toBe(false);
    expect(await verifyPin('0902101', stored)).toBe(false);
    // a round trip through the settings store (JSON) keeps it working
    expect(await verifyPin('902101', JSON.parse(JSON.stringify(stored)))).toBe(true);
  });

  it('a PIN made before (4 digits, 200,000 iterations) still opens, and is flagged for a re-hash', async () => {
    const salt = Buffer.alloc(16, 7);
    const old: StoredPin = {
      algo: 'PBKDF2-SHA-256',
      iterations: 200_000,
      salt: salt.toString('base64'),
      hash: pbkdf2Sync('1357', salt, 200_000, 32, 'sha256').toString('base64'),
    };
    expect(await verifyPin('1357', old)).toBe(true);
    expect(await verifyPin('1357', { ...old, iterations: 200_001 })).toBe(false);
    expect(needsRehash(old)).toBe(true);
    // the re-hash keeps the PIN the staff know (a short one too) at today's iterations
    const again = await setPin('1357', { minDigits: 4 });
    expect(again.iterations).toBe(PIN_ITERATIONS);
    expect(needsRehash(again)).toBe(false);
    expect(await verifyPin('1357', again)).toBe(true);
  });

  it('never matches (and never throws on) a damaged stored value', async () => {
    const stored = await setPin('432101');
    const flipped = b64(stored.hash);
    flipped[31] = flipped[31]! ^ 1;
    for (const bad of [null, undefined, 'x', {}, { ...stored, algo: 'MD5' }, { ...stored, hash: flipped.toString('base64') }, { ...stored, hash: '!!!' }, { ...stored, hash: 'AAAA' }]) {
      expect(await verifyPin('432101', bad)).toBe(false);
    }
  });
});

describe('changePin', () => {
  it('needs the current PIN and a valid new one', async () => {
    const stored = await setPin('1111', { minDigits: 4 });
    expect(await changePin(stored, '2222', '333333')).toEqual({ ok: false, reason: 'wrong-pin', message: 'the current PIN is wrong' });
    expect(await changePin(stored, '1111', '3333')).toEqual({ ok: false, reason: 'rule', message: 'the PIN must have 6–8 digits' });
    const r = await changePin(stored, '1111', '33334444');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(await verifyPin('33334444', r.stored)).toBe(true);
    expect(await verifyPin('1111', r.stored)).toBe(false);
  });
});

describe('wrong-PIN rate limiting', () => {
  const t0 = 1_000_000;
  const fail = (s: PinLimiter, n: number, at: number) => {
    let st = s;
    for (let i = 0; i < n; i++) st = recordFailure(st, at);
    return st;
  };

  it('allows two wrong PINs, then waits 30 s after the third', () => {
    let s = initialLimiter();
    expect(attemptAllowed(s, t0)).toEqual({ allowed: true, waitMs: 0 });
    s = fail(s, 2, t0);
    expect(attemptAllowed(s, t0)).toEqual({ allowed: true, waitMs: 0 });
    s = recordFailure(s, t0 + 1000);
    expect(attemptAllowed(s, t0 + 1000)).toEqual({ allowed: false, waitMs: 30_000 });
    expect(attemptAllowed(s, t0 + 30_999)).toEqual({ allowed: false, waitMs: 1 });
    expect(attemptAllowed(s, t0 + 31_000)).toEqual({ allowed: true, waitMs: 0 });
  });

  it('doubles the wait with each further wrong PIN, up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(lockMsAfter)).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
    expect(lockMsAfter(500)).toBe(900_000);
    let s = initialLimiter();
    let t = t0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      t += attemptAllowed(s, t).waitMs; // the next try comes as soon as it is allowed
      s = recordFailure(s, t);
      waits.push(attemptAllowed(s, t).waitMs);
    }
    expect(waits).toEqual([0, 0, 30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
  });

  it('a right PIN clears the count', () => {
    let s = fail(initialLimiter(), 4, t0);
    s = recordSuccess();
    s = recordFailure(s, t0 + 100_000);
    expect(attemptAllowed(s, t0 + 100_000).allowed).toBe(true);
    expect(s.failures).toBe(1);
  });

  it('forgets wrong PINs after an hour without one', () => {
    let s = fail(initialLimiter(), 5, t0);
    s = recordFailure(s, t0 + FAILURE_MEMORY_MS - 1);
    expect(s.failures).toBe(6);
    s = recordFailure(s, t0 + 2 * FAILURE_MEMORY_MS);
    expect(s.failures).toBe(1);
    expect(attemptAllowed(s, t0 + 2 * FAILURE_MEMORY_MS).allowed).toBe(true);
  });

  it('is plain JSON and pure', () => {
    const s = fail(initialLimiter(), 3, t0);
    const copy = JSON.parse(JSON.stringify(s)) as PinLimiter;
    expect(copy).toEqual(s);
    recordFailure(copy, t0 + 5);
    expect(copy).toEqual(s);
  });
});
