import { useSyncExternalStore } from 'react';
import { hashFor, parseHash, type Parsed, type Route } from './routes.ts';

let cached: { hash: string; parsed: Parsed } | null = null;
function snapshot(): Parsed {
  const hash = window.location.hash;
  if (!cached || cached.hash !== hash) cached = { hash, parsed: parseHash(hash) };
  return cached.parsed;
}
function subscribe(fn: () => void) {
  window.addEventListener('hashchange', fn);
  return () => window.removeEventListener('hashchange', fn);
}

export function useRoute(): Parsed {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Navigation keeps a station's deep-link parameters (group, lang) so a kiosk link stays itself. */
export function navigate(route: Route, keep: Record<string, string> = {}): void {
  window.location.hash = hashFor(route, keep);
}
