// The competition tab: a new competition's setup, or the running one's host view (also after a
// reload: the saved log is replayed when the console opens).
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CompetitionStore } from '../../stores/competition.ts';
import { ProgressBar } from '../flat/ProgressBar.tsx';
import { HostView } from './HostView.tsx';
import { SetupForm } from './SetupForm.tsx';

export default function CompetitionTab({ store }: { store: CompetitionStore }) {
  const { t } = useTranslation();
  const status = useStore(store, (s) => s.status);
  const problems = useStore(store, (s) => s.problems);
  if (status === 'loading') return <ProgressBar label={t('competition.setup.loadingBanks')} />;
  if (status === 'ready') return <HostView store={store} />;
  return (
    <>
      {status === 'error' && (
        <div className="panel problems-panel" role="alert" data-testid="competition-error">
          <h3>{t('competition.resumeFailed')}</h3>
          <ul className="problems">
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SetupForm store={store} />
    </>
  );
}
