// Entry: optional XR emulation (before anything XR exists), then the first screen at once. What the
// first screen does not need loads later: IndexedDB storage (Dexie) right after the first paint, when
// the browser is idle (it restores the saved visitor, language and kiosk settings), and the content
// with its schemas (zod) only when a screen asks for it (the profile form, the hall, a zone). A route
// other than the start screen needs both at once.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import type { AppServices } from './app/context.tsx';
import { announcingStorage } from './app/attemptSaved.ts';
import { applyDeepLink } from './app/deepLink.ts';
import { installGlobalErrorLog } from './app/errorLog.ts';
import { parseHash } from './app/routes.ts';
import type { Catalog } from './content/catalog.ts';
import { hallServerHint } from './hall/hint.ts';
import { uploadingStorage } from './hall/withUpload.ts';
import { isLang } from './i18n/langs.ts';
import { createI18n } from './i18n/index.ts';
import { deferredStorage } from './storage/deferred.ts';
import { deferredStaffQuestionRepo } from './storage/deferredStaffQuestions.ts';
import type { HallStorage } from './storage/types.ts';
import { createHallUiStore } from './stores/hallUi.ts';
import { createSessionStore, restoreSession } from './stores/session.ts';
import './ui/flat/styles.css';

const once = <T,>(f: () => T): (() => T) => {
  let v: { value: T } | null = null;
  return () => (v ??= { value: f() }).value;
};

/** The language of the last session, kept beside IndexedDB so the first screen paints in it at once. */
const LANG_KEY = 'hall.lang';
function savedLang() {
  try {
    const l = globalThis.localStorage?.getItem(LANG_KEY);
    return l && isLang(l) ? l : undefined;
  } catch {
    return undefined;
  }
}

async function boot() {
  installGlobalErrorLog();
  // the emulated headset is for tests and development only (product.md): a production build has none
  if ((import.meta.env.DEV || import.meta.env.VITE_HALL_TEST_HOOKS === '1') && new URLSearchParams(window.location.search).has('emulate')) {
    const { installEmulator } = await import('./xr/emulate.ts');
    await installEmulator();
  }
  // an SPA's screens are not pages the browser should scroll back into
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

  let openStorage!: () => void;
  const real = new Promise<HallStorage>((resolve) => {
    openStorage = once(() => resolve(import('./storage/storage.ts').then((m) => m.createHallStorage())));
  });
  const deviceStorage = deferredStorage(real);
  // from a hall server: join the hall once storage opens (not for the first paint), and every saved
  // attempt also goes to its outbox
  const fromHall = hallServerHint();
  const hall = fromHall
    ? real.then(() => import('./hall/inPage.ts')).then((m) => m.startHallInPage(deviceStorage)).catch(() => null)
    : Promise.resolve(null);
  const uploading = fromHall ? uploadingStorage(deviceStorage, (a) => hall.then((h) => h?.enqueue(a))) : deviceStorage;
  // a saved result also tells the pre/post layer that the zone is done (its post-check follows)
  const storage = announcingStorage(uploading);
  const session = createSessionStore(storage, { lang: savedLang() });
  session.subscribe((s) => {
    try {
      globalThis.localStorage?.setItem(LANG_KEY, s.lang);
    } catch {
      // no localStorage: the language still comes back from IndexedDB
    }
  });
  storage.subscribe(() => {
    if (storage.status === 'memory') session.getState().actions.notify({ key: 'errors.storageDown', tone: 'warning' });
  });
  const restored = once(() => {
    openStorage();
    return restoreSession(session, storage);
  });
  const content = once(() => import('./app/services.ts').then((m) => m.loadCatalog()));
  const catalog = once(() =>
    Promise.all([content(), restored()]).then(([c]) => {
      // a deep link decides the visitor before the first routed screen renders
      applyDeepLink(session, parseHash(window.location.hash).params, c.groups.map((g) => g.id));
      return c;
    }),
  );
  // questions hall staff added on this device join every bank as it loads: no rebuild, no reload
  const staffQuestions = deferredStaffQuestionRepo(real.then(() => import('./storage/staffQuestions.ts')).then((m) => m.createStaffQuestionRepo()));
  const loadBank: AppServices['loadBank'] = async (zone) => {
    restored();
    const [m, c] = await Promise.all([import('./app/services.ts'), content()]);
    const staff = await staffQuestions.list().catch((e: unknown) => {
      console.warn(`[staff questions] not loaded: ${(e as Error).message}`);
      return [];
    });
    return m.loadBank(zone, c.groups.map((g) => g.id), staff);
  };
  const services: AppServices = {
    session,
    hallUi: createHallUiStore(),
    storage,
    loadBank,
    hall,
    staffQuestions,
    get content(): Promise<Catalog> {
      return content();
    },
    get catalog(): Promise<Catalog> {
      return catalog();
    },
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

  const i18n = createI18n(session.getState().lang);
  const root = document.getElementById('root')!;
  root.removeAttribute('aria-busy');
  createRoot(root).render(<App services={services} i18n={i18n} />);

  const route = parseHash(window.location.hash);
  if (route.route.name === 'start' && Object.keys(route.params).length === 0) {
    // the start screen paints first; the saved visitor (for "continue") and settings follow when idle
    const idle = (fn: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 300));
    idle(() => void restored());
  } else void restored();
}

void boot();
