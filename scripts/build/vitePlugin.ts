// The build's view of the content: virtual modules with zh-Hant filled in, the generated zh-Hant UI
// strings, and CJK font subsets covering every string (written to public/fonts before bundling).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { en } from '../../src/i18n/en.ts';
import { SIGNS } from '../../src/content/props.ts';
import { NICKNAME_WORDS } from '../../src/i18n/nicknames.ts';
import { zhHans } from '../../src/i18n/zh-Hans.ts';
import { woffCodePoints } from './cmap.ts';
import { nicknameCharacters } from './commonChars.ts';
import { collectStrings, listContent, readContentFile, type ContentEntry } from './content.ts';
import { buildSubset, FONT_SOURCES, glyphSet } from './fonts.ts';
import { convertTree, fillHant, makeHantConverter } from './hant.ts';
import { allHantProblems, hantFailure } from './hantCheck.ts';

const V_CONTENT = 'virtual:content';
const V_QUIZ = 'virtual:quiz/';
const V_HANT = 'virtual:i18n-zh-Hant';
/** the characters the page font subsets hold (the staff console warns about questions using others) */
const V_FONT_GLYPHS = 'virtual:font-glyphs';
/** what each bundled font draws, page and nickname fonts (the nickname check and the 3D font choice) */
const V_GLYPHS = 'virtual:glyphs';

/** Localized strings by language, walking { "zh-Hans", "zh-Hant", "en" } objects. */
function byLang(value: unknown, out = { sc: [] as string[], tc: [] as string[] }) {
  if (Array.isArray(value)) value.forEach((v) => byLang(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        if (k === 'zh-Hant') out.tc.push(v);
        else if (k === 'zh-Hans' || k === 'en') out.sc.push(v);
      } else byLang(v, out);
    }
  }
  return out;
}

export interface FontReport {
  scBytes: number;
  tcBytes: number;
  scGlyphs: number;
  tcGlyphs: number;
  /** every character either subset draws (TC first, SC behind it) */
  glyphs: string;
  namesScBytes: number;
  namesTcBytes: number;
  /** the code points each font draws (the nickname check and the 3D font choice read them) */
  coverage: GlyphCoverage;
}

/** Han characters (and anything else beyond ASCII) each bundled font draws, as strings. */
export interface GlyphCoverage {
  sc: string;
  tc: string;
  namesSc: string;
  namesTc: string;
}

/**
 * The lazily loaded nickname fonts (see commonChars.ts): the same for every build, so made once per
 * process. names-sc.woff is 通用规范汉字表 level 1 in Noto Sans SC, names-tc.woff its Traditional forms.
 */
let namesFonts: Promise<{ sc: Buffer; tc: Buffer; scChars: string; tcChars: string }> | null = null;
function buildNamesFonts(convert: (s: string) => string) {
  namesFonts ??= (async () => {
    const scHas = woffCodePoints(readFileSync(FONT_SOURCES.sc));
    const tcHas = woffCodePoints(readFileSync(FONT_SOURCES.tc));
    const chars = nicknameCharacters(convert, (cp) => scHas.has(cp), (cp) => tcHas.has(cp));
    const [sc, tc] = await Promise.all([buildSubset('sc', glyphSet(chars.sc)), buildSubset('tc', glyphSet(chars.tc))]);
    return { sc: sc.woff, tc: tc.woff, scChars: glyphSet(chars.sc), tcChars: glyphSet(chars.tc) };
  })();
  return namesFonts;
}

const beyondAscii = (woff: Buffer) =>
  [...woffCodePoints(woff)]
    .filter((cp) => cp > 0x7e)
    .sort((a, b) => a - b)
    .map((cp) => String.fromCodePoint(cp))
    .join('');

/** The font files (name → bytes) and what they cover, without writing anything. */
export async function buildFontSubsets(root: string): Promise<{ files: Record<string, Buffer>; report: FontReport }> {
  const convert = makeHantConverter();
  const entries = [...listContent(root, 'scenes'), ...listContent(root, 'quizzes')].map((f) => readContentFile(root, f, convert));
  const content = byLang(entries.map((e) => ('json' in e ? e.json : null)));
  // sign faces paint their text symbols (停, 让, 40) with the page font
  const signText = Object.values(SIGNS).map((d) => (d.symbol.startsWith('text:') ? d.symbol.slice(5) : ''));
  const uiSc = [...collectStrings(zhHans), ...collectStrings(en), ...collectStrings(NICKNAME_WORDS), ...signText];
  const uiTc = collectStrings(convertTree({ zhHans, nick: NICKNAME_WORDS['zh-Hans'] }, convert));
  // Traditional text is drawn with the TC font first and the SC font behind it (CSS font stack and
  // troika's default font), so what TC lacks (full-width punctuation) must come from the SC subset.
  const tcText = glyphSet([...uiTc, ...content.tc]);
  const tc = await buildSubset('tc', tcText);
  const sc = await buildSubset('sc', glyphSet([...uiSc, ...content.sc, ...tc.missing]));
  const problems = sc.missing.map((ch) => `neither Noto Sans SC nor TC has a glyph for "${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase()})`);
  if (problems.length) throw new Error(`font subsets cannot cover every string:\n${problems.join('\n')}`);
  const names = await buildNamesFonts(convert);
  const coverage: GlyphCoverage = { sc: beyondAscii(sc.woff), tc: beyondAscii(tc.woff), namesSc: beyondAscii(names.sc), namesTc: beyondAscii(names.tc) };
  const report = {
    scBytes: sc.woff.length,
    tcBytes: tc.woff.length,
    scGlyphs: sc.glyphs,
    tcGlyphs: tc.glyphs,
    namesScBytes: names.sc.length,
    namesTcBytes: names.tc.length,
    coverage,
    glyphs: glyphSet([sc.text, tc.text]),
  };
  const files = { 'hall-sc.woff': sc.woff, 'hall-tc.woff': tc.woff, 'names-sc.woff': names.sc, 'names-tc.woff': names.tc };
  return { files, report };
}

export async function writeFontSubsets(root: string, log = true): Promise<FontReport> {
  const { files, report } = await buildFontSubsets(root);
  const dir = join(root, 'public', 'fonts');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  if (log)
    console.log(
      `fonts: hall-sc.woff ${(report.scBytes / 1024).toFixed(1)} KB (${report.scGlyphs} glyphs), hall-tc.woff ${(report.tcBytes / 1024).toFixed(1)} KB (${report.tcGlyphs} glyphs); ` +
        `nickname fonts (lazy): names-sc.woff ${(report.namesScBytes / 1024).toFixed(0)} KB, names-tc.woff ${(report.namesTcBytes / 1024).toFixed(0)} KB`,
    );
  return report;
}

export function hallContent(root: string): Plugin {
  const convert = makeHantConverter();
  const read = (rel: string): ContentEntry => readContentFile(root, rel, convert);
  let server: ViteDevServer | undefined;
  let glyphs = '';
  let coverage: GlyphCoverage | null = null;
  return {
    name: 'hall-content',
    async buildStart() {
      // zh-Hant must read right before anything is bundled: known wrong conversions and unreviewed
      // one-to-many characters fail the build (the dev server only reports them)
      const hant = allHantProblems(root);
      if (hant.length) {
        if (server) server.config.logger.error(hantFailure(hant));
        else throw new Error(hantFailure(hant));
      }
      ({ glyphs, coverage } = await writeFontSubsets(root, !server));
    },
    configureServer(s) {
      server = s;
      s.watcher.add([join(root, 'scenes'), join(root, 'quizzes')]);
      s.watcher.on('change', async (file) => {
        if (!/[\\/](scenes|quizzes)[\\/][^\\/]+\.json$/.test(file)) return;
        for (const id of [V_CONTENT, ...listContent(root, 'quizzes').map((q) => V_QUIZ + q.slice(8, -5))]) {
          const mod = s.moduleGraph.getModuleById('\0' + id);
          if (mod) s.moduleGraph.invalidateModule(mod);
        }
        const hant = allHantProblems(root);
        if (hant.length) s.config.logger.error(hantFailure(hant));
        await writeFontSubsets(root, false)
          .then((r) => ({ glyphs, coverage } = r))
          .catch((e) => s.config.logger.error(String(e)));
        s.ws.send({ type: 'full-reload' });
      });
    },
    resolveId(id) {
      if (id === V_CONTENT || id === V_HANT || id === V_GLYPHS || id === V_FONT_GLYPHS || id.startsWith(V_QUIZ)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const vid = id.slice(1);
      if (vid === V_HANT) return `export default ${JSON.stringify(convertTree(zhHans, convert))};`;
      if (vid === V_FONT_GLYPHS) return `export default ${JSON.stringify(glyphs)};`;
      if (vid === V_GLYPHS) {
        if (!coverage) throw new Error('virtual:glyphs: the font subsets have not been built yet');
        return `export default ${JSON.stringify(coverage)};`;
      }
      if (vid === V_CONTENT) {
        // programmes.json is the staff console's (imported there), not the catalog's
        const scenes = listContent(root, 'scenes').filter((f) => !f.endsWith('/programmes.json')).map(read);
        const quizzes = listContent(root, 'quizzes').filter((f) => !f.endsWith('/groups.json'));
        const loaders = quizzes
          .map((f) => f.slice('quizzes/'.length, -'.json'.length))
          .map((z) => `${JSON.stringify(z)}: () => import(${JSON.stringify(V_QUIZ + z)}).then((m) => m.default)`);
        return [
          `export const scenes = ${JSON.stringify(scenes)};`,
          `export const groups = ${JSON.stringify(read('quizzes/groups.json'))};`,
          `export const quizLoaders = { ${loaders.join(', ')} };`,
        ].join('\n');
      }
      if (vid.startsWith(V_QUIZ)) return `export default ${JSON.stringify(read(`quizzes/${vid.slice(V_QUIZ.length)}.json`))};`;
      return null;
    },
  };
}

/**
 * A zone file imported as a module (the competition reads its challenge texts from
 * scenes/crossing.json) gets its zh-Hant filled in like the virtual content: before Vite's JSON
 * plugin turns it into a module.
 */
export function hallContentJson(): Plugin {
  const convert = makeHantConverter();
  return {
    name: 'hall-content-json',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]scenes[\\/][^\\/]+\.json$/.test(id.split('?')[0]!)) return null;
      return { code: JSON.stringify(fillHant(JSON.parse(code), convert)), map: null };
    },
  };
}
