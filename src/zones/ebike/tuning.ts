// The e-bike zone's knobs per audience group (scenes/ebike.json `tuning.<group>`): traffic density
// and speed, hints, what pops up on the phone (a delivery order for riders), whether the visitor
// plays a 16-year-old (passenger rules for minors, facts 2.1 and 2.4), time limit, text size.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import { COMMON_DEFAULTS, commonTuningShape, resolveTuning } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';

export const ebikeTuningSchema = z
  .object({
    ...commonTuningShape,
    /** the phone buzzes during the ride: 'order' (delivery riders), 'message', or false (the script's phone_rings is dropped) */
    phone: z.union([z.literal('order'), z.literal('message'), z.literal(false)]),
    /** the visitor plays a rider aged 16–17: no passengers at all (facts 2.4) */
    minorRider: z.boolean(),
  })
  .strict();
export type EbikeTuning = z.infer<typeof ebikeTuningSchema>;

export const EBIKE_DEFAULTS: Omit<EbikeTuning, 'passMark' | 'note'> = {
  ...COMMON_DEFAULTS,
  phone: 'message',
  minorRider: false,
};

export function ebikeTuning(zone: ZoneDef, group: GroupInfo | string): EbikeTuning {
  return resolveTuning(zone, group, ebikeTuningSchema, EBIKE_DEFAULTS);
}
