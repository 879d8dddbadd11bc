// 小手拉大手: the short code of a visit's practice-at-home link. It carries everything the phone at
// home needs and nothing about the person: the visit's day, the zones, the audience group, the
// language, the days until a retest, and a serial (one code per pupil on a class sheet). No server
// holds a list: any copy of the app reads the code. Pure.
//
// 40 bits, most significant first: day since 2026-01-01 (hall time, 15 bits) | zones (6 bits, ZONE_IDS
// order) | retest days (7 bits, 1–127) | group (4 bits, index in the hall's group list) | language (2 bits,
// LANGS order) | serial (6 bits) — written as 8 Crockford base-32 characters plus one check character,
// shown as XXXX-XXXXX. A mistyped character is caught by the check (and I/L/O read as 1/1/0).
import { LANGS, ZONE_IDS, type Lang, type ZoneId } from '../content/ids.ts';
import { HALL_TZ_OFFSET_MIN } from '../scoring/stats.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DAY_MS = 86_400_000;
/** 2026-01-01 00:00 in the hall's time (UTC+8) */
export const CODE_EPOCH = Date.UTC(2026, 0, 1) - HALL_TZ_OFFSET_MIN * 60_000;
export const MAX_SERIAL = 63;

export interface HomeVisit {
  /** local midnight of the visit's day (ms) */
  day: number;
  zones: ZoneId[];
  group: string;
  lang: Lang;
  retestDays: number;
  serial: number;
}

const FIELDS = [15, 6, 7, 4, 2, 6] as const;

function check(chars: number[]): number {
  return chars.reduce((a, v, i) => (a + (i + 1) * v) % 32, 0);
}

/** The visit's code; throws on values the code cannot hold (a bug in the caller, not visitor input). */
export function encodeHomeCode(v: HomeVisit, groupIds: readonly string[]): string {
  const day = Math.floor((v.day - CODE_EPOCH) / DAY_MS);
  const zones = v.zones.reduce((m, z) => m | (1 << ZONE_IDS.indexOf(z)), 0);
  const group = groupIds.indexOf(v.group);
  const lang = LANGS.indexOf(v.lang);
  const values = [day, zones, v.retestDays, group, lang, v.serial];
  values.forEach((x, i) => {
    if (!Number.isInteger(x) || x < 0 || x >= 2 ** FIELDS[i]!) throw new Error(`home code: field ${i} (${x}) out of range`);
  });
  if (v.retestDays < 1 || zones === 0) throw new Error('home code: needs a zone and at least one day to a retest');
  let n = 0;
  values.forEach((x, i) => (n = n * 2 ** FIELDS[i]! + x));
  const chars: number[] = [];
  for (let i = 0; i < 8; i++) {
    chars.unshift(n % 32);
    n = Math.floor(n / 32);
  }
  chars.push(check(chars));
  const s = chars.map((c) => ALPHABET[c]).join('');
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

export type DecodeResult = { ok: true; visit: HomeVisit } | { ok: false; problem: 'length' | 'character' | 'check' | 'content' };

/** Reads a code as typed or scanned (case, dashes and spaces do not matter). */
export function decodeHomeCode(raw: string, groupIds: readonly string[]): DecodeResult {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== 9) return { ok: false, problem: 'length' };
  const chars = [...s].map((c) => ALPHABET.indexOf(c));
  if (chars.some((c) => c < 0)) return { ok: false, problem: 'character' };
  if (check(chars.slice(0, 8)) !== chars[8]) return { ok: false, problem: 'check' };
  let n = chars.slice(0, 8).reduce((a, c) => a * 32 + c, 0);
  const values: number[] = [];
  for (let i = FIELDS.length - 1; i >= 0; i--) {
    const m = 2 ** FIELDS[i]!;
    values.unshift(n % m);
    n = Math.floor(n / m);
  }
  const [day, zoneBits, retestDays, group, lang, serial] = values as [number, number, number, number, number, number];
  const zones = ZONE_IDS.filter((_, i) => zoneBits & (1 << i));
  if (!zones.length || retestDays < 1 || group >= groupIds.length || lang >= LANGS.length) return { ok: false, problem: 'content' };
  return { ok: true, visit: { day: CODE_EPOCH + day * DAY_MS, zones, group: groupIds[group]!, lang: LANGS[lang]!, retestDays, serial } };
}

/** When the link offers its retest (local midnight, `retestDays` after the visit's day). */
export function retestFrom(v: HomeVisit): number {
  return v.day + v.retestDays * DAY_MS;
}

export function retestDue(v: HomeVisit, now: number): boolean {
  return now >= retestFrom(v);
}

/** The link the QR carries: the hall route with the deep-link group and language and the code (fixed
 * contract: `#/hall?group=…&lang=…`; `home` is this feature's own parameter). */
export function homeLink(origin: string, code: string, v: Pick<HomeVisit, 'group' | 'lang'>): string {
  const q = new URLSearchParams({ group: v.group, lang: v.lang, home: code.replace('-', '') });
  return `${origin}/#/hall?${q.toString()}`;
}

/**
 * The grown-up's version of a zone for the family challenge: the first of the adult groups the zone is
 * meant for (a drunk-driving zone → driver), else the adult pedestrian.
 */
export function adultGroupFor(zoneAudience: readonly string[], groupIds: readonly string[]): string {
  const adults = ['adult', 'driver', 'rider', 'pro'];
  return adults.find((g) => zoneAudience.includes(g) && groupIds.includes(g)) ?? (groupIds.includes('adult') ? 'adult' : groupIds[0]!);
}
