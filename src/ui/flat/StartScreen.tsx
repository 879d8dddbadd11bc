import { Suspense, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices, useSession } from '../../app/context.tsx';
import { focusScreenHeading } from '../../app/screenFocus.ts';
import { navigate } from '../../app/useRoute.ts';
import { lastActivity, markActivity } from '../kiosk/activity.ts';
import { resumeOfferUntil } from '../kiosk/handover.ts';
import { isKioskDevice, kioskSettingsStore } from '../kiosk/kioskSettings.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { ProfileForm } from './ProfileForm.tsx';

/** Until when the previous visitor may continue; re-renders when the offer runs out. */
function useResumeOffer(): boolean {
  const { storage } = useServices();
  const visitor = useSession((s) => s.visitor);
  const attract = useStore(kioskSettingsStore(storage), (s) => s.settings.attract);
  const until = resumeOfferUntil(visitor, lastActivity(), attract || isKioskDevice());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (until === null) return;
    const id = setTimeout(rerender, Math.max(0, until - Date.now()) + 50);
    return () => clearTimeout(id);
  }, [until]);
  return until !== null && Date.now() < until;
}

/**
 * The first screen. Also shown in place of the hall or a zone when nobody is signed in, so a shared
 * plain link still lands where it points once the visitor has a profile. On a shared kiosk it is what
 * the next visitor finds: "start" comes first; the previous visitor's "continue" is a small second
 * choice that disappears a few minutes after their last touch (handover.ts).
 */
export function StartScreen({ onReady = () => navigate({ name: 'hall' }) }: { onReady?: () => void }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const visitor = useSession((s) => s.visitor);
  const [step, setStep] = useState<'welcome' | 'profile'>('welcome');
  const offer = useResumeOffer();
  const ready = () => {
    markActivity();
    onReady();
  };
  // the profile form is a new screen: its heading takes focus and is announced
  useEffect(() => (step === 'profile' ? focusScreenHeading() : undefined), [step]);

  if (step === 'profile')
    return (
      <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
        <ProfileForm onDone={ready} />
      </Suspense>
    );
  return (
    <section className="card start" aria-labelledby="start-title" data-testid="start">
      <h1 id="start-title">{t('app.name')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <LanguageSwitch />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="begin"
          data-screen-focus
          autoFocus
          onClick={async () => {
            if (visitor && !visitor.anonymous) await session.getState().actions.endVisit();
            setStep('profile');
          }}
        >
          {t('start.begin')}
        </button>
      </div>
      {visitor && !visitor.anonymous && offer && (
        <div className="actions secondary">
          <button type="button" className="resume" data-testid="resume" title={t('start.resumeHint')} onClick={ready}>
            {t('start.resume', { nickname: visitor.nickname })}
          </button>
        </div>
      )}
      <div className="start-footer">
        <a className="staff-link" href="#/staff" data-testid="staff-link">
          {t('start.staff')}
        </a>
      </div>
    </section>
  );
}
