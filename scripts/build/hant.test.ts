import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHant, overridesProblems, type HantOverrides } from '../../src/i18n/hantRules.ts';
import { contentHantProblems, formatHantProblem, isDictionaryWord, makeHantConverter, OVERRIDES, openccCn2Tw } from './hant.ts';
import { allHantProblems } from './hantCheck.ts';
import { hallContent } from './vitePlugin.ts';

const root = resolve(import.meta.dirname, '../..');
const convert = makeHantConverter();
const bare = makeHantConverter({ rules: {} });

// the wrong conversions found in the app's texts (issue 14 §3), each with the sentence it came from
const CASES: [zhHans: string, wrongWithoutRules: string, right: string][] = [
  ['实验中未系安全带的假人', '未系安全帶', '實驗中未繫安全帶的假人'],
  ['撞车时没系安全带的人会', '沒系安全帶', '撞車時沒繫安全帶的人會'],
  ['坐在汽车后排，也要系安全带。', '也要系安全帶', '坐在汽車後排，也要繫安全帶。'],
  ['看不同速度下系与不系安全带', '系與不繫', '看不同速度下繫與不繫安全帶'],
  ['例如干燥路面上', '干燥', '例如乾燥路面上'],
  ['1秒约走8米，再制动约5米', '再製動', '1秒約走8米，再制動約5米'],
  ['漱口后等十几分钟复测', '十幾分鍾', '漱口後等十幾分鐘複測'],
  ['不要停在车道里。', '車道里', '不要停在車道裡。'],
  ['车头左前方几米外的小朋友', '方几米', '車頭左前方幾米外的小朋友'],
  ['工地用的安全帽可以代替电动自行车头盔。', '工地用的安全帽', '工地安全帽可以代替電動自行車頭盔。'],
  ['正确佩戴质量合格的头盔', '質量合格', '正確佩戴品質合格的頭盔'],
  ['表示前方的车辆不准通行', '不準通行', '表示前方的車輛不准通行'],
  ['申请大型货车准驾车型', '準駕', '申請大型貨車准駕車型'],
];

// the checks build OpenCC's dictionaries and walk every text of the app: seconds on a busy machine
describe('zh-Hant phrase rules', { timeout: 30_000 }, () => {
  it.each(CASES)('%s: OpenCC alone is wrong, the rules make it right', (src, wrong, right) => {
    expect(bare(src)).toContain(wrong);
    expect(convert(src)).toBe(right);
  });

  it('keeps the meaning where the same characters mean something else', () => {
    expect(convert('总质量12吨以上货车')).toBe('總質量12噸以上貨車'); // mass
    expect(convert('拿不准就不开车')).toBe('拿不準就不開車'); // not sure
    expect(convert('控制台与限制')).toBe('控制台與限制');
    expect(convert('每小时15公里')).toBe('每小時15公里');
  });

  it('the overrides file is consistent: every confirmed phrase converts as it says, no rule text is a known wrong one', () => {
    expect(overridesProblems(OVERRIDES, openccCn2Tw())).toEqual([]);
  });

  it('every text of the app (UI strings, challenges, scenes, quizzes) passes the check', () => {
    expect(allHantProblems(root).map(formatHantProblem)).toEqual([]);
  });
});

describe('zh-Hant check', { timeout: 30_000 }, () => {
  const base = openccCn2Tw();
  const o: HantOverrides = { reviewChars: '系发后', reviewTerms: ['安全帽'], rules: { 系安全带: ['繫安全帶', 'fasten'] }, confirmed: { 之后: ['之後', 'after'] }, wrong: { 系安全帶: 'fasten is 繫' } };

  it('names an unreviewed character with its phrase, what it becomes and where to add it', () => {
    const f = checkHant('下车之后把头发扎好', base, o, undefined, isDictionaryWord);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kind: 'unreviewed', item: '发', suggestion: { phrase: '头发', hant: '頭髮' } });
    expect(f[0]!.message).toContain('"头发": ["頭髮", "<why>"]');
    expect(f[0]!.message).toContain('src/i18n/zh-Hant-overrides.json');
  });

  it('reports a term once, not its characters again', () => {
    const f = checkHant('只戴安全帽', base, { ...o, reviewChars: '安' });
    expect(f.map((x) => x.item)).toEqual(['安全帽']);
  });

  it('fails on a known wrong output when the rule is missing, and on a hand-written zh-Hant', () => {
    const noRule = { ...o, rules: {} };
    const f = checkHant('没系安全带', base, noRule);
    expect(f.some((x) => x.kind === 'wrong' && x.item === '系安全帶')).toBe(true);
    expect(checkHant('没系安全带', base, o)).toEqual([]);
    const hand = checkHant('没系安全带', base, o, '沒系安全帶');
    expect(hand.map((x) => x.kind)).toEqual(['wrong']);
    expect(hand[0]!.message).toContain('hand-written');
  });

  it('fails when a confirmed phrase no longer converts as confirmed', () => {
    const f = checkHant('喝了酒之后', base, { ...o, confirmed: { 之后: ['之后', 'wrong on purpose'] } });
    expect(f).toEqual([expect.objectContaining({ kind: 'confirmed-differs', item: '之后', hant: '之後' })]);
  });

  it('names the file and field of a new question in a content file', () => {
    const quiz = { zone: 'seatbelt', questions: [{ id: 'seatbelt-x', prompt: { 'zh-Hans': '下车前先把头发扎好', en: 'x' } }] };
    const lines = contentHantProblems('quizzes/seatbelt.json', quiz).map(formatHantProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^quizzes\/seatbelt\.json: questions\[0\]\.prompt\.zh-Hans: 发 in "下车前先把头发扎好"/);
  });

  it('fails the build (plugin buildStart) on a content file with an unreviewed phrase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hant-'));
    mkdirSync(join(dir, 'quizzes'));
    writeFileSync(join(dir, 'quizzes', 'drunk.json'), JSON.stringify({ zone: 'drunk', questions: [{ prompt: { 'zh-Hans': '雨天先把车晒干', en: 'x' } }] }));
    const plugin = hallContent(dir);
    const start = plugin.buildStart as unknown as (this: unknown) => Promise<void>;
    await expect(start.call({})).rejects.toThrow(/quizzes\/drunk\.json: questions\[0\]\.prompt\.zh-Hans: 干 in "雨天先把车晒干"/);
  });
});
