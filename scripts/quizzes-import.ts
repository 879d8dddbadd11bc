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
import { detectStyle, emptyBank, formatBank, mergeQuestions, type MergeReport } from '../src/content/import/merge.ts';
import { buildNameIndex, type NameIndex } from '../src/content/import/names.ts';
import { problem, problemLine, type RowProblem } from '../src/content/import/problems.ts';
import { COLUMNS, rowsToQuestions } from '../src/content/import/rows.ts';
import { readSheet } from '../src/content/import/sheet.ts';
import { ZONE_IDS, type Localized, type Question, type QuizFile, type ZoneId } from '../src/content/schema.ts';
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

function groupsIn(dir: string): { id: string; name: Localized }[] {
  const file = existsSync(join(dir, 'groups.json')) ? join(dir, 'groups.json') : join(root, 'quizzes', 'groups.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { groups: { id: string; name: Localized }[] }).groups;
}

/** Zone and group names a sheet may use (the content's names and the short forms staff write). */
function namesFor(dir: string): NameIndex {
  const zones = ZONE_IDS.map((id) => {
    const file = join(root, 'scenes', `${id}.json`);
    const title = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { title?: Localized }).title : undefined;
    return { id, title: title ?? { 'zh-Hans': id, en: id } };
  });
  return buildNameIndex(zones, groupsIn(dir));
}

const columnOrder = new Map(COLUMNS.map((c, i) => [c.name, i]));

/** A checkQuiz problem about one question of the merged bank, as a row problem when that question
 * came from the sheet (`questions[3].source.facts[0]` → column source_facts). */
function toRowProblem(p: ContentProblem, bank: QuizFile, rowOf: Record<string, number>): RowProblem | null {
  const m = /^questions\[(\d+)\]\.?(.*)$/.exec(p.path);
  const id = m && bank.questions[Number(m[1])]?.id;
  const row = id ? rowOf[id] : undefined;
  if (!m || row === undefined) return null;
  const field = m[2] ?? '';
  const column = field.startsWith('source.facts') ? 'source_facts' : field.startsWith('groups') ? 'groups' : field.replace(/[.[].*$/, '');
  return problem(row, column, 'facts.cited', p.message);
}

interface ZoneOutcome {
  zone: ZoneId;
  file: string;
  report: MergeReport;
  written: boolean;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.file)) {
    console.log(`${args.file}: file not found`);
    console.error('quizzes:import: nothing imported');
    return 1;
  }
  const sheet = await readSheet(args.file, readFileSync(args.file));
  if (!sheet.ok) {
    console.log(`${args.file}: ${sheet.problem.message}`);
    console.error('quizzes:import: nothing imported');
    return 1;
  }

  const parsed = rowsToQuestions(sheet.rows, { zone: args.zone, names: namesFor(args.bankDir) });
  const problems: RowProblem[] = [...sheet.problems, ...parsed.problems];
  const notes: string[] = [];
  if (sheet.encoding === 'gbk') notes.push('the CSV was read as GBK (Chinese Excel\'s plain "CSV"); check the Chinese text in the bank');
  const groupIds = groupsIn(args.bankDir).map((g) => g.id);
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
        for (const q of incoming) problems.push(problem(parsed.rowOf[q.id]!, 'zone', 'bank.broken', `not imported: ${file} has problems of its own (run npm run content:check)`, { file }));
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
    for (const r of merged.report.refused) problems.push(problem(parsed.rowOf[r.id]!, 'id', 'id.scene', r.reason, { id: r.id }));
    for (const id of merged.report.added)
      if (parsed.generatedIds.includes(id))
        notes.push(`row ${parsed.rowOf[id]}: new id ${id} (copy it into the id column so later edits of prompt_zh update this question)`);

    const changed = merged.report.added.length + merged.report.updated.length > 0;
    const written = changed && !args.dryRun;
    if (written) writeFileSync(path, formatBank(merged.bank, text === null ? undefined : detectStyle(text)));
    outcomes.push({ zone, file, report: merged.report, written });
  }

  const headerOf = new Map(parsed.columns.map((c) => [c.name, c.header]));
  for (const p of problems) p.header ??= headerOf.get(p.column);
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
