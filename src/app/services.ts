// Second-stage chunks of start-up: content (validated with zod) for the profile screen, and IndexedDB
// storage (Dexie) beside it. Neither is in the first screen's chunk.
import { groups, quizLoaders, scenes } from 'virtual:content';
import { buildCatalog, checkQuizEntry } from '../content/catalog.ts';
import { FACTS } from '../content/factsIndex.ts';
import type { ZoneId } from '../content/ids.ts';

/** A zone's question bank, validated like content:check does (schema, cited facts, groups). */
export async function loadBank(zone: ZoneId, groupIds: string[]) {
  const loader = quizLoaders[zone];
  if (!loader) return { ok: false as const, problems: [{ file: `quizzes/${zone}.json`, path: '', message: 'file is missing' }] };
  const r = checkQuizEntry(await loader(), FACTS, groupIds);
  if (!r.ok) for (const p of r.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  return r.ok ? { ok: true as const, questions: r.value.questions, topics: r.value.topics } : r;
}

export function loadCatalog() {
  const catalog = buildCatalog(scenes, groups);
  for (const p of catalog.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  return catalog;
}
