// What every screen needs, handed down once: the session store, storage and the content catalog.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import type { Catalog } from '../content/catalog.ts';
import type { HallStorage } from '../storage/types.ts';
import type { SessionState, SessionStore } from '../stores/session.ts';

export interface AppServices {
  session: SessionStore;
  storage: HallStorage;
  catalog: Catalog;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside the app');
  return s;
}

export function useSession<T>(select: (s: SessionState) => T): T {
  return useStore(useServices().session, useShallow(select));
}
