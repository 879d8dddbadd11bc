import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { HallScreen } from '../ui/flat/HallScreen.tsx';
import { Notices } from '../ui/flat/Notices.tsx';
import { StorageBanner } from '../ui/flat/StorageBanner.tsx';
import { StartScreen } from '../ui/flat/StartScreen.tsx';
import { MessageScreen, ZoneScreen } from '../ui/flat/ZoneScreen.tsx';
import { KioskMode } from '../ui/kiosk/KioskMode.tsx';
import { ErrorBoundary } from '../ui/flat/ErrorBoundary.tsx';
import { FaultScreen } from '../ui/flat/FaultScreen.tsx';
import { useStore } from 'zustand';
import { faultedOn, faultStore } from '../stores/faults.ts';
import { prePostUi } from '../stores/prePostUi.ts';
import { logError } from './errorLog.ts';
import { ProgressBar } from '../ui/flat/ProgressBar.tsx';
import { ServicesContext, useCatalog, useServices, useSession, type AppServices } from './context.tsx';
import { applyDeepLink } from './deepLink.ts';
import { hashFor, type Route } from './routes.ts';
import { hasGame } from '../zones/registry.ts';
import { useRoute } from './useRoute.ts';
import { focusScreenHeading, setScreenAnnouncer } from './screenFocus.ts';

/** The live region that names each new screen (screenFocus.ts). */
function ScreenAnnouncer() {
  const [text, setText] = useState('');
  useEffect(() => {
    // the same text twice in a row would not be read again: clear it first
    setScreenAnnouncer((t) => {
      setText('');
      setTimeout(() => setText(t), 50);
    });
    return () => setScreenAnnouncer(() => undefined);
  }, []);
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="screen-announcer">
      {text}
    </div>
  );
}

/** kept across a station's screens: the deep link's group and language, and a practice-at-home code */
const STATION_PARAMS = ['group', 'lang', 'home'] as const;

const Stage = lazy(() => import('../three/Stage.tsx'));
/** the staff console (PIN gate, competition host, statistics with charts): its own lazy chunk */
const StaffApp = lazy(() => import('../ui/staff/StaffApp.tsx'));
/** 小手拉大手: a visit's practice-at-home link (#/hall?…&home=<code>), usually on a phone at home */
const HomePractice = lazy(() => import('../ui/flat/HomePractice.tsx'));
/** a live competition on the hall server, joined from this device (the big screen's QR opens it) */
const JoinScreen = lazy(() => import('../ui/flat/JoinScreen.tsx'));

/**
 * Where the 3D stage lives: loaded the first time a screen shows it, then kept mounted (an XR
 * session must survive route changes); CSS order puts it between the hall's header and zone list.
 */
function StageHost({ route, keep, visible }: { route: Route; keep: Record<string, string>; visible: boolean }) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(visible);
  useEffect(() => {
    if (visible) setWanted(true);
  }, [visible]);
  if (!wanted) return null;
  return (
    <ErrorBoundary fallback={visible ? <p className="notice notice-warning stage-slot">{t('errors.webgl')}</p> : null} onError={(e) => logError('stage', e)}>
      <Suspense fallback={visible ? <div className="stage stage-slot"><ProgressBar label={t('app.loading3d')} /></div> : null}>
        <Stage route={route} keep={keep} visible={visible} />
      </Suspense>
    </ErrorBoundary>
  );
}

/** Holds its Suspense boundary until the content is validated and the saved session restored. */
function CatalogReady() {
  useCatalog();
  return null;
}

/** Applies deep-link parameters whenever the route's parameters change (idempotent). */
function DeepLinks({ params }: { params: Record<string, string> }) {
  const { session } = useServices();
  const catalog = useCatalog();
  useEffect(() => {
    applyDeepLink(session, params, catalog.groups.map((g) => g.id));
  }, [session, params, catalog]);
  return null;
}

function Screens() {
  const { t } = useTranslation();
  const { route, params } = useRoute();
  const { visitor, lang, textSize } = useSession((s) => ({ visitor: s.visitor, lang: s.lang, textSize: s.textSize }));
  const keep = useMemo(() => {
    const k: Record<string, string> = {};
    for (const p of STATION_PARAMS) if (params[p] !== undefined) k[p] = params[p]!;
    return k;
  }, [params]);

  // a new screen opens at its top with focus on its heading (not on the first screen: the start
  // screen's own first action keeps its autofocus)
  const screenKey = route.name === 'zone' ? `zone/${route.zoneId}/${route.mode}` : route.name;
  const firstScreen = useRef(true);
  // what had focus before this screen rendered (read while rendering: the new screen's autofocus
  // happens before effects run)
  const lastKey = useRef(screenKey);
  const focusBefore = useRef<Element | null>(null);
  if (lastKey.current !== screenKey) {
    lastKey.current = screenKey;
    focusBefore.current = typeof document === 'undefined' ? null : document.activeElement;
  }
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    return focusScreenHeading(focusBefore.current);
  }, [screenKey]);

  const { hallUi } = useServices();
  useEffect(() => {
    // a mode choice belongs to the hall screen: leaving the hall closes it
    if (route.name !== 'hall') hallUi.getState().actions.close();
  }, [route.name, hallUi]);

  // a crashed zone or screen belongs to its route: going elsewhere forgets it
  const routeKey = hashFor(route);
  const faulted = useStore(faultStore, (s) => faultedOn(s, routeKey));
  const checkCovers = useStore(prePostUi, (s) => s.coversZone);
  useEffect(() => faultStore.getState().actions.routeChanged(routeKey), [routeKey]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.textSize = textSize;
  }, [lang, textSize]);

  const gameOn = route.name === 'zone' && route.mode === 'game' && visitor !== null && hasGame(route.zoneId);
  useEffect(() => {
    // the page under a game never scrolls (the document keeps no scroll position of the hall either)
    document.documentElement.classList.toggle('game-on', gameOn);
    if (gameOn) window.scrollTo(0, 0);
  }, [gameOn]);

  let screen: React.ReactNode;
  switch (route.name) {
    case 'start':
      screen = <StartScreen />;
      break;
    case 'hall':
      screen = params.home ? (
        <HomePractice code={params.home} keep={keep} />
      ) : visitor ? (
        <HallScreen keep={keep} />
      ) : (
        <StartScreen onReady={() => undefined} />
      );
      break;
    case 'zone':
      screen = visitor ? <ZoneScreen zoneId={route.zoneId} mode={route.mode} keep={keep} /> : <StartScreen onReady={() => undefined} />;
      break;
    case 'staff':
      screen = <StaffApp />;
      break;
    case 'join':
      screen = <JoinScreen code={params.code} />;
      break;
    case 'lab':
      screen = null;
      break;
    default:
      screen = <MessageScreen title={t('errors.unknownRoute')} />;
  }
  return (
    <>
      <StorageBanner />
      <Notices />
      <ScreenAnnouncer />
      {/* a zone game fills the viewport: the stage is the screen, the HUD overlays it (styles.css .app-game) */}
      <main className={gameOn ? 'app app-game' : 'app'} data-route={route.name}>
        {/* the start screen's first step needs no content (nor storage: see main.tsx); everything else
            waits for the content chunk and the restored session */}
        <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
          {route.name !== 'start' && <CatalogReady />}
          {/* a screen that throws is replaced by the fault screen; coming back to the route mounts it afresh */}
          <ErrorBoundary key={routeKey} fallback={null} onError={(e) => faultStore.getState().actions.report('screen', routeKey, e)}>
            {faulted ? <FaultScreen keep={keep} /> : screen}
          </ErrorBoundary>
          <StageHost route={route} keep={keep} visible={!faulted && ((route.name === 'hall' && visitor !== null && !params.home) || route.name === 'lab' || (gameOn && !checkCovers))} />
        </Suspense>
      </main>
      {Object.keys(params).length > 0 && (
        <Suspense fallback={null}>
          <DeepLinks params={params} />
        </Suspense>
      )}
      <KioskMode route={route.name} />
    </>
  );
}

/** Keeps i18next on the session's language: switching never reloads the page. */
function LanguageSync({ i18n }: { i18n: i18n }) {
  const lang = useSession((s) => s.lang);
  useEffect(() => {
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [i18n, lang]);
  return null;
}

/**
 * The last line of defence: whatever throws above the routed screens' own boundary (the router, the
 * notices) shows a plain way back instead of a blank page, and the next hash change tries again.
 */
function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return (
    <ErrorBoundary
      resetKey={hash}
      onError={(e) => logError('screen', e)}
      fallback={
        <main className="app">
          <section className="card message" role="alert" data-testid="fault">
            <h1>{t('errors.faultTitle')}</h1>
            <p>{t('errors.faultBody')}</p>
            <a className="button primary" href="#/hall" data-testid="fault-hall">
              {t('zone.backToHall')}
            </a>
          </section>
        </main>
      }
    >
      {children}
    </ErrorBoundary>
  );
}

export function App({ services, i18n }: { services: AppServices; i18n: i18n }) {
  return (
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={i18n}>
        <LanguageSync i18n={i18n} />
        <Shell>
          <Screens />
        </Shell>
      </I18nextProvider>
    </ServicesContext.Provider>
  );
}
