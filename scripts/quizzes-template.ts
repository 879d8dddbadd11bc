// npm run quizzes:template — writes quizzes/template.csv (UTF-8 with BOM, so Excel shows Chinese
// correctly) and quizzes/template.xlsx: the header row, a notes row (skipped on import: it starts
// with "#") and example rows copied from the real banks, so the template imports cleanly and a
// template imported by mistake changes nothing (same ids, same content → "unchanged").
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { spreadsheetSafe } from '../src/content/import/formula.ts';
import { COLUMNS, questionsToRows } from '../src/content/import/rows.ts';
import { quizFileSchema, ZONE_IDS, type Question } from '../src/content/schema.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = join(root, 'quizzes');

/** One example of each importable kind, from three different zones: shows the zone column at work. */
function examples(): Question[] {
  const kinds = ['truefalse', 'single', 'multiple'] as const;
  return kinds.map((kind, i) => {
    const zones = [...ZONE_IDS.slice(i), ...ZONE_IDS.slice(0, i)];
    for (const zone of zones) {
      const bank = quizFileSchema.parse(JSON.parse(readFileSync(join(dir, `${zone}.json`), 'utf8')));
      const q = bank.questions.find((x) => x.kind === kind);
      if (q) return q;
    }
    throw new Error(`no ${kind} question in any bank`);
  });
}

const [header, ...rows] = questionsToRows(examples());
const hints = header!.map((h) => COLUMNS.find((c) => c.name === h)?.hint ?? '');
hints[0] = `# ${hints[0]}`;
// bank text that a spreadsheet would run as a formula is written as text (a leading apostrophe)
const sheet = [header!, hints, ...rows].map((r) => r.map(spreadsheetSafe));

// CSV: BOM + CRLF, what Excel's "CSV UTF-8" writes itself
const csvPath = join(dir, 'template.csv');
writeFileSync(csvPath, `\uFEFF${Papa.unparse(sheet, { newline: '\r\n' })}\r\n`);

// XLSX: every cell is text, so Excel cannot turn facts id 1.10 into the number 1.1
const wb = new ExcelJS.Workbook();
// fixed dates: re-running the script should not change the file's metadata
wb.created = wb.modified = new Date('2025-01-01T00:00:00Z');
const ws = wb.addWorksheet('questions', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
ws.columns = header!.map((h) => ({ key: h, width: /_(zh|en)$/.test(h) ? 36 : 14, style: { numFmt: '@' } }));
sheet.forEach((cells) => ws.addRow(cells));
ws.getRow(1).font = { bold: true };
ws.getRow(2).font = { italic: true, color: { argb: 'FF777777' } };
for (let r = 3; r <= sheet.length; r++) ws.getRow(r).alignment = { wrapText: true, vertical: 'top' };
// a second sheet for the column notes; the import reads only the first sheet
const about = wb.addWorksheet('columns 列说明');
about.columns = [
  { header: 'column', key: 'name', width: 18 },
  { header: 'required', key: 'required', width: 10 },
  { header: 'notes 说明', key: 'hint', width: 70 },
];
for (const c of COLUMNS) about.addRow({ name: c.name, required: c.required ? 'yes' : '', hint: c.hint || 'optional zh-Hant override / 繁体覆盖（可选）' });
about.getRow(1).font = { bold: true };
const xlsxPath = join(dir, 'template.xlsx');
await wb.xlsx.writeFile(xlsxPath);

console.log(`quizzes:template: wrote ${relative(process.cwd(), csvPath)} and ${relative(process.cwd(), xlsxPath)} (${rows.length} example rows)`);
