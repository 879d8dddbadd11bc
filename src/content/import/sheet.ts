// A chosen file → the rows of its sheet, with what was used to read it (format, encoding, delimiter)
// for the preview. The limits are checked before any parser runs: file size first, then the zip's
// inflated size, rows and cells (xlsx), or rows (CSV, which never parses past the limit). Shared by
// the CLI (scripts/quizzes-import.ts) and the staff console.
import { parseCsv, type Delimiter } from './csv.ts';
import { decodeCsvBytes, type Encoding } from './decode.ts';
import { LIMITS, type ImportLimits } from './limits.ts';
import { problem, type RowProblem } from './problems.ts';
import { columnFor } from './rows.ts';
import { parseXlsx } from './xlsx.ts';
import { isZip } from './zipCheck.ts';

export type SheetRead =
  | { ok: true; format: 'xlsx' | 'csv'; rows: string[][]; problems: RowProblem[]; encoding?: Encoding; delimiter?: Delimiter }
  | { ok: false; problem: RowProblem };

const fileProblem = (code: Parameters<typeof problem>[2], message: string, params = {}): SheetRead => ({ ok: false, problem: problem(0, '', code, message, params) });

/** A file over the size limit, named before its bytes are even read (the console checks File.size). */
export function fileSizeProblem(size: number, limits: ImportLimits = LIMITS): RowProblem | null {
  if (size <= limits.fileBytes) return null;
  const mb = (size / 1048576).toFixed(1);
  const max = limits.fileBytes / 1048576;
  return problem(0, '', 'file.tooBig', `the file is ${mb} MB, more than ${max} MB: a question sheet is far smaller`, { mb, max });
}

export async function readSheet(name: string, data: Uint8Array | ArrayBuffer, limits: ImportLimits = LIMITS): Promise<SheetRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const ext = (/\.[^./\\]+$/.exec(name)?.[0] ?? '').toLowerCase();
  const size = fileSizeProblem(bytes.length, limits);
  if (size) return { ok: false, problem: size };
  if (!bytes.length) return fileProblem('file.empty', 'the file is empty');
  if (ext === '.xls') return fileProblem('file.xls', "the old .xls format is not supported: save it as .xlsx or 'CSV UTF-8'");
  // by content, not name: a workbook renamed .csv is still a workbook
  if (ext === '.xlsx' || isZip(bytes)) {
    if (!isZip(bytes)) return fileProblem('file.notXlsx', 'not a readable .xlsx workbook (the file is not a zip)', { detail: 'not a zip' });
    try {
      const r = await parseXlsx(bytes, limits);
      return r.ok ? { ok: true, format: 'xlsx', rows: r.rows, problems: [] } : { ok: false, problem: r.problem };
    } catch (e) {
      return fileProblem('file.notXlsx', `not a readable .xlsx workbook (${(e as Error).message})`, { detail: (e as Error).message });
    }
  }
  if (ext && !['.csv', '.txt', '.tsv'].includes(ext)) return fileProblem('file.kind', 'choose a .xlsx or .csv file', { ext });
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return fileProblem('file.encoding', decoded.message);
  const parsed = parseCsv(decoded.text, { isHeader: (h) => columnFor(h) !== null, limits });
  const tooLong = parsed.problems.find((p) => p.code === 'zip.rows');
  if (tooLong) return { ok: false, problem: tooLong };
  return { ok: true, format: 'csv', rows: parsed.rows, problems: parsed.problems, encoding: decoded.encoding, delimiter: parsed.delimiter };
}
