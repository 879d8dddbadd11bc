// The kiosk's own settings: attract loop after N idle seconds (ends the visitor's session), no
// context menu, language, fullscreen; the staff PIN; where results are being saved.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { StorageStatusText } from '../flat/StorageBanner.tsx';
import { useServices } from '../../app/context.tsx';
import { changePin, storedPinSchema } from '../../staff/pin.ts';
import { LanguageSwitch } from '../flat/LanguageSwitch.tsx';
import { kioskSettingsStore, MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, saveKioskSettings as saveOnDevice } from '../kiosk/kioskSettings.ts';
import type { KioskSettings } from '../../storage/types.ts';
import { useHallStaff } from './useHall.ts';

function useFullscreen(): boolean {
  return useSyncExternalStore(
    (fn) => {
      document.addEventListener('fullscreenchange', fn);
      return () => document.removeEventListener('fullscreenchange', fn);
    },
    () => document.fullscreenElement !== null,
  );
}

export function FullscreenButton() {
  const { t } = useTranslation();
  const on = useFullscreen();
  if (!document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      data-testid="fullscreen"
      onClick={() => void (on ? document.exitFullscreen() : document.documentElement.requestFullscreen()).catch(() => undefined)}
    >
      <svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true">
        <path d={on ? 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5' : 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5'} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      {on ? t('staff.kiosk.exitFullscreen') : t('staff.kiosk.fullscreen')}
    </button>
  );
}

function ChangePin() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const s = await storage.getSettings();
      const stored = storedPinSchema.safeParse(s.staffPin);
      if (!stored.success) return;
      const r = await changePin(stored.data, current, next);
      if (r.ok) {
        await storage.putSettings({ staffPin: r.stored });
        setNote({ ok: true, text: t('staff.kiosk.pinChanged') });
        setCurrent('');
        setNext('');
      } else setNote({ ok: false, text: r.reason === 'rule' ? t('staff.pin.rule') : t('staff.pin.wrong') });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="panel" data-testid="change-pin">
      <h2>{t('staff.kiosk.changePin')}</h2>
      <div className="row wrap">
        <label className="inline-field">
          <span>{t('staff.kiosk.currentPin')}</span>
          <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={current} data-testid="pin-current" onChange={(e) => setCurrent(e.target.value.replace(/\D/g, ''))} />
        </label>
        <label className="inline-field">
          <span>{t('staff.kiosk.newPin')}</span>
          <input type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={next} data-testid="pin-next" onChange={(e) => setNext(e.target.value.replace(/\D/g, ''))} />
        </label>
        <button type="button" className="primary" disabled={busy || !current || !next} data-testid="pin-change" onClick={() => void run()}>
          {t('staff.kiosk.changePin')}
        </button>
      </div>
      {note && (
        <p className={note.ok ? 'ok-note' : 'error'} role="status" data-testid="pin-change-note">
          {note.text}
        </p>
      )}
    </div>
  );
}

export default function KioskTab() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const store = kioskSettingsStore(storage);
  const settings = useStore(store, (s) => s.settings);
  const [idle, setIdle] = useState(String(settings.idleSeconds));
  useEffect(() => setIdle(String(settings.idleSeconds)), [settings.idleSeconds]);
  const status = useSyncExternalStore(storage.subscribe, () => storage.status);
  // signed in to the hall server: what is saved here becomes the setting of every kiosk in the hall
  const hall = useHallStaff();
  const [synced, setSynced] = useState<boolean | null>(null);
  const saveKioskSettings = async (_s: typeof storage, patch: Partial<KioskSettings>) => {
    await saveOnDevice(storage, patch);
    if (!hall) return;
    setSynced(null);
    await hall.staff
      .putKiosk(store.getState().settings)
      .then(() => setSynced(true))
      .catch(() => setSynced(false));
  };

  return (
    <section className="staff-tab kiosk-settings" data-testid="kiosk-settings">
      <div className="panel">
        <h2>{t('staff.kiosk.title')}</h2>
        <label className="check">
          <input type="checkbox" checked={settings.attract} data-testid="kiosk-attract" onChange={(e) => void saveKioskSettings(storage, { attract: e.target.checked })} />
          <span>{t('staff.kiosk.attract')}</span>
        </label>
        <label className="inline-field">
          <span>{t('staff.kiosk.idle')}</span>
          <input
            type="number"
            min={MIN_IDLE_SECONDS}
            max={MAX_IDLE_SECONDS}
            value={idle}
            data-testid="kiosk-idle"
            onChange={(e) => setIdle(e.target.value)}
            onBlur={() => void saveKioskSettings(storage, { idleSeconds: Number(idle) })}
            onKeyDown={(e) => e.key === 'Enter' && void saveKioskSettings(storage, { idleSeconds: Number(idle) })}
          />
        </label>
        <p className="hint">{t('staff.kiosk.idleHint', { min: MIN_IDLE_SECONDS })}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.blockContextMenu}
            data-testid="kiosk-context-menu"
            onChange={(e) => void saveKioskSettings(storage, { blockContextMenu: e.target.checked })}
          />
          <span>{t('staff.kiosk.contextMenu')}</span>
        </label>
        <div className="inline-field">
          <span>{t('staff.kiosk.language')}</span>
          <LanguageSwitch />
        </div>
        <div className="actions">
          <FullscreenButton />
        </div>
        {hall && (
          <p className="hint" data-testid="kiosk-hall-sync">
            {t('hallServer.kioskSync')}
            {synced && ` ${t('hallServer.kioskSynced')}`}
          </p>
        )}
      </div>
      <ChangePin />
      <div className="panel">
        <h2>{t('staff.kiosk.storage')}</h2>
        {status === 'memory' ? (
          <p className="storage-status" data-testid="storage-status">
            <StorageStatusText testid="storage-status" />
          </p>
        ) : (
          <p data-testid="storage-status">{t('staff.kiosk.storageOk')}</p>
        )}
        {storage.persisted === false && <p className="hint">{t('staff.kiosk.notPersisted')}</p>}
      </div>
    </section>
  );
}
