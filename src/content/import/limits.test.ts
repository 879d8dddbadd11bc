// Hostile and heavy spreadsheets (issue 15 item 7), each reproduced with a real file: a small xlsx
// whose sheet inflates to 6.4 M rows (honest and lying zip directory), a 7-million-character cell,
// formula cells, a UTF-16 tab-separated sheet with one data row; all refused (or read) before any
// parser takes the memory, with a clear message.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentNames } from '../../../tests/fixtures/contentNames.ts';
import { deflatedPart, workbookParts, writeZip, type ZipPart } from '../../../tests/fixtures/zip.ts';
import { parseCsv } from './csv.ts';
import { decodeCsvBytes } from './decode.ts';
import { formulaPrefix, spreadsheetSafe } from './formula.ts';
import { LIMITS } from './limits.ts';
import { rowsToQuestions, TEMPLATE_HEADER } from './rows.ts';
import { readSheet } from './sheet.ts';
import { checkXlsxZip } from './zipCheck.ts';

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const ROW = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
const ROWS = 6_400_000;

let parts: ZipPart[];
let bombSheet: ZipPart;
beforeAll(async () => {
  parts = await workbookParts();
  bombSheet = await deflatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, () => ROW, ROWS, SHEET_TAIL);
}, 60_000);
const withPart = (p: ZipPart) => parts.map((x) => (x.name === p.name ? p : x));

describe('xlsx limits, checked before the parser', () => {
  it('a small xlsx whose sheet inflates to 6.4 M rows is refused from its directory, without inflating anything', async () => {
    const file = writeZip(withPart(bombSheet));
    expect(file.length).toBeLessThan(1_500_000);
    expect(bombSheet.size).toBeGreaterThan(300_000_000);
    const check = await checkXlsxZip(file);
    expect(check.ok).toBe(false);
    expect(check.problem).toMatchObject({ code: 'zip.inflated', row: 0 });
    expect(check.inflated).toBe(0);
    const read = await readSheet('bomb.xlsx', file);
    expect(read).toMatchObject({ ok: false, problem: { code: 'zip.inflated' } });
    if (!read.ok) expect(read.problem.message).toBe('the workbook unpacks to more than 24 MB: it holds far more than a question sheet; keep only the questions');
  });

  it('the same file with a directory that lies about the size stops after the row limit, having inflated little', async () => {
    const file = writeZip(withPart(bombSheet), { 'xl/worksheets/sheet1.xml': 1000 });
    const check = await checkXlsxZip(file);
    expect(check.problem).toMatchObject({ code: 'zip.rows', params: { max: LIMITS.rows, sheet: 'xl/worksheets/sheet1.xml' } });
    // the rows counted up to the limit, a chunk or two of the 300 MB
    expect(check.inflated).toBeLessThan(2 * 1024 * 1024);
  });

  it('inflated size is counted as it streams too (rows spread over many small sheets cannot sneak past)', async () => {
    const sheets = await Promise.all(
      Array.from({ length: 3 }, (_, i) => deflatedPart(`xl/worksheets/sheet${i + 1}.xml`, SHEET_HEAD, () => '<x>' + 'y'.repeat(1000) + '</x>', 9_000, SHEET_TAIL)),
    );
    const file = writeZip([...parts.filter((p) => !p.name.startsWith('xl/worksheets/sheet')), ...sheets], Object.fromEntries(sheets.map((s) => [s.name, 10])));
    const check = await checkXlsxZip(file);
    expect(check.problem?.code).toBe('zip.inflated');
    expect(check.inflated).toBeLessThan(LIMITS.inflatedBytes + 1024 * 1024);
  });

  it('a 7-million-character cell is refused before parsing', async () => {
    const strings = await deflatedPart('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>', () => '危险'.repeat(500), 7_000, '</t></si></sst>');
    const read = await readSheet('cell.xlsx', writeZip(withPart(strings)));
    expect(read).toMatchObject({ ok: false, problem: { code: 'zip.cell', params: { max: LIMITS.cellChars } } });
  });

  it('a normal workbook passes and is read (500 questions)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题目');
    ws.addRow(['题目', '正确答案']);
    for (let i = 0; i < 500; i++) ws.addRow([`第${i}题：行人信号灯是红灯时怎么办？`, 'A']);
    const read = await readSheet('ok.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.ok && read.rows.length).toBe(501);
  });
});

describe('CSV limits', () => {
  it('a file over the size limit is refused before it is decoded; a long cell is named at its row and column', async () => {
    const huge = new TextEncoder().encode(`题目,答案\n${'危'.repeat(7_000_000)},A\n`);
    expect(await readSheet('huge.csv', huge)).toMatchObject({ ok: false, problem: { code: 'file.tooBig' } });

    const long = `\uFEFF${TEMPLATE_HEADER.join(',')}\n${TEMPLATE_HEADER.map((h) => (h === 'prompt_zh' ? '长'.repeat(3000) : 'x')).join(',')}\n`;
    const read = await readSheet('long.csv', new TextEncoder().encode(long));
    if (!read.ok) throw new Error(read.problem.message);
    const r = rowsToQuestions(read.rows);
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 2, column: 'prompt_zh', code: 'cell.tooLong', params: { length: 3000, max: 2000 } }));
  });

  it('a CSV with more rows than the limit is refused without parsing the rest', async () => {
    const text = `题目,答案\n${'行人,A\n'.repeat(LIMITS.rows + 50)}`;
    const read = await readSheet('rows.csv', new TextEncoder().encode(text));
    expect(read).toMatchObject({ ok: false, problem: { code: 'zip.rows' } });
  });
});

describe('formula-like text', () => {
  it('is recognised after leading spaces and line feeds, and escaped with an apostrophe', () => {
    for (const s of ['=cmd|\' /C calc\'!A0', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '  =1+1', '\n=1', ' \n @x'])
      expect([s, formulaPrefix(s) !== null, spreadsheetSafe(s)]).toEqual([s, true, `'${s}`]);
    for (const s of ['行人', 'a=b', '约 1 秒', '', '1.5']) expect([s, spreadsheetSafe(s)]).toEqual([s, s]);
  });

  it('is refused in imported text, CSV and xlsx alike (a formula cell is read as its formula)', async () => {
    const header = ['题目', '选项A', '选项B', '正确答案', '解析', '依据', '适用人群', '题型', '展区'];
    const row = (prompt: string) => [prompt, '可以', '不可以', 'B', '不能。', 'facts 1.5', '儿童', '单选', '行人过街'];
    const rows = [header, row("=cmd|' /C calc'!A0"), row(' \n@SUM(1+1)*cmd|\'/C calc\'!A0'), row('\t红灯能走吗'), row('红灯能走吗？')];
    const csv = `\uFEFF${rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}`;
    const read = await readSheet('f.csv', new TextEncoder().encode(csv));
    if (!read.ok) throw new Error(read.problem.message);
    const r = rowsToQuestions(read.rows, { target: 'device', names: contentNames() });
    expect(r.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'prompt_zh', 'cell.formula'],
      [3, 'prompt_zh', 'cell.formula'],
      [4, 'prompt_zh', 'cell.formula'],
    ]);
    expect(r.problems[0]!.message).toBe('starts with "=", which spreadsheet programs run as a formula: remove it');
    expect(r.questions).toHaveLength(1);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题目');
    ws.addRow(header);
    ws.addRow(row('红灯能走吗？'));
    ws.getCell('A2').value = { formula: 'HYPERLINK("http://x","红灯能走吗？")', result: '红灯能走吗？' };
    ws.addRow(row('=1+1'));
    const x = await readSheet('f.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    if (!x.ok) throw new Error(x.problem.message);
    expect(rowsToQuestions(x.rows, { target: 'device', names: contentNames() }).problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'prompt_zh', 'cell.formula'],
      [3, 'prompt_zh', 'cell.formula'],
    ]);
  });
});

describe('delimiters', () => {
  it('a UTF-16 tab-separated sheet ("Unicode text") with one data row whose text has commas is read as tab-separated', async () => {
    const header = TEMPLATE_HEADER.join('\t');
    const cells = TEMPLATE_HEADER.map((h) => (h.endsWith('_en') ? 'Stop, look, and wait' : h === 'zone' ? 'crossing' : '停下，看清'));
    const text = `${header}\r\n${cells.join('\t')}\r\n`;
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const read = await readSheet('unicode.txt', bytes);
    if (!read.ok) throw new Error(read.problem.message);
    expect([read.encoding, read.delimiter]).toEqual(['utf-16le', '\t']);
    expect(read.rows[1]).toHaveLength(TEMPLATE_HEADER.length);
    expect(rowsToQuestions(read.rows).problems.filter((p) => p.code === 'header.missing')).toEqual([]);
  });

  it('chooses the delimiter that splits the header into known columns: comma, semicolon or tab', () => {
    const isHeader = (h: string) => ['题目', '答案', '解析'].includes(h);
    expect(parseCsv('题目;答案;解析\n"a, b";c;d', { isHeader }).delimiter).toBe(';');
    expect(parseCsv('题目,答案,解析\na\tb,c,d', { isHeader }).delimiter).toBe(',');
    expect(parseCsv('题目\t答案\t解析\na,b\tc\td', { isHeader }).delimiter).toBe('\t');
    expect(decodeCsvBytes(new TextEncoder().encode('x')).ok).toBe(true);
  });
});
