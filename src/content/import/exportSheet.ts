// Staff questions → a sheet staff can read and edit, and import again unchanged: Chinese column names
// (the import's aliases), zone, group and topic names instead of ids, 单选 / 多选 / 判断, answer
// letters. zh-Hant is not written: the import makes it again from zh-Hans. Pure: the console writes
// the rows with exceljs (cells escaped by spreadsheetSafe).
import type { Question } from '../schema.ts';
import { LETTERS, STAFF_TOPIC } from './rows.ts';

const KIND_NAMES: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断' };

export interface SheetNames {
  zone(id: string): string;
  group(id: string): string;
  /** a topic's Chinese name in its zone ('' for the staff topic: the import's default) */
  topic(zone: string, id: string): string;
}

/** The header row: [canonical column, the Chinese header written]. */
function columns(choices: number, withIds: boolean): [string, string][] {
  return [
    ['id', '题号'],
    ['zone', '展区'],
    ['groups', '适用人群'],
    ['difficulty', '难度'],
    ['kind', '题型'],
    ['topic', '知识点'],
    ['prompt_zh', '题目'],
    ['prompt_en', '题目（英文）'],
    ...LETTERS.slice(0, choices).flatMap((l): [string, string][] => [
      [`choice_${l}_zh`, `选项${l.toUpperCase()}`],
      [`choice_${l}_en`, `选项${l.toUpperCase()}（英文）`],
    ]),
    ...(withIds ? [['choice_ids', '选项编号'] as [string, string]] : []),
    ['answer', '正确答案'],
    ['explanation_zh', '解析'],
    ['explanation_en', '解析（英文）'],
    ['source_facts', 'facts 编号'],
    ['law_zh', '法规条文'],
    ['law_en', '法规条文（英文）'],
    ['approx', '约数'],
  ];
}

export function questionsToStaffSheet(questions: readonly Question[], names: SheetNames): string[][] {
  const choices = Math.max(4, ...questions.map((q) => q.choices.length));
  const letterIds = (q: Question) => q.choices.every((c, i) => c.id === LETTERS[i]);
  const withIds = questions.some((q) => !letterIds(q));
  const cols = columns(choices, withIds);
  const rows = questions.map((q) => {
    const ids = q.choices.map((c) => c.id);
    const cell: Record<string, string> = {
      id: q.id,
      zone: names.zone(q.zone),
      groups: q.groups.map(names.group).join('、'),
      difficulty: String(q.difficulty),
      kind: KIND_NAMES[q.kind] ?? q.kind,
      topic: q.topic === STAFF_TOPIC ? '' : names.topic(q.zone, q.topic),
      prompt_zh: q.prompt['zh-Hans'],
      prompt_en: q.prompt.en,
      choice_ids: letterIds(q) ? '' : ids.join(', '),
      answer: q.answer.map((a) => LETTERS[ids.indexOf(a)]!.toUpperCase()).join(''),
      explanation_zh: q.explanation['zh-Hans'],
      explanation_en: q.explanation.en,
      source_facts: q.source.facts.join('; '),
      law_zh: q.source.law?.['zh-Hans'] ?? '',
      law_en: q.source.law?.en ?? '',
      approx: q.approx ? 'yes' : '',
    };
    q.choices.forEach((c, i) => {
      cell[`choice_${LETTERS[i]}_zh`] = c.text['zh-Hans'];
      cell[`choice_${LETTERS[i]}_en`] = c.text.en;
    });
    return cols.map(([name]) => cell[name] ?? '');
  });
  return [cols.map(([, header]) => header), ...rows];
}
