// The zone game of the current visitor: the zone's module (from the registry, loaded once) and the
// store both skins and the 3D scene share. One zone game exists at a time: opening another zone (or
// another visitor) drops the previous store with its game and world.
import { useEffect, useState } from 'react';
import { createZoneGameStore, type ZoneGameStore } from '../stores/zoneGame.ts';
import type { Attempt } from '../storage/types.ts';
import { playCue } from '../ui/audio/cues.ts';
import type { AnyZoneModule } from '../zones/module.ts';
import { hasGame, loadZoneModule } from '../zones/registry.ts';
import { faultStore } from '../stores/faults.ts';
import { hashFor } from './routes.ts';
import { useCatalog, useServices, useSession } from './context.tsx';

export interface ZoneGameHandle {
  module: AnyZoneModule;
  store: ZoneGameStore;
}

let current: { key: string; handle: ZoneGameHandle } | null = null;

function device(inXR: boolean): Attempt['device'] {
  if (inXR) return 'vr';
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches ? 'kiosk' : 'desktop';
}

/** The zone game of `zoneId` for the current visitor, or null (loading, no visitor, no game, a broken zone file). */
export function useZoneGame(zoneId: string): ZoneGameHandle | null {
  const services = useServices();
  const catalog = useCatalog();
  const visitor = useSession((s) => s.visitor);
  const [module, setModule] = useState<AnyZoneModule | null>(null);
  useEffect(() => {
    let live = true;
    setModule(null);
    if (hasGame(zoneId))
      loadZoneModule(zoneId).then(
        (m) => live && setModule(m),
        // the zone's code could not load (a chunk missing after an update, the network gone without
        // the offline copy): logged once, and both skins show the fault screen with the way back
        (e: unknown) => live && faultStore.getState().actions.report('zone', hashFor({ name: 'zone', zoneId, mode: 'game' }), e),
      );
    return () => {
      live = false;
    };
  }, [zoneId]);
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  const slot = catalog.zones.find((z) => z.id === zoneId);
  if (!module || module.id !== zoneId || !visitor || !group || !slot?.ok) return null;
  const key = `${visitor.id}:${group.id}:${zoneId}`;
  if (current?.key !== key) {
    const store = createZoneGameStore({
      rules: module,
      zone: slot.zone,
      group: { id: group.id, defaults: group.defaults },
      visitorId: visitor.id,
      storage: services.storage,
      device: () => device(services.hallUi.getState().inXR),
      cue: playCue,
    }) as unknown as ZoneGameStore;
    current = { key, handle: { module, store } };
  }
  return current.handle;
}
