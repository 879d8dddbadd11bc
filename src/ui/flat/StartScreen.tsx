import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/**
 * The first screen. Also shown in place of the hall or a zone when nobody is signed in, so a shared
 * plain link still lands where it points once the visitor has a profile.
 */
export function StartScreen({ onReady = () => navigate({ name: 'hall' }) }: { onReady?: () => void }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const visitor = useSession((s) => s.visitor);
  const [step, setStep] = useState<'welcome' | 'profile'>('welcome');

  if (step === 'profile')
    return (
      <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
        <ProfileForm onDone={onReady} />
      </Suspense>
    );
  return (
    <section className="card start" aria-labelledby="start-title">
      <h1 id="start-title">{t('app.name')}</h1>
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
