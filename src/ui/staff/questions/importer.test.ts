// The console's xlsx export (Node: exceljs and Blob work the same): formula-like text is escaped in
// the file written, and what is written imports again unchanged.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentGroups } from '../../../../tests/fixtures/contentNames.ts';
import type { Catalog } from '../../../content/catalog.ts';
import type { Question } from '../../../content/schema.ts';
import { staffQuestionsXlsx } from './importer.ts';

const q: Question = {
  id: 'ebike-qformula',
  zone: 'ebike',
  groups: ['teen'],
  difficulty: 1,
  kind: 'truefalse',
  topic: 'staff',
  prompt: { 'zh-Hans': '=HYPERLINK("http://x","点我")', en: '' },
  choices: [
    { id: 'yes', text: { 'zh-Hans': '对', en: '' } },
    { id: 'no', text: { 'zh-Hans': '错', en: '' } },
  ],
  answer: ['no'],
  explanation: { 'zh-Hans': ' @SUM(1)', en: '' },
  source: { facts: ['2.1'] },
};

describe('staff questions export', () => {
  it('writes formula-like text as text (apostrophe), never as a formula', async () => {
    const catalog = { groups: contentGroups(), zones: [], hall: null, problems: [] } as unknown as Catalog;
    const blob = await staffQuestionsXlsx([q], catalog, {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await blob.arrayBuffer()) as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    const cell = (name: string) => ws.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cell('题目').value).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(cell('题目').formula).toBeUndefined();
    expect(cell('解析').value).toBe("' @SUM(1)");
    expect(cell('适用人群').value).toBe('青少年');
    expect(cell('选项编号').value).toBe('yes, no');
  });
});
