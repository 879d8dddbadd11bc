// The device's side of the hall server's HTTP API (same origin, JSON). Every answer is checked with
// the protocol's schemas before it is believed.
import type { z } from 'zod';
import {
  hallInfoSchema,
  hallQuestionsSchema,
  hallSettingsSchema,
  uploadResponseSchema,
  type DeviceInfo,
  type HallInfo,
  type HallSettings,
  type StatsQuery,
} from './protocol.ts';
import { SendError } from './uploader.ts';

export type Fetch = typeof fetch;

export interface HallApi {
  info(): Promise<HallInfo>;
  register(device: DeviceInfo): Promise<void>;
  upload(body: { device: DeviceInfo; items: unknown[] }): Promise<z.infer<typeof uploadResponseSchema>>;
  settings(): Promise<HallSettings>;
  questions(): Promise<z.infer<typeof hallQuestionsSchema>>;
}

async function call(f: Fetch, base: string, method: string, path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await f(`${base}${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new SendError(0, `the hall server cannot be reached (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!res.ok) {
    let message = `HTTP ${res.status}`;
    try {
      const j = (await res.json()) as { error?: string; problems?: string[] };
      if (j.error) message = [j.error, ...(j.problems ?? [])].join('; ');
    } catch {
      // not JSON: keep the status
    }
    throw new SendError(res.status, message);
  }
  return res;
}

export async function callJson<S extends z.ZodType>(f: Fetch, base: string, schema: S, method: string, path: string, body?: unknown): Promise<z.output<S>> {
  const res = await call(f, base, method, path, body);
  const r = schema.safeParse(await res.json());
  if (!r.success) throw new SendError(res.status, `unexpected answer from ${path}`);
  return r.data;
}

export async function callEmpty(f: Fetch, base: string, method: string, path: string, body?: unknown): Promise<void> {
  await call(f, base, method, path, body);
}

/** `base` is '' in the app (same origin) and the server's URL in Node tests. */
export function hallApi(base = '', f: Fetch = (...a) => fetch(...a)): HallApi {
  return {
    info: () => callJson(f, base, hallInfoSchema, 'GET', '/api/hall'),
    register: (device) => callEmpty(f, base, 'POST', '/api/devices', device),
    upload: (body) => callJson(f, base, uploadResponseSchema, 'POST', '/api/attempts', body),
    settings: () => callJson(f, base, hallSettingsSchema, 'GET', '/api/hall/settings'),
    questions: () => callJson(f, base, hallQuestionsSchema, 'GET', '/api/hall/questions'),
  };
}

export function statsParams(q: Partial<StatsQuery>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
