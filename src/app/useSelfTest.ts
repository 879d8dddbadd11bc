// The self-test store of the current visitor in a zone, shared by the flat and immersive skins (both
// render the same test), created once and started on first use.
import { useEffect } from 'react';
import type { ZoneId } from '../content/ids.ts';
import { createSelfTestStore, type SelfTestStore } from '../stores/selfTest.ts';
import type { Attempt } from '../storage/types.ts';
import { useCatalog, useServices, useSession } from './context.tsx';

const stores = new Map<string, SelfTestStore>();

function device(inXR: boolean): Attempt['device'] {
  if (inXR) return 'vr';
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 'kiosk' : 'desktop';
}

export function useSelfTest(zone: ZoneId): SelfTestStore | null {
  const services = useServices();
  const catalog = useCatalog();
  const visitor = useSession((s) => s.visitor);
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  const key = visitor && group ? `${visitor.id}:${group.id}:${zone}` : null;
  let store = key ? stores.get(key) : undefined;
  if (key && !store && visitor && group) {
    store = createSelfTestStore({
      storage: services.storage,
      loadBank: services.loadBank,
      zone,
      group,
      visitorId: visitor.id,
      device: () => device(services.hallUi.getState().inXR),
      lang: () => services.session.getState().lang,
    });
    stores.set(key, store);
    // a language switch mid-test takes out questions not written in the new language (staff questions)
    const s = store;
    services.session.subscribe((now, before) => {
      if (now.lang !== before.lang) void s.getState().actions.languageChanged(now.lang);
    });
  }
  useEffect(() => {
    if (store && store.getState().status === 'loading' && !store.getState().test) void store.getState().actions.start();
  }, [store]);
  return store ?? null;
}
