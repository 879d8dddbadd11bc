// A part of the app that crashed (a zone's 3D scene, a routed screen) and is now shown as a fault
// screen with a way back to the hall. Both skins read it: the flat skin shows the fault screen in
// place of the route's screen, the headset a 3D panel.
//
// A fault belongs to one route. It is forgotten when the visitor comes BACK to that route after
// leaving it (the part is then built afresh), not as soon as they leave: the 3D stage renders in a
// root of its own and can still see the old route for a moment after the page moved on, and it
// must not rebuild the crashed part in that moment.
import { createStore } from 'zustand/vanilla';
import { describe, logError, type ErrorSource } from '../app/errorLog.ts';

export interface Fault {
  /** the route it happened on (hashFor without the station's parameters: #/zone/crossing?mode=game) */
  route: string;
  source: ErrorSource;
  message: string;
  /** the visitor has gone to another route since */
  left: boolean;
}

export interface FaultState {
  fault: Fault | null;
  actions: {
    /** logs the error to the device's error log and shows the fault screen for this route */
    report(source: ErrorSource, route: string, error: unknown): void;
    /** the page is on `route` now */
    routeChanged(route: string): void;
  };
}

export function createFaultStore() {
  return createStore<FaultState>()((set, get) => ({
    fault: null,
    actions: {
      report(source, route, error) {
        // the same crash caught again while its fault shows (a retried render, a second view of the
        // same part that failed to load) is one fault: one line in the staff's error log
        const f = get().fault;
        if (f && !f.left && f.route === route && f.source === source && f.message === describe(error).message) return;
        const entry = logError(source, error, { route });
        set({ fault: { route, source, message: entry.message, left: false } });
      },
      routeChanged(route) {
        const f = get().fault;
        if (!f) return;
        if (f.route !== route) {
          if (!f.left) set({ fault: { ...f, left: true } });
        } else if (f.left) set({ fault: null });
      },
    },
  }));
}
export type FaultStore = ReturnType<typeof createFaultStore>;

/** The app's one fault store (the 3D stage and the flat screens share it, like the zone-game store). */
export const faultStore: FaultStore = createFaultStore();

/** Is this route showing a fault? */
export const faultedOn = (s: FaultState, route: string): boolean => s.fault !== null && s.fault.route === route;
