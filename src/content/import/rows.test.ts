import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizFileSchema, ZONE_IDS, type Question } from '../schema.ts';
import { COLUMNS, generatedId, questionsToRows, rowsToQuestions, TEMPLATE_HEADER } from './rows.ts';

const bank = (zone: string): Question[] =>
  quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;

const H = [...TEMPLATE_HEADER];

/** A valid row as a header → cell map, with overrides. */
function row(over: Record<string, string> = {}): Record<string, string> {
  return {
    zone: 'crossing',
    groups: 'child, teen',
    difficulty: '1',
    kind: 'single',
    topic: 'signals',
    prompt_zh: '行人信号灯是红灯时怎么办？',
    prompt_en: 'What do you do when the pedestrian light is red?',
    choice_a_zh: '停下等待',
    choice_a_en: 'Stop and wait',
    choice_b_zh: '快跑过去',
    choice_b_en: 'Run across',
    answer: 'a',
    explanation_zh: '红灯亮时禁止行人进入人行横道。',
    explanation_en: 'On red, pedestrians must not enter the crossing.',
    source_facts: '1.5',
    law_zh: '《道路交通安全法实施条例》第三十九条',
    law_en: 'Implementing Regulations of the Road Traffic Safety Law, Art. 39',
    ...over,
  };
}
const sheet = (...rows: Record<string, string>[]): string[][] => [H, ...rows.map((r) => H.map((h) => r[h] ?? ''))];

describe('columns', () => {
  it('documents every column and puts the required ones in the template', () => {
    for (const c of COLUMNS) if (c.required) expect(TEMPLATE_HEADER).toContain(c.name);
    for (const c of COLUMNS.filter((x) => x.inTemplate)) expect(c.hint).not.toBe('');
    expect(new Set(COLUMNS.map((c) => c.name)).size).toBe(COLUMNS.length);
  });
});

describe('rowsToQuestions', () => {
  it('round-trips every non-scene question of the shipped banks through rows', () => {
    for (const zone of ZONE_IDS) {
      const qs = bank(zone).filter((q) => q.kind !== 'scene');
      const r = rowsToQuestions(questionsToRows(qs));
      expect(r.problems).toEqual([]);
      expect(r.questions).toEqual(qs);
      expect(r.generatedIds).toEqual([]);
    }
  });

  it('reads a minimal row: generated stable id, a–f choice ids, letters as answer', () => {
    const r = rowsToQuestions(sheet(row()));
    expect(r.problems).toEqual([]);
    const q = r.questions[0]!;
    expect(q.id).toBe(generatedId('crossing', '行人信号灯是红灯时怎么办？'));
    expect(q.id).toMatch(/^crossing-q[0-9a-z]{7}$/);
    expect(q.choices.map((c) => c.id)).toEqual(['a', 'b']);
    expect(q.answer).toEqual(['a']);
    expect(q.groups).toEqual(['child', 'teen']);
    expect(q.source.facts).toEqual(['1.5']);
    expect(r.rowOf[q.id]).toBe(2);
    expect(r.generatedIds).toEqual([q.id]);
    // whitespace in the prompt does not change the id
    expect(generatedId('crossing', '  行人信号灯是红灯时怎么办？ ')).toBe(q.id);
  });

  it('accepts the friendly spellings: 、 lists, "ac" answers, Chinese kinds, facts: prefix, approx yes', () => {
    const r = rowsToQuestions(
      sheet(
        row({
          kind: '多选',
          groups: 'adult、senior',
          choice_c_zh: '看手机',
          choice_c_en: 'Look at the phone',
          answer: 'AC',
          source_facts: 'facts:1.5；1.3',
          approx: 'yes',
          explanation_zh: '约 1 秒。',
          explanation_en: 'About one second.',
        }),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.questions[0]).toMatchObject({ kind: 'multiple', groups: ['adult', 'senior'], answer: ['a', 'c'], approx: true, source: { facts: ['1.5', '1.3'] } });
  });

  it('keeps given choice ids and maps answer letters to them', () => {
    const r = rowsToQuestions(sheet(row({ kind: 'truefalse', choice_ids: 'yes, no', answer: 'b' })));
    expect(r.problems).toEqual([]);
    expect(r.questions[0]!.choices.map((c) => c.id)).toEqual(['yes', 'no']);
    expect(r.questions[0]!.answer).toEqual(['no']);
  });

  it('names the row (header = row 1) and column of each problem, skipping blank and # rows', () => {
    const rows = sheet(
      row({ id: 'crossing-good' }),
      row({ id: 'crossing-no-en', prompt_en: '' }),
      row({ id: 'crossing-bad-answer', answer: 'c', difficulty: 'easy' }),
      row({ id: 'crossing-scene', kind: 'scene' }),
      row({ id: 'crossing-tf', kind: 'truefalse', choice_c_zh: '不知道', choice_c_en: "Don't know" }),
      row({ id: 'crossing-half-choice', choice_b_en: '' }),
      row({ id: 'crossing-one-choice', choice_b_zh: '', choice_b_en: '' }),
      row({ id: 'crossing-no-groups', groups: '', source_facts: '', law_en: ' ' }),
      row({ id: 'crossing-facts', source_facts: '1.5; one', topic: 'Signals!' }),
      row({ id: 'crossing-ids', choice_ids: 'x', approx: 'maybe' }),
      row({ id: 'crossing-approx', approx: 'yes' }),
    );
    rows.splice(2, 0, H.map(() => ''), ['# a note for editors']);
    const r = rowsToQuestions(rows);
    expect(r.questions.map((q) => q.id)).toEqual(['crossing-good']);
    const at = (row: number) => r.problems.filter((p) => p.row === row).map((p) => `${p.column}: ${p.message}`);
    expect(at(5)).toEqual(['prompt_en: must not be empty']);
    expect(at(6)).toEqual(['difficulty: "easy" is not 1, 2 or 3', 'answer: choice c is empty (choice_c_zh and choice_c_en)']);
    expect(at(7)).toEqual([expect.stringMatching(/^kind: scene questions need a 3D layout/)]);
    expect(at(8)).toEqual(['choice_c_zh: a truefalse question has exactly two choices']);
    expect(at(9)).toEqual(['choice_b_en: must not be empty']);
    expect(at(10)).toEqual([expect.stringMatching(/^choice_b_zh: /)]);
    expect(at(11)).toEqual(['groups: must not be empty (e.g. "child, teen")', 'source_facts: must not be empty (facts.md item ids, e.g. "1.5; 1.3")', 'law_en: must not be empty']);
    expect(at(12)).toEqual(['topic: must be lower-case letters, digits and dashes', 'source_facts: must be a facts.md item id such as "1.5"']);
    expect(at(13)).toEqual(['choice_ids: lists 1 id(s) for 2 filled choice(s) (a, b)', 'approx: "maybe" is not yes or no']);
    expect(at(14)).toEqual(['explanation_zh: an approximate figure must be marked as such (约 / about) in zh-Hans and en']);
    expect(r.problems.every((p) => p.row >= 5)).toBe(true);
  });

  it('reports duplicate ids within a sheet (also two rows with the same prompt and no id)', () => {
    const r = rowsToQuestions(sheet(row(), row({ topic: 'other' }), row({ id: 'crossing-x' }), row({ id: 'crossing-x', prompt_zh: '另一题' })));
    expect(r.questions).toHaveLength(2);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [3, 'id', expect.stringMatching(/is also on row 2 \(same prompt_zh gives the same id\)$/)],
      [5, 'id', '"crossing-x" is also on row 4'],
    ]);
  });

  it('takes the import’s zone for blank zone cells and refuses other zones', () => {
    const r = rowsToQuestions(sheet(row({ zone: '' }), row({ zone: 'drunk', prompt_zh: '另一题' })), { zone: 'ebike' });
    expect(r.questions.map((q) => q.zone)).toEqual(['ebike']);
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, column: 'zone', code: 'zone.conflict', message: 'is "drunk" but this import is for zone "ebike"' })]);
    expect(rowsToQuestions(sheet(row({ zone: '' })), { defaultZone: 'drunk' }).questions[0]!.zone).toBe('drunk');
    const none = rowsToQuestions(sheet(row({ zone: '' }), row({ zone: 'moon' })));
    expect(none.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      '2 zone: must not be empty (or name the zone for the whole import)',
      `3 zone: "moon" is not a zone (${ZONE_IDS.join(', ')})`,
    ]);
  });

  it('checks the header: missing, unknown and repeated columns; note columns and case are fine', () => {
    const header = H.filter((h) => h !== 'answer' && h !== 'zone');
    const r = rowsToQuestions([[...header, 'Prompt_ZH', 'promt_en', '# notes'], header.map(() => 'x')]);
    expect(r.questions).toEqual([]);
    expect(r.problems.map(({ row, column, message }) => ({ row, column, message }))).toEqual([
      { row: 1, column: 'prompt_zh', message: 'appears twice in the header' },
      { row: 1, column: 'promt_en', message: 'is not a known column (ignored); see quizzes/README.md' },
      { row: 1, column: 'zone', message: 'column is missing from the header row' },
      { row: 1, column: 'answer', message: 'column is missing from the header row' },
    ]);
    // with a zone for the whole import the zone column may be left out; headers are case-insensitive
    const noZone = H.filter((h) => h !== 'zone');
    const ok = rowsToQuestions([noZone.map((h) => h.toUpperCase()), noZone.map((h) => row()[h] ?? '')], { zone: 'crossing' });
    expect(ok.problems).toEqual([]);
    expect(ok.questions).toHaveLength(1);
  });

  it('reads zh-Hant override columns', () => {
    const header = [...H, 'prompt_hant', 'choice_a_hant'];
    const cells = row({ prompt_hant: '行人號誌燈是紅燈時怎麼辦？', choice_a_hant: '停下等待' });
    const r = rowsToQuestions([header, header.map((h) => cells[h] ?? '')]);
    expect(r.problems).toEqual([]);
    expect(r.questions[0]!.prompt['zh-Hant']).toBe('行人號誌燈是紅燈時怎麼辦？');
    expect(r.questions[0]!.choices[0]!.text['zh-Hant']).toBe('停下等待');
    expect(questionsToRows(r.questions)[0]).toEqual(expect.arrayContaining(['prompt_hant', 'choice_a_hant']));
  });
});
