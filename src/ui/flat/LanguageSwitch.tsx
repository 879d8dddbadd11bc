import { useTranslation } from 'react-i18next';
import { useServices, useSession } from '../../app/context.tsx';
import { LANGS } from '../../content/ids.ts';

/** Three buttons, each language named in itself; switching never reloads the page. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const { actions } = useServices().session.getState();
  return (
    <div className="segmented" role="group" aria-label={t('settings.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === lang}
          data-testid={`lang-${l}`}
          onClick={() => actions.setLang(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}

export function TextSizeSwitch() {
  const { t } = useTranslation();
  const size = useSession((s) => s.textSize);
  const { actions } = useServices().session.getState();
  return (
    <div className="segmented" role="group" aria-label={t('settings.textSize')}>
      {(['normal', 'large'] as const).map((s) => (
        <button key={s} type="button" aria-pressed={s === size} data-testid={`text-${s}`} onClick={() => actions.setTextSize(s)}>
          {t(s === 'normal' ? 'profile.textNormal' : 'profile.textLarge')}
        </button>
      ))}
    </div>
  );
}
