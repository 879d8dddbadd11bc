// Merging imported questions into a zone's bank, and writing the bank back as the hand-edited files
// are laid out. Ids are the key: re-importing the same sheet replaces questions instead of adding
// copies, and a question that did not change is left exactly as it was (no churn in the git diff).
import type { Localized, Question, QuizFile } from '../schema.ts';

export interface MergeReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** questions in the bank the import may not replace, with why */
  refused: { id: string; reason: string }[];
  /** topics first seen in this import, named by their id until someone names them in the bank */
  newTopics: string[];
}

export const QUIZ_SCHEMA_REF = '../schemas/quiz.schema.json';

export function emptyBank(zone: QuizFile['zone']): QuizFile {
  return { $schema: QUIZ_SCHEMA_REF, zone, topics: {}, questions: [] };
}

/** JSON with object keys sorted, so key order never makes two equal questions differ. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

/** A sheet without zh-Hant columns says nothing about the overrides: keep each one whose zh-Hans text
 * is unchanged (it still translates it); drop it when the zh-Hans text changed (it is stale). */
function keepHant<L extends Localized | undefined>(next: L, prev: Localized | undefined): L {
  if (!next || next['zh-Hant'] || !prev?.['zh-Hant'] || prev['zh-Hans'] !== next['zh-Hans']) return next;
  return { ...next, 'zh-Hant': prev['zh-Hant'] };
}

function withOverrides(next: Question, prev: Question): Question {
  return {
    ...next,
    prompt: keepHant(next.prompt, prev.prompt),
    choices: next.choices.map((c) => ({ ...c, text: keepHant(c.text, prev.choices.find((p) => p.id === c.id)?.text) })),
    explanation: keepHant(next.explanation, prev.explanation),
    source: { ...next.source, law: keepHant(next.source.law, prev.source.law) },
  };
}

/**
 * Same id → the imported version replaces the bank's in place ("updated"), or nothing happens when
 * they are equal ("unchanged"); new ids are appended in sheet order ("added"). If an id comes twice,
 * the later one wins. Scene questions in the bank are never replaced: a sheet cannot hold their scene.
 */
export function mergeQuestions(bank: QuizFile, incoming: readonly Question[]): { bank: QuizFile; report: MergeReport } {
  const report: MergeReport = { added: [], updated: [], unchanged: [], refused: [], newTopics: [] };
  const questions = [...bank.questions];
  const latest = new Map<string, Question>();
  for (const q of incoming) {
    if (q.zone !== bank.zone) throw new Error(`mergeQuestions: ${q.id} is for zone ${q.zone}, the bank is ${bank.zone}`);
    latest.delete(q.id);
    latest.set(q.id, q);
  }
  for (const q of latest.values()) {
    const at = questions.findIndex((p) => p.id === q.id);
    const prev = questions[at];
    if (!prev) {
      questions.push(q);
      report.added.push(q.id);
      continue;
    }
    if (prev.kind === 'scene') {
      report.refused.push({ id: q.id, reason: `"${q.id}" is a scene question in the bank; edit it in the JSON file` });
      continue;
    }
    const next = withOverrides(q, prev);
    if (canonical(next) === canonical(prev)) report.unchanged.push(q.id);
    else {
      questions[at] = next;
      report.updated.push(q.id);
    }
  }
  // a topic the bank has not named yet gets its id as a placeholder name (the import reports it)
  const topics = { ...bank.topics };
  for (const q of questions)
    if (!topics[q.topic]) {
      topics[q.topic] = { 'zh-Hans': q.topic, en: q.topic };
      report.newTopics.push(q.topic);
    }
  return { bank: { ...bank, topics, questions }, report };
}

// ---------------------------------------------------------------- writing the file

export interface BankStyle {
  /** `{"a": 1}` instead of `{ "a": 1 }` (some banks are written that way) */
  tightBraces: boolean;
}

/** The brace style of an existing bank file, so rewriting it changes only the questions that changed. */
export function detectStyle(text: string): BankStyle {
  const tight = (text.match(/\{"/g) ?? []).length;
  const loose = (text.match(/\{ "/g) ?? []).length;
  return { tightBraces: tight > loose };
}

const isObj = (v: unknown): v is object => v !== null && typeof v === 'object';
/** arrays of objects (questions, choices, marks) get one line per item; everything else stays inline */
const hasObjectList = (v: unknown): boolean =>
  Array.isArray(v) ? v.some(isObj) : isObj(v) && Object.values(v).some((x) => (Array.isArray(x) ? x.some(isObj) : hasObjectList(x)));

function inline(v: unknown, style: BankStyle): string {
  if (Array.isArray(v)) return `[${v.map((x) => inline(x, style)).join(', ')}]`;
  if (isObj(v)) {
    const body = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${inline(x, style)}`).join(', ');
    if (!body) return '{}';
    return style.tightBraces ? `{${body}}` : `{ ${body} }`;
  }
  return JSON.stringify(v);
}

function block(v: unknown, depth: number, style: BankStyle, expand = hasObjectList(v)): string {
  if (!expand) return inline(v, style);
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(v)) return `[\n${v.map((x) => pad + block(x, depth + 1, style)).join(',\n')}\n${end}]`;
  const lines = Object.entries(v as object).map(([k, x]) => `${pad}${JSON.stringify(k)}: ${block(x, depth + 1, style)}`);
  return `{\n${lines.join(',\n')}\n${end}}`;
}

/** The bank as its file text: 2-space indentation, `$schema` first, one question field per line and
 * one line per choice (the layout of the hand-written banks). */
export function formatBank(bank: QuizFile, style: BankStyle = { tightBraces: false }): string {
  const { $schema, zone, topics, questions, ...rest } = bank;
  const head = { ...($schema === undefined ? {} : { $schema }), zone };
  // the file itself is always one key per line, even while it holds no questions; topics one per line
  const body = block({ ...head, topics: {}, questions, ...rest }, 0, style, true);
  const topicLines = Object.entries(topics).map(([k, v]) => `    ${JSON.stringify(k)}: ${inline(v, style)}`);
  const topicsText = topicLines.length ? `{\n${topicLines.join(',\n')}\n  }` : '{}';
  return `${body.replace('"topics": {}', `"topics": ${topicsText}`)}\n`;
}
