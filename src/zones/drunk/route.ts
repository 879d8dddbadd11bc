// The route: a challenge of kind 'drive-twice' in scenes/drunk.json names the two drives (sober,
// then "after drinking") and, per vehicle, where the visitor starts, the lane they keep to, where a
// drive ends, the speed the vehicle's limiter holds, the hazard (the named actor: the child behind
// the van) and the script steps that set it off for that vehicle (the car and the e-bike meet it at
// different distances, so each version keeps its own steps and drops the other's).
import { z } from 'zod';
import { localizedSchema, type ZoneDef } from '../../content/schema.ts';
import type { SimDef } from '../../sim/def.ts';
import { challengesOf, type Challenge } from '../common/challenges.ts';
import type { Vehicle } from './tuning.ts';

const versionSchema = z
  .object({
    /** spawn point id */
    spawn: z.string().min(1),
    /** the lane the visitor keeps to */
    lane: z.string().min(1),
    /** a drive ends when the visitor's middle passes this x (the route runs along +x) */
    goalX: z.number(),
    /** the vehicle's speed limiter, km/h: moderate speeds, and both drives meet the hazard at the same speed */
    limiterKmh: z.number().positive().max(80),
    /** named actor: the hazard */
    hazard: z.string().min(1),
    /** ids of the script steps that belong to this version */
    steps: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type RouteVersion = z.infer<typeof versionSchema>;

/** the words the HUD and the summary put around the engine's numbers ({v}, {level} … are filled in) */
const TEXT_KEYS = [
  'interlude', 'comparisonTitle', 'sober', 'drunk', 'child', 'reaction', 'stopping', 'speed', 'seconds', 'metres', 'kmh', 'hit',
  'noBrake', 'notMet', 'measuredNote', 'modelTitle', 'model', 'levelTitle', 'effectsTitle', 'legalTitle', 'source', 'start',
] as const;
const textsSchema = z
  .object({
    stage: z.object({ sober: localizedSchema, drunk: localizedSchema }).strict(),
    ...(Object.fromEntries(TEXT_KEYS.map((k) => [k, localizedSchema])) as Record<(typeof TEXT_KEYS)[number], typeof localizedSchema>),
  })
  .strict();
export type DriveTexts = z.infer<typeof textsSchema>;

export const driveSchema = z
  .object({
    texts: textsSchema,
    runs: z.object({ sober: z.object({ title: localizedSchema }).strict(), drunk: z.object({ title: localizedSchema }).strict() }).strict(),
    vehicles: z.object({ car: versionSchema, ebike: versionSchema }).strict(),
  })
  .strict();
export type DriveParams = z.infer<typeof driveSchema>;

export const DRIVE_KIND = 'drive-twice';
export const RUNS = ['sober', 'drunk'] as const;
export type RunId = (typeof RUNS)[number];

export function readDrive(zone: ZoneDef): Challenge<DriveParams> {
  const c = challengesOf(zone, DRIVE_KIND, driveSchema)[0];
  if (!c) throw new Error(`scenes/${zone.id}.json: challenges: no challenge of kind "${DRIVE_KIND}"`);
  const stepIds = new Set((zone.script ?? []).map((s) => s.id).filter((id): id is string => id !== undefined));
  const lanes = new Set((zone.layout?.roads ?? []).flatMap((r) => r.lanes.map((l) => l.id)));
  const spawns = new Set((zone.layout?.spawns ?? []).map((s) => s.id));
  const named = new Set((zone.actors ?? []).filter((a) => a.type === 'named').map((a) => a.id));
  const where = `scenes/${zone.id}.json: challenges "${c.id}"`;
  for (const [vehicle, v] of Object.entries(c.params.vehicles)) {
    if (!spawns.has(v.spawn)) throw new Error(`${where}: vehicles.${vehicle}.spawn: unknown spawn point "${v.spawn}"`);
    if (!lanes.has(v.lane)) throw new Error(`${where}: vehicles.${vehicle}.lane: unknown lane "${v.lane}"`);
    if (!named.has(v.hazard)) throw new Error(`${where}: vehicles.${vehicle}.hazard: "${v.hazard}" is not a named actor`);
    for (const s of v.steps) if (!stepIds.has(s)) throw new Error(`${where}: vehicles.${vehicle}.steps: no script step "${s}"`);
  }
  return c;
}

/** The sim definition for one version: the other versions' script steps are dropped (steps no version names stay). */
export function forVersion(def: SimDef, drive: DriveParams, vehicle: Vehicle): SimDef {
  const mine = new Set(drive.vehicles[vehicle].steps);
  const others = new Set(Object.values(drive.vehicles).flatMap((v) => v.steps).filter((s) => !mine.has(s)));
  return { ...def, script: def.script.filter((s) => s.id === undefined || !others.has(s.id)) };
}
