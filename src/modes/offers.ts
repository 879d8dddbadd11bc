// Which modes a zone offers a visitor. A zone's game button exists only once its game does
// (PLAYABLE_ZONES); self-test and competition practice work in every zone. Both skins read this.
import { MODE_IDS, type ModeId } from '../content/ids.ts';
import { PLAYABLE_ZONES } from '../zones/session.ts';

export const hasGame = (zoneId: string): boolean => PLAYABLE_ZONES.includes(zoneId);

export function offeredModes(zoneId: string): ModeId[] {
  return MODE_IDS.filter((m) => m !== 'game' || hasGame(zoneId));
}
