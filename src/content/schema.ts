// The content model as zod schemas: the only judge of what a scene, quiz or groups file may hold.
// Used at build time (content:check, JSON Schema generation) and at load time in the app.
import { z } from 'zod';
import { actorsSchema, layoutSchema, scriptSchema, simRefProblems } from '../sim/def.ts';
import { isPropId } from './props.ts';

import { ZONE_IDS } from './ids.ts';

export { LANGS, MODE_IDS, ZONE_IDS, type Lang, type ModeId, type ZoneId } from './ids.ts';
export const zoneIdSchema = z.enum(ZONE_IDS);

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** Visitor-facing text. zh-Hant is generated at build time unless given here as an override. */
export const localizedSchema = z
  .object({ 'zh-Hans': nonBlank, en: nonBlank, 'zh-Hant': nonBlank.optional() })
  .strict();
export type Localized = z.infer<typeof localizedSchema>;

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
export const groupIdSchema = slug;

/** A citation: facts.md item ids (e.g. "1.5") and the law article or standard, in words. */
export const sourceSchema = z
  .object({
    facts: z.array(z.string().regex(/^\d+\.\d+$/, 'must be a facts.md item id such as "1.5"')).min(1),
    law: localizedSchema,
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

const vec3 = z.tuple([z.number(), z.number(), z.number()]);

// ---------------------------------------------------------------- audience groups
export const groupSchema = z
  .object({
    id: groupIdSchema,
    order: z.number().int(),
    name: localizedSchema,
    description: localizedSchema,
    ages: z.tuple([z.number().int().min(0), z.number().int().max(120)]).optional(),
    defaults: z
      .object({
        passMark: z.number().min(0).max(100),
        questionCount: z.number().int().min(1).max(50),
        /** seconds per question; null = no time pressure */
        timeLimitSec: z.number().int().positive().nullable(),
        textSize: z.enum(['normal', 'large']),
        comfort: z
          .object({
            seated: z.boolean(),
            vignette: z.boolean(),
            snapDegrees: z.union([z.literal(30), z.literal(45), z.literal(90)]),
          })
          .strict(),
        traffic: z.enum(['gentle', 'normal', 'busy']),
        /** metres per second a pedestrian of this group walks (facts 1.x) */
        walkSpeed: z.number().positive().max(3),
        hints: z.boolean(),
      })
      .strict(),
  })
  .strict();
export type Group = z.infer<typeof groupSchema>;

export const groupsFileSchema = z
  .object({ $schema: z.string().optional(), groups: z.array(groupSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.groups.forEach((g, i) => {
      if (seen.has(g.id)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `duplicate group id "${g.id}"` });
      seen.add(g.id);
    });
  });
export type GroupsFile = z.infer<typeof groupsFileSchema>;

// ---------------------------------------------------------------- questions
export const QUESTION_KINDS = ['single', 'multiple', 'truefalse', 'scene'] as const;

/** A scene question places marks (props) in a small 3D view; each mark is one choice. */
const sceneSpecSchema = z
  .object({
    camera: z.object({ position: vec3, target: vec3 }).strict(),
    marks: z
      .array(
        z
          .object({
            choice: slug,
            position: vec3,
            /** catalogue id of the prop drawn at the mark: 'truck', 'pedestrian', 'sign:<id>' … */
            prop: z.string().refine(isPropId, 'is not in the prop catalogue (src/content/props.ts)'),
            rotationY: z.number().optional(),
          })
          .strict(),
      )
      .min(2),
  })
  .strict();

/** Text of a hall staff's question (stored on the device): English may be left out, but only for the
 * whole question (checked by staffQuestionSchema), so a question is never shown half-translated. */
export const staffLocalizedSchema = z
  .object({ 'zh-Hans': nonBlank, en: z.string().trim(), 'zh-Hant': nonBlank.optional() })
  .strict();

type LocalizedShape = { 'zh-Hans': string; en: string; 'zh-Hant'?: string | undefined };

/** Questions of the banks and of hall staff share every rule; only their text's schema differs. The
 * law text may be left out where the cited fact is not a law (blind zones, stopping distances). */
function makeQuestionSchema(loc: z.ZodType<LocalizedShape>) {
  const choice = z.object({ id: slug, text: loc }).strict();
  return z
    .object({
      id: z.string().regex(/^[a-z]+-[a-z0-9-]+$/, 'must look like "<zone>-<name>"'),
      zone: zoneIdSchema,
      groups: z.array(groupIdSchema).min(1),
      difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      kind: z.enum(QUESTION_KINDS),
      topic: slug,
      prompt: loc,
      choices: z.array(choice).min(2).max(6),
      answer: z.array(slug).min(1),
      explanation: loc,
      source: z.object({ facts: sourceSchema.shape.facts, law: loc.optional() }).strict(),
      /** physics estimates are approximate (约) and the text must say so */
      approx: z.boolean().optional(),
      scene: sceneSpecSchema.optional(),
    })
    .strict()
    .superRefine((q, ctx) => {
      const ids = q.choices.map((c) => c.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['choices', i, 'id'], message: `duplicate choice id "${id}"` });
      });
      q.answer.forEach((a, i) => {
        if (!ids.includes(a)) ctx.addIssue({ code: 'custom', path: ['answer', i], message: `"${a}" is not one of the choices (${ids.join(', ')})` });
      });
      if ((q.kind === 'single' || q.kind === 'truefalse' || q.kind === 'scene') && q.answer.length !== 1)
        ctx.addIssue({ code: 'custom', path: ['answer'], message: `a ${q.kind} question has exactly one answer` });
      if (q.kind === 'truefalse' && q.choices.length !== 2)
        ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a truefalse question has exactly two choices' });
      if (q.kind === 'multiple' && q.answer.length < 2)
        ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a multiple question has at least two answers (use single otherwise)' });
      if (q.kind === 'scene') {
        if (!q.scene) ctx.addIssue({ code: 'custom', path: ['scene'], message: 'a scene question needs a scene' });
        else
          q.scene.marks.forEach((m, i) => {
            if (!ids.includes(m.choice)) ctx.addIssue({ code: 'custom', path: ['scene', 'marks', i, 'choice'], message: `"${m.choice}" is not one of the choices` });
          });
      } else if (q.scene) ctx.addIssue({ code: 'custom', path: ['scene'], message: `only scene questions have a scene (kind is ${q.kind})` });
      if (q.approx) {
        const hasYue = /约/.test(q.explanation['zh-Hans']);
        // a question without English (staff questions) has no English to mark
        const hasAbout = !q.explanation.en || /about|approx|roughly|around/i.test(q.explanation.en);
        if (!hasYue || !hasAbout)
          ctx.addIssue({ code: 'custom', path: ['explanation'], message: 'an approximate figure must be marked as such (约 / about) in zh-Hans and en' });
      }
    });
}

export const questionSchema = makeQuestionSchema(localizedSchema);
export type Question = z.infer<typeof questionSchema>;

/** Every English text of a staff question, with the field it belongs to. */
function englishFields(q: z.infer<ReturnType<typeof makeQuestionSchema>>): [PropertyKey[], string][] {
  return [
    [['prompt', 'en'], q.prompt.en],
    ...q.choices.map((c, i): [PropertyKey[], string] => [['choices', i, 'text', 'en'], c.text.en]),
    [['explanation', 'en'], q.explanation.en],
    ...(q.source.law ? [[['source', 'law', 'en'], q.source.law.en] as [PropertyKey[], string]] : []),
  ];
}

/** A question hall staff added on the device (src/storage/staffQuestions.ts): English is all or nothing. */
export const staffQuestionSchema = makeQuestionSchema(staffLocalizedSchema).superRefine((q, ctx) => {
  const en = englishFields(q);
  const given = en.filter(([, t]) => t);
  if (given.length && given.length < en.length)
    for (const [path, t] of en) if (!t) ctx.addIssue({ code: 'custom', path, message: 'English is only partly filled: fill it, or leave every English text empty' });
  if (q.kind === 'scene') ctx.addIssue({ code: 'custom', path: ['kind'], message: 'scene questions need a 3D layout and are written in the JSON bank by hand' });
});
export type StaffQuestion = z.infer<typeof staffQuestionSchema>;

export const quizFileSchema = z
  .object({
    $schema: z.string().optional(),
    zone: zoneIdSchema,
    /** topic id → its name, for mastery by topic in results */
    topics: z.record(slug, localizedSchema),
    questions: z.array(questionSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.questions.forEach((q, i) => {
      if (!file.topics[q.topic]) ctx.addIssue({ code: 'custom', path: ['questions', i, 'topic'], message: `topic "${q.topic}" is not named in the file's topics` });
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
      seen.add(q.id);
      if (q.zone !== file.zone) ctx.addIssue({ code: 'custom', path: ['questions', i, 'zone'], message: `question zone "${q.zone}" differs from the file's zone "${file.zone}"` });
    });
  });
export type QuizFile = z.infer<typeof quizFileSchema>;

// ---------------------------------------------------------------- zones (scenes/<zone>.json)
/** Children's wording of a feedback: fewest words, no article numbers (`law` in plain words). */
export const shortFeedbackSchema = z
  .object({ message: localizedSchema, rule: localizedSchema, instead: localizedSchema.optional(), law: localizedSchema.optional() })
  .strict();

export const feedbackSchema = z
  .object({ message: localizedSchema, rule: localizedSchema, instead: localizedSchema.optional(), source: sourceSchema, short: shortFeedbackSchema.optional() })
  .strict();

export const scoringSchema = z
  .object({
    /** event kind → points (negative for unsafe) and whether it triggers a consequence replay */
    events: z.record(slug.or(z.string().regex(/^[a-z_]+$/)), z.object({ points: z.number(), replay: z.boolean().optional() }).strict()),
    /** score thresholds (0–100) for 1, 2 and 3 stars */
    stars: z.tuple([z.number(), z.number(), z.number()]),
    base: z.number().min(0).max(100),
  })
  .strict();

/**
 * A competition challenge's texts (`competition.<challenge id>` in a zone file): its title, the
 * answers' labels, and per kind of situation the prompt and explanation (with `{name}` figures the
 * challenge fills in), the facts.md items and the rule in words, `approx` when the figures are
 * estimates (约 / about). The logic that builds and checks the situations stays in code.
 */
export const challengeTextsSchema = z
  .object({
    title: localizedSchema,
    choices: z.record(slug, localizedSchema),
    items: z.record(
      slug,
      z
        .object({
          prompt: localizedSchema,
          explanation: localizedSchema,
          source: z.object({ facts: z.array(z.string()).min(1), law: localizedSchema }).strict(),
          approx: z.boolean().optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type ChallengeTexts = z.infer<typeof challengeTextsSchema>;

export const zoneSchema = z
  .object({
    $schema: z.string().optional(),
    id: zoneIdSchema,
    order: z.number().int(),
    color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like #33aa55'),
    title: localizedSchema,
    summary: localizedSchema,
    learningPoints: z.array(localizedSchema).min(1),
    audience: z.array(groupIdSchema).min(1),
    /** street layout, traffic and scenario script: the traffic kit's own schemas (src/sim/def.ts) */
    layout: layoutSchema.optional(),
    actors: actorsSchema.optional(),
    script: scriptSchema.optional(),
    scoring: scoringSchema.optional(),
    feedback: z.record(z.string(), feedbackSchema).optional(),
    tuning: z.record(groupIdSchema, z.record(z.string(), z.unknown())).optional(),
    challenges: z.array(z.object({ id: slug, kind: slug, title: localizedSchema, params: z.record(z.string(), z.unknown()).optional() }).strict()).optional(),
    /** texts of the competition challenges built on this zone (src/modes/competition/challenges.ts) */
    competition: z.record(slug, challengeTextsSchema).optional(),
  })
  .strict()
  .superRefine((zone, ctx) => {
    if (zone.layout)
      for (const p of simRefProblems({ layout: zone.layout, actors: zone.actors ?? [], script: zone.script ?? [] }))
        ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    else if (zone.actors?.length || zone.script?.length)
      ctx.addIssue({ code: 'custom', path: ['layout'], message: 'actors and a script need a layout' });
    if (zone.scoring && zone.feedback) {
      for (const kind of Object.keys(zone.scoring.events)) {
        if (!zone.feedback[kind]) ctx.addIssue({ code: 'custom', path: ['feedback', kind], message: `scored event "${kind}" has no feedback` });
      }
    }
  });
export type ZoneDef = z.infer<typeof zoneSchema>;

export const hallSchema = z
  .object({
    $schema: z.string().optional(),
    title: localizedSchema,
    welcome: localizedSchema,
    /** radius of the ring of portals, metres */
    portalRadius: z.number().positive(),
  })
  .strict();
export type HallDef = z.infer<typeof hallSchema>;

/** A text with `{name}` placeholders the app fills in (the same names in every language). */
const templateSchema = localizedSchema.superRefine((t, ctx) => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
  if (names(t['zh-Hans']) !== names(t.en)) ctx.addIssue({ code: 'custom', message: 'zh-Hans and en must use the same {placeholders}' });
});

/**
 * scenes/programmes.json: the wording of the programmes staff assign (the violator service programme's
 * certificate, its notes on what the service is and is not). Content, so the law's wording is reviewed
 * with the zones' and its glyphs are in the font subsets; not part of the catalog (the staff console
 * imports it).
 */
export const programmesSchema = z
  .object({
    $schema: z.string().optional(),
    violatorService: z
      .object({
        title: localizedSchema,
        /** what the programme is and is not (facts 3.9, 3.14, 3.4): shown in the console and printed */
        notes: z.array(localizedSchema).min(1),
        items: z.object({
          'drunk-game': localizedSchema,
          'seatbelt-game': localizedSchema,
          'drunk-test': localizedSchema,
          'seatbelt-test': localizedSchema,
          service: localizedSchema,
        }).strict(),
        certificate: z
          .object({
            title: localizedSchema,
            code: templateSchema,
            intro: templateSchema,
            columns: z.object({ item: localizedSchema, result: localizedSchema, date: localizedSchema }).strict(),
            score: templateSchema,
            testScore: templateSchema,
            hours: templateSchema,
            issuedBy: templateSchema,
            date: templateSchema,
            seal: localizedSchema,
          })
          .strict(),
        facts: z.array(z.string().regex(/^\d+\.\d+$/, 'must be a facts.md item id such as "3.14"')).min(1),
      })
      .strict(),
  })
  .strict();
export type ProgrammesDef = z.infer<typeof programmesSchema>;
