// 3D text (troika via drei <Text>) draws from the build's font subsets only. Every glyph the content
// uses is in them (a build check); should one ever be missing, troika's fallback lookup is pointed at
// this origin, so it can never reach a CDN.
import { configureTextBuilder } from 'troika-three-text';
import type { Lang } from '../content/ids.ts';

// the SC subset is also the default font: it carries what the TC subset lacks (full-width punctuation)
configureTextBuilder({ defaultFontURL: '/fonts/hall-sc.woff', unicodeFontsURL: '/fonts/no-fallback/', useWorker: true });

export function fontFor(lang: Lang): string {
  return lang === 'zh-Hant' ? '/fonts/hall-tc.woff' : '/fonts/hall-sc.woff';
}

/** Large-text mode scales every 3D text by the same factor as the flat skin's CSS. */
export function textScale(size: 'normal' | 'large'): number {
  return size === 'large' ? 1.3 : 1;
}
