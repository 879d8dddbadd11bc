// What the questions tab needs beyond React: the import pipeline and the zh-Hant converter (both
// loaded on first use: the parser, exceljs and OpenCC's dictionaries are large and only staff import
// questions), the context the pipeline checks against (names, topics, the app's own question ids), and
// writing an xlsx. Everything here is the same code the CLI runs; only the destination differs.
import type { AppServices } from '../../../app/context.tsx';
import type { Catalog } from '../../../content/catalog.ts';
import { FACTS } from '../../../content/factsIndex.ts';
import { ZONE_IDS, type ZoneId } from '../../../content/ids.ts';
import type { StaffImportContext } from '../../../content/import/staffImport.ts';
import type { Localized, Question } from '../../../content/schema.ts';
import type { StaffQuestionRecord } from '../../../storage/staffQuestions.ts';

export const loadPipeline = () => import('../../../content/import/staffImport.ts');
const loadHant = () => import('../../../i18n/hantConverter.ts');

/** The checks' context: names from the catalog, topics and question ids from every zone's bank. */
export async function importContext(
  services: AppServices,
  catalog: Catalog,
  existing: readonly StaffQuestionRecord[],
  glyphs?: ReadonlySet<string>,
): Promise<StaffImportContext> {
  const [{ buildNameIndex }, hant, banks] = await Promise.all([
    import('../../../content/import/names.ts'),
    loadHant(),
    Promise.all(ZONE_IDS.map(async (z) => [z, await services.loadBank(z).catch(() => null)] as const)),
  ]);
  const staffIds = new Set(existing.map((r) => r.id));
  const topics: Partial<Record<ZoneId, Record<string, Localized>>> = {};
  const bankIds = new Set<string>();
  for (const [zone, b] of banks) {
    if (!b?.ok) continue;
    topics[zone] = b.topics;
    for (const q of b.questions) if (!staffIds.has(q.id)) bankIds.add(q.id);
  }
  const zones = catalog.zones.map((z) => ({ id: z.id, title: z.ok ? z.zone.title : { 'zh-Hans': z.id, en: z.id } }));
  return {
    names: buildNameIndex(zones, catalog.groups),
    topics,
    bankIds,
    facts: FACTS,
    existing,
    toHant: hant.makeHantConverter(),
    now: Date.now(),
    glyphs,
  };
}

/** Staff questions as an xlsx (Chinese headers and names; every cell text, formula-like text escaped). */
export async function staffQuestionsXlsx(questions: readonly Question[], catalog: Catalog, topics: Partial<Record<string, Record<string, Localized>>>): Promise<Blob> {
  const [{ questionsToStaffSheet }, { spreadsheetSafe }, { loadExcelJs }] = await Promise.all([
    import('../../../content/import/exportSheet.ts'),
    import('../../../content/import/formula.ts'),
    import('../../../content/import/xlsx.ts'),
  ]);
  const zoneName = new Map(catalog.zones.flatMap((z) => (z.ok ? [[z.id, z.zone.title['zh-Hans']] as const] : [])));
  const groupName = new Map(catalog.groups.map((g) => [g.id, g.name['zh-Hans']]));
  const rows = questionsToStaffSheet(questions, {
    zone: (id) => zoneName.get(id as ZoneId) ?? id,
    group: (id) => groupName.get(id) ?? id,
    topic: (zone, id) => topics[zone]?.[id]?.['zh-Hans'] ?? id,
  });
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题目', { views: [{ state: 'frozen', ySplit: 1 }] });
  // every cell is text, so Excel cannot turn facts id 1.10 into the number 1.1
  ws.columns = rows[0]!.map((h) => ({ width: /题目|解析|选项/.test(h) ? 30 : 12, style: { numFmt: '@' } }));
  for (const r of rows) ws.addRow(r.map(spreadsheetSafe));
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
