// The device's health for staff: whether results are saved (held writes, with Try again) and the
// local error log (what crashed, where, when), newest first.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { clearErrorLog, readErrorLog, subscribeErrorLog, type ErrorEntry } from '../../app/errorLog.ts';
import { localTime } from '../../scoring/exchange.ts';
import { StorageStatusText, useStorageView } from '../flat/StorageBanner.tsx';

let cached: { raw: string | null; list: ErrorEntry[] } = { raw: null, list: [] };
function snapshot(): ErrorEntry[] {
  let raw: string | null = null;
  try {
    raw = globalThis.localStorage?.getItem('hall.errorLog') ?? null;
  } catch {
    raw = null;
  }
  if (raw !== cached.raw) cached = { raw, list: readErrorLog().reverse() };
  return cached.list;
}

export function HealthPanel() {
  const { t } = useTranslation();
  const storage = useStorageView();
  const log = useSyncExternalStore(subscribeErrorLog, snapshot);
  return (
    <div className="panel" data-testid="health">
      <h2>{t('staff.health.title')}</h2>
      {storage.status === 'memory' ? (
        <p className="error storage-status" data-testid="health-storage">
          <StorageStatusText testid="health-storage" />
        </p>
      ) : (
        <p data-testid="health-storage">{t('staff.kiosk.storageOk')}</p>
      )}
      <h3>{t('staff.health.errors')}</h3>
      {log.length === 0 ? (
        <p className="hint" data-testid="error-log-empty">
          {t('staff.health.noErrors')}
        </p>
      ) : (
        <>
          <ol className="error-log" data-testid="error-log">
            {log.slice(0, 20).map((e, i) => (
              <li key={`${e.at}-${i}`} data-testid="error-log-entry" data-source={e.source}>
                <span className="hint">{`${localTime(e.at)} · ${t(`staff.health.source.${e.source}`)} · ${e.route || '/'}`}</span>
                <br />
                <code>{e.message}</code>
              </li>
            ))}
          </ol>
          <button type="button" data-testid="error-log-clear" onClick={() => clearErrorLog()}>
            {t('staff.health.clear')}
          </button>
        </>
      )}
    </div>
  );
}
