// The import's problems: one list of codes for the CLI and the staff console. Each problem carries an
// English message (the CLI prints it) and its code and values, so the console can say it in the
// staff's language (src/i18n: staff.questions.problem.<code>). Problems the question schema finds
// without a code of their own keep the schema's message (code 'schema').

export type ProblemCode =
  // the file as a whole (row 0 = before any row was read)
  | 'file.tooBig'
  | 'file.xls'
  | 'file.notXlsx'
  | 'file.kind'
  | 'file.encoding'
  | 'file.csv'
  | 'file.empty'
  | 'zip.inflated'
  | 'zip.rows'
  | 'zip.cell'
  | 'zip.unsupported'
  // the header row
  | 'header.unknown'
  | 'header.twice'
  | 'header.missing'
  | 'header.none'
  // cells
  | 'cell.empty'
  | 'cell.tooLong'
  | 'cell.formula'
  | 'zone.unknown'
  | 'zone.conflict'
  | 'group.unknown'
  | 'kind.unknown'
  | 'kind.scene'
  | 'difficulty.invalid'
  | 'topic.unknown'
  | 'choice.ids'
  | 'choice.missing'
  | 'answer.empty'
  | 'answer.letter'
  | 'answer.emptyChoice'
  | 'approx.invalid'
  | 'facts.none'
  | 'facts.invalid'
  | 'facts.cited'
  | 'facts.unknown'
  | 'facts.unconfirmed'
  | 'english.partial'
  | 'id.twice'
  | 'id.inBank'
  | 'id.scene'
  | 'bank.broken'
  // warnings (the row is still imported)
  | 'glyph.missing'
  | 'schema';

export type ProblemParams = Record<string, string | number>;

export interface RowProblem {
  /** 1-based, as the spreadsheet shows it (the header is usually row 1); 0 = the file as a whole */
  row: number;
  /** canonical column name (prompt_zh, answer …), '' for the whole row or file */
  column: string;
  /** the column's header as written in the sheet (题目, 正确答案 …), for messages */
  header?: string;
  code: ProblemCode;
  params: ProblemParams;
  /** in English: the CLI prints it, the console shows it when it has no translation of the code */
  message: string;
}

export function problem(row: number, column: string, code: ProblemCode, message: string, params: ProblemParams = {}): RowProblem {
  return { row, column, code, params, message };
}

/** `row 6, column 题目: must not be empty` (the CLI's line). */
export function problemLine(p: RowProblem): string {
  if (p.row === 0) return p.message;
  const col = p.header || p.column;
  return col ? `row ${p.row}, column ${col}: ${p.message}` : `row ${p.row}: ${p.message}`;
}
