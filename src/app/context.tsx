// What every screen needs, handed down once: the session store, storage and the content catalog.
import { createContext, use, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import type { Catalog } from '../content/catalog.ts';
import type { HallStorage } from '../storage/types.ts';
import type { SessionState, SessionStore } from '../stores/session.ts';

export interface AppServices {
  session: SessionStore;
  storage: HallStorage;
  /** resolves once the content chunk has loaded and the saved session is restored */
  catalog: Promise<Catalog>;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside the app');
  return s;
}

/** The validated content; suspends until it has loaded (wrap callers in <Suspense>). */
export function useCatalog(): Catalog {
  return use(useServices().catalog);
}

export function useSession<T>(select: (s: SessionState) => T): T {
  return useStore(useServices().session, useShallow(select));
}
