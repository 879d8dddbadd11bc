// The zone registry: every playable zone, one line each (the module `src/zones/<id>/Zone.tsx`,
// loaded when the zone's game is opened: each zone is its own lazy chunk). World, App, both HUDs,
// the benchmark and the browser tests read it; registry.test.ts checks it against scenes/*.json.
// Nothing here imports a zone's code eagerly, so screens of the first chunk can ask which zones
// have a game without pulling three.js or zod in.
import type { ZoneId } from '../content/ids.ts';
import type { AnyZoneModule } from './module.ts';

const MODULES = {
  crossing: () => import('./crossing/Zone.tsx'),
  drunk: () => import('./drunk/Zone.tsx'),
  ebike: () => import('./ebike/Zone.tsx'),
  blindspot: () => import('./blindspot/Zone.tsx'),
  seatbelt: () => import('./seatbelt/Zone.tsx'),
  signals: () => import('./signals/Zone.tsx'),
} satisfies Partial<Record<ZoneId, () => Promise<{ default: AnyZoneModule }>>>;

export type PlayableZoneId = keyof typeof MODULES;

/** Zones whose game mode is playable (the others show their learning points). */
export const PLAYABLE_ZONES: readonly string[] = Object.keys(MODULES);

/** Does zone `id` have a game? */
export const hasGame = (id: string): id is PlayableZoneId => Object.prototype.hasOwnProperty.call(MODULES, id);

const loading = new Map<string, Promise<AnyZoneModule>>();

/** The zone's module (loaded once). */
export function loadZoneModule(id: PlayableZoneId): Promise<AnyZoneModule> {
  let p = loading.get(id);
  if (!p) {
    p = MODULES[id]().then(
      (m) => m.default,
      (e: unknown) => {
        // not kept: the next visit to the zone tries to load it again
        loading.delete(id);
        throw e;
      },
    );
    loading.set(id, p);
  }
  return p;
}
