// npm run quizzes:import <file.csv|file.xlsx> [--zone <id>] [--dry-run] [--bank-dir <dir>]
// Reads questions written in a spreadsheet, checks every row (schema, facts citations, groups) and
// merges the good rows into quizzes/<zone>.json. Each bad row is printed as
// `row N, column X: problem`; the good rows are still merged (unless --dry-run) and the exit code is
// 1 whenever any row was bad, so a CI step or a careful editor notices. --bank-dir points the import at
// other bank files (the tests use temp copies; the real banks are never touched by tests).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACTS } from '../src/content/factsIndex.ts';
import { parseCsv } from '../src/content/import/csv.ts';
import { decodeCsvBytes } from '../src/content/import/decode.ts';
import { detectStyle, emptyBank, formatBank, mergeQuestions, type MergeReport } from '../src/content/import/merge.ts';
import { COLUMNS, rowsToQuestions, type RowProblem } from '../src/content/import/rows.ts';
import { parseXlsx } from '../src/content/import/xlsx.ts';
import { ZONE_IDS, type Question, type QuizFile, type ZoneId } from '../src/content/schema.ts';
import { checkQuiz, formatProblem, type ContentProblem } from '../src/content/validate.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const USAGE = 'usage: npm run quizzes:import <file.csv|file.xlsx> [--zone <id>] [--dry-run] [--bank-dir <dir>]';

interface Args {
  file: string;
  zone?: ZoneId;
  dryRun: boolean;
  bankDir: string;
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = { dryRun: false, bankDir: join(root, 'quizzes') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') args.dryRun = true;
    else if (a === '--zone' || a === '--bank-dir') {
      const v = argv[++i];
      if (!v) fail(`${a} needs a value\n${USAGE}`);
      if (a === '--bank-dir') args.bankDir = resolve(v);
      else if ((ZONE_IDS as readonly string[]).includes(v)) args.zone = v as ZoneId;
      else fail(`--zone: "${v}" is not a zone (${ZONE_IDS.join(', ')})`);
    } else if (a.startsWith('--')) fail(`unknown option ${a}\n${USAGE}`);
    else if (args.file) fail(`one file at a time\n${USAGE}`);
    else args.file = a;
  }
  if (!args.file) fail(USAGE);
  return args as Args;
}

/** The sheet's rows, or the reason it cannot be read at all. */
async function readSheet(file: string): Promise<{ rows: string[][]; problems: RowProblem[] } | { error: string }> {
  if (!existsSync(file)) return { error: 'file not found' };
  const bytes = readFileSync(file);
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    try {
      return { rows: await parseXlsx(bytes), problems: [] };
    } catch (e) {
      return { error: `not a readable .xlsx workbook (${(e as Error).message})` };
    }
  }
  if (ext === '.xls') return { error: "the old .xls format is not supported: save it as .xlsx or 'CSV UTF-8'" };
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') return { error: 'give a .csv or .xlsx file' };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { error: decoded.message };
  return parseCsv(decoded.text);
}

function groupIdsIn(dir: string): string[] {
  const file = existsSync(join(dir, 'groups.json')) ? join(dir, 'groups.json') : join(root, 'quizzes', 'groups.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { groups: { id: string }[] }).groups.map((g) => g.id);
}

const columnOrder = new Map(COLUMNS.map((c, i) => [c.name, i]));
const problemLine = (p: RowProblem) => (p.column ? `row ${p.row}, column ${p.column}: ${p.message}` : `row ${p.row}: ${p.message}`);

/** A checkQuiz problem about one question of the merged bank, as a row problem when that question
 * came from the sheet (`questions[3].source.facts[0]` → column source_facts). */
function toRowProblem(p: ContentProblem, bank: QuizFile, rowOf: Record<string, number>): RowProblem | null {
  const m = /^questions\[(\d+)\]\.?(.*)$/.exec(p.path);
  const id = m && bank.questions[Number(m[1])]?.id;
  const row = id ? rowOf[id] : undefined;
  if (!m || row === undefined) return null;
  const field = m[2] ?? '';
  const column = field.startsWith('source.facts') ? 'source_facts' : field.startsWith('groups') ? 'groups' : field.replace(/[.[].*$/, '');
  return { row, column, message: p.message };
}

interface ZoneOutcome {
  zone: ZoneId;
  file: string;
  report: MergeReport;
  written: boolean;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const sheet = await readSheet(args.file);
  if ('error' in sheet) {
    console.log(`${args.file}: ${sheet.error}`);
    console.error('quizzes:import: nothing imported');
    return 1;
  }

  const parsed = rowsToQuestions(sheet.rows, { zone: args.zone });
  const problems: RowProblem[] = [...sheet.problems, ...parsed.problems];
  const notes: string[] = [];
  const groupIds = groupIdsIn(args.bankDir);
  const outcomes: ZoneOutcome[] = [];

  const byZone = new Map<ZoneId, Question[]>();
  for (const q of parsed.questions) byZone.set(q.zone, [...(byZone.get(q.zone) ?? []), q]);

  for (const [zone, incoming] of byZone) {
    const path = join(args.bankDir, `${zone}.json`);
    const file = relative(process.cwd(), path) || path;
    const text = existsSync(path) ? readFileSync(path, 'utf8') : null;
    let bank = emptyBank(zone);
    if (text !== null) {
      // a bank that is already broken is not merged into: its problems would hide the sheet's
      const current = checkQuiz(file, text);
      if (!current.ok) {
        current.problems.forEach((p) => notes.push(formatProblem(p)));
        for (const q of incoming) problems.push({ row: parsed.rowOf[q.id]!, column: 'zone', message: `not imported: ${file} has problems of its own (run npm run content:check)` });
        continue;
      }
      bank = current.value;
    }

    // cross-file rules (facts exist and are confirmed, groups exist) judged on the merged bank;
    // rows that fail them are dropped and the rest merged again
    let accepted = incoming;
    let merged = mergeQuestions(bank, accepted);
    const checked = checkQuiz(file, merged.bank, { facts: FACTS, groupIds });
    if (!checked.ok) {
      const bad = new Set<number>();
      for (const p of checked.problems) {
        const rp = toRowProblem(p, merged.bank, parsed.rowOf);
        if (rp) {
          problems.push(rp);
          bad.add(rp.row);
        } else notes.push(`${formatProblem(p)} (already in the bank)`);
      }
      accepted = incoming.filter((q) => !bad.has(parsed.rowOf[q.id]!));
      merged = mergeQuestions(bank, accepted);
    }
    for (const r of merged.report.refused) problems.push({ row: parsed.rowOf[r.id]!, column: 'id', message: r.reason });
    for (const id of merged.report.added)
      if (parsed.generatedIds.includes(id))
        notes.push(`row ${parsed.rowOf[id]}: new id ${id} (copy it into the id column so later edits of prompt_zh update this question)`);

    const changed = merged.report.added.length + merged.report.updated.length > 0;
    const written = changed && !args.dryRun;
    if (written) writeFileSync(path, formatBank(merged.bank, text === null ? undefined : detectStyle(text)));
    outcomes.push({ zone, file, report: merged.report, written });
  }

  problems.sort((a, b) => a.row - b.row || (columnOrder.get(a.column) ?? -1) - (columnOrder.get(b.column) ?? -1));
  for (const p of problems) console.log(problemLine(p));
  for (const n of notes) console.log(`note: ${n}`);
  for (const o of outcomes) {
    const r = o.report;
    const where = o.written ? `written to ${o.file}` : args.dryRun ? `${o.file} not written (dry run)` : `${o.file} unchanged`;
    console.log(`${o.zone}: ${r.added.length} added, ${r.updated.length} updated, ${r.unchanged.length} unchanged — ${where}`);
    for (const t of r.newTopics) console.log(`note: new topic "${t}" in ${o.file}: give it a Chinese and English name under "topics"`);
  }
  const badRows = new Set(problems.map((p) => p.row)).size;
  const good = outcomes.reduce((n, o) => n + o.report.added.length + o.report.updated.length + o.report.unchanged.length, 0);
  console.log(`quizzes:import: ${good} good row(s), ${badRows} row(s) with problems${args.dryRun ? ' (dry run: nothing written)' : ''}`);
  if (badRows) {
    console.error(`quizzes:import: fix the ${badRows} row(s) above and import again`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
