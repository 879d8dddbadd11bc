import { readFileSync } from 'node:fs';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { woffCodePoints } from './cmap.ts';
import { buildSubset, FONT_SOURCES, glyphSet } from './fonts.ts';
import { convertTree, fillHant, makeHantConverter } from './hant.ts';

describe('zh-Hant generation', () => {
  const convert = makeHantConverter({ rules: {} });
  it('converts characters and keeps mainland legal terms', () => {
    expect(convert('电动自行车在非机动车道内行驶，信号灯')).toBe('電動自行車在非機動車道內行駛，信號燈');
  });
  it('applies the phrase rules to the zh-Hans phrase they name', () => {
    expect(makeHantConverter({ rules: { 电动自行车: ['電動自行車(測)', 'test'] } })('骑电动自行车')).toBe('騎電動自行車(測)');
  });
  it('fills only localized objects without a hand-written zh-Hant', () => {
    const out = fillHant({ a: { 'zh-Hans': '头盔', en: 'helmet' }, b: { 'zh-Hans': '头盔', en: 'helmet', 'zh-Hant': '安全帽' }, c: ['里'] }, convert);
    expect(out).toEqual({ a: { 'zh-Hans': '头盔', en: 'helmet', 'zh-Hant': '頭盔' }, b: { 'zh-Hans': '头盔', en: 'helmet', 'zh-Hant': '安全帽' }, c: ['里'] });
    expect(convertTree({ x: { y: '过马路' } }, convert)).toEqual({ x: { y: '過馬路' } });
  });
});

describe('font subsets', () => {
  it('reads a font cmap', async () => {
    const src = readFileSync(FONT_SOURCES.sc);
    expect(woffCodePoints(src).has('行'.codePointAt(0)!)).toBe(true);
    const sub = await subsetFont(src, '行人', { targetFormat: 'woff' });
    expect([...woffCodePoints(sub)].map((c) => String.fromCodePoint(c)).sort()).toEqual(['人', '行'].sort());
  });
  it('covers exactly the text plus the always-present ASCII, and names missing glyphs', async () => {
    const r = await buildSubset('sc', glyphSet(['斑马线 zebra', '≥']));
    const cps = woffCodePoints(r.woff);
    for (const ch of '斑马线zebraAZ09') expect(cps.has(ch.codePointAt(0)!), ch).toBe(true);
    expect(cps.has('鹿'.codePointAt(0)!)).toBe(false);
    expect(r.missing).toEqual(['≥']);
  });
});
