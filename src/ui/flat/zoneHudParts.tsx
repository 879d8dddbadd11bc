// HUD parts zones share (each zone's module places the ones it uses): the phone ringing with its
// pop-up, speed against the limit — flat (DOM) and as lines for the headset's HUD slab.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { text, type Lang, type LocalizedText } from '../../content/ids.ts';

export interface PhoneState {
  phoneRinging: boolean;
  phoneOut: boolean;
  phonePopup?: LocalizedText | null;
}

export interface SpeedState {
  speedKmh: number;
  limitKmh: number | null;
}

/** The phone rings (and what its screen shows) while it is still in the pocket. */
export function PhoneNotice({ phone, lang }: { phone: PhoneState; lang: Lang }) {
  const { t } = useTranslation();
  if (!phone.phoneRinging || phone.phoneOut) return null;
  return (
    <p className="notice notice-warning" data-testid="phone-ringing">
      {t('game.phoneRinging')}
      {phone.phonePopup && <span className="phone-popup"> {text(phone.phonePopup, lang)}</span>}
    </p>
  );
}

/** Speed now, and the limit (marked when over it). */
export function SpeedReadout({ speed }: { speed: SpeedState }) {
  const { t } = useTranslation();
  const over = speed.limitKmh !== null && speed.speedKmh > speed.limitKmh + 0.5;
  return (
    <span className={`speed ${over ? 'over' : ''}`} data-testid="game-speed">
      {t('game.speed', { v: Math.round(speed.speedKmh) })}
      {speed.limitKmh !== null && <small> · {t('game.limit', { v: speed.limitKmh })}</small>}
    </span>
  );
}

/** The headset slab's phone line ('' when there is nothing to say). */
export const phoneLine = (phone: PhoneState, t: TFunction, lang: Lang): string =>
  phone.phoneRinging && !phone.phoneOut ? `${t('game.phoneRinging')}${phone.phonePopup ? ` ${text(phone.phonePopup, lang)}` : ''}` : '';

/** The headset slab's speed line. */
export const speedLine = (speed: SpeedState, t: TFunction): string =>
  `${t('game.speed', { v: Math.round(speed.speedKmh) })}${speed.limitKmh !== null ? ` · ${t('game.limit', { v: speed.limitKmh })}` : ''}`;
