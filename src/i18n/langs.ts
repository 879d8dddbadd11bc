import { LANGS, type Lang } from '../content/ids.ts';

export const DEFAULT_LANG: Lang = 'zh-Hans';

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}
