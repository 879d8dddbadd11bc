// UI languages: zh-Hans (source) and en by hand, zh-Hant generated at build time from zh-Hans.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhHant from 'virtual:i18n-zh-Hant';
import type { Lang } from '../content/ids.ts';
import { en } from './en.ts';
import { zhHans } from './zh-Hans.ts';

export { DEFAULT_LANG, isLang } from './langs.ts';

export function createI18n(lang: Lang): i18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    resources: {
      'zh-Hans': { translation: zhHans },
      'zh-Hant': { translation: zhHant },
      en: { translation: en },
    },
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return inst;
}
