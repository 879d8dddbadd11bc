// A printable one-page document as data: what the PDF writer (ui/staff/pdf.ts, lazy) lays out. The
// certificate and the visiting group's report are built as this by pure code (tested in Node), so the
// words on the page are checked without a PDF.
export type PrintBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string; small?: boolean }
  /** columns' relative widths; cells wrap inside their column */
  | { kind: 'table'; head: string[]; rows: string[][]; widths: number[] }
  /** right-aligned lines at the foot (issuer, date, seal) */
  | { kind: 'sign'; lines: string[] };

export interface PrintDoc {
  title: string;
  subtitle?: string;
  lang: 'zh-Hans' | 'zh-Hant' | 'en';
  blocks: PrintBlock[];
  /** must fit one page: the writer scales the type down (to 65 % at most) until it does */
  onePage?: boolean;
}

/** Every text of the document in reading order (tests, and the PDF's font selection). */
export function docText(doc: PrintDoc): string[] {
  const out = [doc.title, ...(doc.subtitle ? [doc.subtitle] : [])];
  for (const b of doc.blocks) {
    if (b.kind === 'heading' || b.kind === 'para') out.push(b.text);
    else if (b.kind === 'table') out.push(...b.head, ...b.rows.flat());
    else out.push(...b.lines);
  }
  return out;
}

/** Fills `{name}` placeholders; an unknown name stays as written (a content mistake stays visible). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
