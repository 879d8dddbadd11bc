// CSV text → rows of strings (papaparse: quotes, embedded newlines and commas in questions are normal
// in hall staff's sheets, so no hand-rolled split). Row numbers are records, as a spreadsheet shows
// them: a cell with a line break is still one row.
//
// The delimiter is chosen from the header, not guessed from field counts: a sheet with one data row
// whose English text holds commas was read as comma-separated although it was Excel's "Unicode text"
// (UTF-16, tab-separated). The delimiter that splits the header into the most known column names wins.
import Papa from 'papaparse';
import { LIMITS, type ImportLimits } from './limits.ts';
import { problem, type RowProblem } from './problems.ts';

export type Delimiter = ',' | '\t' | ';';
const DELIMITERS: readonly Delimiter[] = ['\t', ',', ';'];

export interface ParsedSheet {
  rows: string[][];
  problems: RowProblem[];
  delimiter: Delimiter;
}

/** Fields of one line split at `d` outside double quotes (enough to judge a header line). */
function splitLine(line: string, d: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

/**
 * The delimiter of a sheet: the one whose split of an early line gives the most known header names;
 * then the one giving the most fields on the first line; tab first (Excel's "Unicode text"), comma
 * when nothing splits at all.
 */
export function detectDelimiter(text: string, isHeader: (cell: string) => boolean = () => false): Delimiter {
  const lines = text.split(/\r\n|\n|\r/, 8).filter((l) => l.trim()).slice(0, 5);
  let best: Delimiter = ',';
  let bestKnown = 0;
  let bestFields = 1;
  for (const d of DELIMITERS) {
    const known = Math.max(0, ...lines.map((l) => splitLine(l, d).filter(isHeader).length));
    const fields = lines[0] ? splitLine(lines[0], d).length : 1;
    if (known > bestKnown || (known === bestKnown && fields > bestFields)) {
      best = d;
      bestKnown = known;
      bestFields = fields;
    }
  }
  return best;
}

export function parseCsv(text: string, opts: { isHeader?: (cell: string) => boolean; limits?: ImportLimits } = {}): ParsedSheet {
  const limits = opts.limits ?? LIMITS;
  const delimiter = detectDelimiter(text, opts.isHeader);
  const r = Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    // blank lines are kept so record numbers match the sheet; rows.ts skips them
    skipEmptyLines: false,
    // one record more than allowed is enough to know the sheet is too long: the rest is never parsed
    preview: limits.rows + 2,
  });
  const problems: RowProblem[] = r.errors.map((e) =>
    problem((e.row ?? 0) + 1, '', 'file.csv', `the CSV cannot be read here (${e.message})`, { detail: e.message }),
  );
  if (r.data.length > limits.rows + 1)
    problems.unshift(problem(0, '', 'zip.rows', `the sheet has more than ${limits.rows} rows: split it into smaller sheets`, { max: limits.rows }));
  return { rows: r.data.map((cells) => cells.map((c) => String(c ?? ''))), problems, delimiter };
}
