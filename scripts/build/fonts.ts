// CJK font subsets: exactly the glyphs the app's strings use, built from the bundled Noto Sans
// sources. Fails when a string needs a glyph the source font does not have.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import subsetFont from 'subset-font';
import { woffCodePoints } from './cmap.ts';

const require = createRequire(import.meta.url);
export const FONT_SOURCES = {
  sc: require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'),
  tc: require.resolve('@fontsource/noto-sans-tc/files/noto-sans-tc-chinese-traditional-400-normal.woff'),
} as const;

/** Printable ASCII and the punctuation the UI uses: always in both subsets (numbers, nicknames). */
const ALWAYS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '·–—…“”‘’（）：，。！？、；《》「」【】％×÷≤≥≈°→←↑↓○●★☆✓✗';

export function glyphSet(strings: Iterable<string>): string {
  const set = new Set<string>();
  for (const s of strings) for (const ch of s) if (ch >= ' ' && ch !== '\u00a0') set.add(ch);
  return [...set].sort().join('');
}

export interface SubsetResult {
  woff: Buffer;
  glyphs: number;
  missing: string[];
  /** the characters in the subset */
  text: string;
}

export async function buildSubset(which: keyof typeof FONT_SOURCES, text: string): Promise<SubsetResult> {
  const source = readFileSync(FONT_SOURCES[which]);
  const available = woffCodePoints(source);
  // spaces and control-like marks never need a glyph of their own
  const missing = [...text].filter((ch) => !/\s/.test(ch) && !available.has(ch.codePointAt(0)!));
  const extras = [...ALWAYS].filter((ch) => available.has(ch.codePointAt(0)!) && !text.includes(ch));
  const all = text + extras.join('');
  const woff = (await subsetFont(source, all, { targetFormat: 'woff' })) as Buffer;
  return { woff, glyphs: [...all].length, missing, text: all };
}
