// The seat-belt zone's knobs per audience group (scenes/seatbelt.json `tuning.<group>`): which
// stations the group plays and in what order (children the fewest, and only the passenger's side;
// professional drivers the driver's side), whose seat the crash test puts them in, whose child the
// child-seat station is about (grandparents for seniors), which speeds are offered, how slowly the
// crash plays, what the phone shows, and the rules for drivers over 70 in the summary.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import { commonTuningShape, resolveTuning } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';

const kmh = z.number().int().positive().max(130);

export const seatbeltTuningSchema = z
  .object({
    ...commonTuningShape,
    /** the stations (challenge ids of the zone file) this group plays, in order */
    stations: z.array(z.string().min(1)).min(1),
    /** whose seat the crash test is about: the driver's, an adult passenger's in the back, a child's in the back */
    crashRole: z.enum(['driver', 'passenger', 'child']),
    /** the crash speeds offered (a subset of the station's); default all */
    crashSpeeds: z.array(kmh).min(1).optional(),
    /** whose child the child-seat station is about */
    childSeatRole: z.enum(['parent', 'grandparent', 'sibling']),
    /** the speeds offered before the stopping runs (a subset of the station's); default all */
    stoppingSpeeds: z.array(kmh).min(1).optional(),
    /** the crash plays at this share of real speed (0.05: twenty times slower) */
    slowMotion: z.number().min(0.01).max(1),
    /** what pops up on the phone while driving: a chat message, or a dispatcher's order (professional drivers) */
    message: z.enum(['chat', 'dispatch']),
    /** the summary adds the rules for drivers aged 70 and over (facts 5.18) */
    seniorDriverRules: z.boolean(),
  })
  .strict();
export type SeatbeltTuning = z.infer<typeof seatbeltTuningSchema>;

export const SEATBELT_DEFAULTS: Omit<SeatbeltTuning, 'passMark' | 'note' | 'crashSpeeds' | 'stoppingSpeeds'> = {
  trafficDensity: 1,
  speedFactor: 1,
  hints: false,
  textSize: 'normal',
  timeLimit: 360,
  stations: ['crash', 'child-seat', 'phone', 'stopping'],
  crashRole: 'driver',
  childSeatRole: 'parent',
  slowMotion: 0.05,
  message: 'chat',
  seniorDriverRules: false,
};

export function seatbeltTuning(zone: ZoneDef, group: GroupInfo | string): SeatbeltTuning {
  return resolveTuning(zone, group, seatbeltTuningSchema, SEATBELT_DEFAULTS);
}
