import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizFileSchema, ZONE_IDS, type Question, type QuizFile } from '../schema.ts';
import { detectStyle, emptyBank, formatBank, mergeQuestions } from './merge.ts';

const text = (zone: string) => readFileSync(new URL(`../../../quizzes/${zone}.json`, import.meta.url), 'utf8');
const bank = (zone: string): QuizFile => quizFileSchema.parse(JSON.parse(text(zone)));
const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('mergeQuestions', () => {
  const crossing = bank('crossing');
  const fresh: Question = { ...clone(crossing.questions[0]!), id: 'crossing-new-one' };

  it('adds new ids, replaces changed ones in place, and leaves equal ones alone', () => {
    const changed = clone(crossing.questions[1]!);
    changed.prompt.en = 'Changed wording';
    const same = clone(crossing.questions[2]!);
    const { bank: merged, report } = mergeQuestions(crossing, [fresh, changed, same]);
    expect(report).toEqual({ added: ['crossing-new-one'], updated: [changed.id], unchanged: [same.id], refused: [], newTopics: [] });
    expect(merged.questions).toHaveLength(crossing.questions.length + 1);
    expect(merged.questions[1]).toEqual(changed);
    expect(merged.questions.at(-1)).toEqual(fresh);
    expect(crossing.questions[1]!.prompt.en).not.toBe('Changed wording'); // the input bank is not mutated
  });

  it('re-importing the same questions adds nothing: all unchanged', () => {
    const once = mergeQuestions(crossing, [fresh]).bank;
    const twice = mergeQuestions(once, [fresh]);
    expect(twice.report).toMatchObject({ added: [], updated: [], unchanged: ['crossing-new-one'] });
    expect(twice.bank).toEqual(once);
  });

  it('ignores key order when comparing', () => {
    const q = crossing.questions[0]!;
    const reordered = Object.fromEntries(Object.entries(clone(q)).reverse()) as Question;
    expect(mergeQuestions(crossing, [reordered]).report.unchanged).toEqual([q.id]);
  });

  it('counts an id given twice once, the later version winning', () => {
    const v2 = { ...clone(fresh), topic: 'signals' };
    const r = mergeQuestions(crossing, [fresh, v2]);
    expect(r.report.added).toEqual(['crossing-new-one']);
    expect(r.bank.questions.filter((q) => q.id === fresh.id)).toEqual([v2]);
  });

  it('keeps zh-Hant overrides while the zh-Hans text is unchanged, drops them when it changed', () => {
    const withHant = clone(crossing);
    const q = withHant.questions[0]!;
    q.prompt['zh-Hant'] = '行人號誌燈是紅燈時，可以走進行人穿越道嗎？';
    q.explanation['zh-Hant'] = '舊的說明';
    const imported = clone(crossing.questions[0]!); // a sheet without zh-Hant columns
    imported.explanation['zh-Hans'] = '新的解析。';
    const r = mergeQuestions(withHant, [imported]);
    expect(r.report.updated).toEqual([q.id]);
    expect(r.bank.questions[0]!.prompt['zh-Hant']).toBe(q.prompt['zh-Hant']);
    expect(r.bank.questions[0]!.explanation['zh-Hant']).toBeUndefined();
    // unchanged apart from the missing override column → unchanged
    expect(mergeQuestions(withHant, [clone(crossing.questions[0]!)]).report.unchanged).toEqual([q.id]);
  });

  it('refuses to replace a scene question, and questions of another zone', () => {
    const scene = crossing.questions.find((x) => x.kind === 'scene')!;
    const flat: Question = { ...clone(scene), kind: 'single' };
    delete flat.scene;
    const r = mergeQuestions(crossing, [flat]);
    expect(r.report.refused).toEqual([{ id: scene.id, reason: expect.stringMatching(/scene question/) }]);
    expect(r.bank.questions).toEqual(crossing.questions);
    expect(() => mergeQuestions(emptyBank('drunk'), [fresh])).toThrow(/zone crossing/);
  });
});

describe('formatBank', () => {
  it('writes every shipped bank back exactly as it is laid out (either brace style)', () => {
    for (const zone of ZONE_IDS) expect(formatBank(bank(zone), detectStyle(text(zone)))).toBe(text(zone));
  });

  it('puts $schema first and validates after a merge', () => {
    const b = { questions: [], zone: 'ebike', topics: {}, $schema: '../schemas/quiz.schema.json' } as QuizFile;
    const q = { ...clone(bank('ebike').questions[0]!), id: 'ebike-x' };
    const merged = mergeQuestions(b, [q]);
    // a topic the bank did not name yet is added under its id, and reported
    expect(merged.report.newTopics).toEqual([q.topic]);
    const out = formatBank(merged.bank);
    expect(out.startsWith(`{\n  "$schema": "../schemas/quiz.schema.json",\n  "zone": "ebike",\n  "topics": {\n    "${q.topic}": { "zh-Hans": "${q.topic}", "en": "${q.topic}" }\n  },\n  "questions": [\n    {\n      "id": "ebike-x",`)).toBe(true);
    expect(quizFileSchema.safeParse(JSON.parse(out)).success).toBe(true);
    expect(formatBank(emptyBank('drunk'))).toBe('{\n  "$schema": "../schemas/quiz.schema.json",\n  "zone": "drunk",\n  "topics": {},\n  "questions": []\n}\n');
  });
});
