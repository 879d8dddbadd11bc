// Moving results between devices and out to spreadsheets, and deleting them (privacy: visitors are
// often minors, so only nickname + group ever leave the device, and staff can purge).
// - CSV: UTF-8 with a BOM (Excel then shows Chinese instead of mojibake), a header row, one row per
//   attempt, RFC 4180 quoting and CRLF line ends. Times in the hall's local time, as Excel reads them.
//   Text cells that Excel would run as a formula (= + - @ tab CR LF at the start, also after leading
//   spaces or line feeds: " =1+1", "\n=cmd|…", OWASP's CSV-injection list) get a leading apostrophe.
// - JSON: { format: 'traffic-hall-export', version: 1, exportedAt, attempts, visitors }, read back by
//   importJson with clear messages; importPlan.ts merges an import by attempt id without duplicates.
import { z } from 'zod';
import { MODE_IDS, ZONE_IDS } from '../content/ids.ts';
import { spreadsheetSafe } from '../content/import/formula.ts';
import type { Attempt, Visitor } from '../storage/types.ts';
import { capErrors, checkAttempts, checkVisitors, readExport } from './importPlan.ts';
import { HALL_TZ_OFFSET_MIN } from './stats.ts';

export const EXPORT_FORMAT = 'traffic-hall-export';
export const EXPORT_VERSION = 1;
const DAY_MS = 86_400_000;
const BOM = '\uFEFF';

/** What an export holds of a visitor: nothing else is personal data we keep. */
export interface ExportVisitor {
  id: string;
  nickname: string;
  group: string;
}

export interface HallExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  attempts: Attempt[];
  visitors: ExportVisitor[];
}

/** Only the visitors the attempts refer to, and only their id, nickname and group. */
function exportVisitors(attempts: readonly Attempt[], visitors: readonly Visitor[]): ExportVisitor[] {
  const used = new Set(attempts.map((a) => a.visitorId));
  return visitors.filter((v) => used.has(v.id)).map((v) => ({ id: v.id, nickname: v.nickname, group: v.group }));
}

// ---------------------------------------------------------------- CSV

export const CSV_COLUMNS = [
  'id',
  'visitorId',
  'nickname',
  'group',
  'zone',
  'mode',
  'startedAt',
  'endedAt',
  'durationSec',
  'score',
  'stars',
  'passed',
  'answered',
  'correct',
  'events',
  'appVersion',
  'device',
] as const;

/** "2026-05-01 10:03:04" in the zone `tzOffsetMin` minutes east of UTC. */
export function localTime(t: number, tzOffsetMin = HALL_TZ_OFFSET_MIN): string {
  return new Date(t + tzOffsetMin * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

function tzLabel(tzOffsetMin: number): string {
  const sign = tzOffsetMin < 0 ? '-' : '+';
  const m = Math.abs(tzOffsetMin);
  return `UTC${sign}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string') s = spreadsheetSafe(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(attempts: readonly Attempt[], visitors: readonly Visitor[], opts: { tzOffsetMin?: number } = {}): string {
  const tz = opts.tzOffsetMin ?? HALL_TZ_OFFSET_MIN;
  const nick = new Map(visitors.map((v) => [v.id, v.nickname]));
  const header = CSV_COLUMNS.map((c) => (c === 'startedAt' || c === 'endedAt' ? `${c} (${tzLabel(tz)})` : c));
  const rows = attempts.map((a) => {
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
      id: a.id,
      visitorId: a.visitorId,
      nickname: nick.get(a.visitorId) ?? null,
      group: a.group,
      zone: a.zone,
      mode: a.mode,
      startedAt: localTime(a.startedAt, tz),
      endedAt: localTime(a.endedAt, tz),
      durationSec: Math.round(Math.max(0, a.endedAt - a.startedAt) / 1000),
      score: a.score,
      stars: a.stars,
      passed: a.passed,
      answered: a.answers ? a.answers.length : null,
      correct: a.answers ? a.answers.filter((x) => x.correct).length : null,
      events: a.events ? a.events.length : null,
      appVersion: a.appVersion,
      device: a.device,
    };
    return CSV_COLUMNS.map((c) => csvField(cells[c])).join(',');
  });
  return BOM + [header.join(','), ...rows].join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------- JSON

export function buildExport(attempts: readonly Attempt[], visitors: readonly Visitor[], exportedAt: number): HallExport {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, attempts: [...attempts], visitors: exportVisitors(attempts, visitors) };
}

export function toJson(attempts: readonly Attempt[], visitors: readonly Visitor[], exportedAt: number): string {
  return JSON.stringify(buildExport(attempts, visitors, exportedAt));
}

const time = z.number().int('must be a time in milliseconds').min(0, 'must be a time in milliseconds');
export const attemptSchema = z
  .object({
    id: z.string().min(1, 'must not be empty'),
    visitorId: z.string().min(1, 'must not be empty'),
    group: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be an audience group id'),
    zone: z.enum(ZONE_IDS, { error: `must be one of ${ZONE_IDS.join(', ')}` }),
    mode: z.enum(MODE_IDS, { error: `must be one of ${MODE_IDS.join(', ')}` }),
    startedAt: time,
    endedAt: time,
    score: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
    stars: z.number().int().min(0, 'must be 0–3').max(3, 'must be 0–3'),
    passed: z.boolean(),
    events: z.array(z.object({ kind: z.string().min(1), t: z.number(), details: z.record(z.string(), z.unknown()).optional() })).optional(),
    answers: z.array(z.object({ question: z.string().min(1), chosen: z.array(z.string()), correct: z.boolean(), ms: z.number().min(0) })).optional(),
    appVersion: z.string(),
    device: z.enum(['vr', 'desktop', 'kiosk'], { error: 'must be vr, desktop or kiosk' }),
  })
  .refine((a) => a.endedAt >= a.startedAt, { message: 'must not be before startedAt', path: ['endedAt'] });

export const exportVisitorSchema = z.object({ id: z.string().min(1), nickname: z.string().max(40, 'at most 40 characters'), group: z.string().min(1) });

export type ImportResult = { ok: true; data: HallExport } | { ok: false; errors: string[] };

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** Reads a JSON export (from this or another device) at once. Errors name the place: "attempts[3].score:
 * must be between 0 and 100"; at most 20 are listed. The staff console reads big files in a worker, a
 * chunk at a time, with the same steps (importPlan.ts). */
export function importJson(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, errors: [`the file is not JSON (${e instanceof Error ? e.message : String(e)})`] };
  }
  const shape = readExport(raw);
  if (!shape.ok) return shape;
  const errors: string[] = [];
  const attempts: Attempt[] = [];
  checkAttempts(shape.body.attempts, 0, shape.body.attempts.length, attempts, errors);
  const visitors = checkVisitors(shape.body.visitors, errors);
  if (errors.length) return { ok: false, errors: capErrors(errors) };
  return { ok: true, data: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: shape.body.exportedAt, attempts, visitors } };
}

// ---------------------------------------------------------------- purge

export interface PurgeOptions {
  /** remove what ended more than this many days before `now`; omitted: remove everything */
  olderThanDays?: number;
  now: number;
}

function cutoff(opts: PurgeOptions): number {
  if (opts.olderThanDays === undefined) return Infinity;
  if (!(opts.olderThanDays >= 0)) throw new Error(`purge: olderThanDays must be 0 or more (got ${opts.olderThanDays})`);
  return opts.now - opts.olderThanDays * DAY_MS;
}

/** Splits attempts into those kept and those to delete (by endedAt). */
export function purge(attempts: readonly Attempt[], opts: PurgeOptions): { kept: Attempt[]; removed: Attempt[] } {
  const before = cutoff(opts);
  const kept: Attempt[] = [];
  const removed: Attempt[] = [];
  for (const a of attempts) (a.endedAt < before ? removed : kept).push(a);
  return { kept, removed };
}

/** Visitors to delete along with a purge: those left without attempts and created before the cutoff
 * (all of them when no age is given), except the ids in `keep` (e.g. the kiosk's current visitor). */
export function purgeVisitors(
  visitors: readonly Visitor[],
  remainingAttempts: readonly Attempt[],
  opts: PurgeOptions & { keep?: readonly string[] },
): { kept: Visitor[]; removed: Visitor[] } {
  const before = cutoff(opts);
  const used = new Set(remainingAttempts.map((a) => a.visitorId));
  const keep = new Set(opts.keep ?? []);
  const kept: Visitor[] = [];
  const removed: Visitor[] = [];
  for (const v of visitors) (!used.has(v.id) && !keep.has(v.id) && v.createdAt < before ? removed : kept).push(v);
  return { kept, removed };
}
