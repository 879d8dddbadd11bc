// Every audience group gets its own questions in every zone (issue 14 §1), and the texts keep the
// authoring rules of facts.md that a schema cannot see: children's explanations carry no article
// numbers, points or citations; Jiangsu-only rules say they are Jiangsu's; car-only figures are not
// put to professional drivers; court procedure is for drivers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preferredDifficulty } from '../modes/selfTest.ts';
import { ZONE_IDS } from './ids.ts';
import { groupsFileSchema, quizFileSchema, zoneSchema, type Group, type Question } from './schema.ts';

const groups = groupsFileSchema.parse(JSON.parse(readFileSync('quizzes/groups.json', 'utf8'))).groups;
const banks = ZONE_IDS.map((zone) => quizFileSchema.parse(JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8'))));
const questions: Question[] = banks.flatMap((b) => b.questions);

/** The smallest bank a zone may offer a group: 12 questions, never fewer than one test; groups that get
 * the gentle treatment (children, seniors: easier questions first) need their test length plus 4, so
 * a second attempt does not repeat the first. */
const MIN_PER_CELL = 12;
function minimumFor(group: Group): number {
  const count = group.defaults.questionCount;
  return Math.max(MIN_PER_CELL, count, preferredDifficulty(group) === 1 ? count + 4 : 0);
}

describe('coverage: every zone × audience group', () => {
  it('children and seniors need their test length plus 4, everyone at least 12 (read from groups.json)', () => {
    const child = groups.find((g) => g.id === 'child')!;
    const teen = groups.find((g) => g.id === 'teen')!;
    expect(minimumFor(child)).toBe(Math.max(12, child.defaults.questionCount + 4));
    expect(minimumFor(teen)).toBe(Math.max(12, teen.defaults.questionCount));
    // a longer test raises the floor for a gentle group
    expect(minimumFor({ ...child, defaults: { ...child.defaults, questionCount: 10 } })).toBe(14);
  });

  const cells = ZONE_IDS.flatMap((zone, i) => groups.map((group) => ({ zone, group, bank: banks[i]! })));
  it.each(cells.map((c) => [c.zone, c.group.id, c] as const))('%s / %s has enough questions', (_zone, _group, { bank, group }) => {
    const count = bank.questions.filter((q) => q.groups.includes(group.id)).length;
    expect(count).toBeGreaterThanOrEqual(minimumFor(group));
  });
});

// ---------------------------------------------------------------- children's texts
/** Article numbers, penalty points, facts ids and Latin-script citations, in either language. */
const CHILD_TEXT_RULES: [RegExp, string][] = [
  [/第[一二三四五六七八九十百零〇\d]+条/, 'an article number'],
  [/\bArts?\.|\bArticle\b/i, 'an article number'],
  [/记\s*\d+\s*分|\d+\s*分(?![钟之])/, 'penalty points'],
  [/\bpenalty points?\b|\b\d+\s+points?\b/i, 'penalty points'],
  [/\bfacts?\s*\d+\.\d+|\b\d+\.\d+\s*\(facts/i, 'a facts id'],
  [/\bet al\b|\bGB(\/T)?\s*\d|\bNHTSA\b|\bGRSP\b|\bTRR\b/, 'a Latin-script citation'],
];
/** Latin letters a child's Chinese text may hold: units only. */
const stripUnits = (s: string) => s.replace(/km\/h|mg\/100\s*mL|\bm\b|\bkg\b/g, '');

describe('children’s explanations', () => {
  const forChildren = questions.filter((q) => q.groups.includes('child'));
  it.each(forChildren.map((q) => [q.id, q] as const))('%s: no article numbers, points or citations', (_id, q) => {
    const texts = [q.explanation['zh-Hans'], q.explanation.en];
    for (const text of texts) for (const [re, what] of CHILD_TEXT_RULES) expect(re.test(text), `${what} in "${text}"`).toBe(false);
    expect(/[A-Za-z]/.test(stripUnits(q.explanation['zh-Hans'])), `Latin script in "${q.explanation['zh-Hans']}"`).toBe(false);
  });

  it('the rules catch what they are for', () => {
    const hits = (s: string) => CHILD_TEXT_RULES.some(([re]) => re.test(s));
    expect(hits('条例第39条：红灯亮时禁止进入')).toBe(true);
    expect(hits('违者一次记3分')).toBe(true);
    expect(hits('Regulations Art. 39: on red…')).toBe(true);
    expect(hits('(Barton et al.)')).toBe(true);
    expect(hits('要走十几分钟，约28–35米')).toBe(false);
    expect(hits('A yellow triangle, point up')).toBe(false);
  });
});

// ---------------------------------------------------------------- Jiangsu-only rules
/** facts.md items that are Jiangsu law, not national law: helmet, passengers, roadworthiness of e-bikes, child seats. */
const JIANGSU_ONLY = ['2.3', '2.4', '2.5', '5.3'];
const saysJiangsu = (zh: string, en: string) => zh.includes('江苏') && /Jiangsu/.test(en);

describe('Jiangsu-only rules say they are Jiangsu’s', () => {
  const cited = questions.filter((q) => q.source.facts.some((f) => JIANGSU_ONLY.includes(f)));
  it.each(cited.map((q) => [q.id, q] as const))('%s', (_id, q) => {
    expect(saysJiangsu(q.prompt['zh-Hans'] + q.explanation['zh-Hans'], q.prompt.en + q.explanation.en)).toBe(true);
  });

  const feedback = ZONE_IDS.flatMap((zone) => {
    const def = zoneSchema.parse(JSON.parse(readFileSync(`scenes/${zone}.json`, 'utf8')));
    return Object.entries(def.feedback ?? {})
      .filter(([, fb]) => fb.source.facts.some((f) => JIANGSU_ONLY.includes(f)))
      .map(([kind, fb]) => [`${zone}: ${kind}`, fb] as const);
  });
  it.each(feedback)('scene feedback %s', (_name, fb) => {
    expect(saysJiangsu(fb.message['zh-Hans'] + fb.rule['zh-Hans'], fb.message.en + fb.rule.en)).toBe(true);
  });
});

// ---------------------------------------------------------------- who a figure is for
describe('questions go to the groups their figures are for', () => {
  it('speeding tiers (car figures, facts 5.13) are not put to professional drivers', () => {
    const wrong = questions.filter((q) => q.source.facts.includes('5.13') && q.groups.includes('pro')).map((q) => q.id);
    expect(wrong).toEqual([]);
  });

  it('court and prosecution procedure (2023 opinions, difficulty 3) is for drivers and professional drivers only', () => {
    const procedure = ['3.9', '3.10', '3.11', '3.12', '3.14'];
    const wrong = questions
      .filter((q) => q.difficulty === 3 && q.source.facts.some((f) => procedure.includes(f)))
      .filter((q) => q.groups.some((g) => g !== 'driver' && g !== 'pro'))
      .map((q) => q.id);
    expect(wrong).toEqual([]);
  });
});
