// Handing a shared screen to the next visitor. Pure rules (tested in Node); the DOM readings that
// feed them live in kioskSettings.ts and activity.ts.
//
// - A device is taken for a kiosk when the page runs fullscreen or as an installed app, or on a large
//   touch-only screen (a phone is touch-only too, but small and personal); `?kiosk` / `?kiosk=0`
//   before the hash says so outright. Kiosks reset after idle time by default; staff can change it.
// - The start screen always leads with "start": the previous visitor's "continue" is a small second
//   choice, and only for a while after their last touch (a few minutes on a kiosk, where the next
//   person is a stranger; longer on a personal device, where it is probably the same person).

export const RESUME_WINDOW_KIOSK_MS = 3 * 60 * 1000;
export const RESUME_WINDOW_PERSONAL_MS = 12 * 60 * 60 * 1000;
/** the short side (CSS px) from which a touch-only screen counts as a kiosk, not a phone */
export const KIOSK_MIN_SHORT_SIDE = 900;

export interface DeviceSignals {
  /** the `kiosk` query parameter: '' or '1' forces kiosk, '0' forces not; null when absent */
  param: string | null;
  /** display-mode fullscreen or standalone (kiosk browser, installed app, F11) */
  fullscreen: boolean;
  /** no hover and a coarse pointer: a touch screen without a mouse */
  touchOnly: boolean;
  /** the screen's shorter side in CSS px */
  shortSide: number;
}

export function looksLikeKiosk(s: DeviceSignals): boolean {
  if (s.param !== null) return s.param !== '0' && s.param !== 'false';
  return s.fullscreen || (s.touchOnly && s.shortSide >= KIOSK_MIN_SHORT_SIDE);
}

/** Until when the previous visitor's "continue" is offered (null: not at all). */
export function resumeOfferUntil(visitor: { anonymous: boolean } | null, lastActiveAt: number | null, kiosk: boolean): number | null {
  if (!visitor || visitor.anonymous || lastActiveAt === null) return null;
  return lastActiveAt + (kiosk ? RESUME_WINDOW_KIOSK_MS : RESUME_WINDOW_PERSONAL_MS);
}
