// Staff questions → a sheet staff can read and edit, and import again unchanged: Chinese column names
// (the import's aliases), zone, group and topic names instead of ids, 单选 / 多选 / 判断, answer
// letters. zh-Hant is not written: the import makes it again from zh-Hans. Pure: the console writes
// the rows with exceljs (cells escaped by spreadsheetSafe).
import type { Question } from '../schema.ts';
import { LETTERS, questionToRow, STAFF_TOPIC } from './rows.ts';

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

/** One question as the staff sheet's cells (canonical column → text): the bank row of questionToRow
 * with names for ids, 单选 / 多选 / 判断, answer letters in capitals and no zh-Hant columns. */
export function staffRowCells(q: Question, names: SheetNames): Record<string, string> {
  const row = questionToRow(q);
  for (const k of Object.keys(row)) if (k.endsWith('_hant')) delete row[k];
  return {
    ...row,
    zone: names.zone(q.zone),
    groups: q.groups.map(names.group).join('、'),
    kind: KIND_NAMES[q.kind] ?? q.kind,
    topic: q.topic === STAFF_TOPIC ? '' : names.topic(q.zone, q.topic),
    answer: row.answer!.replace(/[\s,]+/g, '').toUpperCase(),
  };
}

export function questionsToStaffSheet(questions: readonly Question[], names: SheetNames): string[][] {
  const choices = Math.max(4, ...questions.map((q) => q.choices.length));
  const withIds = questions.some((q) => q.choices.some((c, i) => c.id !== LETTERS[i]));
  const cols = columns(choices, withIds);
  const rows = questions.map((q) => {
    const cell = staffRowCells(q, names);
    return cols.map(([name]) => cell[name] ?? '');
  });
  return [cols.map(([, header]) => header), ...rows];
}
