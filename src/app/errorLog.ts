// The device's local error log: what went wrong on this kiosk (a zone that crashed, an error no code
// caught, a lost 3D context), newest last, for the staff console's Data tab. It lives in
// localStorage, not IndexedDB: the log must work when IndexedDB is the thing that failed, and it is
// small (the last MAX_ENTRIES entries, each message and stack cut short). Nothing personal goes in:
// the route is logged without its query (no nickname ever appears in a route anyway).
import { APP_VERSION } from './version.ts';

export const ERROR_LOG_KEY = 'hall.errorLog';
export const MAX_ENTRIES = 50;
const MAX_MESSAGE = 300;
const MAX_STACK = 1200;

export type ErrorSource = 'zone' | 'screen' | 'stage' | 'window' | 'promise' | 'webgl' | 'xr';

export interface ErrorEntry {
  at: number;
  /** which part failed: a zone's 3D scene, a routed screen, the 3D stage, an uncaught error … */
  source: ErrorSource;
  /** the route's path when it happened (#/zone/crossing) */
  route: string;
  message: string;
  stack?: string;
  appVersion: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function store(): Store | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const listeners = new Set<() => void>();
/** errors already logged (by a boundary): the page-level handlers do not log them twice */
const logged = new WeakSet<object>();

export function readErrorLog(s: Store | null = store()): ErrorEntry[] {
  if (!s) return [];
  try {
    const raw = JSON.parse(s.getItem(ERROR_LOG_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((e): e is ErrorEntry => !!e && typeof e === 'object' && typeof (e as ErrorEntry).message === 'string') : [];
  } catch {
    return [];
  }
}

/** How an error reads in the log: its name and message (shortened), and its stack. */
export function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`.slice(0, MAX_MESSAGE), stack: error.stack?.slice(0, MAX_STACK) };
  return { message: String(error).slice(0, MAX_MESSAGE) };
}

export function currentRoute(): string {
  if (typeof location === 'undefined') return '';
  const h = location.hash.replace(/^#/, '') || '/';
  const q = h.indexOf('?');
  return q < 0 ? h : h.slice(0, q);
}

/** Adds an entry (the oldest go when the log is full); never throws. */
export function logError(source: ErrorSource, error: unknown, opts: { route?: string; appVersion?: string; now?: number; store?: Store | null } = {}): ErrorEntry {
  const entry: ErrorEntry = {
    at: opts.now ?? Date.now(),
    source,
    route: (opts.route ?? currentRoute()).slice(0, 200),
    ...describe(error),
    appVersion: opts.appVersion ?? APP_VERSION,
  };
  if (error && typeof error === 'object') logged.add(error);
  const s = opts.store === undefined ? store() : opts.store;
  if (s) {
    const list = [...readErrorLog(s), entry].slice(-MAX_ENTRIES);
    try {
      s.setItem(ERROR_LOG_KEY, JSON.stringify(list));
    } catch {
      // a full localStorage: keep the newest half
      try {
        s.setItem(ERROR_LOG_KEY, JSON.stringify(list.slice(-Math.ceil(MAX_ENTRIES / 2))));
      } catch {
        // nothing more to do: the error itself was already shown on screen
      }
    }
  }
  listeners.forEach((l) => l());
  return entry;
}

export function clearErrorLog(s: Store | null = store()): void {
  try {
    s?.removeItem(ERROR_LOG_KEY);
  } catch {
    // ignore
  }
  listeners.forEach((l) => l());
}

export function subscribeErrorLog(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Uncaught errors and rejections anywhere on the page go to the log too (installed once at start).
 * The 3D renderer also reports errors its boundaries caught as page errors; those are logged by the
 * boundary (as the zone or stage that failed), so a page-level entry waits a moment and is skipped
 * when the same error was logged meanwhile.
 */
export function installGlobalErrorLog(target: Pick<Window, 'addEventListener'> = window): void {
  const later = (source: ErrorSource, error: unknown) =>
    setTimeout(() => {
      if (!(error && typeof error === 'object' && logged.has(error))) logError(source, error);
    }, 0);
  target.addEventListener('error', (e) => {
    const ev = e as ErrorEvent;
    // a resource that failed to load fires 'error' without an ErrorEvent message: not a code error
    if (!ev.message && !ev.error) return;
    later('window', ev.error ?? ev.message);
  });
  target.addEventListener('unhandledrejection', (e) => later('promise', (e as PromiseRejectionEvent).reason));
}
