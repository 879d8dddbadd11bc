// A sheet hall staff chose in the console → a preview (each row with its problems, what will be added
// or updated) and the records to save. The same pipeline as the CLI (sheet.ts → rows.ts), aimed at the
// device: only what staff know is required, English all or nothing, and the cross-file rules the
// content check applies (cited facts exist and are confirmed; ids do not clash with the app's banks).
// zh-Hant is filled in here with the build's converter (OpenCC + the reviewed phrase rules), so a
// Traditional visitor reads a staff question like any other. Pure apart from the sheet parser.
import { citationProblem, type FactsIndex } from '../facts.ts';
import type { Localized, StaffQuestion, ZoneId } from '../schema.ts';
import type { StaffQuestionRecord } from '../../storage/staffQuestions.ts';
import type { Delimiter } from './csv.ts';
import type { Encoding } from './decode.ts';
import { LIMITS, type ImportLimits } from './limits.ts';
import type { NameIndex } from './names.ts';
import { problem, type RowProblem } from './problems.ts';
import { rowsToQuestions } from './rows.ts';
import { readSheet } from './sheet.ts';

export { fileSizeProblem } from './sheet.ts';

export interface StaffImportContext {
  names: NameIndex;
  /** each zone's bank topics (id → name): a sheet may name them */
  topics: Partial<Record<ZoneId, Record<string, Localized>>>;
  /** ids of the app's own bank questions: a staff question may not take one */
  bankIds: ReadonlySet<string>;
  facts: FactsIndex;
  /** staff questions already on the device */
  existing: readonly StaffQuestionRecord[];
  /** zh-Hans → zh-Hant (the build's converter) */
  toHant: (s: string) => string;
  now: number;
  limits?: ImportLimits;
  /** the characters the app's fonts draw (the build's subsets); others are warned about */
  glyphs?: ReadonlySet<string>;
}

export type RowStatus = 'add' | 'update' | 'same' | 'bad';

export interface PreviewRow {
  row: number;
  /** cells of the known columns, by canonical column name */
  cells: Record<string, string>;
  status: RowStatus;
  /** the question's id when the row is good */
  id?: string;
}

export interface StaffImportPreview {
  file: string;
  format: 'xlsx' | 'csv';
  encoding?: Encoding;
  delimiter?: Delimiter;
  headerRow: number;
  columns: { name: string; header: string }[];
  rows: PreviewRow[];
  /** every problem: header (at the header row), cells (at their row), the file (row 0) */
  problems: RowProblem[];
  /** what does not stop a row: characters the app's fonts cannot draw (a headset shows nothing there) */
  warnings: RowProblem[];
  /** what "添加 N 道题" saves: new and changed questions */
  records: StaffQuestionRecord[];
  counts: { add: number; update: number; same: number; bad: number; untranslated: number };
}

export type StaffImportResult = { ok: true; preview: StaffImportPreview } | { ok: false; problem: RowProblem };

function withHant(l: Localized, toHant: (s: string) => string): Localized {
  return l['zh-Hant'] ? l : { ...l, 'zh-Hant': toHant(l['zh-Hans']) };
}

/** Every localized text of a question with its zh-Hant filled (hand-written ones are kept). */
export function fillQuestionHant(q: StaffQuestion, toHant: (s: string) => string): StaffQuestion {
  return {
    ...q,
    prompt: withHant(q.prompt, toHant),
    choices: q.choices.map((c) => ({ ...c, text: withHant(c.text, toHant) })),
    explanation: withHant(q.explanation, toHant),
    source: q.source.law ? { ...q.source, law: withHant(q.source.law, toHant) } : q.source,
  };
}

/** JSON with sorted keys, to tell an unchanged question from an edited one. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );

export const hasEnglish = (q: { prompt: { en: string } }): boolean => !!q.prompt.en;

/** The preview of rows already read from a sheet (exposed for tests and for editing by hand). */
export function previewRows(
  file: string,
  sheet: { format: 'xlsx' | 'csv'; rows: string[][]; problems: RowProblem[]; encoding?: Encoding; delimiter?: Delimiter },
  ctx: StaffImportContext,
): StaffImportPreview {
  const parsed = rowsToQuestions(sheet.rows, { target: 'device', names: ctx.names, topics: ctx.topics, limits: ctx.limits ?? LIMITS });
  const problems = [...sheet.problems, ...parsed.problems];
  const headerOf = new Map(parsed.columns.map((c) => [c.name, c.header]));
  const factsColumn = headerOf.has('source_facts') ? 'source_facts' : 'source';
  const existing = new Map(ctx.existing.map((r) => [r.id, r]));
  const records: StaffQuestionRecord[] = [];
  const statusOf = new Map<number, RowStatus>();
  const idOf = new Map<number, string>();
  const counts = { add: 0, update: 0, same: 0, bad: 0, untranslated: 0 };
  const warnings: RowProblem[] = [];

  for (const q of parsed.questions) {
    const row = parsed.rowOf[q.id]!;
    const rowProblems: RowProblem[] = [];
    q.source.facts.forEach((id) => {
      const why = citationProblem(ctx.facts, id);
      if (why) rowProblems.push(problem(row, factsColumn, ctx.facts.items[id] ? 'facts.unconfirmed' : 'facts.unknown', why, { id }));
    });
    if (ctx.bankIds.has(q.id))
      rowProblems.push(problem(row, 'id', 'id.inBank', `"${q.id}" is a question of the app's own bank: give this question another id (or leave the id empty)`, { id: q.id }));
    if (rowProblems.length) {
      problems.push(...rowProblems.map((p) => ({ ...p, header: headerOf.get(p.column) ?? p.column })));
      continue;
    }
    const question = fillQuestionHant(q as StaffQuestion, ctx.toHant);
    const missing = ctx.glyphs ? missingGlyphs(question, ctx.glyphs) : [];
    if (missing.length)
      warnings.push(
        problem(row, '', 'glyph.missing', `the app's fonts have no ${missing.map((c) => `"${c}"`).join(' ')}: headsets and devices without Chinese fonts show nothing there (use other words)`, {
          chars: missing.join(' '),
        }),
      );
    const prev = existing.get(q.id);
    if (prev && canonical(prev.question) === canonical(question)) {
      statusOf.set(row, 'same');
      counts.same++;
    } else {
      statusOf.set(row, prev ? 'update' : 'add');
      counts[prev ? 'update' : 'add']++;
      records.push({ id: q.id, zone: q.zone, question, createdAt: prev?.createdAt ?? ctx.now, updatedAt: ctx.now, from: file });
      if (!hasEnglish(question)) counts.untranslated++;
    }
    idOf.set(row, q.id);
  }

  const columnIndex = parsed.columns;
  const rows: PreviewRow[] = parsed.dataRows.map((row) => {
    const cells = sheet.rows[row - 1] ?? [];
    const status = statusOf.get(row) ?? 'bad';
    if (status === 'bad') counts.bad++;
    return {
      row,
      cells: Object.fromEntries(columnIndex.map((c) => [c.name, String(cells[c.index] ?? '')])),
      status,
      id: idOf.get(row),
    };
  });
  // problems in sheet order: the file, the header, then each row left to right
  problems.sort((a, b) => a.row - b.row);
  return {
    file,
    format: sheet.format,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    headerRow: parsed.headerRow,
    columns: columnIndex.map(({ name, header }) => ({ name, header })),
    rows,
    problems,
    warnings,
    records,
    counts,
  };
}

/** Characters of a question's Chinese texts (both scripts) that the fonts cannot draw. */
function missingGlyphs(q: StaffQuestion, glyphs: ReadonlySet<string>): string[] {
  const texts = [q.prompt, ...q.choices.map((c) => c.text), q.explanation, ...(q.source.law ? [q.source.law] : [])].flatMap((l) => [l['zh-Hans'], l['zh-Hant'] ?? '', l.en]);
  const out = new Set<string>();
  for (const t of texts) for (const ch of t) if (!/\s/.test(ch) && !glyphs.has(ch)) out.add(ch);
  return [...out];
}

export async function previewStaffImport(file: string, bytes: Uint8Array | ArrayBuffer, ctx: StaffImportContext): Promise<StaffImportResult> {
  const sheet = await readSheet(file, bytes, ctx.limits ?? LIMITS);
  if (!sheet.ok) return sheet;
  return { ok: true, preview: previewRows(file, sheet, ctx) };
}
