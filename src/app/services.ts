// Second-stage chunks of start-up: content (validated with zod) for the profile screen, and IndexedDB
// storage (Dexie) beside it. Neither is in the first screen's chunk.
import { groups, quizLoaders, scenes } from 'virtual:content';
import { buildCatalog, checkQuizEntry } from '../content/catalog.ts';
import { FACTS } from '../content/factsIndex.ts';
import type { ZoneId } from '../content/ids.ts';
import { withStaffQuestions } from '../content/staffBank.ts';
import type { StaffQuestionRecord } from '../storage/staffQuestions.ts';

/** A zone's question bank, validated like content:check does (schema, cited facts, groups), with the
 * questions hall staff added on this device. */
export async function loadBank(zone: ZoneId, groupIds: string[], staff: readonly StaffQuestionRecord[] = []) {
  const loader = quizLoaders[zone];
  if (!loader) return { ok: false as const, problems: [{ file: `quizzes/${zone}.json`, path: '', message: 'file is missing' }] };
  const r = checkQuizEntry(await loader(), FACTS, groupIds);
  if (!r.ok) for (const p of r.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  if (!r.ok) return r;
  const merged = withStaffQuestions(r.value, zone, staff, { facts: FACTS, groupIds });
  for (const s of merged.skipped) console.warn(`[staff questions] ${s.id} is left out: ${s.why}`);
  return { ok: true as const, questions: merged.questions, topics: merged.topics };
}

export function loadCatalog() {
  const catalog = buildCatalog(scenes, groups);
  for (const p of catalog.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  return catalog;
}
