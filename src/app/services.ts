// Second-stage chunks of start-up: content (validated with zod) for the profile screen, and IndexedDB
// storage (Dexie) beside it. Neither is in the first screen's chunk.
import { groups, scenes } from 'virtual:content';
import { buildCatalog } from '../content/catalog.ts';

export function loadCatalog() {
  const catalog = buildCatalog(scenes, groups);
  for (const p of catalog.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  return catalog;
}
