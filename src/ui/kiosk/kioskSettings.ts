// The kiosk's settings (attract loop, idle time, context menu), shared by the idle watcher (first
// screen) and the staff console (lazy chunk): one small store, loaded from storage once, written
// through on every change. Off by default: a desktop or a classroom is not a kiosk.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HallStorage, KioskSettings } from '../../storage/types.ts';

export const DEFAULT_KIOSK: KioskSettings = { attract: false, idleSeconds: 90, blockContextMenu: false };
export const MIN_IDLE_SECONDS = 5;
export const MAX_IDLE_SECONDS = 3600;

export interface KioskSettingsState {
  loaded: boolean;
  settings: KioskSettings;
  /** set by the idle watcher; the attract loop is showing */
  attractShowing: boolean;
}

const stores = new WeakMap<HallStorage, StoreApi<KioskSettingsState>>();

export function clampIdle(s: number): number {
  if (!Number.isFinite(s)) return DEFAULT_KIOSK.idleSeconds;
  return Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, Math.round(s)));
}

/** The kiosk settings of this storage (one store per storage; loads on first use). */
export function kioskSettingsStore(storage: HallStorage): StoreApi<KioskSettingsState> {
  let store = stores.get(storage);
  if (store) return store;
  const s = createStore<KioskSettingsState>()(() => ({ loaded: false, settings: DEFAULT_KIOSK, attractShowing: false }));
  stores.set(storage, s);
  void storage.getSettings().then((saved) => {
    s.setState({ loaded: true, settings: { ...DEFAULT_KIOSK, ...saved.kiosk, ...(s.getState().loaded ? s.getState().settings : {}) } });
  });
  store = s;
  return store;
}

export async function saveKioskSettings(storage: HallStorage, patch: Partial<KioskSettings>): Promise<void> {
  const store = kioskSettingsStore(storage);
  const settings = { ...store.getState().settings, ...patch };
  if (patch.idleSeconds !== undefined) settings.idleSeconds = clampIdle(patch.idleSeconds);
  store.setState({ settings, loaded: true });
  await storage.putSettings({ kiosk: settings });
}
