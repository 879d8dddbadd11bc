// The fixed ids of product.md (routes, files and tests use them). No zod here: the first screen's
// chunk imports these, and the schemas load behind it.
export const ZONE_IDS = ['crossing', 'ebike', 'drunk', 'blindspot', 'seatbelt', 'signals'] as const;
export type ZoneId = (typeof ZONE_IDS)[number];

export const MODE_IDS = ['game', 'test', 'competition'] as const;
export type ModeId = (typeof MODE_IDS)[number];

export const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Visitor-facing text in every language (zh-Hant filled at build time). */
export interface LocalizedText {
  'zh-Hans': string;
  en: string;
  'zh-Hant'?: string;
}

/** Text in the visitor's language; zh-Hant falls back to zh-Hans only if the build did not fill it.
 * (An empty English text is a staff question written in Chinese only: visitor screens never draw those
 * for English, see `availableIn`; staff screens show the Chinese.) */
export function text(l: LocalizedText, lang: Lang): string {
  return l[lang] || l['zh-Hans'];
}

/** A question whose every text exists in `lang`: hall staff may add questions without English, and a
 * question is never shown half-translated. Bank questions are always complete. */
export function availableIn(q: { prompt: LocalizedText }, lang: Lang): boolean {
  return lang !== 'en' || !!q.prompt.en;
}
