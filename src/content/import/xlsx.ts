// .xlsx bytes → the first worksheet as rows of strings, row i of the result = sheet row i + 1 (blank
// rows kept) so problems name the row number Excel shows. exceljs is loaded on demand: it is large
// and only the import screen needs it.
import type { Workbook } from 'exceljs';

export async function parseXlsx(data: ArrayBuffer | Uint8Array): Promise<string[][]> {
  const mod = await import('exceljs');
  // Node gives the CommonJS exports as default; the browser bundle may not
  const ExcelJS = (mod.default ?? mod) as typeof mod.default;
  const workbook: Workbook = new ExcelJS.Workbook();
  // exceljs types ask for a Node Buffer; it reads any ArrayBuffer view (JSZip underneath)
  await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    // .text is what the editor sees: rich text flattened, formula results, numbers as typed
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return rows;
}
