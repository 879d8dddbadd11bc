// House style: English uses straight quotes. UI strings are written that way; content files may hold
// curly ones (spreadsheets type them), which the build normalises for every English text.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectStrings, listContent, readContentFile } from '../../scripts/build/content.ts';
import { makeHantConverter } from '../../scripts/build/hant.ts';
import * as challenges from '../modes/competition/challenges.ts';
import { makeSafeToCrossItem, SAFE_TO_CROSS_TEMPLATES } from '../modes/competition/challenges.ts';
import { Rng } from '../sim/rng.ts';
import { en } from './en.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CURLY = /[‘’“”]/;

function englishTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => englishTexts(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'en' && typeof v === 'string') out.push(v);
      else englishTexts(v, out);
    }
  return out;
}

describe('English uses straight quotes', () => {
  it('in the UI strings', () => {
    expect(collectStrings(en).filter((s) => CURLY.test(s))).toEqual([]);
  });
  it('in every content text the app is built with', () => {
    const convert = makeHantConverter();
    const files = [...listContent(root, 'scenes'), ...listContent(root, 'quizzes')];
    const texts = files.flatMap((f) => {
      const e = readContentFile(root, f, convert);
      return 'json' in e ? englishTexts(e.json) : [];
    });
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((s) => CURLY.test(s))).toEqual([]);
  });
  it('in the competition challenges', () => {
    const items = SAFE_TO_CROSS_TEMPLATES.map((t) => makeSafeToCrossItem(t, new Rng(1)));
    expect(englishTexts([items, Object.values(challenges)]).filter((s) => CURLY.test(s))).toEqual([]);
  });
});
