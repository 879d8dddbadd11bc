// The drunk zone's knobs per audience group (scenes/drunk.json `tuning.<group>`): which vehicle the
// visitor drives (a car; the riders' version rides an e-bike), whether the legal panel is the one
// for operating (commercial) vehicles (professional drivers, facts 3.5 and 3.8), how long a drive
// may take and the pause between the two drives, plus the common knobs.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import { COMMON_DEFAULTS, commonTuningShape, resolveTuning } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';

export const VEHICLES = ['car', 'ebike'] as const;
export type Vehicle = (typeof VEHICLES)[number];

export const drunkTuningSchema = z
  .object({
    ...commonTuningShape,
    /** a car (drivers) or an e-bike (the riders' version: riders, teens) */
    vehicle: z.enum(VEHICLES),
    /** the visitor drives for a living: the legal panel shows the rules for operating vehicles */
    commercial: z.boolean(),
    /** seconds one drive may take before it counts as unfinished */
    runLimit: z.number().positive().max(600),
    /** seconds between the sober drive and the one "after drinking" */
    interlude: z.number().min(0).max(60),
  })
  .strict();
export type DrunkTuning = z.infer<typeof drunkTuningSchema>;

export const DRUNK_DEFAULTS: Omit<DrunkTuning, 'passMark' | 'note'> = { ...COMMON_DEFAULTS, vehicle: 'car', commercial: false, runLimit: 120, interlude: 4 };

export function drunkTuning(zone: ZoneDef, group: GroupInfo | string): DrunkTuning {
  return resolveTuning(zone, group, drunkTuningSchema, DRUNK_DEFAULTS);
}
