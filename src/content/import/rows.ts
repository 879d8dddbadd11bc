// Spreadsheet rows ⇄ questions. Hall staff write questions in Excel or WPS; this turns the sheet's
// rows (already decoded and parsed to strings, see csv.ts / xlsx.ts) into questions validated by
// questionSchema, and names every problem by the row number and column header the editor sees.
// No fs, no parser: runs in Node (scripts/quizzes-import.ts) and in the browser alike.
//
// Columns (header names in row 1, any order, case-insensitive; blank rows and rows whose first cell
// starts with "#" are skipped, headers starting with "#" are free-form note columns):
//   id              optional. Stable id "<zone>-<name>". Blank: generated from the zone and a hash of
//                   prompt_zh, so re-importing the same row finds the same question; editing the prompt
//                   then makes a new id, so copy the generated id in once the row is final.
//   zone            zone id (crossing, ebike, drunk, blindspot, seatbelt, signals). May be blank when the
//                   import names a zone for the whole sheet.
//   groups          audience group ids, separated by , 、 ; or spaces ("child, teen").
//   difficulty      1, 2 or 3.
//   kind            single | multiple | truefalse (also 单选 / 多选 / 判断). scene questions need a 3D
//                   layout and are written in the JSON bank by hand.
//   topic           topic slug for mastery by topic ("signals", "helmet").
//   prompt_zh, prompt_en                  the question.
//   choice_a_zh, choice_a_en … choice_f_zh, choice_f_en
//                   up to six choices; a choice with both cells blank does not exist.
//   choice_ids      optional. Ids of the filled choices in order ("yes, no"); blank: a, b, c … after
//                   the letter of the column. Keeps ids of questions first written in JSON stable.
//   answer          letters of the right choice columns: "a", or "a, c" / "ac" for multiple.
//   explanation_zh, explanation_en        why the answer is right.
//   source_facts    facts.md item ids, "1.5; 1.3" (a "facts:" prefix is accepted).
//   law_zh, law_en  the law article or standard, in words.
//   approx          yes / no (blank = no): the explanation quotes an approximate figure (约 / about).
//   prompt_hant, choice_a_hant … choice_f_hant, explanation_hant, law_hant
//                   optional zh-Hant overrides of the build-time conversion (not in the template).
import { questionSchema, QUESTION_KINDS, ZONE_IDS, type Question } from '../schema.ts';

export interface RowProblem {
  /** 1-based, as the spreadsheet shows it: the header is row 1 */
  row: number;
  /** header name of the column at fault */
  column: string;
  message: string;
}

export interface RowsResult {
  questions: Question[];
  problems: RowProblem[];
  /** question id → the row it came from, to name rows in later checks (facts, merge) */
  rowOf: Record<string, number>;
  /** ids made from the prompt hash because the id cell was blank */
  generatedIds: string[];
}

export interface RowsOptions {
  /** every row belongs to this zone: blank zone cells take it, other zones are problems */
  zone?: string;
  /** zone for rows whose zone cell is blank */
  defaultZone?: string;
}

export const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type Letter = (typeof LETTERS)[number];

export interface ColumnDef {
  name: string;
  /** must be in the header row */
  required: boolean;
  /** written by the template */
  inTemplate: boolean;
  /** short hint for the template's notes row */
  hint: string;
}

const col = (name: string, required: boolean, hint: string, inTemplate = true): ColumnDef => ({ name, required, inTemplate, hint });

export const COLUMNS: readonly ColumnDef[] = [
  col('id', false, '题号，可空（自动生成）/ id, blank = generated'),
  col('zone', false, '展区 / zone: crossing, ebike, drunk, blindspot, seatbelt, signals'),
  col('groups', true, '人群，逗号分隔 / groups: child, teen, adult, senior, rider, driver, pro'),
  col('difficulty', true, '难度 1–3 / difficulty 1–3'),
  col('kind', true, '题型 / kind: single, multiple, truefalse'),
  col('topic', true, '知识点 / topic (lower-case-with-dashes)'),
  col('prompt_zh', true, '题目（简体）/ question (zh-Hans)'),
  col('prompt_en', true, '题目（英文）/ question (English)'),
  ...LETTERS.flatMap((l, i) => [
    col(`choice_${l}_zh`, i < 2, `选项 ${l.toUpperCase()}（简体）`),
    col(`choice_${l}_en`, i < 2, `choice ${l.toUpperCase()} (English)`),
  ]),
  col('choice_ids', false, '选项编号，可空 / choice ids, blank = a, b, c…'),
  col('answer', true, '答案字母，如 a 或 a,c / answer letters'),
  col('explanation_zh', true, '解析（简体）/ explanation (zh-Hans)'),
  col('explanation_en', true, '解析（英文）/ explanation (English)'),
  col('source_facts', true, 'facts.md 条目，如 1.5; 1.3（设为文本格式）/ facts ids'),
  col('law_zh', true, '法规条文（简体）/ law (zh-Hans)'),
  col('law_en', true, '法规条文（英文）/ law (English)'),
  col('approx', false, '约数？yes / no（空 = no）/ approximate figure?'),
  col('prompt_hant', false, '', false),
  ...LETTERS.map((l) => col(`choice_${l}_hant`, false, '', false)),
  col('explanation_hant', false, '', false),
  col('law_hant', false, '', false),
];

export const TEMPLATE_HEADER: readonly string[] = COLUMNS.filter((c) => c.inTemplate).map((c) => c.name);

const KIND_ALIASES: Record<string, string> = { 单选: 'single', 单选题: 'single', 多选: 'multiple', 多选题: 'multiple', 判断: 'truefalse', 判断题: 'truefalse', 场景: 'scene', 场景题: 'scene' };
const YES = new Set(['yes', 'y', 'true', '1', '是', '对', 'x', '✓', '√']);
const NO = new Set(['', 'no', 'n', 'false', '0', '否']);
/** list cells: commas (also full-width), 、, semicolons or spaces */
const LIST_SEP = /[,，、;；\s]+/;
const splitList = (cell: string): string[] => cell.split(LIST_SEP).filter(Boolean);

const normHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** FNV-1a: tiny, no dependency, same result in Node and the browser. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/** The id a row without one gets: the same prompt always gives the same id, so re-import updates. */
export function generatedId(zone: string, promptZh: string): string {
  const norm = promptZh.normalize('NFC').trim().replace(/\s+/g, ' ');
  return `${zone}-q${fnv1a(norm).toString(36).padStart(7, '0')}`;
}

const LANG_SUFFIX: Record<string, string> = { 'zh-Hans': 'zh', en: 'en', 'zh-Hant': 'hant' };

/** Which header a schema issue path points at. */
function columnOf(path: readonly PropertyKey[], code: string, letters: Letter[], hasChoiceIds: boolean): string {
  const [head, a, b, c] = path;
  const lang = (k: PropertyKey | undefined) => LANG_SUFFIX[String(k)] ?? 'zh';
  switch (head) {
    case 'prompt':
    case 'explanation':
      return `${head}_${lang(a)}`;
    case 'source':
      return a === 'law' ? `law_${lang(b)}` : 'source_facts';
    case 'choices': {
      if (typeof a !== 'number') {
        // too few choices: the first empty column; too many (truefalse): the first extra one
        const letter = code === 'too_small' ? LETTERS.find((l) => !letters.includes(l)) : letters[2];
        return `choice_${letter ?? 'a'}_zh`;
      }
      const letter = letters[a] ?? 'a';
      if (b === 'id') return hasChoiceIds ? 'choice_ids' : `choice_${letter}_zh`;
      return `choice_${letter}_${lang(c)}`;
    }
    case 'scene':
      return 'kind';
    case undefined:
      return 'id';
    default:
      return String(head);
  }
}

interface RowContext {
  row: number;
  get(name: string): string;
  problem(column: string, message: string): void;
}

function localized(ctx: RowContext, base: string): Record<string, string> {
  const out: Record<string, string> = { 'zh-Hans': ctx.get(`${base}_zh`), en: ctx.get(`${base}_en`) };
  const hant = ctx.get(`${base}_hant`);
  if (hant) out['zh-Hant'] = hant;
  return out;
}

/** One row to a question, or null with its problems reported. */
function rowToQuestion(ctx: RowContext, opts: RowsOptions): Question | null {
  const bad = new Set<string>();
  const fail = (column: string, message: string) => {
    bad.add(column);
    ctx.problem(column, message);
  };

  // zone: the import's zone wins over blanks, and conflicts are named rather than silently moved
  const zoneCell = ctx.get('zone').toLowerCase();
  if (opts.zone && zoneCell && zoneCell !== opts.zone) fail('zone', `is "${zoneCell}" but this import is for zone "${opts.zone}"`);
  const zone = zoneCell || opts.zone || opts.defaultZone || '';
  if (!zone) fail('zone', 'must not be empty (or name the zone for the whole import)');
  else if (!(ZONE_IDS as readonly string[]).includes(zone)) fail('zone', `"${zone}" is not a zone (${ZONE_IDS.join(', ')})`);

  const kindCell = ctx.get('kind');
  const kind = KIND_ALIASES[kindCell] ?? kindCell.toLowerCase();
  if (kind === 'scene') {
    fail('kind', 'scene questions need a 3D layout and cannot be imported from a spreadsheet: add them to the JSON bank by hand');
    return null;
  }
  if (!(QUESTION_KINDS as readonly string[]).includes(kind)) fail('kind', `"${kindCell}" is not a kind (single, multiple, truefalse)`);

  const diffCell = ctx.get('difficulty');
  const difficulty = /^[123](\.0+)?$/.test(diffCell) ? Number(diffCell) : undefined;
  if (difficulty === undefined) fail('difficulty', diffCell ? `"${diffCell}" is not 1, 2 or 3` : 'must not be empty (1, 2 or 3)');

  // choices: a letter exists when either of its text cells is filled
  const letters = LETTERS.filter((l) => ctx.get(`choice_${l}_zh`) || ctx.get(`choice_${l}_en`) || ctx.get(`choice_${l}_hant`));
  const idsCell = ctx.get('choice_ids');
  let ids: string[] = [...letters];
  if (idsCell) {
    const given = splitList(idsCell);
    if (given.length !== letters.length)
      fail('choice_ids', `lists ${given.length} id(s) for ${letters.length} filled choice(s) (${letters.join(', ')})`);
    else ids = given;
  }
  const choices = letters.map((l, i) => ({ id: ids[i]!, text: localized(ctx, `choice_${l}`) }));

  // answer: letters of the choice columns ("a,c", "a c", "AC")
  const answerCell = ctx.get('answer').toLowerCase();
  let tokens = splitList(answerCell);
  if (tokens.length === 1 && /^[a-f]{2,6}$/.test(tokens[0]!)) tokens = [...tokens[0]!];
  const answer: string[] = [];
  if (!tokens.length) fail('answer', 'must not be empty (the letter of the right choice, e.g. "a")');
  for (const t of new Set(tokens)) {
    const i = letters.indexOf(t as Letter);
    if (!(LETTERS as readonly string[]).includes(t)) fail('answer', `"${t}" is not a choice letter (a–f)`);
    else if (i < 0) fail('answer', `choice ${t} is empty (choice_${t}_zh and choice_${t}_en)`);
    else answer.push(ids[i]!);
  }

  const approxCell = ctx.get('approx').toLowerCase();
  if (!YES.has(approxCell) && !NO.has(approxCell)) fail('approx', `"${ctx.get('approx')}" is not yes or no`);

  const idCell = ctx.get('id');
  const id = idCell || generatedId(zone, ctx.get('prompt_zh'));

  // key order as in the hand-written banks, so merged files diff cleanly
  const candidate: Record<string, unknown> = {
    id,
    zone,
    groups: splitList(ctx.get('groups').toLowerCase()),
    difficulty,
    kind,
    topic: ctx.get('topic').toLowerCase(),
    prompt: localized(ctx, 'prompt'),
    choices,
    answer,
    explanation: localized(ctx, 'explanation'),
    source: {
      facts: splitList(ctx.get('source_facts')).map((f) => f.replace(/^facts:/i, '')),
      law: localized(ctx, 'law'),
    },
  };
  if (YES.has(approxCell)) candidate.approx = true;

  const r = questionSchema.safeParse(candidate);
  if (r.success && !bad.size) return r.data;
  if (!r.success)
    for (const issue of r.error.issues) {
      const column = columnOf(issue.path, issue.code, letters, !!idsCell);
      // already explained by a cell problem, or an id we made up from an invalid zone
      if (bad.has(column) || (column === 'id' && !idCell)) continue;
      if (column === 'groups' && issue.code === 'too_small') ctx.problem(column, 'must not be empty (e.g. "child, teen")');
      else if (column === 'source_facts' && issue.code === 'too_small') ctx.problem(column, 'must not be empty (facts.md item ids, e.g. "1.5; 1.3")');
      else ctx.problem(column, issue.message);
    }
  return null;
}

export function rowsToQuestions(rows: readonly (readonly string[])[], opts: RowsOptions = {}): RowsResult {
  const out: RowsResult = { questions: [], problems: [], rowOf: {}, generatedIds: [] };
  const header = (rows[0] ?? []).map((h) => normHeader(String(h ?? '')));
  const known = new Map(COLUMNS.map((c) => [c.name, c]));
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!h || h.startsWith('#')) return;
    if (!known.has(h)) out.problems.push({ row: 1, column: h, message: 'is not a known column (ignored); see quizzes/README.md' });
    else if (index.has(h)) out.problems.push({ row: 1, column: h, message: 'appears twice in the header' });
    else index.set(h, i);
  });
  const missing = COLUMNS.filter((c) => c.required && !index.has(c.name)).map((c) => c.name);
  if (!opts.zone && !opts.defaultZone && !index.has('zone')) missing.unshift('zone');
  for (const m of missing) out.problems.push({ row: 1, column: m, message: 'column is missing from the header row' });
  if (missing.length) return out;

  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    if (i === 0) return;
    const row = i + 1;
    const text = cells.map((c) => String(c ?? '').replace(/\r\n?/g, '\n').trim());
    if (text.every((c) => !c) || text[0]?.startsWith('#')) return;
    const ctx: RowContext = {
      row,
      get: (name) => {
        const at = index.get(name);
        return at === undefined ? '' : (text[at] ?? '');
      },
      problem: (column, message) => out.problems.push({ row, column, message }),
    };
    const q = rowToQuestion(ctx, opts);
    if (!q) return;
    const first = seen.get(q.id);
    if (first !== undefined) {
      ctx.problem('id', `"${q.id}" is also on row ${first}${ctx.get('id') ? '' : ' (same prompt_zh gives the same id)'}`);
      return;
    }
    seen.set(q.id, row);
    out.questions.push(q);
    out.rowOf[q.id] = row;
    if (!ctx.get('id')) out.generatedIds.push(q.id);
  });
  return out;
}

/** A question as a template row (cells in TEMPLATE_HEADER order plus any zh-Hant columns it needs);
 * scene questions have no row form. */
export function questionToRow(q: Question): Record<string, string> {
  if (q.kind === 'scene') throw new Error(`${q.id}: scene questions cannot be written to a spreadsheet`);
  const ids = q.choices.map((c) => c.id);
  const letters = LETTERS.slice(0, ids.length);
  const cells: Record<string, string> = {
    id: q.id,
    zone: q.zone,
    groups: q.groups.join(', '),
    difficulty: String(q.difficulty),
    kind: q.kind,
    topic: q.topic,
    prompt_zh: q.prompt['zh-Hans'],
    prompt_en: q.prompt.en,
    choice_ids: ids.join(',') === letters.join(',') ? '' : ids.join(', '),
    answer: q.answer.map((a) => letters[ids.indexOf(a)]).join(', '),
    explanation_zh: q.explanation['zh-Hans'],
    explanation_en: q.explanation.en,
    source_facts: q.source.facts.join('; '),
    law_zh: q.source.law['zh-Hans'],
    law_en: q.source.law.en,
    approx: q.approx ? 'yes' : '',
  };
  q.choices.forEach((c, i) => {
    cells[`choice_${letters[i]}_zh`] = c.text['zh-Hans'];
    cells[`choice_${letters[i]}_en`] = c.text.en;
    if (c.text['zh-Hant']) cells[`choice_${letters[i]}_hant`] = c.text['zh-Hant'];
  });
  if (q.prompt['zh-Hant']) cells.prompt_hant = q.prompt['zh-Hant'];
  if (q.explanation['zh-Hant']) cells.explanation_hant = q.explanation['zh-Hant'];
  if (q.source.law['zh-Hant']) cells.law_hant = q.source.law['zh-Hant'];
  return cells;
}

/** Questions as a sheet (header row first); zh-Hant columns are added only when a question has one. */
export function questionsToRows(questions: readonly Question[]): string[][] {
  const rows = questions.map(questionToRow);
  const header = COLUMNS.filter((c) => c.inTemplate || rows.some((r) => c.name in r)).map((c) => c.name);
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
}
