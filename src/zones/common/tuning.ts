// Per-group tuning: built-in defaults ← the groups file's defaults for the visitor's group ← the zone
// file's `tuning.<group>`. Each zone passes a zod schema for its own knobs, so a bad value in a
// scene file is reported as `tuning.<group>.<field>: problem` instead of a broken game.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import type { GroupInfo } from './types.ts';

/** traffic preset of the groups file → multiplier of every flow's rate */
export const TRAFFIC_DENSITY = { gentle: 0.5, normal: 1, busy: 1.5 } as const;

/** The knobs every zone game has. */
export const commonTuningShape = {
  /** multiplies every traffic flow's rate */
  trafficDensity: z.number().min(0).max(3),
  /** multiplies the speeds of traffic flows and named actors (not pedestrians) */
  speedFactor: z.number().positive().max(2),
  /** show hints (from the zone's feedback texts) during play */
  hints: z.boolean(),
  textSize: z.enum(['normal', 'large']),
  /** seconds of play before unfinished tasks count as missed */
  timeLimit: z.number().positive().max(1800),
  /** score needed to pass; default: the group's pass mark, else the zone's 2-star threshold */
  passMark: z.number().min(0).max(100).optional(),
  /** free text for staff (where a figure comes from) */
  note: z.string().optional(),
};

/** Defaults of the common knobs (a zone spreads these into its own defaults). */
export const COMMON_DEFAULTS = { trafficDensity: 1, speedFactor: 1, hints: false, textSize: 'normal', timeLimit: 300 } as const;

export const groupIdOf = (g: GroupInfo | string): string => (typeof g === 'string' ? g : g.id);

/** What the groups file says about a group, in tuning terms. */
export function fromGroupDefaults(g: GroupInfo | string): Record<string, unknown> {
  if (typeof g === 'string' || !g.defaults) return {};
  const d = g.defaults;
  const out: Record<string, unknown> = {};
  if (d.traffic) out.trafficDensity = TRAFFIC_DENSITY[d.traffic];
  if (d.hints !== undefined) out.hints = d.hints;
  if (d.textSize) out.textSize = d.textSize;
  if (d.walkSpeed !== undefined) out.walkSpeed = d.walkSpeed;
  if (d.passMark !== undefined) out.passMark = d.passMark;
  return out;
}

/**
 * Resolve a zone's tuning for a group. Throws an Error whose message names the field, e.g.
 * `scenes/crossing.json: tuning.senior.walkSpeed: Too big: expected number to be <=3`.
 */
export function resolveTuning<S extends z.ZodObject>(zone: ZoneDef, group: GroupInfo | string, schema: S, defaults: Record<string, unknown>): z.infer<S> {
  const id = groupIdOf(group);
  const own = zone.tuning?.[id] ?? {};
  // only the knobs this zone has (the crossing walks, the e-bike does not)
  const fromGroup = Object.fromEntries(Object.entries(fromGroupDefaults(group)).filter(([k]) => k in schema.shape));
  const merged = { ...defaults, ...fromGroup, ...own };
  const r = schema.safeParse(merged);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => `scenes/${zone.id}.json: tuning.${id}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`);
  throw new Error(lines.join('\n'));
}
