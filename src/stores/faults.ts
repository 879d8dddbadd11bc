// A part of the app that crashed (a zone's 3D scene, a routed screen) and is now shown as a fault
// screen with a way back to the hall. Both skins read it: the flat skin shows the fault screen in
// place of the route's screen, the headset a 3D panel. It belongs to one route: going anywhere else
// clears it, so the zone is built afresh when the visitor comes back.
import { createStore } from 'zustand/vanilla';
import { logError, type ErrorSource } from '../app/errorLog.ts';

export interface Fault {
  /** the route path it happened on (#/zone/crossing → /zone/crossing) */
  route: string;
  source: ErrorSource;
  message: string;
}

export interface FaultState {
  fault: Fault | null;
  /** bumps on "try again": boundaries keyed by it mount their part afresh */
  attempt: number;
  actions: {
    /** logs the error to the device's error log and shows the fault screen for this route */
    report(source: ErrorSource, route: string, error: unknown): void;
    /** the route changed: a fault of another route is forgotten */
    routeChanged(route: string): void;
    retry(): void;
  };
}

export function createFaultStore() {
  return createStore<FaultState>()((set, get) => ({
    fault: null,
    attempt: 0,
    actions: {
      report(source, route, error) {
        const entry = logError(source, error, { route });
        set({ fault: { route, source, message: entry.message } });
      },
      routeChanged(route) {
        const f = get().fault;
        if (f && f.route !== route) set({ fault: null });
      },
      retry() {
        set({ fault: null, attempt: get().attempt + 1 });
      },
    },
  }));
}
export type FaultStore = ReturnType<typeof createFaultStore>;

/** The app's one fault store (the 3D stage and the flat screens share it, like the zone-game store). */
export const faultStore: FaultStore = createFaultStore();
