// The hall connection as the page starts it (main.ts, only when the page came from a hall server):
// the browser's facts about the device, IndexedDB for the outbox, the page's online events.
import { exposeForTests, testHooksEnabled } from '../app/testHooks.ts';
import { APP_VERSION } from '../stores/selfTest.ts';
import type { HallStorage } from '../storage/types.ts';
import { saveKioskSettings } from '../ui/kiosk/kioskSettings.ts';
import { connectHall, type HallConnection } from './connect.ts';
import type { DeviceFacts } from './deviceKind.ts';
import { dexieOutbox } from './dexieOutbox.ts';

async function browserFacts(storage: HallStorage): Promise<DeviceFacts> {
  const xr = (navigator as Navigator & { xr?: { isSessionSupported(mode: string): Promise<boolean> } }).xr;
  const immersiveVr = xr ? await xr.isSessionSupported('immersive-vr').catch(() => false) : false;
  const settings = await storage.getSettings().catch(() => ({ kiosk: undefined }));
  return {
    immersiveVr,
    touch: navigator.maxTouchPoints > 0,
    finePointer: matchMedia('(any-pointer: fine)').matches,
    shortSide: Math.min(screen.width, screen.height),
    attractLoop: settings.kiosk?.attract === true,
  };
}

export async function startHallInPage(storage: HallStorage, appVersion = APP_VERSION): Promise<HallConnection> {
  const hall = await connectHall({
    storage,
    appVersion,
    openOutbox: () => dexieOutbox(),
    facts: () => browserFacts(storage),
    declaredKind: new URLSearchParams(location.search).get('device'),
    applyKiosk: (k) => saveKioskSettings(storage, k),
    onWake: (fn) => {
      window.addEventListener('online', fn);
      document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && fn());
    },
  });
  if (testHooksEnabled) exposeForTests('__hall', hall);
  return hall;
}
