// End to end: the import script on temp copies of the banks (--bank-dir); the real banks are only read.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { detectStyle, formatBank } from '../src/content/import/merge.ts';
import type { QuizFile } from '../src/content/schema.ts';
import { gbkEncode } from '../tests/fixtures/gbk.ts';

const TEMPLATE_CSV = 'quizzes/template.csv';
const TEMPLATE_XLSX = 'quizzes/template.xlsx';

function run(...args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync('npx', ['tsx', 'scripts/quizzes-import.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out, err: '' };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: x.stdout, err: x.stderr };
  }
}

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'quizzes-import-'));
  temps.push(dir);
  return dir;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The template's rows (header, notes, examples), BOM dropped. */
const templateRows = (): string[][] =>
  Papa.parse<string[]>(readFileSync(TEMPLATE_CSV, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const templateIds = () => templateRows().slice(2).map((r) => r[0]!);

/** Temp copies of every bank and groups.json; `without` ids are taken out so importing adds them. */
function bankDir(without: string[] = []): string {
  const dir = tempDir();
  for (const f of readdirSync('quizzes').filter((f) => f.endsWith('.json'))) {
    if (f === 'groups.json') copyFileSync(join('quizzes', f), join(dir, f));
    else {
      const text = readFileSync(join('quizzes', f), 'utf8');
      const bank = JSON.parse(text) as QuizFile;
      bank.questions = bank.questions.filter((q) => !without.includes(q.id));
      writeFileSync(join(dir, f), formatBank(bank, detectStyle(text)));
    }
  }
  return dir;
}

const readBank = (dir: string, zone: string) => JSON.parse(readFileSync(join(dir, `${zone}.json`), 'utf8')) as QuizFile;
const allIds = (dir: string) => ['crossing', 'ebike', 'drunk'].flatMap((z) => readBank(dir, z).questions.map((q) => q.id));

function writeCsv(dir: string, rows: string[][], bom = true): string {
  const file = join(dir, 'sheet.csv');
  writeFileSync(file, `${bom ? '\uFEFF' : ''}${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
  return file;
}

/** A copy of template row `i` with a new id and the given cells changed. */
function variant(i: number, id: string, cells: Record<string, string>): string[] {
  const [header, , ...examples] = templateRows();
  const row = [...examples[i]!];
  row[header!.indexOf('id')] = id;
  for (const [k, v] of Object.entries(cells)) row[header!.indexOf(k)] = v;
  return row;
}

describe('npm run quizzes:import', { timeout: 60_000 }, () => {
  it('the committed template is current and imports as "unchanged" into the real banks (run npm run quizzes:template otherwise)', () => {
    const dir = bankDir();
    const before = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const file of [TEMPLATE_CSV, TEMPLATE_XLSX]) {
      const r = run(file, '--bank-dir', dir);
      expect(r.out).toContain(`quizzes:import: ${templateIds().length} good row(s), 0 row(s) with problems`);
      expect(r.out).not.toMatch(/ [1-9]\d* (added|updated)/);
      expect(r.code).toBe(0);
    }
    expect(readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });

  it('adds the good rows, names each broken row and column, exits 1; re-import adds no duplicates', () => {
    const ids = templateIds();
    const dir = bankDir(ids);
    const crossingBefore = readFileSync(join(dir, 'crossing.json'), 'utf8');
    const rows = [
      ...templateRows(),
      variant(1, '', { prompt_en: '' }), // row 6
      variant(0, 'crossing-unconfirmed-fact', { source_facts: '2.18', prompt_zh: '一道引用未证实条目的题' }), // row 7
    ];
    const file = writeCsv(dir, rows);
    const r = run(file, '--bank-dir', dir);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines).toContain('row 6, column prompt_en: must not be empty');
    expect(lines).toContain('row 7, column source_facts: facts item 2.18 is UNCONFIRMED and cannot back an answer');
    expect(lines.filter((l) => l.startsWith('row '))).toHaveLength(2);
    expect(r.out).toContain(`quizzes:import: ${ids.length} good row(s), 2 row(s) with problems`);
    expect(r.err).toContain('fix the 2 row(s) above');
    for (const id of ids) expect(allIds(dir)).toContain(id);
    expect(allIds(dir)).not.toContain('crossing-unconfirmed-fact');
    // the bank keeps its layout: the old text stays as it was and the new question follows it
    const crossingAfter = readFileSync(join(dir, 'crossing.json'), 'utf8');
    const lastQuestionEnd = crossingBefore.lastIndexOf('\n    }') + '\n    }'.length;
    expect(crossingAfter.startsWith(`${crossingBefore.slice(0, lastQuestionEnd)},\n    {\n      "id": "${ids[0]}",`)).toBe(true);
    expect(JSON.parse(crossingAfter).$schema).toBe('../schemas/quiz.schema.json');
    expect(Object.keys(JSON.parse(crossingAfter))[0]).toBe('$schema');

    const counts = ['crossing', 'ebike', 'drunk'].map((z) => readBank(dir, z).questions.length);
    const again = run(file, '--bank-dir', dir);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/crossing: 0 added, 0 updated, 1 unchanged/);
    expect(['crossing', 'ebike', 'drunk'].map((z) => readBank(dir, z).questions.length)).toEqual(counts);
    expect(new Set(allIds(dir)).size).toBe(allIds(dir).length);
    expect(readFileSync(join(dir, 'crossing.json'), 'utf8')).toBe(crossingAfter);

    // an edited row replaces its question: "updated", still no duplicate
    const edited = templateRows();
    edited[2]![edited[0]!.indexOf('prompt_en')] = 'Edited wording?';
    const upd = run(writeCsv(dir, edited), '--bank-dir', dir);
    expect(upd.code).toBe(0);
    expect(upd.out).toMatch(/: 0 added, 1 updated, 0 unchanged/);
    expect(allIds(dir).filter((id) => id === ids[0])).toHaveLength(1);
  });

  it('reads UTF-8 with and without a BOM, fills blank zones from --zone, and writes nothing on --dry-run', () => {
    const dir = bankDir();
    const [header, notes] = templateRows();
    const row = variant(1, 'ebike-from-sheet', { zone: '', prompt_zh: '骑电动自行车要戴什么？' });
    const before = readFileSync(join(dir, 'ebike.json'), 'utf8');
    for (const bom of [true, false]) {
      const dry = run(writeCsv(dir, [header!, notes!, row], bom), '--zone', 'ebike', '--bank-dir', dir, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('ebike: 1 added, 0 updated, 0 unchanged');
      expect(dry.out).toContain('dry run: nothing written');
      expect(readFileSync(join(dir, 'ebike.json'), 'utf8')).toBe(before);
    }
    const real = run(writeCsv(dir, [header!, notes!, row], false), '--zone', 'ebike', '--bank-dir', dir);
    expect(real.code).toBe(0);
    const q = readBank(dir, 'ebike').questions.find((x) => x.id === 'ebike-from-sheet')!;
    expect(q.prompt['zh-Hans']).toBe('骑电动自行车要戴什么？');
    // another zone's row under --zone ebike is named, not moved
    const other = run(writeCsv(dir, [header!, variant(0, 'crossing-elsewhere', {})]), '--zone', 'ebike', '--bank-dir', dir);
    expect(other.code).toBe(1);
    expect(other.out).toContain('row 2, column zone: is "crossing" but this import is for zone "ebike"');
  });

  it('reads a GBK-encoded CSV (plain "CSV" from Chinese Excel) and says it did', () => {
    const dir = bankDir(['crossing-red-light-enter']);
    const [header] = templateRows();
    const csv = Papa.unparse([header!, variant(0, 'crossing-red-light-enter', {})], { newline: '\r\n' });
    const file = join(dir, 'gbk.csv');
    const bytes = gbkEncode(csv);
    // real GBK bytes: 行人 = D0 D0 C8 CB
    expect(Buffer.from(bytes).includes(Buffer.from([0xd0, 0xd0, 0xc8, 0xcb]))).toBe(true);
    writeFileSync(file, bytes);
    const r = run(file, '--bank-dir', dir);
    expect(r.out).toContain('note: the CSV was read as GBK');
    expect(r.code).toBe(0);
    const added = readBank(dir, 'crossing').questions.find((q) => q.id === 'crossing-red-light-enter');
    expect(added?.prompt['zh-Hans']).toBe('行人信号灯是红灯时，可以走进人行横道吗？');
  });

  it('imports .xlsx: the template adds its rows, and a broken cell is named by row and column', async () => {
    const dir = bankDir(templateIds());
    const r = run(TEMPLATE_XLSX, '--bank-dir', dir);
    expect(r.code).toBe(0);
    for (const id of templateIds()) expect(allIds(dir)).toContain(id);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('sheet');
    const [header, , ...examples] = templateRows();
    ws.addRow(header!);
    ws.addRow([]); // a blank row 2: row numbers still count it
    ws.addRow(variant(2, 'drunk-xlsx-ok', { prompt_zh: '新题：下列哪些行为违法？' }));
    const bad = variant(1, 'ebike-xlsx-bad', { prompt_zh: '新题' });
    const row4 = ws.addRow(bad);
    row4.getCell(header!.indexOf('difficulty') + 1).value = 5; // a number cell, as Excel stores it
    expect(examples.length).toBeGreaterThan(2);
    const file = join(dir, 'sheet.xlsx');
    await wb.xlsx.writeFile(file);
    const x = run(file, '--bank-dir', dir);
    expect(x.code).toBe(1);
    expect(x.out).toContain('row 4, column difficulty: "5" is not 1, 2 or 3');
    expect(x.out).toContain('drunk: 1 added');
    expect(allIds(dir)).toContain('drunk-xlsx-ok');
    expect(allIds(dir)).not.toContain('ebike-xlsx-bad');
  });

  it('explains usage, a missing file and the old .xls format', () => {
    expect(run().code).toBe(2);
    expect(run('x.csv', '--zone', 'moon').err).toContain('--zone: "moon" is not a zone');
    expect(run('missing.csv').out).toContain('missing.csv: file not found');
    const dir = tempDir();
    writeFileSync(join(dir, 'old.xls'), 'x');
    expect(run(join(dir, 'old.xls')).out).toContain('the old .xls format is not supported');
  });
});
