// The zone's stations, from the zone file's challenges (scenes/signals.json): `signs` (signs and
// markings along the street, each with its options and answer; a sign is a catalogue id, drawn by
// the sign kit), `police` (the officer, the eight signals' meanings and the trap, steps to order,
// signals to perform), `breakdown` (the car on the expressway's shoulder, the four steps). A station
// or an item lists the audience groups it is for; none listed: everyone.
import { z } from 'zod';
import { localizedSchema, type ZoneDef } from '../../content/schema.ts';
import { SIGNS } from '../../sim/catalogue.ts';
import { challengesOf, type Challenge } from '../common/challenges.ts';
import { HAND_SIGNALS } from './handSignals.ts';
import { PROCEDURE_STEPS } from './procedure.ts';

const vec2 = z.tuple([z.number(), z.number()]);
const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const option = z.object({ id: z.string().min(1), label: localizedSchema }).strict();
const groups = z.array(z.string().min(1)).optional();

export const signItemSchema = z
  .object({
    id: z.string().min(1),
    /** a sign of the catalogue (src/sim/catalogue.ts SIGNS), placed in layout.signs */
    sign: z.string().refine((s) => s in SIGNS, 'is not a sign in the catalogue (src/sim/catalogue.ts SIGNS)').optional(),
    /** a road marking the street kit paints (the double yellow, the white dashed line) */
    marking: z.boolean().optional(),
    /** where along the street (x) the thing stands; the visitor stops a little before it */
    x: z.number(),
    /** what to point at, world [x, y, z] (the panel and the marker go there) */
    target: vec3,
    category: z.enum(['warning', 'prohibition', 'indication', 'marking']),
    /** the question for this item (default: the station's) */
    prompt: localizedSchema.optional(),
    options: z.array(option).min(2).max(4),
    answer: z.string().min(1),
    groups,
  })
  .strict()
  .refine((i) => i.options.some((o) => o.id === i.answer), { message: 'answer is not one of the options', path: ['answer'] })
  .refine((i) => (i.sign ? !i.marking : i.marking), { message: 'an item is a sign or a marking', path: ['sign'] });
export type SignItem = z.infer<typeof signItemSchema>;

export const signsSchema = z
  .object({
    /** z of the walking line (the pavement) and the driving line (the kerbside lane) */
    walkLine: z.number(),
    driveLine: z.number(),
    /** metres before an item the visitor stops */
    stopBefore: z.object({ walk: z.number().positive(), drive: z.number().positive() }).strict(),
    prompt: localizedSchema,
    /** the verdict's words before the right meaning (both stations use them) */
    verdict: z.object({ right: localizedSchema, wrong: localizedSchema }).strict(),
    items: z.array(signItemSchema).min(1),
    groups,
  })
  .strict();
export type SignsParams = z.infer<typeof signsSchema>;

const signalRecord = z.object(Object.fromEntries(HAND_SIGNALS.map((s) => [s, localizedSchema])) as Record<(typeof HAND_SIGNALS)[number], typeof localizedSchema>).strict();

export const policeSchema = z
  .object({
    /** the visitor stops this many metres past the last sign item of their group (fewer items, a shorter walk) */
    after: z.number().positive(),
    /** the officer stands this far ahead of that stop (x) and at this z, facing (degrees) */
    officer: vec2,
    facing: z.number(),
    prompt: localizedSchema,
    /** what each of the eight means */
    signals: signalRecord,
    /** an option that is no signal (there is no right-turn waiting signal, facts 6.7) */
    trap: option,
    order: z.object({ prompt: localizedSchema, steps: z.partialRecord(z.enum(HAND_SIGNALS), z.array(localizedSchema).min(2)) }).strict(),
    perform: z.object({ prompt: localizedSchema, signals: z.array(z.enum(HAND_SIGNALS)).min(1) }).strict(),
    groups,
  })
  .strict();
export type PoliceParams = z.infer<typeof policeSchema>;

export const breakdownSchema = z
  .object({
    groups,
    road: z.enum(['expressway', 'ordinary']),
    /** the broken-down car (x, z; facing +x) and where the visitor sits in it, stands safe, and the shoulder's line */
    car: vec2,
    seat: vec2,
    safe: vec2,
    shoulderZ: z.number(),
    prompt: localizedSchema,
    steps: z.object(Object.fromEntries(PROCEDURE_STEPS.map((s) => [s, localizedSchema])) as Record<(typeof PROCEDURE_STEPS)[number], typeof localizedSchema>).strict(),
    place: localizedSchema,
    /** "{m} m behind the car" */
    distance: localizedSchema,
    walkBack: localizedSchema,
  })
  .strict();
export type BreakdownParams = z.infer<typeof breakdownSchema>;

export type Station =
  | (Challenge<SignsParams> & { kind: 'signs' })
  | (Challenge<PoliceParams> & { kind: 'police' })
  | (Challenge<BreakdownParams> & { kind: 'breakdown' });

const forGroup = (g: string) => (x: { groups?: string[] | undefined }) => !x.groups || x.groups.includes(g);

/** The stations a group plays, in file order, with the sign items meant for it. */
export function stationsFor(zone: ZoneDef, group: string): Station[] {
  const byId = new Map<string, Station>();
  for (const c of challengesOf(zone, 'signs', signsSchema)) byId.set(c.id, { ...c, kind: 'signs', params: { ...c.params, items: c.params.items.filter(forGroup(group)) } });
  for (const c of challengesOf(zone, 'police', policeSchema)) byId.set(c.id, { ...c, kind: 'police' });
  for (const c of challengesOf(zone, 'breakdown', breakdownSchema)) byId.set(c.id, { ...c, kind: 'breakdown' });
  const out = (zone.challenges ?? []).map((c) => byId.get(c.id)).filter((s): s is Station => !!s && forGroup(group)(s.params));
  return out.filter((s) => s.kind !== 'signs' || s.params.items.length > 0);
}
