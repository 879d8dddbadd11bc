// Can the hall draw a typed nickname? The app never relies on the device's fonts (a kiosk or a
// headset may have no CJK font at all, and troika's 3D text has no system fallback), so a nickname
// may only use characters one of the bundled fonts draws: the content subsets (hall-sc, hall-tc) or
// the lazily loaded nickname fonts (names-sc: 通用规范汉字表 level 1; names-tc: its Traditional
// forms). Pure: the coverage comes from the build (virtual:glyphs, loaded by app/glyphs.ts).

/** What each bundled font draws beyond printable ASCII (every font has ASCII). */
export interface GlyphCoverage {
  sc: string;
  tc: string;
  namesSc: string;
  namesTc: string;
}

export type NameFont = 'base' | 'names-sc' | 'names-tc';

const isAscii = (ch: string) => ch >= ' ' && ch <= '~';
const sets = new WeakMap<GlyphCoverage, Record<keyof GlyphCoverage, Set<string>>>();
function setsOf(c: GlyphCoverage) {
  let s = sets.get(c);
  if (!s) {
    s = { sc: new Set(c.sc), tc: new Set(c.tc), namesSc: new Set(c.namesSc), namesTc: new Set(c.namesTc) };
    sets.set(c, s);
  }
  return s;
}

/** The distinct characters of `text` that no bundled font draws, in order of first appearance. */
export function undrawableChars(text: string, coverage: GlyphCoverage): string[] {
  const s = setsOf(coverage);
  const out: string[] = [];
  for (const ch of text) {
    if (/\s/.test(ch) || isAscii(ch) || out.includes(ch)) continue;
    if (!s.sc.has(ch) && !s.tc.has(ch) && !s.namesSc.has(ch) && !s.namesTc.has(ch)) out.push(ch);
  }
  return out;
}

/**
 * The font a 3D text showing `text` needs. troika draws a text with one font of our choice in front
 * of its default font (the SC content subset), so a name with characters beyond the content subsets
 * takes the nickname font that, with the SC subset behind it, draws all of them: the Traditional
 * one when the page is in Traditional Chinese or the name needs it.
 */
export function nameFontFor(text: string, lang: 'zh-Hans' | 'zh-Hant' | 'en', coverage: GlyphCoverage): NameFont {
  const s = setsOf(coverage);
  const chars = [...text].filter((ch) => !/\s/.test(ch) && !isAscii(ch));
  const base = lang === 'zh-Hant' ? (ch: string) => s.tc.has(ch) || s.sc.has(ch) : (ch: string) => s.sc.has(ch);
  if (chars.every(base)) return 'base';
  const withSc = (ch: string) => s.namesSc.has(ch) || s.sc.has(ch);
  const withTc = (ch: string) => s.namesTc.has(ch) || s.sc.has(ch);
  if (lang === 'zh-Hant') return chars.every(withTc) || !chars.every(withSc) ? 'names-tc' : 'names-sc';
  return chars.every(withSc) || !chars.every(withTc) ? 'names-sc' : 'names-tc';
}

export const NAME_FONT_URL: Record<Exclude<NameFont, 'base'>, string> = {
  'names-sc': '/fonts/names-sc.woff',
  'names-tc': '/fonts/names-tc.woff',
};
