// Reads the content folders for the app bundle. A file that is not even JSON is passed on as text so
// that the app reports it (file, problem) on that zone only; everything else gets zh-Hant filled in.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillHant, type Convert } from './hant.ts';

export type ContentEntry = { file: string; json: unknown } | { file: string; text: string };

export function readContentFile(root: string, rel: string, convert: Convert): ContentEntry {
  const text = readFileSync(join(root, rel), 'utf8');
  try {
    return { file: rel, json: straightQuotesEn(fillHant(JSON.parse(text), convert)) };
  } catch {
    return { file: rel, text };
  }
}

export function listContent(root: string, dir: 'scenes' | 'quizzes'): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${dir}/${f}`);
}

/** Every visitor-facing string in a content value, for the font subsets. */
export function collectStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, into);
  return into;
}

/**
 * The house style for English is straight quotes (" and '), which every font subset has; authors and
 * spreadsheets often type curly ones. English texts are normalised here, so the app shows one style
 * whatever the file holds.
 */
export function straightQuotesEn<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => straightQuotesEn(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'en' && typeof v === 'string' ? straightQuotes(v) : straightQuotesEn(v);
    return out as T;
  }
  return value;
}

export const straightQuotes = (s: string): string => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
