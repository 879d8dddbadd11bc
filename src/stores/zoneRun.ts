// A zone run in Node, the way the devices drive it (for zone tests only: it reads the zone file and
// the groups from disk). The zone-game store both skins use, fed 30 frames a second by a test clock,
// keys pressed through the zone's own action map, every saved attempt kept.
import { readFileSync } from 'node:fs';
import { zoneSchema } from '../content/schema.ts';
import type { Attempt } from '../storage/types.ts';
import { createZoneGameStore } from './zoneGame.ts';
import { sourceOf, type FrameLook } from '../zones/common/controls.ts';
import type { GroupInfo } from '../zones/common/types.ts';
import type { RunnableGame, ZoneActions, ZoneRules } from '../zones/common/zoneRules.ts';

const groups = (): GroupInfo[] => JSON.parse(readFileSync(new URL('../../quizzes/groups.json', import.meta.url), 'utf8')).groups;

export function zoneRun<G extends RunnableGame<I>, I, H, Z extends ZoneActions, A extends string>(rules: ZoneRules<G, I, H, Z, A>, zoneId: string, groupId: string) {
  const zone = zoneSchema.parse(JSON.parse(readFileSync(new URL(`../../scenes/${zoneId}.json`, import.meta.url), 'utf8')));
  const saved: Attempt[] = [];
  const store = createZoneGameStore({
    rules,
    zone,
    group: groups().find((g) => g.id === groupId) ?? { id: groupId },
    visitorId: 'v1',
    storage: { putAttempt: async (a) => void saved.push(a) },
    device: () => 'desktop',
  });
  let clock = 0;
  const look: FrameLook = { dt: 1 / 30, headYaw: NaN, drag: 0 };
  const game = () => store.getState().game as unknown as G;
  /** up to `seconds` of frames, stopping early (true) once `until` holds */
  const frames = (seconds: number, until?: (g: G) => boolean): boolean => {
    for (let i = 0; i < Math.round(seconds * 30); i++) {
      clock += look.dt;
      store.getState().actions.tick(look, clock);
      if (until?.(game())) return true;
    }
    return false;
  };
  /** a key of the zone's action map, down or up */
  const key = (code: string, down: boolean) => {
    const k = rules.controls.keys.find((b) => b.code === code);
    if (!k) throw new Error(`${zoneId}: no key ${code} in the action map`);
    store.getState().controls.set(k.action, sourceOf.key(code), down ? (k.value ?? 1) : 0);
  };
  return { store, saved, game, frames, key, look };
}
