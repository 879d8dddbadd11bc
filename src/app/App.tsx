import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { HallScreen } from '../ui/flat/HallScreen.tsx';
import { Notices } from '../ui/flat/Notices.tsx';
import { StartScreen } from '../ui/flat/StartScreen.tsx';
import { MessageScreen, ZoneScreen } from '../ui/flat/ZoneScreen.tsx';
import { KioskMode } from '../ui/kiosk/KioskMode.tsx';
import { ErrorBoundary } from '../ui/flat/ErrorBoundary.tsx';
import { ProgressBar } from '../ui/flat/ProgressBar.tsx';
import { ServicesContext, useCatalog, useServices, useSession, type AppServices } from './context.tsx';
import { applyDeepLink } from './deepLink.ts';
import type { Route } from './routes.ts';
import { hasGame } from '../zones/registry.ts';
import { useRoute } from './useRoute.ts';

const STATION_PARAMS = ['group', 'lang'] as const;

const Stage = lazy(() => import('../three/Stage.tsx'));
/** the staff console (PIN gate, competition host, statistics with charts): its own lazy chunk */
const StaffApp = lazy(() => import('../ui/staff/StaffApp.tsx'));

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
    <ErrorBoundary fallback={visible ? <p className="notice notice-warning stage-slot">{t('errors.webgl')}</p> : null}>
      <Suspense fallback={visible ? <div className="stage stage-slot"><ProgressBar label={t('app.loading3d')} /></div> : null}>
        <Stage route={route} keep={keep} visible={visible} />
      </Suspense>
    </ErrorBoundary>
  );
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

  const { hallUi } = useServices();
  useEffect(() => {
    // a mode choice belongs to the hall screen: leaving the hall closes it
    if (route.name !== 'hall') hallUi.getState().actions.close();
  }, [route.name, hallUi]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.textSize = textSize;
  }, [lang, textSize]);

  let screen: React.ReactNode;
  switch (route.name) {
    case 'start':
      screen = <StartScreen />;
      break;
    case 'hall':
      screen = visitor ? <HallScreen keep={keep} /> : <StartScreen onReady={() => undefined} />;
      break;
    case 'zone':
      screen = visitor ? <ZoneScreen zoneId={route.zoneId} mode={route.mode} keep={keep} /> : <StartScreen onReady={() => undefined} />;
      break;
    case 'staff':
      screen = <StaffApp />;
      break;
    case 'lab':
      screen = null;
      break;
    default:
      screen = <MessageScreen title={t('errors.unknownRoute')} />;
  }
  return (
    <>
      <Notices />
      <main className="app" data-route={route.name}>
        {/* the start screen's first step needs no content; everything else waits for the content chunk */}
        <Suspense fallback={<ProgressBar label={t('app.loading')} />}>
          {screen}
          <DeepLinks params={params} />
          <StageHost
            route={route}
            keep={keep}
            visible={(route.name === 'hall' && visitor !== null) || route.name === 'lab' || (route.name === 'zone' && route.mode === 'game' && visitor !== null && hasGame(route.zoneId))}
          />
        </Suspense>
      </main>
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

export function App({ services, i18n }: { services: AppServices; i18n: i18n }) {
  return (
    <ServicesContext.Provider value={services}>
      <I18nextProvider i18n={i18n}>
        <LanguageSync i18n={i18n} />
        <Screens />
      </I18nextProvider>
    </ServicesContext.Provider>
  );
}
