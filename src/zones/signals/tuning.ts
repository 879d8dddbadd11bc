// The signals zone's knobs per audience group (scenes/signals.json `tuning.<group>`): walking or
// driving the street and at what pace (time-compressed: a learning walk, not a crossing), the eye
// height, how long an answer counts as quick, how many hand signals the officer shows, and the
// common knobs (hints, text size, time limit). Children: fewer, larger, slower.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import { COMMON_DEFAULTS, commonTuningShape, resolveTuning } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';

export const signalsTuningSchema = z
  .object({
    ...commonTuningShape,
    /** walk the street on the pavement (children, seniors, pedestrians) or drive it (drivers, pro) */
    walk: z.boolean(),
    /** m/s along the pavement between stations (brisk: the walk between signs is not what is taught) */
    walkSpeed: z.number().positive().max(4),
    /** m/s along the lane when driving */
    driveSpeed: z.number().positive().max(20),
    /** the eye over the ground, m (a child, an adult, a car's seat, a truck's cab) */
    eyeHeight: z.number().min(0.9).max(3),
    /** a right answer within this many seconds of the question counts as quick */
    quickSeconds: z.number().positive().max(120),
    /** how many signals the officer shows */
    policeRounds: z.number().int().min(1).max(8),
    /** m/s walking back along the shoulder with the warning triangle (time-compressed, shown as such) */
    carrySpeed: z.number().positive().max(30),
  })
  .strict();
export type SignalsTuning = z.infer<typeof signalsTuningSchema>;

export const SIGNALS_DEFAULTS: Omit<SignalsTuning, 'passMark' | 'note'> = {
  ...COMMON_DEFAULTS,
  walk: true,
  walkSpeed: 2.5,
  driveSpeed: 8.3,
  eyeHeight: 1.6,
  quickSeconds: 15,
  policeRounds: 4,
  carrySpeed: 10,
};

export function signalsTuning(zone: ZoneDef, group: GroupInfo | string): SignalsTuning {
  return resolveTuning(zone, group, signalsTuningSchema, SIGNALS_DEFAULTS);
}
