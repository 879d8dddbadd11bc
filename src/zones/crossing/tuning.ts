// The crossing zone's knobs per audience group (scenes/crossing.json `tuning.<group>`): traffic
// density and speed, the visitor's walking speed (facts 1.15), extra pedestrian green for slower
// walkers, hints, the phone moment, time limit, text size.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import { COMMON_DEFAULTS, commonTuningShape, resolveTuning } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';

export const crossingTuningSchema = z
  .object({
    ...commonTuningShape,
    /** the visitor's walking speed, m/s (facts 1.15: about 1.25 younger adults, 0.97 people 65+) */
    walkSpeed: z.number().positive().max(3),
    /** the run button multiplies the walking speed by this */
    runFactor: z.number().min(1).max(3),
    /** above this speed on the carriageway, m/s, the visitor is running across */
    runThreshold: z.number().positive().max(6),
    /** seconds added to every pedestrian green phase */
    pedGreenExtra: z.number().min(0).max(60),
    /** the phone rings mid-crossing (the script's phone_rings); off: those steps are dropped */
    phone: z.boolean(),
    /** the visitor's height for sight lines, m (a child about 1.2–1.3, facts 1.13) */
    playerHeight: z.number().positive().max(2.2),
  })
  .strict();
export type CrossingTuning = z.infer<typeof crossingTuningSchema>;

export const CROSSING_DEFAULTS: Omit<CrossingTuning, 'passMark' | 'note'> = {
  ...COMMON_DEFAULTS,
  walkSpeed: 1.25,
  runFactor: 2.2,
  runThreshold: 1.9,
  pedGreenExtra: 0,
  phone: true,
  playerHeight: 1.7,
};

export function crossingTuning(zone: ZoneDef, group: GroupInfo | string): CrossingTuning {
  return resolveTuning(zone, group, crossingTuningSchema, CROSSING_DEFAULTS);
}
