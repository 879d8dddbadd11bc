// Writes a PrintDoc (modes/printDoc.ts) as an A4 PDF in the browser, with the bundled CJK font subsets:
// a lazy chunk (pdf-lib + fontkit) loaded only when staff produce a certificate or a report. Each
// character is drawn with the first bundled font that has it (content subset, then the nickname font
// for a case number's rarer characters); pdf-lib embeds only the glyphs used, so a page is a few KB.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PrintBlock, PrintDoc } from '../../modes/printDoc.ts';
import { docText } from '../../modes/printDoc.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.37, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);
const HEAD_BG = rgb(0.92, 0.94, 0.96);

type Face = { pdf: PDFFont; has(cp: number): boolean };

/** The fonts to try per language, in order (same-origin files the service worker precaches). */
const FONT_FILES: Record<PrintDoc['lang'], string[]> = {
  'zh-Hans': ['/fonts/hall-sc.woff', '/fonts/names-sc.woff', '/fonts/hall-tc.woff', '/fonts/names-tc.woff'],
  en: ['/fonts/hall-sc.woff', '/fonts/names-sc.woff', '/fonts/hall-tc.woff', '/fonts/names-tc.woff'],
  'zh-Hant': ['/fonts/hall-tc.woff', '/fonts/hall-sc.woff', '/fonts/names-tc.woff', '/fonts/names-sc.woff'],
};

/**
 * fontkit's TrueType subsetter (as pdf-lib uses it) copies each glyph's bytes without padding them to
 * an even length, then writes the short `loca` format, which stores offsets halved: after the first
 * odd-length glyph every later glyph starts a byte early and draws as nothing. Our subsets come from
 * harfbuzz with the long format and unpadded glyphs, so most CJK characters vanished from the page.
 * Padding every copied glyph to an even length (what the format requires) fixes it.
 */
type SubsetInternals = { _addGlyph(gid: number): number; glyf: Uint8Array[]; offset: number; __evenGlyphs?: true };
function padGlyphsToEven(font: { createSubset(): unknown }): void {
  const proto = Object.getPrototypeOf(font.createSubset()) as SubsetInternals;
  if (proto.__evenGlyphs || typeof proto._addGlyph !== 'function') return;
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInternals, gid: number) {
    const index = addGlyph.call(this, gid);
    const data = this.glyf[index]!;
    if (data.length % 2) {
      const padded = new (data.constructor as new (n: number) => Uint8Array)(data.length + 1);
      padded.set(data);
      padded[data.length] = 0;
      this.glyf[index] = padded;
      this.offset += 1;
    }
    return index;
  };
  proto.__evenGlyphs = true;
}

async function loadFaces(doc: PDFDocument, lang: PrintDoc['lang'], chars: Set<number>, fetchFont: (url: string) => Promise<Uint8Array>): Promise<Face[]> {
  const faces: Face[] = [];
  let missing = new Set(chars);
  for (const url of FONT_FILES[lang]) {
    if (!missing.size) break;
    const bytes = await fetchFont(url);
    const parsed = fontkit.create(bytes) as unknown as { hasGlyphForCodePoint(cp: number): boolean; createSubset(): unknown };
    padGlyphsToEven(parsed);
    const helps = [...missing].some((cp) => parsed.hasGlyphForCodePoint(cp));
    if (!helps && faces.length) continue;
    const pdf = await doc.embedFont(bytes, { subset: true });
    faces.push({ pdf, has: (cp) => parsed.hasGlyphForCodePoint(cp) });
    missing = new Set([...missing].filter((cp) => !parsed.hasGlyphForCodePoint(cp)));
  }
  if (missing.size) throw new Error(`no bundled font draws: ${[...missing].map((cp) => String.fromCodePoint(cp)).join('')}`);
  return faces;
}

/** A text split into runs of one font each. */
function runs(text: string, faces: Face[]): { face: Face; text: string }[] {
  const out: { face: Face; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = faces.find((f) => f.has(cp)) ?? faces[0]!;
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += ch;
    else out.push({ face, text: ch });
  }
  return out;
}

const widthOf = (text: string, size: number, faces: Face[]) => runs(text, faces).reduce((w, r) => w + r.face.pdf.widthOfTextAtSize(r.text, size), 0);

/** Greedy line breaking: CJK characters break anywhere, Latin words and numbers stay whole. */
export function wrap(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const tokens = text.match(/[A-Za-z0-9.,:;!?%'"()\-+/–_@#&*=]+\s*|\s+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (measure(line + tok.trimEnd()) <= maxWidth || !line) {
      line += tok;
      continue;
    }
    lines.push(line.trimEnd());
    line = tok.trimStart();
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

class Writer {
  page: PDFPage;
  y: number;
  pages = 1;
  constructor(
    private doc: PDFDocument,
    private faces: Face[],
    /** type scale (1 = the sizes below) */
    readonly k = 1,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  get width() {
    return A4[0] - 2 * MARGIN;
  }
  need(h: number) {
    if (this.y - h >= MARGIN) return;
    this.pages++;
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  draw(text: string, x: number, y: number, size: number, color = INK) {
    for (const r of runs(text, this.faces)) {
      this.page.drawText(r.text, { x, y, size, font: r.face.pdf, color });
      x += r.face.pdf.widthOfTextAtSize(r.text, size);
    }
  }
  measure = (size: number) => (s: string) => widthOf(s, size, this.faces);
  lines(text: string, base: number, o: { align?: 'left' | 'center' | 'right'; color?: ReturnType<typeof rgb>; gap?: number } = {}) {
    const size = base * this.k;
    const lh = size * 1.5;
    for (const line of wrap(text, this.width, this.measure(size))) {
      this.need(lh);
      this.y -= lh;
      const w = widthOf(line, size, this.faces);
      const x = o.align === 'center' ? MARGIN + (this.width - w) / 2 : o.align === 'right' ? MARGIN + this.width - w : MARGIN;
      this.draw(line, x, this.y + size * 0.3, size, o.color);
    }
    this.y -= (o.gap ?? base * 0.5) * this.k;
  }
  table(b: Extract<PrintBlock, { kind: 'table' }>) {
    const size = 10 * this.k;
    const lh = size * 1.4;
    const pad = 5 * this.k;
    const total = b.widths.reduce((a, x) => a + x, 0);
    const cols = b.widths.map((w) => (w / total) * this.width);
    const row = (cells: string[], head: boolean) => {
      const wrapped = cells.map((c, i) => wrap(c, cols[i]! - 2 * pad, this.measure(size)));
      const h = Math.max(...wrapped.map((l) => l.length)) * lh + 2 * pad;
      this.need(h);
      const top = this.y;
      if (head) this.page.drawRectangle({ x: MARGIN, y: top - h, width: this.width, height: h, color: HEAD_BG });
      let x = MARGIN;
      wrapped.forEach((ls, i) => {
        ls.forEach((l, k) => this.draw(l, x + pad, top - pad - (k + 1) * lh + size * 0.35, size, head ? MUTED : INK));
        x += cols[i]!;
      });
      this.page.drawLine({ start: { x: MARGIN, y: top - h }, end: { x: MARGIN + this.width, y: top - h }, thickness: 0.5, color: RULE });
      this.y = top - h;
    };
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.5, color: RULE });
    row(b.head, true);
    for (const r of b.rows) row(r, false);
    this.y -= 10 * this.k;
  }
}

export interface PdfOptions {
  /** fetches a font file (the app: same-origin fetch; precached by the service worker) */
  fetchFont?: (url: string) => Promise<Uint8Array>;
  /** fixed creation date (tests compare files) */
  now?: Date;
}

const fetchSameOrigin = async (url: string) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
};

function layout(w: Writer, d: PrintDoc) {
  w.lines(d.title, 20, { align: 'center', gap: 4 });
  if (d.subtitle) w.lines(d.subtitle, 11, { align: 'center', color: MUTED, gap: 12 });
  else w.y -= 8 * w.k;
  for (const b of d.blocks) {
    if (b.kind === 'heading') {
      w.y -= 4 * w.k;
      w.lines(b.text, 13, { gap: 4 });
    } else if (b.kind === 'para') w.lines(b.text, b.small ? 9 : 11, { color: b.small ? MUTED : INK, gap: b.small ? 3 : 8 });
    else if (b.kind === 'table') w.table(b);
    else {
      w.y -= 24 * w.k;
      for (const l of b.lines) w.lines(l, 11, { align: 'right', gap: 2 });
    }
  }
}

/** The document as PDF bytes. */
export async function writePdf(d: PrintDoc, opts: PdfOptions = {}): Promise<Uint8Array> {
  const fetched = new Map<string, Promise<Uint8Array>>();
  const fetchFont = opts.fetchFont ?? fetchSameOrigin;
  const o = { ...opts, fetchFont: (url: string) => fetched.get(url) ?? (fetched.set(url, fetchFont(url)), fetched.get(url)!) };
  if (d.onePage) {
    // lay the page out at smaller type until it fits (each try is a fresh document: pdf-lib cannot drop a page's fonts)
    for (const k of [1, 0.9, 0.8, 0.72, 0.65]) {
      const { doc, pages } = await render(d, o, k);
      if (pages === 1 || k === 0.65) return doc.save();
    }
  }
  return (await render(d, o, 1)).doc.save();
}

async function render(d: PrintDoc, o: PdfOptions, k: number): Promise<{ doc: PDFDocument; pages: number }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const chars = new Set<number>();
  for (const s of docText(d)) for (const ch of s) if (!/\s/.test(ch)) chars.add(ch.codePointAt(0)!);
  const faces = await loadFaces(doc, d.lang, chars, o.fetchFont ?? fetchSameOrigin);
  doc.setTitle(d.title);
  doc.setLanguage(d.lang);
  doc.setCreator('Traffic-Safety Hall XR');
  doc.setProducer('Traffic-Safety Hall XR (pdf-lib)');
  const now = o.now ?? new Date();
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  const w = new Writer(doc, faces, k);
  layout(w, d);
  return { doc, pages: w.pages };
}
