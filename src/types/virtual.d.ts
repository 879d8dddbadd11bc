declare module 'virtual:content' {
  export type ContentEntry = { file: string; json: unknown } | { file: string; text: string };
  export const scenes: ContentEntry[];
  export const groups: ContentEntry;
  export const quizLoaders: Record<string, () => Promise<ContentEntry>>;
}
declare module 'virtual:quiz/*' {
  const entry: { file: string; json: unknown } | { file: string; text: string };
  export default entry;
}
declare module 'virtual:i18n-zh-Hant' {
  import type { UiStrings } from '../i18n/zh-Hans.ts';
  const strings: UiStrings;
  export default strings;
}
declare module 'virtual:font-glyphs' {
  /** every character the bundled font subsets draw */
  const glyphs: string;
  export default glyphs;
}
declare module 'virtual:glyphs' {
  /** what each bundled font draws beyond ASCII (scripts/build/vitePlugin.ts GlyphCoverage) */
  const coverage: { sc: string; tc: string; namesSc: string; namesTc: string };
  export default coverage;
}
