// Turns raw content (already parsed or still text) into typed values or a list of problems that each
// name the file, the field path and what is wrong. Shared by `content:check` and the app's loader.
import type { z } from 'zod';
import { citationProblem, type FactsIndex } from './facts.ts';
import {
  groupsFileSchema,
  hallSchema,
  programmesSchema,
  quizFileSchema,
  zoneSchema,
  type GroupsFile,
  type HallDef,
  type ProgrammesDef,
  type QuizFile,
  type ZoneDef,
} from './schema.ts';

export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.path || '(file)'}: ${p.message}`;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((k) => (typeof k === 'number' ? `[${k}]` : String(k))).join('.').replace(/\.\[/g, '[');
}

function parseJson(file: string, raw: unknown): Checked<unknown> {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, problems: [{ file, path: '', message: `not valid JSON (${(e as Error).message})` }] };
  }
}

function check<T>(schema: z.ZodType<T>, file: string, raw: unknown): Checked<T> {
  const json = parseJson(file, raw);
  if (!json.ok) return json;
  const r = schema.safeParse(json.value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: r.error.issues.map((i) => ({ file, path: pathOf(i.path), message: i.message })) };
}

export function checkZone(file: string, raw: unknown, expectedId?: string, ctx: QuizContext = {}): Checked<ZoneDef> {
  const r = check(zoneSchema, file, raw);
  if (!r.ok) return r;
  const problems: ContentProblem[] = [];
  if (expectedId && r.value.id !== expectedId)
    problems.push({ file, path: 'id', message: `is "${r.value.id}" but the file is for zone "${expectedId}"` });
  if (ctx.facts)
    for (const [kind, fb] of Object.entries(r.value.feedback ?? {}))
      fb.source.facts.forEach((id, j) => {
        const why = citationProblem(ctx.facts!, id);
        if (why) problems.push({ file, path: `feedback.${kind}.source.facts[${j}]`, message: why });
      });
  if (ctx.facts)
    for (const [ch, texts] of Object.entries(r.value.competition ?? {}))
      for (const [item, it] of Object.entries(texts.items))
        it.source.facts.forEach((id, j) => {
          const why = citationProblem(ctx.facts!, id);
          if (why) problems.push({ file, path: `competition.${ch}.items.${item}.source.facts[${j}]`, message: why });
        });
  if (ctx.groupIds)
    r.value.audience.forEach((g, j) => {
      if (!ctx.groupIds!.includes(g)) problems.push({ file, path: `audience[${j}]`, message: `unknown audience group "${g}"` });
    });
  return problems.length ? { ok: false, problems } : r;
}

export const checkHall = (file: string, raw: unknown): Checked<HallDef> => check(hallSchema, file, raw);
export const checkProgrammes = (file: string, raw: unknown): Checked<ProgrammesDef> => check(programmesSchema, file, raw);
export const checkGroups = (file: string, raw: unknown): Checked<GroupsFile> => check(groupsFileSchema, file, raw);

/** Cross-file rules: cited facts exist and are confirmed; groups exist. */
export interface QuizContext {
  facts?: FactsIndex;
  groupIds?: readonly string[];
}

export function checkQuiz(file: string, raw: unknown, ctx: QuizContext = {}): Checked<QuizFile> {
  const r = check(quizFileSchema, file, raw);
  if (!r.ok) return r;
  const problems: ContentProblem[] = [];
  r.value.questions.forEach((q, i) => {
    if (ctx.facts)
      q.source.facts.forEach((id, j) => {
        const why = citationProblem(ctx.facts!, id);
        if (why) problems.push({ file, path: `questions[${i}].source.facts[${j}]`, message: why });
      });
    if (ctx.groupIds)
      q.groups.forEach((g, j) => {
        if (!ctx.groupIds!.includes(g))
          problems.push({ file, path: `questions[${i}].groups[${j}]`, message: `unknown audience group "${g}"` });
      });
  });
  return problems.length ? { ok: false, problems } : r;
}
