// .xlsx bytes → the first worksheet as rows of strings, row i of the result = sheet row i + 1 (blank
// rows kept) so problems name the row number Excel shows. The zip is checked against the limits first
// (zipCheck.ts), so the parser never inflates more than a question sheet holds. exceljs is loaded on
// demand: it is large and only the import needs it.
import type { Workbook } from 'exceljs';
import { LIMITS, type ImportLimits } from './limits.ts';
import type { RowProblem } from './problems.ts';
import { checkXlsxZip } from './zipCheck.ts';

export type ParsedXlsx = { ok: true; rows: string[][] } | { ok: false; problem: RowProblem };

export async function loadExcelJs() {
  const mod = await import('exceljs');
  // Node gives the CommonJS exports as default; the browser bundle may not
  return (mod.default ?? mod) as typeof mod.default;
}

/** A formula cell is read as its formula ("=…"), so the import refuses it instead of taking whatever
 * result the file claims; everything else as the editor sees it (rich text flattened, numbers as typed). */
function cellText(cell: { formula?: string; text?: string; value?: unknown }): string {
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.value as { sharedFormula?: string } | null | undefined;
  if (v && typeof v === 'object' && 'sharedFormula' in v) return `=${v.sharedFormula ?? ''}`;
  return cell.text ?? '';
}

export async function parseXlsx(data: ArrayBuffer | Uint8Array, limits: ImportLimits = LIMITS): Promise<ParsedXlsx> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const check = await checkXlsxZip(bytes, limits);
  if (!check.ok) return { ok: false, problem: check.problem! };
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  // exceljs types ask for a Node Buffer; it reads any ArrayBuffer view (JSZip underneath)
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: true, rows: [] };
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c) as never));
    rows.push(cells);
  }
  return { ok: true, rows };
}
