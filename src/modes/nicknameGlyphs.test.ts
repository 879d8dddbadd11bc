import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFontSubsets } from '../../scripts/build/vitePlugin.ts';
import { level1 } from '../../scripts/build/commonChars.ts';
import { nameFontFor, undrawableChars, type GlyphCoverage } from './nicknameGlyphs.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('nickname glyphs (with the real build fonts)', () => {
  let cov: GlyphCoverage;
  beforeAll(async () => {
    cov = (await buildFontSubsets(root)).report.coverage;
  }, 60_000);

  it('the nickname font holds all 3,500 characters of 通用规范汉字表 level 1', () => {
    const l1 = level1();
    expect(l1).toHaveLength(3500);
    expect(l1.filter((c) => !cov.namesSc.includes(c))).toEqual([]);
    expect(undrawableChars(l1.join(''), cov)).toEqual([]);
  });

  it('a surname outside the content subsets is drawable, by the nickname font only', () => {
    // 薛 (Xue, number 3322 of the table) is in level 1 but in no content string
    expect(cov.sc.includes('薛') || cov.tc.includes('薛')).toBe(false);
    expect(undrawableChars('薛奶奶', cov)).toEqual([]);
    expect(nameFontFor('薛奶奶', 'zh-Hans', cov)).toBe('names-sc');
  });

  it('Traditional names use the Traditional nickname font', () => {
    // 陳 (the Traditional form of 陈) and 黃 (OpenCC's Taiwan form of 黄)
    expect(undrawableChars('陳小黃', cov)).toEqual([]);
    expect(nameFontFor('陳大文', 'zh-Hant', cov)).toBe('names-tc');
    expect(nameFontFor('陳大文', 'zh-Hans', cov)).toBe('names-tc');
  });

  it('names the characters no bundled font draws, once each, and never ASCII or spaces', () => {
    // 𠀀 (CJK extension B) and 龘 are in neither Noto subset source's nickname sets
    expect(undrawableChars('A 𠀀小𠀀龘 b', cov)).toEqual(['𠀀', '龘']);
    expect(undrawableChars('Lucky Cat 7', cov)).toEqual([]);
  });

  it('text the content subsets already draw keeps the normal font', () => {
    expect(nameFontFor('小明 · 儿童', 'zh-Hans', cov)).toBe('base');
    expect(nameFontFor('Guest', 'en', cov)).toBe('base');
  });
});
