// Kiosk behaviour on every screen, mounted once by the app: after N seconds without a touch, click or
// key on a visitor screen, the attract loop (a lazy chunk) covers it and the visitor's session ends;
// a tap on it returns to the start screen. Optionally no context menu anywhere. Off by default (set
// in the staff console); never over the staff console, never during a headset session.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/context.tsx';
import type { Route } from '../../app/routes.ts';
import { navigate } from '../../app/useRoute.ts';
import { kioskSettingsStore } from './kioskSettings.ts';

const AttractLoop = lazy(() => import('./AttractLoop.tsx'));

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel'] as const;
const VISITOR_ROUTES: readonly Route['name'][] = ['start', 'hall', 'zone', 'notFound'];

export function KioskMode({ route }: { route: Route['name'] }) {
  const { storage, session, hallUi } = useServices();
  const store = kioskSettingsStore(storage);
  const settings = useStore(store, (s) => s.settings);
  const inXR = useStore(hallUi, (s) => s.inXR);
  const [showing, setShowing] = useState(false);
  const showingRef = useRef(false);
  /** the last touch, click or key (a tap that dismisses the attract loop counts: the next visitor is here) */
  const lastRef = useRef(Date.now());
  const armed = settings.attract && VISITOR_ROUTES.includes(route) && !inXR;

  const show = useCallback(() => {
    showingRef.current = true;
    setShowing(true);
    store.setState({ attractShowing: true });
    hallUi.getState().actions.close();
    // the next visitor starts afresh: nickname and group are not left on screen
    if (session.getState().visitor) void session.getState().actions.endVisit();
  }, [store, hallUi, session]);

  const dismiss = useCallback(() => {
    lastRef.current = Date.now();
    showingRef.current = false;
    setShowing(false);
    store.setState({ attractShowing: false });
    navigate({ name: 'start' });
  }, [store]);

  useEffect(() => {
    if (!armed) {
      if (showingRef.current) {
        showingRef.current = false;
        setShowing(false);
        store.setState({ attractShowing: false });
      }
      return;
    }
    lastRef.current = Date.now();
    const bump = () => {
      if (!showingRef.current) lastRef.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, bump, { passive: true, capture: true });
    const id = setInterval(() => {
      if (!showingRef.current && Date.now() - lastRef.current >= settings.idleSeconds * 1000) show();
    }, 500);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, bump, { capture: true });
      clearInterval(id);
    };
  }, [armed, settings.idleSeconds, show, store]);

  useEffect(() => {
    if (!settings.blockContextMenu) return;
    const block = (e: Event) => e.preventDefault();
    window.addEventListener('contextmenu', block);
    return () => window.removeEventListener('contextmenu', block);
  }, [settings.blockContextMenu]);

  if (!showing) return null;
  return (
    <Suspense fallback={<div className="attract" />}>
      <AttractLoop onDismiss={dismiss} />
    </Suspense>
  );
}
