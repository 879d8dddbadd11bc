// The competition tab: a new competition's setup, or the running one's host view (also after a
// reload: the saved log is replayed when the console opens). Signed in to a hall server, staff can
// instead host a live room that visitors join on their own devices (LiveRoomHost.tsx).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CompetitionStore } from '../../stores/competition.ts';
import { ProgressBar } from '../flat/ProgressBar.tsx';
import { HallServerPanel } from './HallServerPanel.tsx';
import { HostView } from './HostView.tsx';
import { liveHosting, LiveRoomHost, LiveRoomOffer } from './LiveRoomHost.tsx';
import { SetupForm } from './SetupForm.tsx';
import { useHallConnection, useHallState } from './useHall.ts';

export default function CompetitionTab({ store }: { store: CompetitionStore }) {
  const { t } = useTranslation();
  const status = useStore(store, (s) => s.status);
  const problems = useStore(store, (s) => s.problems);
  const hall = useHallConnection();
  const staff = useHallState(hall, (s) => s.staff);
  const hosting = useStore(liveHosting, (s) => s.host);
  // is this console signed in to the hall server already (a session from earlier in the day)?
  useEffect(() => {
    if (!hall || hall.state.getState().staff !== 'unknown') return;
    void hall.staff
      .session()
      .then((s) => hall.state.setState({ staff: s.signedIn ? 'signedIn' : 'signedOut' }))
      .catch(() => hall.state.setState({ staff: 'signedOut' }));
  }, [hall]);
  if (hosting) return <LiveRoomHost hosting={hosting} />;
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
      {hall && staff === 'signedIn' && <LiveRoomOffer hall={hall} />}
      {hall && staff === 'signedOut' && (
        <>
          <p className="hint" data-testid="live-sign-in-hint">
            {t('live.host.needSignIn')}
          </p>
          <HallServerPanel />
        </>
      )}
      <SetupForm store={store} />
    </>
  );
}
