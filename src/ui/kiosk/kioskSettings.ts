// The kiosk's settings (attract loop, idle time, context menu), shared by the idle watcher (first
// screen) and the staff console (lazy chunk): one small store, loaded from storage once, written
// through on every change. The idle reset is on by default on a device that looks like a kiosk
// (handover.ts: fullscreen, or a large touch-only screen, or ?kiosk) and off on a desktop, a
// classroom projector or a phone; once staff save the settings, their choice holds.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HallStorage, KioskSettings } from '../../storage/types.ts';
import { looksLikeKiosk } from './handover.ts';

export const DEFAULT_KIOSK: KioskSettings = { attract: false, idleSeconds: 90, blockContextMenu: false };

/** This device, read once: is it a kiosk? */
let kiosk: boolean | null = null;
export function isKioskDevice(): boolean {
  if (kiosk !== null) return kiosk;
  if (typeof window === 'undefined' || typeof matchMedia !== 'function') return (kiosk = false);
  const media = (q: string) => matchMedia(q).matches;
  kiosk = looksLikeKiosk({
    param: new URLSearchParams(window.location.search).get('kiosk'),
    fullscreen: media('(display-mode: fullscreen)') || media('(display-mode: standalone)'),
    touchOnly: media('(hover: none)') && media('(pointer: coarse)'),
    shortSide: Math.min(window.screen?.width ?? window.innerWidth, window.screen?.height ?? window.innerHeight),
  });
  return kiosk;
}

/** The settings a device starts with before staff change anything. */
export const defaultKioskSettings = (isKiosk: boolean): KioskSettings => ({ ...DEFAULT_KIOSK, attract: isKiosk });
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
  const defaults = defaultKioskSettings(isKioskDevice());
  const s = createStore<KioskSettingsState>()(() => ({ loaded: false, settings: defaults, attractShowing: false }));
  stores.set(storage, s);
  void storage.getSettings().then((saved) => {
    s.setState({ loaded: true, settings: { ...defaults, ...saved.kiosk, ...(s.getState().loaded ? s.getState().settings : {}) } });
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
