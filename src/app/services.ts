// The second stage of start-up, in its own chunk: content (validated with zod) and IndexedDB storage.
import { groups, scenes } from 'virtual:content';
import { buildCatalog } from '../content/catalog.ts';
import { createHallStorage } from '../storage/storage.ts';

export function loadServices() {
  const catalog = buildCatalog(scenes, groups);
  for (const p of catalog.problems) console.warn(`[content] ${p.file}: ${p.path}: ${p.message}`);
  return { catalog, storage: createHallStorage() };
}
