// Entry: optional XR emulation (before anything XR exists), then the first screen at once, while the
// content and storage chunk loads behind it.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import type { AppServices } from './app/context.tsx';
import { applyDeepLink } from './app/deepLink.ts';
import { installGlobalErrorLog } from './app/errorLog.ts';
import { parseHash } from './app/routes.ts';
import { hallServerHint } from './hall/hint.ts';
import { uploadingStorage } from './hall/withUpload.ts';
import { createI18n } from './i18n/index.ts';
import { deferredStorage } from './storage/deferred.ts';
import { deferredStaffQuestionRepo } from './storage/deferredStaffQuestions.ts';
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
  const deviceStorage = deferredStorage(import('./storage/storage.ts').then((m) => m.createHallStorage()));
  // from a hall server: join the hall, and every saved attempt also goes to its outbox
  const hall = hallServerHint()
    ? import('./hall/inPage.ts').then((m) => m.startHallInPage(deviceStorage)).catch(() => null)
    : Promise.resolve(null);
  const storage = hallServerHint() ? uploadingStorage(deviceStorage, (a) => hall.then((h) => h?.enqueue(a))) : deviceStorage;
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
  // questions hall staff added on this device join every bank as it loads: no rebuild, no reload
  const staffQuestions = deferredStaffQuestionRepo(import('./storage/staffQuestions.ts').then((m) => m.createStaffQuestionRepo()));
  const loadBank: AppServices['loadBank'] = async (zone) => {
    const [m, c] = await Promise.all([import('./app/services.ts'), content]);
    const staff = await staffQuestions.list().catch((e: unknown) => {
      console.warn(`[staff questions] not loaded: ${(e as Error).message}`);
      return [];
    });
    return m.loadBank(zone, c.groups.map((g) => g.id), staff);
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
  createRoot(root).render(<App services={{ session, hallUi: createHallUiStore(), storage, content, catalog, loadBank, hall, staffQuestions }} i18n={i18n} />);
}

void boot();
