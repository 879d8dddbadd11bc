// Entry: optional XR emulation (before anything XR exists), then the first screen at once, while the
// content and storage chunk loads behind it.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import type { AppServices } from './app/context.tsx';
import { applyDeepLink } from './app/deepLink.ts';
import { installGlobalErrorLog } from './app/errorLog.ts';
import { parseHash } from './app/routes.ts';
import { createI18n } from './i18n/index.ts';
import { deferredStorage } from './storage/deferred.ts';
import { createHallUiStore } from './stores/hallUi.ts';
import { createSessionStore, restoreSession } from './stores/session.ts';
import './ui/flat/styles.css';

async function boot() {
  installGlobalErrorLog();
  if (new URLSearchParams(window.location.search).has('emulate')) {
    const { installEmulator } = await import('./xr/emulate.ts');
    await installEmulator();
  }
  const content = import('./app/services.ts').then((m) => m.loadCatalog());
  const storage = deferredStorage(import('./storage/storage.ts').then((m) => m.createHallStorage()));
  const session = createSessionStore(storage);
  const i18n = createI18n(session.getState().lang);
  const root = document.getElementById('root')!;
  root.removeAttribute('aria-busy');
  const catalog = content.then(async (c) => {
    await restoreSession(session, storage);
    // a deep link decides the visitor before the first routed screen renders
    applyDeepLink(session, parseHash(window.location.hash).params, c.groups.map((g) => g.id));
    return c;
  });
    const loadBank: AppServices['loadBank'] = async (zone) => {
    const [m, c] = await Promise.all([import('./app/services.ts'), content]);
    return m.loadBank(zone, c.groups.map((g) => g.id));
  };
  // new versions wait until no visit runs (or staff accept them): never mid-game or mid-competition
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    let lastInputAt = Date.now();
    for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, () => (lastInputAt = Date.now()), { capture: true, passive: true });
    const start = () =>
      void import('./app/updates.ts').then((m) =>
        m.startUpdates({
          idle: () => m.visitIdle(window.location.hash, session.getState().visitor !== null, lastInputAt, Date.now()),
          onIdleChange: (fn) => {
            window.addEventListener('hashchange', fn);
            session.subscribe(fn);
          },
        }),
      );
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
  }
  createRoot(root).render(<App services={{ session, hallUi: createHallUiStore(), storage, content, catalog, loadBank }} i18n={i18n} />);
}

void boot();
