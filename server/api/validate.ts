// Every request body and query goes through a zod schema; what fails gets 400 with the problems
// named by path ("items[3].attempt.score: must be between 0 and 100"), never a stack trace.
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

export function problemsOf(error: z.ZodError, max = 20): string[] {
  const all = error.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  return all.length > max ? [...all.slice(0, max), `… and ${all.length - max} more`] : all;
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, what = 'request'): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpError(400, `invalid ${what}`, problemsOf(r.error));
  return r.data;
}
