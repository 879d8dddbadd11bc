import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import type { HallXRStore } from './store.ts';

/** The flat skin's door into the headset; shown only where immersive-vr is supported. */
export function EnterVR({ store }: { store: HallXRStore }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const [supported, setSupported] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const xr = (navigator as Navigator & { xr?: XRSystem }).xr;
    if (!xr) setSupported(false);
    else
      xr.isSessionSupported('immersive-vr').then(
        (ok) => live && setSupported(ok),
        () => live && setSupported(false),
      );
    return () => {
      live = false;
    };
  }, []);
  if (!supported) return null;
  return (
    <button
      type="button"
      className="primary enter-vr"
      data-testid="enter-vr"
      onClick={() =>
        store.enterVR().catch((e: Error) => session.getState().actions.notify({ key: 'xr.failed', params: { reason: e.message }, tone: 'error' }))
      }
    >
      {t('xr.enter')}
    </button>
  );
}
