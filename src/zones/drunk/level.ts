// The level choice and what follows from it. A challenge of kind 'drink-level' in scenes/drunk.json
// lists the blood alcohol levels a visitor may choose for the second drive; each carries the
// demonstration model of its effect on the controls (the sim's impairment filter) and on the view
// (drawn by the UI), the sourced effects in words (facts 3.17) and, where facts.md has one, the
// sourced crash risk (3.18). The same challenge holds the legal consequences as paragraphs with the
// conditions they apply under (vehicle, category, operating vehicle, level range), the thresholds
// that decide the category (facts 3.1), the drug-driving panel and the demonstration note. Every
// text is the file's; the code only picks.
import { z } from 'zod';
import { localizedSchema, sourceSchema, type Localized, type Source, type ZoneDef } from '../../content/schema.ts';
import type { ImpairmentParams } from '../../sim/agents/impairment.ts';
import { challengesOf, type Challenge } from '../common/challenges.ts';
import { VEHICLES, type Vehicle } from './tuning.ts';

const sourcedText = z.object({ text: localizedSchema, source: sourceSchema }).strict();
export type SourcedText = z.infer<typeof sourcedText>;

const impairmentSchema = z
  .object({
    delay: z.number().min(0).max(3),
    delayJitter: z.number().min(0).max(3),
    delayEvery: z.number().positive().max(10),
    steerDrift: z.number().min(0).max(0.5),
    driftTime: z.number().positive().max(10),
    steerLag: z.number().min(0).max(3),
    brakeNoise: z.number().min(0).max(0.9),
  })
  .strict()
  .refine((p) => p.delayJitter <= p.delay, { message: 'delayJitter must not exceed delay', path: ['delayJitter'] });

/** how the view is drawn at this level (the UI's layer; a demonstration) */
const viewSchema = z
  .object({
    /** share of the sober field of view left (1 = all of it) */
    fov: z.number().min(0.3).max(1),
    /** 0–1: how blurred */
    blur: z.number().min(0).max(1),
    /** 0–1: how far the double image is offset, share of the view's width */
    double: z.number().min(0).max(0.2),
  })
  .strict();
export type ViewImpairment = z.infer<typeof viewSchema>;

export const CATEGORIES = ['below', 'drink', 'drunk'] as const;
export type Category = (typeof CATEGORIES)[number];

const byVehicle = z.object({ car: localizedSchema, ebike: localizedSchema }).strict();

const whenSchema = z
  .object({
    vehicle: z.enum(VEHICLES).optional(),
    category: z.enum(CATEGORIES).optional(),
    /** only for operating (commercial) vehicles, or only for others */
    commercial: z.boolean().optional(),
    mgBelow: z.number().positive().optional(),
    mgAtLeast: z.number().positive().optional(),
    mgAbove: z.number().positive().optional(),
  })
  .strict();
export type LegalCondition = z.infer<typeof whenSchema>;

export const levelSchema = z
  .object({
    prompt: localizedSchema,
    /** mg/100 mL where drink driving and drunk driving begin (facts 3.1) */
    thresholds: z.object({ drink: z.number().positive(), drunk: z.number().positive() }).strict(),
    categories: z.object({ below: byVehicle, drink: byVehicle, drunk: byVehicle }).strict(),
    options: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
            /** blood alcohol, mg/100 mL */
            mg: z.number().positive().max(500),
            label: localizedSchema,
            impairment: impairmentSchema,
            view: viewSchema,
            /** the effects at about this level, in words (facts 3.17) */
            effects: sourcedText,
            /** crash risk at this level, where a source gives one (facts 3.18) */
            risk: sourcedText.optional(),
          })
          .strict(),
      )
      .min(1),
    /** says the model is a demonstration (示意), not measured figures */
    demoNote: localizedSchema,
    legal: z.array(z.object({ when: whenSchema, text: localizedSchema, source: sourceSchema }).strict()).min(1),
    drugs: z.object({ title: localizedSchema, paragraphs: z.array(sourcedText).min(1) }).strict(),
  })
  .strict()
  .refine((p) => p.thresholds.drink < p.thresholds.drunk, { message: 'the drink threshold must be below the drunk one', path: ['thresholds'] });
export type LevelParams = z.infer<typeof levelSchema>;
export type LevelOption = LevelParams['options'][number];

export const LEVEL_KIND = 'drink-level';

export function readLevels(zone: ZoneDef): Challenge<LevelParams> {
  const c = challengesOf(zone, LEVEL_KIND, levelSchema)[0];
  if (!c) throw new Error(`scenes/${zone.id}.json: challenges: no challenge of kind "${LEVEL_KIND}"`);
  const ids = c.params.options.map((o) => o.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new Error(`scenes/${zone.id}.json: challenges "${c.id}": duplicate option "${id}"`);
  });
  return c;
}

/** Drink driving from `drink`, drunk driving from `drunk` (facts 3.1: ≥ 20 and < 80; ≥ 80). */
export function categoryOf(mg: number, t: { drink: number; drunk: number }): Category {
  return mg >= t.drunk ? 'drunk' : mg >= t.drink ? 'drink' : 'below';
}

export function applies(w: LegalCondition, mg: number, category: Category, vehicle: Vehicle, commercial: boolean): boolean {
  if (w.vehicle !== undefined && w.vehicle !== vehicle) return false;
  if (w.category !== undefined && w.category !== category) return false;
  if (w.commercial !== undefined && w.commercial !== commercial) return false;
  if (w.mgBelow !== undefined && !(mg < w.mgBelow)) return false;
  if (w.mgAtLeast !== undefined && !(mg >= w.mgAtLeast)) return false;
  if (w.mgAbove !== undefined && !(mg > w.mgAbove)) return false;
  return true;
}

/** What the legal panel shows for a chosen level. */
export interface LegalView {
  mg: number;
  category: Category;
  /** the category in words for this vehicle ("drunk driving", "riding drunk" …) */
  categoryLabel: Localized;
  /** the paragraphs that apply, in the file's order */
  paragraphs: { text: Localized; source: Source }[];
  effects: SourcedText;
  risk: SourcedText | null;
  demoNote: Localized;
  drugs: LevelParams['drugs'];
}

export function legalFor(p: LevelParams, option: LevelOption, vehicle: Vehicle, commercial: boolean): LegalView {
  const category = categoryOf(option.mg, p.thresholds);
  return {
    mg: option.mg,
    category,
    categoryLabel: p.categories[category][vehicle],
    paragraphs: p.legal.filter((l) => applies(l.when, option.mg, category, vehicle, commercial)).map((l) => ({ text: l.text, source: l.source })),
    effects: option.effects,
    risk: option.risk ?? null,
    demoNote: p.demoNote,
    drugs: p.drugs,
  };
}

export const impairmentOf = (o: LevelOption): ImpairmentParams => ({ ...o.impairment });

/** The level choice as the panel shows it (the same shape as the e-bike checklist's items). */
export interface LevelChoiceView {
  id: string;
  prompt: Localized;
  options: { id: string; label: Localized }[];
  chosen: string | null;
}
