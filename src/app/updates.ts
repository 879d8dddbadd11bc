// New versions of the app. The service worker (vite-plugin-pwa, Workbox) precaches every chunk; a new
// build installs a new worker beside the old one. It must never take over mid-visit — a reload in the
// middle of a zone game or a competition loses the visitor's run — so the new worker WAITS (no
// skipWaiting) and is applied, with a reload, only when
//   - no visit is running: the kiosk is on the start screen with nobody signed in (a visit ended,
//     or the attract loop ended it) and nobody has touched it for QUIET_MS (someone typing a new
//     nickname on the start screen is a visit starting), or
//   - staff accept it in the console ("Update now").
// The app checks for a new version when it starts and every hour (kiosks run for days).
import { createStore } from 'zustand/vanilla';

export interface UpdateState {
  /** a new version is installed and waiting */
  waiting: boolean;
  /** it is being applied (the page reloads when the new worker takes over) */
  applying: boolean;
  actions: {
    /** staff accepted: apply now, whatever runs */
    accept(): void;
  };
}

/** how long the start screen must be left alone before a waiting version is applied */
export const QUIET_MS = 15_000;

/** Is no visit running? The start screen, nobody signed in, untouched for QUIET_MS. */
export function visitIdle(hash: string, hasVisitor: boolean, lastInputAt: number, now: number): boolean {
  const path = (hash.replace(/^#/, '').split('?')[0] ?? '').replace(/\/+$/, '');
  return path === '' && !hasVisitor && now - lastInputAt >= QUIET_MS;
}

export const CHECK_EVERY_MS = 60 * 60_000;

export interface UpdaterDeps {
  /** is no visit running right now */
  idle(): boolean;
  /** calls back whenever idle() may have changed */
  onIdleChange(fn: () => void): void;
  swUrl?: string;
  reload?: () => void;
}

/** set once the worker is registered: asks the waiting worker to take over */
let apply: (() => void) | null = null;

export const updateStore = createStore<UpdateState>()((set, get) => ({
  waiting: false,
  applying: false,
  actions: {
    accept() {
      if (get().waiting) apply?.();
    },
  },
}));

/** Registers the service worker and runs the update policy above. Browser only. */
export async function startUpdates(deps: UpdaterDeps): Promise<void> {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  let reg: ServiceWorkerRegistration | undefined;
  try {
    reg = await sw.register(deps.swUrl ?? '/sw.js', { scope: '/' });
  } catch {
    // no worker (private mode, blocked by policy): the app works online, just not offline
  }
  if (!reg) return;
  const reload = deps.reload ?? (() => window.location.reload());
  let requested = false;

  apply = () => {
    const waiting = reg!.waiting;
    if (!waiting || requested) return;
    requested = true;
    updateStore.setState({ applying: true });
    // Workbox's worker skips waiting on this message (generateSW with skipWaiting off)
    waiting.postMessage({ type: 'SKIP_WAITING' });
  };
  // the new worker took over because we asked: load the new version
  sw.addEventListener('controllerchange', () => {
    if (requested) reload();
  });

  const check = () => {
    if (!reg!.waiting) return;
    updateStore.setState({ waiting: true });
    if (deps.idle()) apply?.();
  };
  const watch = (w: ServiceWorker | null) => {
    // 'installed' with a controller present = a new version waiting (without one it is the first install)
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed' && sw.controller) check();
    });
  };
  reg.addEventListener('updatefound', () => watch(reg!.installing));
  watch(reg.installing);
  deps.onIdleChange(check);
  check();
  // idleness also comes with time (the quiet period): look again while a version waits
  setInterval(() => {
    if (updateStore.getState().waiting) check();
  }, 5000);
  setInterval(() => void reg!.update().catch(() => undefined), CHECK_EVERY_MS);
}
