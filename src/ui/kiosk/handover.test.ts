import { describe, expect, it } from 'vitest';
import { looksLikeKiosk, RESUME_WINDOW_KIOSK_MS, RESUME_WINDOW_PERSONAL_MS, resumeOfferUntil } from './handover.ts';

const device = { param: null, fullscreen: false, touchOnly: false, shortSide: 768 };

describe('kiosk hand-over', () => {
  it('takes a fullscreen page or a large touch-only screen for a kiosk, not a desktop or a phone', () => {
    expect(looksLikeKiosk(device)).toBe(false); // desktop, 1366×768
    expect(looksLikeKiosk({ ...device, touchOnly: true, shortSide: 390 })).toBe(false); // phone
    expect(looksLikeKiosk({ ...device, touchOnly: true, shortSide: 1080 })).toBe(true); // portrait kiosk
    expect(looksLikeKiosk({ ...device, fullscreen: true })).toBe(true);
  });
  it('obeys ?kiosk and ?kiosk=0 whatever the screen', () => {
    expect(looksLikeKiosk({ ...device, param: '' })).toBe(true);
    expect(looksLikeKiosk({ ...device, param: '1' })).toBe(true);
    expect(looksLikeKiosk({ ...device, fullscreen: true, param: '0' })).toBe(false);
  });
  it('offers "continue" for a few minutes after the last touch on a kiosk, for hours on a personal device, never to a deep-link guest', () => {
    const v = { anonymous: false };
    expect(resumeOfferUntil(v, 1000, true)).toBe(1000 + RESUME_WINDOW_KIOSK_MS);
    expect(resumeOfferUntil(v, 1000, false)).toBe(1000 + RESUME_WINDOW_PERSONAL_MS);
    expect(RESUME_WINDOW_KIOSK_MS).toBeLessThanOrEqual(5 * 60 * 1000);
    expect(resumeOfferUntil({ anonymous: true }, 1000, true)).toBeNull();
    expect(resumeOfferUntil(null, 1000, true)).toBeNull();
    expect(resumeOfferUntil(v, null, true)).toBeNull();
  });
});
