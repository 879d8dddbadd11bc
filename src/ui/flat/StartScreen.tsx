import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/catalog.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/**
 * The first screen. Also shown in place of the hall or a zone when nobody is signed in, so a shared
 * plain link still lands where it points once the visitor has a profile.
 */
export function StartScreen({ onReady = () => navigate({ name: 'hall' }) }: { onReady?: () => void }) {
  const { t } = useTranslation();
  const { catalog, session } = useServices();
  const { lang, visitor } = useSession((s) => ({ lang: s.lang, visitor: s.visitor }));
  const [step, setStep] = useState<'welcome' | 'profile'>('welcome');
  const title = catalog.hall ? text(catalog.hall.title, lang) : t('app.name');

  if (step === 'profile') return <ProfileForm onDone={onReady} />;
  return (
    <section className="card start" aria-labelledby="start-title">
      <h1 id="start-title">{title}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <LanguageSwitch />
      <div className="actions">
        {visitor && !visitor.anonymous && (
          <button type="button" className="primary" data-testid="resume" onClick={onReady}>
            {t('start.resume', { nickname: visitor.nickname })}
          </button>
        )}
        <button
          type="button"
          className={visitor ? '' : 'primary'}
          data-testid="begin"
          autoFocus
          onClick={async () => {
            if (visitor && !visitor.anonymous) await session.getState().actions.endVisit();
            setStep('profile');
          }}
        >
          {t('start.begin')}
        </button>
      </div>
      <a className="staff-link" href="#/staff">
        {t('start.staff')}
      </a>
    </section>
  );
}
