// Spreadsheet rows ⇄ questions. Hall staff write questions in Excel or WPS; this turns the sheet's
// rows (already decoded and parsed to strings, see sheet.ts) into questions validated by the question
// schema, and names every problem by the row number and column header the editor sees. One pipeline
// for both destinations: the repository's banks (npm run quizzes:import; English, topic and
// difficulty required) and the questions hall staff add on a device (the staff console; only what
// staff know is required, English all or nothing). No fs, no parser: runs in Node and the browser.
//
// Columns (header in row 1 — or the first of rows 1–5 that holds known columns —, any order, case and
// spaces ignored; blank rows and rows whose first cell starts with "#" are skipped; headers starting
// with "#" are free notes). Each column also answers to Chinese names (ALIASES), e.g. 题目, 选项A, 答案.
//   id              optional. Stable id "<zone>-<name>"; blank: generated from the zone and prompt_zh.
//   zone            zone id or name (行人过街, 标志与手势 …, names.ts). May be left out when the
//                   import names a zone for the whole sheet.
//   groups          group ids or names, separated by , ， 、 ; ；  ("青少年；电动车骑行者"); 所有人群 = all.
//   difficulty      1, 2 or 3 (also 简单 / 中等 / 困难). Staff questions: blank = 1.
//   kind            single | multiple | truefalse (also 单选 / 多选 / 判断).
//   topic           bank: topic slug. Staff questions: a topic of the zone by id or name; blank = the
//                   zone's "staff questions" topic (STAFF_TOPIC).
//   prompt_zh, prompt_en                  the question.
//   choice_a_zh, choice_a_en … choice_f_zh, choice_f_en
//                   up to six choices. A 判断 question may leave them blank: 对 / 错.
//   choice_ids      optional ids of the filled choices ("yes, no"); blank: a, b, c … by column.
//   answer          letters of the right choices, either case ("A", "a, c", "AC"); 对 / 错 for 判断.
//   explanation_zh, explanation_en        why the answer is right.
//   source_facts    facts.md item ids, "1.5; 1.3" (a "facts" prefix is accepted).
//   law_zh, law_en  the law article or standard, in words (optional where the fact is not a law).
//   source (依据)   facts ids and/or the law in one cell: "facts 2.1；《…》第72条".
//   approx          yes / no (blank = no): the explanation quotes an approximate figure (约 / about).
//   prompt_hant, choice_a_hant … explanation_hant, law_hant   optional zh-Hant overrides.
import { QUESTION_KINDS, questionSchema, staffQuestionSchema, ZONE_IDS, type Localized, type Question } from '../schema.ts';
import { formulaPrefix } from './formula.ts';
import { LIMITS, type ImportLimits } from './limits.ts';
import { normName, type NameIndex } from './names.ts';
import { problem, type ProblemCode, type ProblemParams, type RowProblem } from './problems.ts';

export type { RowProblem } from './problems.ts';

/** The topic a staff question gets when its sheet names none (one per zone, named in every language). */
export const STAFF_TOPIC = 'staff';
export const STAFF_TOPIC_NAME: Localized = { 'zh-Hans': '馆内自编题', 'zh-Hant': '館內自編題', en: 'Hall staff questions' };

export interface RowsResult {
  questions: Question[];
  problems: RowProblem[];
  /** question id → the row it came from, to name rows in later checks (facts, merge) */
  rowOf: Record<string, number>;
  /** ids made from the prompt hash because the id cell was blank */
  generatedIds: string[];
  /** the sheet row holding the header (1-based) */
  headerRow: number;
  /** the known columns in sheet order: canonical name, the header as written, its index */
  columns: { name: string; header: string; index: number }[];
  /** sheet rows read as questions (not blank, not notes), good or bad, in order */
  dataRows: number[];
}

export interface RowsOptions {
  /** every row belongs to this zone: blank zone cells take it, other zones are problems */
  zone?: string;
  /** zone for rows whose zone cell is blank */
  defaultZone?: string;
  /** 'bank' (default): the repository's banks. 'device': questions hall staff add in the console. */
  target?: 'bank' | 'device';
  /** zone and group names staff write; without it only ids are accepted */
  names?: NameIndex;
  /** 'device': the topics a zone's questions may name (id → name) */
  topics?: Partial<Record<string, Record<string, Localized>>>;
  limits?: ImportLimits;
}

export const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
type Letter = (typeof LETTERS)[number];

export interface ColumnDef {
  name: string;
  /** must be in the header row of a bank import */
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
  col('source', false, '', false),
  col('prompt_hant', false, '', false),
  ...LETTERS.map((l) => col(`choice_${l}_hant`, false, '', false)),
  col('explanation_hant', false, '', false),
  col('law_hant', false, '', false),
];

export const TEMPLATE_HEADER: readonly string[] = COLUMNS.filter((c) => c.inTemplate).map((c) => c.name);

/** Chinese (and other) names a column answers to: the template's note-row names and the plain ones
 * staff write. Matched after normAlias (spaces, case, full-width brackets and a trailing colon ignored). */
const ALIASES: Record<string, readonly string[]> = {
  id: ['题号', '编号', '题目编号'],
  zone: ['展区', '所属展区', '区域'],
  groups: ['人群', '适用人群', '适用对象', '对象人群', '受众'],
  difficulty: ['难度', '难度等级'],
  kind: ['题型', '类型', '题目类型'],
  topic: ['知识点', '主题'],
  prompt_zh: ['题目', '题目(简体)', '题目(中文)', '题干', '问题', '试题'],
  prompt_en: ['题目(英文)', '英文题目', '题干(英文)'],
  ...Object.fromEntries(
    LETTERS.flatMap((l) => {
      const L = l.toUpperCase();
      return [
        [`choice_${l}_zh`, [`选项${L}`, `选项${L}(简体)`, `选项${L}(中文)`, `${L}选项`, L]],
        [`choice_${l}_en`, [`选项${L}(英文)`, `choice${L}(english)`, `英文选项${L}`]],
        [`choice_${l}_hant`, [`选项${L}(繁体)`]],
      ];
    }),
  ),
  choice_ids: ['选项编号'],
  answer: ['答案', '正确答案', '答案字母', '参考答案', '标准答案'],
  explanation_zh: ['解析', '解析(简体)', '解析(中文)', '答案解析', '题目解析'],
  explanation_en: ['解析(英文)', '英文解析'],
  source_facts: ['facts.md条目', 'facts', 'facts编号', 'facts.md编号', '事实编号', '事实清单', '事实清单编号'],
  law_zh: ['法规条文', '法规条文(简体)', '法规', '法律依据', '法条'],
  law_en: ['法规条文(英文)', '英文法规'],
  approx: ['约数', '约数?yes'],
  source: ['依据', '出处', '来源'],
  prompt_hant: ['题目(繁体)'],
  explanation_hant: ['解析(繁体)'],
  law_hant: ['法规条文(繁体)'],
};

const normHeader = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
const normAlias = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toLowerCase()
    .replace(/[:*?]+$/, '');

const CANONICAL = new Set(COLUMNS.map((c) => c.name));
const ALIAS_MAP = new Map<string, string>(Object.entries(ALIASES).flatMap(([name, list]) => list.map((a) => [normAlias(a), name] as [string, string])));

/** The column a header names, or null: its canonical name, a known alias, or the alias before a
 * "/" or "，" (the template's note row reads "题号，可空（自动生成）/ id, blank = generated"). */
export function columnFor(header: string): string | null {
  const h = normHeader(header);
  if (CANONICAL.has(h)) return h;
  for (const part of [header, header.split('/')[0]!, header.split(/[，,]/)[0]!]) {
    const hit = ALIAS_MAP.get(normAlias(part));
    if (hit) return hit;
  }
  return null;
}

const KIND_ALIASES: Record<string, string> = {
  单选: 'single',
  单选题: 'single',
  单项选择: 'single',
  单项选择题: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  多项选择: 'multiple',
  多项选择题: 'multiple',
  判断: 'truefalse',
  判断题: 'truefalse',
  是非题: 'truefalse',
  场景: 'scene',
  场景题: 'scene',
};
const DIFFICULTY_WORDS: Record<string, 1 | 2 | 3> = { 简单: 1, 容易: 1, 易: 1, 中等: 2, 一般: 2, 中: 2, 困难: 3, 较难: 3, 难: 3 };
const YES = new Set(['yes', 'y', 'true', '1', '是', '对', 'x', '✓', '√']);
const NO = new Set(['', 'no', 'n', 'false', '0', '否']);
/** answers of a 判断 question, by meaning */
const TRUE_WORDS = new Set(['对', '正确', '是', '√', '✓', 't', 'true', 'yes', 'y', '对的']);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', '✗', 'x', 'f', 'false', 'no', 'n', '错的', '不对']);
/** list cells: commas (also full-width), 、, semicolons or spaces */
const LIST_SEP = /[,，、;；\s]+/;
const NAME_SEP = /[,，、;；]+/;
const splitList = (cell: string): string[] => cell.split(LIST_SEP).filter(Boolean);

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

/** facts ids and law text of a 依据 cell: "facts 2.1；《…》第72条", "2.1、2.3", "《…》第72条". */
export function parseSourceCell(cell: string): { facts: string[]; law: string } {
  const facts: string[] = [];
  const law: string[] = [];
  const ID_LIST = /^(?:facts?(?:\.md)?|事实清单|事实)?\s*[:：#]?\s*(\d+\.\d+(?:\s*[,，、/和及]\s*\d+\.\d+)*)\s*(.*)$/is;
  for (const raw of cell.split(/[;；\n]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const m = ID_LIST.exec(part);
    if (m) {
      facts.push(...m[1]!.split(/[^\d.]+/).filter(Boolean));
      const rest = m[2]!.replace(/^[，,、\s]+/, '').trim();
      if (rest) law.push(rest);
    } else law.push(part);
  }
  return { facts, law: law.join('；') };
}

/** Which header a schema issue path points at. */
function columnOf(path: readonly PropertyKey[], code: string, letters: Letter[], hasChoiceIds: boolean, factsColumn: string, lawColumn: string): string {
  const [head, a, b, c] = path;
  const lang = (k: PropertyKey | undefined) => LANG_SUFFIX[String(k)] ?? 'zh';
  switch (head) {
    case 'prompt':
    case 'explanation':
      return `${head}_${lang(a)}`;
    case 'source':
      return a === 'law' ? (lang(b) === 'zh' ? lawColumn : `law_${lang(b)}`) : factsColumn;
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
  device: boolean;
  has(name: string): boolean;
  get(name: string): string;
  problem(column: string, code: ProblemCode, message: string, params?: ProblemParams): void;
}

function localized(ctx: RowContext, base: string): Localized {
  const out: Localized = { 'zh-Hans': ctx.get(`${base}_zh`), en: ctx.get(`${base}_en`) };
  const hant = ctx.get(`${base}_hant`);
  if (hant) out['zh-Hant'] = hant;
  return out;
}

/** One row to a question, or null with its problems reported. */
function rowToQuestion(ctx: RowContext, opts: RowsOptions, refused: ReadonlySet<string>): Question | null {
  // columns with a problem already (refused cells are reported once, by the caller)
  const bad = new Set(refused);
  const fail = (column: string, code: ProblemCode, message: string, params: ProblemParams = {}) => {
    if (refused.has(column)) return;
    bad.add(column);
    ctx.problem(column, code, message, params);
  };
  const names = opts.names;
  const factsColumn = ctx.has('source_facts') || !ctx.has('source') ? 'source_facts' : 'source';
  const lawColumn = ctx.has('law_zh') || !ctx.has('source') ? 'law_zh' : 'source';

  // zone: the import's zone wins over blanks, and conflicts are named rather than silently moved
  const zoneCell = ctx.get('zone');
  const zoneOf = (cell: string) => names?.zone(cell) ?? ((ZONE_IDS as readonly string[]).includes(cell.toLowerCase()) ? cell.toLowerCase() : null);
  const zoneFromCell = zoneCell ? zoneOf(zoneCell) : null;
  if (zoneCell && !zoneFromCell) {
    const accepted = names?.zoneNames ?? ZONE_IDS.join(', ');
    fail('zone', 'zone.unknown', `"${zoneCell}" is not a zone (${accepted})`, { value: zoneCell, accepted });
  } else if (opts.zone && zoneFromCell && zoneFromCell !== opts.zone)
    fail('zone', 'zone.conflict', `is "${zoneCell}" but this import is for zone "${opts.zone}"`, { value: zoneCell, zone: opts.zone });
  const zone = zoneFromCell || (zoneCell ? '' : opts.zone || opts.defaultZone || '');
  if (!zoneCell && !zone) fail('zone', 'cell.empty', 'must not be empty (or name the zone for the whole import)');

  const kindCell = ctx.get('kind');
  const kind = KIND_ALIASES[kindCell.replace(/\s+/g, '')] ?? kindCell.toLowerCase();
  if (kind === 'scene') {
    fail('kind', 'kind.scene', 'scene questions need a 3D layout and cannot be imported from a spreadsheet: add them to the JSON bank by hand');
    return null;
  }
  if (!kindCell) fail('kind', 'cell.empty', 'must not be empty (单选, 多选 or 判断)');
  else if (!(QUESTION_KINDS as readonly string[]).includes(kind)) fail('kind', 'kind.unknown', `"${kindCell}" is not a kind (single, multiple, truefalse — or 单选, 多选, 判断)`, { value: kindCell });

  const diffCell = ctx.get('difficulty');
  let difficulty: number | undefined = /^[123](\.0+)?$/.test(diffCell) ? Number(diffCell) : DIFFICULTY_WORDS[diffCell];
  if (!diffCell && ctx.device) difficulty = 1;
  if (difficulty === undefined)
    fail('difficulty', diffCell ? 'difficulty.invalid' : 'cell.empty', diffCell ? `"${diffCell}" is not 1, 2 or 3` : 'must not be empty (1, 2 or 3)', { value: diffCell });

  // choices: a letter exists when one of its text cells is filled; a 判断 question may leave them all
  // blank and gets 对 / 错 (English True / False when the question has English)
  let letters: Letter[] = LETTERS.filter((l) => ctx.get(`choice_${l}_zh`) || ctx.get(`choice_${l}_en`) || ctx.get(`choice_${l}_hant`));
  const hasEnglish = !!ctx.get('prompt_en');
  let choices: Question['choices'];
  let ids: string[] = [...letters];
  const idsCell = ctx.get('choice_ids');
  if (kind === 'truefalse' && letters.length === 0) {
    letters = ['a', 'b'];
    ids = ['yes', 'no'];
    choices = [
      { id: 'yes', text: { 'zh-Hans': '对', en: hasEnglish ? 'True' : '' } },
      { id: 'no', text: { 'zh-Hans': '错', en: hasEnglish ? 'False' : '' } },
    ];
  } else {
    if (idsCell) {
      const given = splitList(idsCell);
      if (given.length !== letters.length)
        fail('choice_ids', 'choice.ids', `lists ${given.length} id(s) for ${letters.length} filled choice(s) (${letters.join(', ')})`, {
          given: given.length,
          filled: letters.length,
        });
      else ids = given;
    }
    choices = letters.map((l, i) => ({ id: ids[i]!, text: localized(ctx, `choice_${l}`) }));
  }

  // answer: letters of the choice columns, either case ("a,c", "A C", "AC"); 对 / 错 for 判断
  const answerCell = ctx.get('answer').normalize('NFKC').toLowerCase();
  let tokens = splitList(answerCell);
  if (tokens.length === 1 && /^[a-f]{2,6}$/.test(tokens[0]!)) tokens = [...tokens[0]!];
  const answer: string[] = [];
  if (!tokens.length) fail('answer', 'answer.empty', 'must not be empty (the letter of the right choice, e.g. "A")');
  for (const t of new Set(tokens)) {
    const i = letters.indexOf(t as Letter);
    if (kind === 'truefalse' && !(LETTERS as readonly string[]).includes(t)) {
      // 对 / 错: the choice with that text, else by meaning (first choice = true)
      const byText = choices.findIndex((c) => normName(c.text['zh-Hans']) === t);
      const byMeaning = TRUE_WORDS.has(t) ? 0 : FALSE_WORDS.has(t) ? 1 : -1;
      const at = byText >= 0 ? byText : byMeaning;
      if (at >= 0 && choices[at]) answer.push(choices[at].id);
      else fail('answer', 'answer.letter', `"${t}" is not a choice letter (A–F) nor 对 / 错`, { value: t });
    } else if (!(LETTERS as readonly string[]).includes(t)) fail('answer', 'answer.letter', `"${t}" is not a choice letter (A–F)`, { value: t });
    else if (i < 0) fail('answer', 'answer.emptyChoice', `choice ${t} is empty (choice_${t}_zh and choice_${t}_en)`, { letter: t.toUpperCase() });
    else answer.push(ids[i]!);
  }

  const approxCell = ctx.get('approx').toLowerCase();
  if (!YES.has(approxCell) && !NO.has(approxCell)) fail('approx', 'approx.invalid', `"${ctx.get('approx')}" is not yes or no`, { value: ctx.get('approx') });

  // source: facts ids from their column and/or the 依据 cell; the law from its columns or 依据
  const combined = parseSourceCell(ctx.get('source'));
  const factsCell = ctx.get('source_facts');
  const facts = [...splitList(factsCell).map((f) => f.replace(/^facts:/i, '')), ...combined.facts];
  let law: Localized | undefined = { 'zh-Hans': ctx.get('law_zh') || combined.law, en: ctx.get('law_en') };
  if (ctx.get('law_hant')) law['zh-Hant'] = ctx.get('law_hant');
  if (!law['zh-Hans'] && !law.en && !law['zh-Hant']) law = undefined;
  if (!facts.length && !bad.has(factsColumn))
    fail(
      factsColumn,
      'facts.none',
      factsColumn === 'source'
        ? 'needs at least one facts.md item id, e.g. "facts 2.1；《道路交通安全法实施条例》第72条"'
        : 'must not be empty (facts.md item ids, e.g. "1.5; 1.3")',
    );

  // groups: ids, names or short forms; 所有人群 = every group
  const groups: string[] = [];
  const groupCell = ctx.get('groups');
  for (const token of groupCell.split(NAME_SEP).map((t) => t.trim()).filter(Boolean)) {
    const whole = names?.groups(token);
    if (whole) {
      groups.push(...whole);
      continue;
    }
    for (const word of token.split(/\s+/)) {
      const ids = names ? names.groups(word) : [word.toLowerCase()];
      if (ids) groups.push(...ids);
      else
        fail('groups', 'group.unknown', `"${word}" is not an audience group (${names!.groupNames})`, { value: word, accepted: names!.groupNames });
    }
  }
  if (!groupCell) fail('groups', 'cell.empty', 'must not be empty (e.g. "child, teen")');

  // topic: staff name one of the zone's topics (or leave it to the staff topic)
  const topicCell = ctx.get('topic');
  let topic = topicCell.toLowerCase();
  if (ctx.device) {
    const known = { ...(zone ? (opts.topics?.[zone] ?? {}) : {}), [STAFF_TOPIC]: STAFF_TOPIC_NAME };
    if (!topicCell) topic = STAFF_TOPIC;
    else {
      const n = normName(topicCell);
      const hit = Object.entries(known).find(([id, name]) => id === n || [name['zh-Hans'], name['zh-Hant'], name.en].some((x) => x && normName(x) === n));
      if (hit) topic = hit[0];
      else {
        const accepted = Object.values(known)
          .map((t) => t['zh-Hans'])
          .join('、');
        fail('topic', 'topic.unknown', `"${topicCell}" is not a topic of this zone (${accepted}; or leave it empty)`, { value: topicCell, accepted });
      }
    }
  }

  const idCell = ctx.get('id');
  const id = idCell || generatedId(zone || 'x', ctx.get('prompt_zh'));

  // key order as in the hand-written banks, so merged files diff cleanly
  const candidate: Record<string, unknown> = {
    id,
    zone,
    groups: [...new Set(groups)],
    difficulty,
    kind,
    topic,
    prompt: localized(ctx, 'prompt'),
    choices,
    answer,
    explanation: localized(ctx, 'explanation'),
    source: law ? { facts, law } : { facts },
  };
  if (YES.has(approxCell)) candidate.approx = true;

  const r = (ctx.device ? staffQuestionSchema : questionSchema).safeParse(candidate);
  if (r.success && !bad.size) return r.data as Question;
  if (!r.success)
    for (const issue of r.error.issues) {
      const column = columnOf(issue.path, issue.code, letters, !!idsCell, factsColumn, lawColumn);
      // already explained by a cell problem, or an id we made up from an invalid zone
      if (bad.has(column) || (column === 'id' && !idCell) || (column === 'zone' && bad.has('zone'))) continue;
      bad.add(column);
      if (issue.message.startsWith('English is only partly filled')) ctx.problem(column, 'english.partial', issue.message);
      else if (issue.message === 'must not be empty') ctx.problem(column, 'cell.empty', issue.message);
      else if (column === factsColumn && issue.path[2] !== undefined) ctx.problem(column, 'facts.invalid', issue.message, { value: String(facts[Number(issue.path[2])] ?? '') });
      else ctx.problem(column, 'schema', issue.message);
    }
  return null;
}

/** The header row: the first of rows 1–5 with at least two known columns (a title row above the
 * header is common in hall sheets), else row 1. */
function findHeader(rows: readonly (readonly string[])[]): number {
  for (let i = 0; i < Math.min(5, rows.length); i++) {
    const known = (rows[i] ?? []).filter((h) => columnFor(String(h ?? ''))).length;
    if (known >= 2) return i;
  }
  return 0;
}

/** Header columns a sheet must have, by destination. */
function requiredColumns(target: 'bank' | 'device', index: Map<string, number>): string[] {
  const need = ['groups', 'kind', 'prompt_zh', 'answer', 'explanation_zh'];
  if (!index.has('source')) need.push('source_facts');
  if (target === 'bank') {
    need.splice(1, 0, 'difficulty');
    need.push('topic', 'prompt_en', 'choice_a_zh', 'choice_a_en', 'choice_b_zh', 'choice_b_en', 'explanation_en', 'law_en');
    if (!index.has('source')) need.push('law_zh');
  }
  const order = new Map(COLUMNS.map((c, i) => [c.name, i]));
  return need.sort((a, b) => order.get(a)! - order.get(b)!);
}

export function rowsToQuestions(rows: readonly (readonly string[])[], opts: RowsOptions = {}): RowsResult {
  const limits = opts.limits ?? LIMITS;
  const target = opts.target ?? 'bank';
  const h = findHeader(rows);
  const out: RowsResult = { questions: [], problems: [], rowOf: {}, generatedIds: [], headerRow: h + 1, columns: [], dataRows: [] };
  const headerCells = (rows[h] ?? []).map((x) => String(x ?? ''));
  const index = new Map<string, number>();
  const headerText = new Map<string, string>();
  const add = (p: RowProblem) => {
    out.problems.push({ ...p, header: p.column ? (headerText.get(p.column) ?? p.column) : undefined });
  };
  headerCells.forEach((raw, i) => {
    const text = raw.replace(/^\uFEFF/, '').trim();
    if (!text || text.startsWith('#')) return;
    const name = columnFor(text);
    if (!name) add(problem(h + 1, normHeader(text), 'header.unknown', 'is not a known column (ignored); see quizzes/README.md', { value: text }));
    else if (index.has(name)) add(problem(h + 1, name, 'header.twice', 'appears twice in the header', { value: text }));
    else {
      index.set(name, i);
      headerText.set(name, text);
      out.columns.push({ name, header: text, index: i });
    }
  });
  if (!out.columns.length && rows.length) {
    add(problem(h + 1, '', 'header.none', 'no known column in the header row (题目, 选项A, 答案, 解析, 依据 … or the template’s names)'));
    return out;
  }
  const missing = requiredColumns(target, index).filter((c) => !index.has(c));
  if (!opts.zone && !opts.defaultZone && !index.has('zone')) missing.unshift('zone');
  for (const m of missing) add(problem(h + 1, m, 'header.missing', 'column is missing from the header row'));
  if (missing.length) return out;
  if (rows.length - h - 1 > limits.rows) {
    add(problem(0, '', 'zip.rows', `the sheet has more than ${limits.rows} rows: split it into smaller sheets`, { max: limits.rows }));
    return out;
  }

  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    if (i <= h) return;
    const row = i + 1;
    const raw = cells.map((c) => String(c ?? ''));
    const text = raw.map((c) => c.replace(/\r\n?/g, '\n').trim());
    if (text.every((c) => !c) || text[0]?.startsWith('#')) return;
    out.dataRows.push(row);
    const refused = new Set<string>();
    const ctx: RowContext = {
      row,
      device: target === 'device',
      has: (name) => index.has(name),
      get: (name) => {
        const at = index.get(name);
        return at === undefined || refused.has(name) ? '' : (text[at] ?? '');
      },
      problem: (column, code, message, params = {}) => add(problem(row, column, code, message, params)),
    };
    // cells refused before anything reads them: formula-like text and overlong cells
    for (const { name, index: at } of out.columns) {
      const cell = raw[at] ?? '';
      if (!cell) continue;
      const prefix = formulaPrefix(cell);
      if (cell.length > limits.cellChars) {
        refused.add(name);
        ctx.problem(name, 'cell.tooLong', `holds ${cell.length} characters (at most ${limits.cellChars})`, { length: cell.length, max: limits.cellChars });
      } else if (prefix !== null) {
        refused.add(name);
        const shown = prefix === '\t' ? 'a tab' : prefix === '\r' ? 'a line break' : `"${prefix}"`;
        ctx.problem(name, 'cell.formula', `starts with ${shown}, which spreadsheet programs run as a formula: remove it`, { char: shown });
      }
    }
    const q = rowToQuestion(ctx, opts, refused);
    if (!q || refused.size) return;
    const first = seen.get(q.id);
    if (first !== undefined) {
      ctx.problem('id', 'id.twice', `"${q.id}" is also on row ${first}${ctx.get('id') ? '' : ' (same prompt_zh gives the same id)'}`, { id: q.id, row: first });
      return;
    }
    seen.set(q.id, row);
    out.questions.push(q);
    out.rowOf[q.id] = row;
    if (!ctx.get('id')) out.generatedIds.push(q.id);
  });
  // within a data row, problems in column order (as the sheet reads, left to right in the template)
  const order = new Map(COLUMNS.map((c, i) => [c.name, i]));
  const head = out.problems.filter((p) => p.row <= out.headerRow);
  const body = out.problems.filter((p) => p.row > out.headerRow);
  body.sort((a, b) => a.row - b.row || (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1));
  out.problems = [...head, ...body];
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
    law_zh: q.source.law?.['zh-Hans'] ?? '',
    law_en: q.source.law?.en ?? '',
    approx: q.approx ? 'yes' : '',
  };
  q.choices.forEach((c, i) => {
    cells[`choice_${letters[i]}_zh`] = c.text['zh-Hans'];
    cells[`choice_${letters[i]}_en`] = c.text.en;
    if (c.text['zh-Hant']) cells[`choice_${letters[i]}_hant`] = c.text['zh-Hant'];
  });
  if (q.prompt['zh-Hant']) cells.prompt_hant = q.prompt['zh-Hant'];
  if (q.explanation['zh-Hant']) cells.explanation_hant = q.explanation['zh-Hant'];
  if (q.source.law?.['zh-Hant']) cells.law_hant = q.source.law['zh-Hant'];
  return cells;
}

/** Questions as a sheet (header row first); zh-Hant columns are added only when a question has one. */
export function questionsToRows(questions: readonly Question[]): string[][] {
  const rows = questions.map(questionToRow);
  const header = COLUMNS.filter((c) => c.inTemplate || rows.some((r) => c.name in r)).map((c) => c.name);
  return [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))];
}
