// The blindspot zone's knobs per audience group (scenes/blindspot.json `tuning.<group>`): who the
// visitor is at the turn (on foot, on an e-bike, or the truck's driver), how many markers they set
// down around the truck and how long each stage may take, their height for the sight lines (a
// child is hidden where an adult is seen), walking pace, and the short wording for children.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import { commonTuningShape, resolveTuning } from '../common/tuning.ts';
import type { GroupInfo } from '../common/types.ts';

export const ROLES = ['pedestrian', 'rider', 'driver'] as const;
export type Role = (typeof ROLES)[number];

export const blindspotTuningSchema = z
  .object({
    ...commonTuningShape,
    /** at the right turn the visitor waits on foot, waits on an e-bike, or drives the truck (pro) */
    role: z.enum(ROLES),
    /** markers to set down where the driver cannot see */
    markers: z.number().int().min(1).max(8),
    /** the walk round the truck ends after this long (with the markers set so far), s */
    markerSeconds: z.number().positive().max(600),
    /** the look from the cab ends after this long unless the visitor goes on first, s */
    cabSeconds: z.number().positive().max(300),
    /** the trucks' light turns green this long into the turn, s (0: green from the start, for a driver) */
    greenAfter: z.number().min(0).max(120),
    /** the turn ends after this long even if the trucks have not gone through, s */
    turnSeconds: z.number().positive().max(600),
    /** walking speed, m/s (facts 1.15: about 1.25 younger adults, 0.97 people 65+) */
    walkSpeed: z.number().positive().max(3),
    runFactor: z.number().min(1).max(3),
    /** the visitor's height, m: what the driver's sight lines must reach at the turn */
    playerHeight: z.number().positive().max(2.2),
    /** the height of the person a marker stands for, m (a child about 1.2, facts 1.13: small
     * children are the ones drivers cannot see) */
    markerHeight: z.number().positive().max(2.2),
    /** 'short': the zone file's children's wording (fewest words, no article numbers) */
    wording: z.enum(['full', 'short']),
  })
  .strict();
export type BlindspotTuning = z.infer<typeof blindspotTuningSchema>;

export const BLINDSPOT_DEFAULTS: Omit<BlindspotTuning, 'passMark' | 'note'> = {
  trafficDensity: 1,
  speedFactor: 1,
  hints: false,
  textSize: 'normal',
  timeLimit: 360,
  role: 'pedestrian',
  markers: 5,
  markerSeconds: 150,
  cabSeconds: 40,
  turnSeconds: 120,
  greenAfter: 20,
  walkSpeed: 1.25,
  runFactor: 2,
  playerHeight: 1.7,
  markerHeight: 1.2,
  wording: 'full',
};

export function blindspotTuning(zone: ZoneDef, group: GroupInfo | string): BlindspotTuning {
  return resolveTuning(zone, group, blindspotTuningSchema, BLINDSPOT_DEFAULTS);
}
