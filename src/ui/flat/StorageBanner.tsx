// The banner every screen shows while results are not yet saved on the device: how many writes are
// held, why, whether they would survive a reload, and a Try again that writes them through.
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import type { HallStorage, StorageStatus } from '../../storage/types.ts';

export interface StorageView {
  status: StorageStatus;
  problem: string | null;
  held: number;
  heldDurable: boolean;
  persisted: boolean | null;
}

const cache = new WeakMap<HallStorage, StorageView>();
function view(storage: HallStorage): StorageView {
  const next: StorageView = { status: storage.status, problem: storage.problem, held: storage.held, heldDurable: storage.heldDurable, persisted: storage.persisted };
  const prev = cache.get(storage);
  if (prev && prev.status === next.status && prev.problem === next.problem && prev.held === next.held && prev.heldDurable === next.heldDurable && prev.persisted === next.persisted) return prev;
  cache.set(storage, next);
  return next;
}

/** The storage's state, re-rendered when it changes (status, held count, problem). */
export function useStorageView(): StorageView {
  const { storage } = useServices();
  return useSyncExternalStore(storage.subscribe, () => view(storage));
}

/** "N results held: …" with Try again, or nothing while everything is saved. */
export function StorageStatusText({ testid }: { testid: string }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const v = useStorageView();
  const [trying, setTrying] = useState(false);
  if (v.status !== 'memory') return null;
  const problem = v.problem ?? t('errors.storageCatchingUp');
  return (
    <>
      <span data-testid={`${testid}-text`} data-held={v.held}>
        {v.held > 0 ? t('errors.storageHeld', { n: v.held, problem }) : t('errors.storageDown', { problem })}
        {v.held > 0 && !v.heldDurable && ` ${t('errors.storageNotDurable')}`}
      </span>
      <button
        type="button"
        data-testid={`${testid}-retry`}
        disabled={trying}
        onClick={() => {
          setTrying(true);
          void storage.retry().finally(() => setTrying(false));
        }}
      >
        {t('app.retry')}
      </button>
    </>
  );
}

export function StorageBanner() {
  const v = useStorageView();
  if (v.status !== 'memory') return null;
  return (
    <div className="notice notice-warning storage-banner" role="status" data-testid="storage-banner">
      <StorageStatusText testid="storage-banner" />
    </div>
  );
}
