// A results import (a JSON export from this or another kiosk) in steps a worker can run one chunk at a
// time — read the file's shape, check the attempts a chunk at a time (progress, cancel in between),
// plan what to add — all linear: the existing records are looked up by id, never searched.
// Pure: no IndexedDB, no DOM; the worker (importWorker.ts) feeds it and writes the result.
import { nicknameProblem } from '../modes/profile.ts';
import type { Attempt, Visitor } from '../storage/types.ts';
import { attemptSchema, EXPORT_FORMAT, EXPORT_VERSION, exportVisitorSchema, pathText, type ExportVisitor } from './exchange.ts';

/** The largest file a kiosk takes: about 115,000 attempts (the file, its parsed objects and the rows fit in a kiosk's memory). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** attempts checked per step (between two steps the worker reports progress and takes a cancel) */
export const CHECK_CHUNK = 2000;
const MAX_ERRORS = 20;

export function sizeProblem(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `the file is ${(bytes / 1048576).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 1048576} MB can be imported at once (export a shorter period on the other device and import it in parts)`;
}

export interface ExportBody {
  exportedAt: number;
  attempts: unknown[];
  visitors: unknown[];
}

/** The file's outer shape: format, version, the two lists. Errors name what is wrong. */
export function readExport(raw: unknown): { ok: true; body: ExportBody } | { ok: false; errors: string[] } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: ['the file is not a traffic-hall export (expected an object)'] };
  const o = raw as Record<string, unknown>;
  if (o.format !== EXPORT_FORMAT) return { ok: false, errors: [`the file is not a traffic-hall export (format is ${JSON.stringify(o.format ?? null)}, expected "${EXPORT_FORMAT}")`] };
  if (typeof o.version === 'number' && o.version > EXPORT_VERSION)
    return { ok: false, errors: [`the file was made by a newer version of the app (export version ${o.version}; this app reads version ${EXPORT_VERSION})`] };
  const errors: string[] = [];
  if (o.version !== EXPORT_VERSION) errors.push(`version: must be ${EXPORT_VERSION}`);
  if (typeof o.exportedAt !== 'number' || !Number.isInteger(o.exportedAt) || o.exportedAt < 0) errors.push('exportedAt: must be a time in milliseconds');
  if (!Array.isArray(o.attempts)) errors.push('attempts: must be a list');
  if (o.visitors !== undefined && !Array.isArray(o.visitors)) errors.push('visitors: must be a list');
  if (errors.length) return { ok: false, errors };
  return { ok: true, body: { exportedAt: o.exportedAt as number, attempts: o.attempts as unknown[], visitors: (o.visitors as unknown[] | undefined) ?? [] } };
}

/** Checks attempts [from, to) of the list, adding the valid ones to `out` and problems to `errors`. */
export function checkAttempts(list: readonly unknown[], from: number, to: number, out: Attempt[], errors: string[]): void {
  for (let i = from; i < Math.min(to, list.length); i++) {
    const r = attemptSchema.safeParse(list[i]);
    if (r.success) out.push(r.data as Attempt);
    else for (const issue of r.error.issues) errors.push(`attempts[${i}]${issue.path.length ? `.${pathText(issue.path)}` : ''}: ${issue.message}`);
  }
}

/** Checks the visitors (nickname + group only are read; anything else a file carries is dropped). */
export function checkVisitors(list: readonly unknown[], errors: string[]): ExportVisitor[] {
  const out: ExportVisitor[] = [];
  list.forEach((v, i) => {
    const r = exportVisitorSchema.safeParse(v);
    if (r.success) out.push({ id: r.data.id, nickname: r.data.nickname, group: r.data.group });
    else for (const issue of r.error.issues) errors.push(`visitors[${i}]${issue.path.length ? `.${pathText(issue.path)}` : ''}: ${issue.message}`);
  });
  return out;
}

/** At most MAX_ERRORS lines, with how many more there were. */
export function capErrors(errors: readonly string[]): string[] {
  return errors.length > MAX_ERRORS ? [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more problems`] : [...errors];
}

/** JSON with sorted keys: two copies of one record compare equal whatever their key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

export interface ImportPlan {
  attempts: Attempt[];
  visitors: Visitor[];
  /** attempts already here with the same content (or repeated in the file) */
  skipped: number;
  /** attempts already here with different content: the device's record is kept */
  conflicts: number;
  /** visitors whose nickname broke the nickname rules: imported without one (shown as a guest) */
  nicknamesCleared: number;
}

/**
 * What to add. `existing(ids)` answers the device's attempts with these ids (one lookup per chunk,
 * not a scan per row); visitors the device knows keep their own record.
 */
export async function planImport(
  attempts: readonly Attempt[],
  visitors: readonly ExportVisitor[],
  exportedAt: number,
  lookup: { attempts(ids: string[]): Promise<(Attempt | undefined)[]>; visitorIds(ids: string[]): Promise<Set<string>> },
  onProgress: (done: number) => void = () => {},
): Promise<ImportPlan> {
  const plan: ImportPlan = { attempts: [], visitors: [], skipped: 0, conflicts: 0, nicknamesCleared: 0 };
  const seen = new Set<string>();
  for (let i = 0; i < attempts.length; i += CHECK_CHUNK) {
    const chunk = attempts.slice(i, i + CHECK_CHUNK);
    const here = await lookup.attempts(chunk.map((a) => a.id));
    chunk.forEach((a, j) => {
      const mine = here[j];
      if (seen.has(a.id)) plan.skipped++;
      else if (!mine) plan.attempts.push(a);
      // the same export read back has the same key order: the cheap comparison settles most rows
      else if (JSON.stringify(mine) === JSON.stringify(a) || canonical(mine) === canonical(a)) plan.skipped++;
      else plan.conflicts++;
      seen.add(a.id);
    });
    onProgress(Math.min(attempts.length, i + CHECK_CHUNK));
  }
  const used = new Set(plan.attempts.map((a) => a.visitorId));
  const wanted = visitors.filter((v) => used.has(v.id));
  const known = await lookup.visitorIds(wanted.map((v) => v.id));
  const added = new Set<string>();
  for (const v of wanted) {
    if (known.has(v.id) || added.has(v.id)) continue;
    added.add(v.id);
    // the same nickname rules as the profile form: an imported record is no way around them
    const ok = !v.nickname.trim() || nicknameProblem(v.nickname) === null;
    if (!ok) plan.nicknamesCleared++;
    plan.visitors.push({ id: v.id, nickname: ok ? v.nickname.trim() : '', group: v.group, createdAt: exportedAt });
  }
  return plan;
}
