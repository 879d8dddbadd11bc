// The hall's staff PIN on the server: PBKDF2-SHA-256 with 600,000 iterations (OWASP's 2023 figure)
// and a random salt; only the hash is stored. Checking takes ≈ 0.25 s of one core here, which the
// sign-in rate limits keep from becoming a way to load the server.
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

const derive = promisify(pbkdf2);

export const PIN_ITERATIONS = 600_000;

export const storedPinSchema = z.object({
  alg: z.literal('pbkdf2-sha256'),
  iterations: z.number().int().min(1),
  salt: z.string().min(1),
  hash: z.string().min(1),
});
export type StoredPin = z.infer<typeof storedPinSchema>;

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<StoredPin> {
  const salt = randomBytes(16);
  const hash = await derive(pin, salt, iterations, 32, 'sha256');
  return { alg: 'pbkdf2-sha256', iterations, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

export async function verifyPin(pin: string, stored: StoredPin): Promise<boolean> {
  const want = Buffer.from(stored.hash, 'base64');
  const got = await derive(pin, Buffer.from(stored.salt, 'base64'), stored.iterations, want.length, 'sha256');
  return got.length === want.length && timingSafeEqual(got, want);
}
