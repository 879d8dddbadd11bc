// The violator service programme (轻微醉驾 "不起诉 + 社会公益服务", facts 3.9–3.14): staff create a
// participant record holding only what they type (a case number or code), assign the programme's
// items, log the volunteer service hours, and the app tracks completion from the attempts. Pure: the
// console passes the saved participant and the device's attempts.
//
// How a participant's attempts are linked: staff start the participant's session on this device from
// the console (a fresh random visitor id per participant, kept in the record). Every game or test played
// in that session is saved under that id like any visitor's attempt; nothing typed by the participant
// links them, so a code cannot be mistyped or used by somebody else, and staff have seen who played.
// The case number never leaves the device (the id is random; the hall server sees an anonymous visitor).
import type { ModeId, ZoneId } from '../content/ids.ts';
import type { Attempt } from '../storage/types.ts';

export const PROGRAMME_ITEM_IDS = ['drunk-game', 'seatbelt-game', 'drunk-test', 'seatbelt-test', 'service'] as const;
export type ProgrammeItemId = (typeof PROGRAMME_ITEM_IDS)[number];

/** Where each item is played (service hours are logged by staff, not played). */
export const ITEM_ROUTE: Record<Exclude<ProgrammeItemId, 'service'>, { zone: ZoneId; mode: ModeId }> = {
  'drunk-game': { zone: 'drunk', mode: 'game' },
  'seatbelt-game': { zone: 'seatbelt', mode: 'game' },
  'drunk-test': { zone: 'drunk', mode: 'test' },
  'seatbelt-test': { zone: 'seatbelt', mode: 'test' },
};

/** The audience group a participant plays under: the programme is for drivers. */
export const PARTICIPANT_GROUP = 'driver';
export const DEFAULT_PASS_MARK = 80;
/** a common local requirement (facts 3.14: at least 10 hours in one county); staff set the case's own */
export const DEFAULT_SERVICE_HOURS = 10;
export const CODE_MAX = 40;
export const HOURS_PER_ENTRY_MAX = 12;

export interface ServiceEntry {
  id: string;
  /** the day served, YYYY-MM-DD (the hall's local date) */
  date: string;
  hours: number;
  createdAt: number;
}

export interface Participant {
  id: string;
  programme: 'violator-service';
  /** what staff typed: a case number or a code (never an ID number: checkCaseCode) */
  code: string;
  /** the random visitor id the participant's attempts are saved under */
  visitorId: string;
  items: ProgrammeItemId[];
  /** a self-test counts when its score reaches this (0–100) */
  passMark: number;
  /** volunteer service hours the case requires */
  serviceHours: number;
  service: ServiceEntry[];
  createdAt: number;
  updatedAt: number;
}

// ---------------------------------------------------------------- what staff type

export type CodeProblem = 'empty' | 'long' | 'idNumber' | 'chars';

/**
 * Could this be a Chinese resident ID number? 18 characters: 17 digits and a digit or X (GB 11643), or
 * the old 15-digit form, anywhere in the text, whatever spaces, dashes or full-width digits split it.
 * Refused outright: a case record must not hold one, and staff retype a case number instead.
 */
export function looksLikeIdNumber(raw: string): boolean {
  const compact = raw.normalize('NFKC').replace(/[\s\-_.·/]/g, '');
  return /\d{17}[\dXx]/.test(compact) || /(^|\D)\d{15}(\D|$)/.test(compact);
}

const CODE_CHARS = /^[\p{Script=Han}A-Za-z0-9 \-_/.#()（）〔〕[\]【】]+$/u;

/** A case number or code as staff typed it: trimmed, inner spaces folded; or why it is refused. */
export function checkCaseCode(raw: string): { ok: true; code: string } | { ok: false; problem: CodeProblem } {
  const code = raw.trim().replace(/\s+/g, ' ');
  if (!code) return { ok: false, problem: 'empty' };
  // the ID check comes first: a pasted ID number must be named as such, whatever else is wrong
  if (looksLikeIdNumber(code)) return { ok: false, problem: 'idNumber' };
  if ([...code].length > CODE_MAX) return { ok: false, problem: 'long' };
  if (!CODE_CHARS.test(code)) return { ok: false, problem: 'chars' };
  return { ok: true, code };
}

export type ServiceProblem = 'date' | 'future' | 'hours';

/** A service log line: a real date not after today, hours in half-hour steps from 0.5 to 12. */
export function checkServiceEntry(date: string, hoursText: string, today: string): { ok: true; date: string; hours: number } | { ok: false; problem: ServiceProblem } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return { ok: false, problem: 'date' };
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date.trim()) return { ok: false, problem: 'date' };
  if (date.trim() > today) return { ok: false, problem: 'future' };
  const hours = Number(hoursText.trim().normalize('NFKC'));
  if (!Number.isFinite(hours) || hours <= 0 || hours > HOURS_PER_ENTRY_MAX || Math.round(hours * 2) !== hours * 2) return { ok: false, problem: 'hours' };
  return { ok: true, date: date.trim(), hours };
}

export function newParticipant(o: { id: string; visitorId: string; code: string; passMark?: number; serviceHours?: number; items?: ProgrammeItemId[]; now: number }): Participant {
  return {
    id: o.id,
    programme: 'violator-service',
    code: o.code,
    visitorId: o.visitorId,
    items: o.items ?? [...PROGRAMME_ITEM_IDS],
    passMark: clampInt(o.passMark ?? DEFAULT_PASS_MARK, 0, 100),
    serviceHours: Math.max(0, Math.min(500, o.serviceHours ?? DEFAULT_SERVICE_HOURS)),
    service: [],
    createdAt: o.now,
    updatedAt: o.now,
  };
}

const clampInt = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

// ---------------------------------------------------------------- completion

export interface ItemStatus {
  id: ProgrammeItemId;
  done: boolean;
  /** the best attempt's score (0–100); for service, the hours logged */
  score: number | null;
  /** the attempt the score comes from (the first that reached it) */
  attemptId: string | null;
  /** when the item was done (the attempt's end, or the service entry that reached the hours) */
  doneAt: number | null;
  attempts: number;
}

export interface ProgrammeStatus {
  items: ItemStatus[];
  serviceHours: number;
  complete: boolean;
  /** the last item's doneAt when complete */
  completedAt: number | null;
}

/**
 * Which items are done. Attempts count when saved under the participant's visitor id after the record
 * was made. A game is done when it was played to its summary (any finished attempt: the game itself
 * teaches; the score is reported); a self-test when its score reaches the pass mark; service when the
 * logged hours reach the required hours.
 */
export function programmeStatus(p: Participant, attempts: readonly Attempt[], tzOffsetMin = 480): ProgrammeStatus {
  const mine = attempts.filter((a) => a.visitorId === p.visitorId && a.startedAt >= p.createdAt);
  const serviceHours = p.service.reduce((s, e) => s + e.hours, 0);
  const items: ItemStatus[] = p.items.map((id) => {
    if (id === 'service') {
      let sum = 0;
      let doneAt: number | null = null;
      for (const e of [...p.service].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt - b.createdAt))) {
        sum += e.hours;
        if (doneAt === null && sum >= p.serviceHours) doneAt = Date.parse(`${e.date}T00:00:00Z`) - tzOffsetMin * 60_000;
      }
      const done = serviceHours >= p.serviceHours;
      return { id, done, score: serviceHours, attemptId: null, doneAt: done ? doneAt : null, attempts: p.service.length };
    }
    const route = ITEM_ROUTE[id];
    const list = mine.filter((a) => a.zone === route.zone && a.mode === route.mode).sort((a, b) => a.endedAt - b.endedAt);
    if (!list.length) return { id, done: false, score: null, attemptId: null, doneAt: null, attempts: 0 };
    const best = list.reduce((b, a) => (a.score > b.score ? a : b));
    const counts = route.mode === 'test' ? list.filter((a) => a.score >= p.passMark) : list;
    const first = counts[0] ?? null;
    return { id, done: !!first, score: best.score, attemptId: best.id, doneAt: first ? first.endedAt : null, attempts: list.length };
  });
  const complete = items.length > 0 && items.every((i) => i.done);
  return { items, serviceHours, complete, completedAt: complete ? Math.max(...items.map((i) => i.doneAt ?? 0)) : null };
}
