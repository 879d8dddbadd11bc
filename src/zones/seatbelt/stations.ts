// The zone's four stations are its challenges (scenes/seatbelt.json `challenges`), one kind each:
// 'crash-test', 'child-seat', 'phone-drive', 'stopping'. Their params say what the visitor chooses
// from, which occupant the crash model puts where, which spawn point, car ahead, child and crossing
// each drive uses (the script makes things happen there), and the sourced figures and rules shown
// with each result. Read with zod, so a bad file names the field.
import { z } from 'zod';
import { localizedSchema, type ZoneDef } from '../../content/schema.ts';
import type { Challenge } from '../common/challenges.ts';
import { isBodyId, isRestraintId, isSeatId, type BodyId, type RestraintId, type SeatId } from './model.ts';

const kmh = z.number().int().positive().max(130);
const kind = z.string().regex(/^[a-z_]+$/, 'event kinds are snake_case');
const id = z.string().min(1);
const body = z.string().refine(isBodyId, 'is not a body of the crash model (src/zones/seatbelt/model.ts BODIES)') as unknown as z.ZodType<BodyId>;
const seat = z.string().refine(isSeatId, 'is not a seat of the crash model (SEATS)') as unknown as z.ZodType<SeatId>;
const restraint = z.string().refine(isRestraintId, 'is not a restraint of the crash model (RESTRAINTS)') as unknown as z.ZodType<RestraintId>;

/** A sourced figure or rule shown with a result: its words (约 / about where it is an estimate) and its facts items. */
export const figureSchema = z
  .object({
    /** shown with results at these speeds only (default: at any) */
    speeds: z.array(kmh).min(1).optional(),
    text: localizedSchema,
    facts: z.array(z.string().regex(/^\d+\.\d+$/)).min(1),
  })
  .strict();
export type Figure = z.infer<typeof figureSchema>;

// ---------------------------------------------------------------- crash test
const crashRoleSchema = z.object({ body, seat, intro: localizedSchema }).strict();

export const crashParamsSchema = z
  .object({
    speeds: z.array(kmh).min(1),
    roles: z.object({ driver: crashRoleSchema, passenger: crashRoleSchema, child: crashRoleSchema }).strict(),
    /** seconds the car is seen driving at the barrier before the impact (at real speed) */
    leadIn: z.number().min(0).max(3),
    /** seconds the picture holds after the crash before the result */
    hold: z.number().min(0).max(5),
    figures: z.array(figureSchema),
  })
  .strict();
export type CrashParams = z.infer<typeof crashParamsSchema>;

// ---------------------------------------------------------------- child seat
const childOptionSchema = z
  .object({
    id,
    label: localizedSchema,
    /** the event kind this choice scores */
    event: kind,
    /** the seat (for the row) or restraint (for how) this option means in the crash model */
    seat: seat.optional(),
    restraint: restraint.optional(),
  })
  .strict();

export const childSeatParamsSchema = z
  .object({
    speedKmh: kmh,
    body,
    /** the story per role: whose child, how old, where to */
    intro: z.object({ parent: localizedSchema, grandparent: localizedSchema, sibling: localizedSchema }).strict(),
    /** 'row' (front or back, each option with its `seat`) and 'how' (each option with its `restraint`) */
    items: z
      .array(z.object({ id: z.enum(['row', 'how']), prompt: localizedSchema, options: z.array(childOptionSchema).min(2) }).strict())
      .length(2),
    /** the same crash compared side by side: these restraints, each with its caption */
    compare: z.array(z.object({ restraint, label: localizedSchema }).strict()).length(2),
    leadIn: z.number().min(0).max(3),
    hold: z.number().min(0).max(5),
    /** where a child may sit and in what (Jiangsu rules named as such, the national duty), shown with the result */
    rules: z.array(figureSchema).min(1),
    figures: z.array(figureSchema),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ids = p.items.map((i) => i.id);
    if (!ids.includes('row') || !ids.includes('how')) ctx.addIssue({ code: 'custom', path: ['items'], message: 'needs one item "row" and one "how"' });
    p.items.forEach((it, i) =>
      it.options.forEach((o, j) => {
        if (it.id === 'row' && !o.seat) ctx.addIssue({ code: 'custom', path: ['items', i, 'options', j, 'seat'], message: 'a row option names its seat' });
        if (it.id === 'how' && !o.restraint) ctx.addIssue({ code: 'custom', path: ['items', i, 'options', j, 'restraint'], message: 'a how option names its restraint' });
      }),
    );
  });
export type ChildSeatParams = z.infer<typeof childSeatParamsSchema>;

// ---------------------------------------------------------------- phone while driving
const phoneDriveSchema = z
  .object({
    id,
    title: localizedSchema,
    /** where the car starts (layout.spawns) */
    spawn: id,
    /** the car ahead (a named actor the script releases and brakes) */
    lead: id,
    /** the phone gets a message on this drive (the script's phone_rings) */
    message: z.boolean(),
  })
  .strict();

export const phoneParamsSchema = z
  .object({
    speedKmh: kmh,
    /** the distance the car keeps to the car ahead until it brakes, m */
    gapM: z.number().positive().max(100),
    /** the glance facts 5.11 computes with, s: "2 s looking down at 60 km/h ≈ 33 m driven blind" */
    glanceS: z.number().positive().max(5),
    drives: z.array(phoneDriveSchema).length(2),
    /** what pops up on the phone */
    messages: z.object({ chat: localizedSchema, dispatch: localizedSchema }).strict(),
    figures: z.array(figureSchema),
  })
  .strict();
export type PhoneParams = z.infer<typeof phoneParamsSchema>;

// ---------------------------------------------------------------- speed and stopping distance
const stoppingRunSchema = z
  .object({
    id,
    title: localizedSchema,
    spawn: id,
    /** the child the script sends onto the crossing */
    child: id,
    /** the crossing it stands on (layout.crossings) */
    crossing: id,
    surface: z.enum(['dry', 'wet']),
  })
  .strict();

export const stoppingParamsSchema = z
  .object({
    speeds: z.array(kmh).min(1),
    /** the surprise reaction time the reference stop is computed with, s (facts 5.15: about 1.5) */
    reactionS: z.number().positive().max(3),
    runs: z.array(stoppingRunSchema).min(1).max(2),
    figures: z.array(figureSchema),
    /** the rules for drivers aged 70 and over (facts 5.18), for groups whose summary has them */
    seniorDrivers: z.array(figureSchema).min(1),
  })
  .strict();
export type StoppingParams = z.infer<typeof stoppingParamsSchema>;

// ---------------------------------------------------------------- reading
export const STATION_SCHEMAS = {
  'crash-test': crashParamsSchema,
  'child-seat': childSeatParamsSchema,
  'phone-drive': phoneParamsSchema,
  stopping: stoppingParamsSchema,
} as const;
export type StationKind = keyof typeof STATION_SCHEMAS;

export type StationDef =
  | (Challenge<CrashParams> & { kind: 'crash-test' })
  | (Challenge<ChildSeatParams> & { kind: 'child-seat' })
  | (Challenge<PhoneParams> & { kind: 'phone-drive' })
  | (Challenge<StoppingParams> & { kind: 'stopping' });

/** The stations with these ids, in this order; throws naming the file and field on bad params. */
export function readStations(zone: ZoneDef, ids: readonly string[]): StationDef[] {
  const all = zone.challenges ?? [];
  return ids.map((sid) => {
    const i = all.findIndex((c) => c.id === sid);
    const c = all[i];
    if (!c) throw new Error(`scenes/${zone.id}.json: tuning: station "${sid}" is not a challenge of the zone`);
    const schema = (STATION_SCHEMAS as Record<string, z.ZodType>)[c.kind];
    if (!schema) throw new Error(`scenes/${zone.id}.json: challenges[${i}].kind: "${c.kind}" is not a station kind (${Object.keys(STATION_SCHEMAS).join(', ')})`);
    const r = schema.safeParse(c.params ?? {});
    if (!r.success)
      throw new Error(
        r.error.issues.map((x) => `scenes/${zone.id}.json: challenges[${i}].params${x.path.length ? '.' + x.path.join('.') : ''}: ${x.message}`).join('\n'),
      );
    return { id: c.id, kind: c.kind, title: c.title, params: r.data } as StationDef;
  });
}

/** The figures for a result at this speed. */
export const figuresAt = (figures: readonly Figure[], speedKmh: number | null): Figure[] =>
  figures.filter((f) => !f.speeds || (speedKmh !== null && f.speeds.includes(speedKmh)));

