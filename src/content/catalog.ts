// The content the app runs on, validated once at start-up from the bundled entries. A zone whose file
// is broken is kept as a list of problems, so the hall can show it as closed while the rest works.
import type { FactsIndex } from './facts.ts';
import type { Group, HallDef, QuizFile, ZoneDef, ZoneId } from './schema.ts';
import { ZONE_IDS } from './schema.ts';
import { checkGroups, checkHall, checkQuiz, checkZone, type ContentProblem } from './validate.ts';

export type ContentEntry = { file: string; json: unknown } | { file: string; text: string };

export type ZoneSlot = { id: ZoneId; ok: true; zone: ZoneDef } | { id: ZoneId; ok: false; problems: ContentProblem[] };

export interface Catalog {
  hall: HallDef | null;
  groups: Group[];
  zones: ZoneSlot[];
  /** problems outside the zones (hall or groups file) */
  problems: ContentProblem[];
}

const rawOf = (e: ContentEntry): unknown => ('json' in e ? e.json : e.text);

const FALLBACK_HALL: HallDef = {
  title: { 'zh-Hans': '交通安全体验馆', 'zh-Hant': '交通安全體驗館', en: 'Traffic-Safety Hall' },
  welcome: { 'zh-Hans': '', 'zh-Hant': '', en: '' },
  portalRadius: 6,
};

export function buildCatalog(scenes: ContentEntry[], groupsEntry: ContentEntry): Catalog {
  const problems: ContentProblem[] = [];
  const g = checkGroups(groupsEntry.file, rawOf(groupsEntry));
  const groups = g.ok ? [...g.value.groups].sort((a, b) => a.order - b.order) : [];
  if (!g.ok) problems.push(...g.problems);
  const groupIds = groups.map((x) => x.id);

  const hallEntry = scenes.find((e) => e.file.endsWith('/hall.json'));
  let hall: HallDef | null = FALLBACK_HALL;
  if (hallEntry) {
    const h = checkHall(hallEntry.file, rawOf(hallEntry));
    if (h.ok) hall = h.value;
    else problems.push(...h.problems);
  }

  const zones: ZoneSlot[] = ZONE_IDS.map((id) => {
    const entry = scenes.find((e) => e.file.endsWith(`/${id}.json`));
    if (!entry) return { id, ok: false, problems: [{ file: `scenes/${id}.json`, path: '', message: 'file is missing' }] };
    const r = checkZone(entry.file, rawOf(entry), id, { groupIds: groupIds.length ? groupIds : undefined });
    return r.ok ? { id, ok: true, zone: r.value } : { id, ok: false, problems: r.problems };
  });
  return { hall, groups, zones, problems };
}

export function checkQuizEntry(entry: ContentEntry, facts: FactsIndex, groupIds: string[]) {
  return checkQuiz(entry.file, rawOf(entry), { facts, groupIds });
}
export type { QuizFile };

export { text } from './ids.ts';
