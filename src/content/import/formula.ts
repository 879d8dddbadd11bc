// Text a spreadsheet program would run as a formula (CSV/formula injection, OWASP): a cell starting
// with = + - @, a tab or a carriage return — also after leading blanks (ideographic spaces too) or line
// breaks, which Excel and WPS skip. Imported text is refused (rows.ts names the cell); every file the app writes escapes it.

const FORMULA_START = /^[\s\u3000]*[=+\-@]|^[\t\r]/;

/** The character that makes this text formula-like, or null. */
export function formulaPrefix(text: string): string | null {
  const m = FORMULA_START.exec(text);
  return m ? m[0].slice(-1) : null;
}

/** Text safe to write into a cell: formula-like text gets a leading apostrophe, which spreadsheet
 * programs show as text (and hide), so the text reads the same and never runs. */
export function spreadsheetSafe(text: string): string {
  return formulaPrefix(text) === null ? text : `'${text}`;
}
