// CSV text → rows of strings (papaparse: quotes, embedded newlines and commas in questions are normal
// in hall staff's sheets, so no hand-rolled split). Row numbers are records, as a spreadsheet shows
// them: a cell with a line break is still one row.
import Papa from 'papaparse';
import type { RowProblem } from './rows.ts';

export interface ParsedSheet {
  rows: string[][];
  problems: RowProblem[];
}

export function parseCsv(text: string): ParsedSheet {
  const r = Papa.parse<string[]>(text, {
    header: false,
    // blank lines are kept so record numbers match the sheet; rows.ts skips them
    skipEmptyLines: false,
    // comma from Excel/WPS, tab from "Unicode text", semicolon from European-locale Excel
    delimitersToGuess: [',', '\t', ';'],
  });
  const problems: RowProblem[] = r.errors
    // a one-column sheet has no delimiter to find; papaparse then uses a comma, which is right
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, column: '', message: `the CSV cannot be read here (${e.message})` }));
  return { rows: r.data.map((cells) => cells.map((c) => String(c ?? ''))), problems };
}
