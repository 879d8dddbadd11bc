// The build's view of the content: virtual modules with zh-Hant filled in, the generated zh-Hant UI
// strings, and CJK font subsets covering every string (written to public/fonts before bundling).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { en } from '../../src/i18n/en.ts';
import { SIGNS } from '../../src/content/props.ts';
import { NICKNAME_WORDS } from '../../src/i18n/nicknames.ts';
import { zhHans } from '../../src/i18n/zh-Hans.ts';
import { collectStrings, listContent, readContentFile, type ContentEntry } from './content.ts';
import { buildSubset, glyphSet } from './fonts.ts';
import { convertTree, fillHant, makeHantConverter } from './hant.ts';

const V_CONTENT = 'virtual:content';
const V_QUIZ = 'virtual:quiz/';
const V_HANT = 'virtual:i18n-zh-Hant';

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
}

export async function writeFontSubsets(root: string, log = true): Promise<FontReport> {
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
  const dir = join(root, 'public', 'fonts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hall-sc.woff'), sc.woff);
  writeFileSync(join(dir, 'hall-tc.woff'), tc.woff);
  const report = { scBytes: sc.woff.length, tcBytes: tc.woff.length, scGlyphs: sc.glyphs, tcGlyphs: tc.glyphs };
  if (log)
    console.log(
      `fonts: hall-sc.woff ${(report.scBytes / 1024).toFixed(1)} KB (${report.scGlyphs} glyphs), hall-tc.woff ${(report.tcBytes / 1024).toFixed(1)} KB (${report.tcGlyphs} glyphs)`,
    );
  return report;
}

export function hallContent(root: string): Plugin {
  const convert = makeHantConverter();
  const read = (rel: string): ContentEntry => readContentFile(root, rel, convert);
  let server: ViteDevServer | undefined;
  return {
    name: 'hall-content',
    async buildStart() {
      await writeFontSubsets(root, !server);
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
        await writeFontSubsets(root, false).catch((e) => s.config.logger.error(String(e)));
        s.ws.send({ type: 'full-reload' });
      });
    },
    resolveId(id) {
      if (id === V_CONTENT || id === V_HANT || id.startsWith(V_QUIZ)) return '\0' + id;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:')) return null;
      const vid = id.slice(1);
      if (vid === V_HANT) return `export default ${JSON.stringify(convertTree(zhHans, convert))};`;
      if (vid === V_CONTENT) {
        const scenes = listContent(root, 'scenes').map(read);
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
