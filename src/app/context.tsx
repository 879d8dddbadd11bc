// What every screen needs, handed down once: the session store, storage and the content catalog.
import { createContext, use, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import type { Catalog } from '../content/catalog.ts';
import type { HallConnection } from '../hall/connect.ts';
import type { StaffQuestionRepo } from '../storage/staffQuestions.ts';
import type { HallStorage } from '../storage/types.ts';
import type { HallUiStore } from '../stores/hallUi.ts';
import type { SelfTestDeps } from '../stores/selfTest.ts';
import type { SessionState, SessionStore } from '../stores/session.ts';

export type LoadBank = SelfTestDeps['loadBank'];

export interface AppServices {
  session: SessionStore;
  hallUi: HallUiStore;
  /** a zone's validated question bank (its own lazy chunk) */
  loadBank: LoadBank;
  storage: HallStorage;
  /** questions hall staff added on this device (they join loadBank's banks) */
  staffQuestions: StaffQuestionRepo;
  /** the validated content, as soon as its chunk has loaded (all the profile screen needs) */
  content: Promise<Catalog>;
  /** the same, once the saved session is also restored (storage loaded): routed screens wait for it */
  catalog: Promise<Catalog>;
  /** the hall server this page came from (null: a static copy, device-local; absent in tests) */
  hall?: Promise<HallConnection | null>;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside the app');
  return s;
}

/** The validated content with the session restored; suspends until then (wrap callers in <Suspense>). */
export function useCatalog(): Catalog {
  return use(useServices().catalog);
}

/** The validated content alone: for screens that do not depend on the saved session. */
export function useContent(): Catalog {
  return use(useServices().content);
}

export function useSession<T>(select: (s: SessionState) => T): T {
  return useStore(useServices().session, useShallow(select));
}
