// How big a spreadsheet the import reads. Checked before any parser runs (zipCheck.ts, sheet.ts): an
// xlsx is a zip, and a small file can inflate to gigabytes (a 926 KB sheet to 6.4 M rows took 3.5 GB
// of memory in the parser before it failed). A hall's question sheet holds tens to hundreds of rows.

export interface ImportLimits {
  /** bytes of the file as chosen */
  fileBytes: number;
  /** bytes of all zip entries once inflated (xlsx) */
  inflatedBytes: number;
  /** rows of any worksheet, or records of a CSV */
  rows: number;
  /** characters of one cell */
  cellChars: number;
}

export const LIMITS: ImportLimits = {
  fileBytes: 5 * 1024 * 1024,
  inflatedBytes: 24 * 1024 * 1024,
  rows: 2000,
  cellChars: 2000,
};
