// The staff console (#/staff), a lazy chunk of its own: charts and the competition host never load on
// visitor screens. A PIN gate first (asked again on every visit and after a reload), then the tabs:
// competition, statistics, learning, programmes (violator service, group reports), leaderboards,
// questions (staff add their own), data (export / import / purge) and kiosk settings.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { createCompetitionStore, type CompetitionStore } from '../../stores/competition.ts';
import type { AppServices } from '../../app/context.tsx';
import type { Catalog } from '../../content/catalog.ts';
import CompetitionTab from './CompetitionTab.tsx';
import { DataVersion } from './common.tsx';
import DataTab from './DataTab.tsx';
import KioskTab from './KioskTab.tsx';
import LeaderboardTab from './LeaderboardTab.tsx';
import LearningTab from './LearningTab.tsx';
import { PinGate } from './PinGate.tsx';
import ProgrammesTab from './ProgrammesTab.tsx';
import QuestionsTab from './QuestionsTab.tsx';
import { updateStore } from '../../app/updates.ts';
import StatsTab from './StatsTab.tsx';
import { useHallConnection } from './useHall.ts';

const TABS = ['competition', 'stats', 'learning', 'programmes', 'leaderboard', 'questions', 'data', 'kiosk'] as const;
type Tab = (typeof TABS)[number];

// one competition per kiosk: the store outlives a visit to another route (the log is saved anyway)
const stores = new WeakMap<AppServices['storage'], CompetitionStore>();
function competitionStore(services: AppServices, catalog: Catalog): CompetitionStore {
  let s = stores.get(services.storage);
  if (!s) {
    s = createCompetitionStore({
      storage: services.storage,
      loadBank: services.loadBank,
      passMarks: Object.fromEntries(catalog.groups.map((g) => [g.id, g.defaults.passMark])),
    });
    stores.set(services.storage, s);
  }
  return s;
}

function TabIcon({ tab }: { tab: Tab }) {
  const paths: Record<Tab, string> = {
    competition: 'M7 4h10v4a5 5 0 0 1-10 0zM7 6H4v1a3 3 0 0 0 3 3M17 6h3v1a3 3 0 0 1-3 3M12 13v4M8 20h8',
    stats: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
    leaderboard: 'M3 20h18M5 20v-6h4v6M10 20V8h4v12M15 20v-9h4v9',
    questions: 'M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V14M12 17.5v.5M4 4h16v16H4z',
    data: 'M12 3v12M7 10l5 5 5-5M4 17v3h16v-3',
    kiosk: 'M3 4h18v12H3zM8 20h8M12 16v4',
    learning: 'M3 17l6-6 4 4 8-8M15 7h6v6',
    programmes: 'M9 4h6v3H9zM6 5.5H5v15h14v-15h-1M8.5 13l2.5 2.5 4.5-5',
  };
  return (
    <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
      <path d={paths[tab]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A new version is waiting: it applies by itself once no visit runs; staff can apply it now. */
function UpdateNote({ running }: { running: boolean }) {
  const { t } = useTranslation();
  const waiting = useStore(updateStore, (s) => s.waiting);
  const applying = useStore(updateStore, (s) => s.applying);
  if (!waiting) return null;
  return (
    <div className="notice notice-info" role="status" data-testid="update-ready">
      <span>{running ? t('staff.update.readyRunning') : t('staff.update.ready')}</span>
      <button type="button" data-testid="update-now" disabled={applying} onClick={() => updateStore.getState().actions.accept()}>
        {t('staff.update.now')}
      </button>
    </div>
  );
}

function Console({ onLock, shortPin }: { onLock: () => void; shortPin: boolean }) {
  const hall = useHallConnection();
  const { t } = useTranslation();
  const services = useServices();
  const catalog = useCatalog();
  const store = useMemo(() => competitionStore(services, catalog), [services, catalog]);
  const status = useStore(store, (s) => s.status);
  const [tab, setTab] = useState<Tab>('competition');
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const data = useMemo(() => ({ version, changed }), [version, changed]);

  // a competition left running (reload, crash) comes back; its results count once it ends
  useEffect(() => {
    if (store.getState().status === 'idle' && !store.getState().id) void store.getState().actions.resume();
  }, [store]);
  const phase = useStore(store, (s) => s.shown.phase);
  const resultsSaved = useStore(store, (s) => s.attemptsSaved);
  // a finished competition's results: the statistics and leaderboards reload
  useEffect(() => {
    if (resultsSaved) changed();
  }, [resultsSaved, changed]);

  // the clock: timer expiry and the heartbeat run whichever tab is open
  useEffect(() => {
    const id = setInterval(() => store.getState().actions.tick(), 200);
    return () => {
      clearInterval(id);
      // leaving the console stops the clock of an open question
      store.getState().actions.pauseIfRunning();
    };
  }, [store]);

  return (
    <DataVersion value={data}>
      <div className="staff" data-testid="staff-console">
        <header className="bar staff-bar">
          <h1>{t('staff.title')}</h1>
          <nav className="tabs" role="tablist" aria-label={t('staff.title')}>
            {TABS.map((id) => (
              <button
                key={id}
                type="button"
                role="tab"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                data-testid={`tab-${id}`}
                onClick={() => setTab(id)}
              >
                <TabIcon tab={id} />
                {t(`staff.tabs.${id}`)}
                {id === 'competition' && status === 'ready' && phase !== 'podium' && <span className="live-dot" aria-label={t('staff.live')} />}
              </button>
            ))}
          </nav>
          <button
            type="button"
            data-testid="staff-lock"
            onClick={() => {
              onLock();
              // locking the console also signs it out of the hall server
              if (hall && hall.state.getState().staff === 'signedIn') {
                hall.state.setState({ staff: 'signedOut' });
                void hall.staff.logout().catch(() => undefined);
              }
              navigate({ name: 'start' });
            }}
          >
            <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
              <path d="M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            </svg>
            {t('staff.lock')}
          </button>
        </header>
        <UpdateNote running={status === 'ready' && phase !== 'podium'} />
        {shortPin && (
          <p className="notice notice-warning" role="status" data-testid="pin-short">
            {t('staff.pin.shortPin')}
          </p>
        )}
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="staff-panel">
          {tab === 'competition' && <CompetitionTab store={store} />}
          {tab === 'stats' && <StatsTab />}
          {tab === 'leaderboard' && <LeaderboardTab />}
          {tab === 'questions' && <QuestionsTab />}
          {tab === 'data' && <DataTab />}
          {tab === 'kiosk' && <KioskTab />}
          {tab === 'learning' && <LearningTab />}
          {tab === 'programmes' && <ProgrammesTab />}
        </div>
      </div>
    </DataVersion>
  );
}

export default function StaffApp() {
  const [unlocked, setUnlocked] = useState<{ shortPin: boolean } | null>(null);
  return unlocked ? <Console onLock={() => setUnlocked(null)} shortPin={unlocked.shortPin} /> : <PinGate onUnlock={setUnlocked} />;
}
