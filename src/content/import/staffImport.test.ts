// The staff console's import on real files: an xlsx written by exceljs and a GBK CSV as Chinese Excel
// saves it, both holding a sheet written the way staff write one (tests/fixtures/staffSheet.ts).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contentGroups, contentNames } from '../../../tests/fixtures/contentNames.ts';
import { HEADER, ROWS, staffSheetGbkCsv, staffSheetXlsx } from '../../../tests/fixtures/staffSheet.ts';
import { makeHantConverter } from '../../i18n/hantConverter.ts';
import { FACTS } from '../factsIndex.ts';
import { ZONE_IDS, quizFileSchema, type Localized, type Question, type ZoneId } from '../schema.ts';
import type { StaffQuestionRecord } from '../../storage/staffQuestions.ts';
import { withStaffQuestions } from '../staffBank.ts';
import { questionsToStaffSheet } from './exportSheet.ts';
import { previewStaffImport, type StaffImportContext } from './staffImport.ts';

const json = (p: string) => JSON.parse(readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8'));
const groups = contentGroups();
const banks = Object.fromEntries(ZONE_IDS.map((z) => [z, quizFileSchema.parse(json(`quizzes/${z}.json`))]));
const names = contentNames();
const toHant = makeHantConverter();

function context(existing: StaffQuestionRecord[] = []): StaffImportContext {
  return {
    names,
    topics: Object.fromEntries(ZONE_IDS.map((z) => [z, banks[z]!.topics])) as Partial<Record<ZoneId, Record<string, Localized>>>,
    bankIds: new Set(ZONE_IDS.flatMap((z) => banks[z]!.questions.map((q) => q.id))),
    facts: FACTS,
    existing,
    toHant,
    now: 1_700_000_000_000,
  };
}

describe('staff import: a Chinese-only sheet', () => {
  it('xlsx: finds the header under a title row, names the two broken rows at their row and column, keeps the rest', async () => {
    const r = await previewStaffImport('自编题.xlsx', await staffSheetXlsx(), context());
    if (!r.ok) throw new Error(r.problem.message);
    const p = r.preview;
    expect(p.format).toBe('xlsx');
    expect(p.headerRow).toBe(2);
    expect(p.columns.map((c) => c.name)).toEqual(['zone', 'groups', 'difficulty', 'kind', 'prompt_zh', 'choice_a_zh', 'choice_b_zh', 'choice_c_zh', 'choice_d_zh', 'answer', 'explanation_zh', 'source']);
    // sheet rows 3–7: broken ones are 5 (外星人) and 7 (no facts id)
    expect(p.problems.map((x) => [x.row, x.header, x.code])).toEqual([
      [5, '适用人群', 'group.unknown'],
      [7, '依据', 'facts.none'],
    ]);
    expect(p.problems[0]!.message).toContain('"外星人" is not an audience group (儿童 (child)、青少年 (teen)');
    expect(p.rows.map((x) => [x.row, x.status])).toEqual([
      [3, 'add'],
      [4, 'add'],
      [5, 'bad'],
      [6, 'add'],
      [7, 'bad'],
    ]);
    expect(p.counts).toEqual({ add: 3, update: 0, same: 0, bad: 2, untranslated: 3 });

    const [age, tf, belt] = p.records.map((x) => x.question);
    expect(age).toMatchObject({
      zone: 'ebike',
      groups: ['teen', 'rider'],
      difficulty: 1,
      kind: 'single',
      topic: 'staff',
      answer: ['c'],
      source: { facts: ['2.1'], law: { 'zh-Hans': '《道路交通安全法实施条例》第七十二条', en: '' } },
    });
    expect(age!.prompt).toEqual({ 'zh-Hans': '在道路上驾驶电动自行车，至少要年满几周岁？', en: '', 'zh-Hant': '在道路上駕駛電動自行車，至少要年滿幾週歲？' });
    // 判断 without choices: 对 / 错, answered 对, difficulty defaulted to 1
    expect(tf).toMatchObject({ kind: 'truefalse', difficulty: 1, groups: ['teen', 'rider'], answer: ['yes'] });
    expect(tf!.choices.map((c) => c.text['zh-Hans'])).toEqual(['对', '错']);
    // several groups split by ，; zh-Hant made with the reviewed rules (系 = fasten → 繫)
    expect(belt).toMatchObject({ zone: 'seatbelt', kind: 'multiple', groups: ['driver', 'pro'], answer: ['a', 'b', 'c'] });
    expect(belt!.prompt['zh-Hant']).toBe('汽車行駛時，哪些人應當繫安全帶？');
    expect(belt!.explanation['zh-Hant']).toContain('都要按規定繫安全帶');
  });

  it('GBK CSV: decoded and named as GBK, the same problems at their rows (header = row 1), the rest kept', async () => {
    const bytes = staffSheetGbkCsv();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const r = await previewStaffImport('自编题.csv', bytes, context());
    if (!r.ok) throw new Error(r.problem.message);
    const p = r.preview;
    expect([p.format, p.encoding, p.delimiter]).toEqual(['csv', 'gbk', ',']);
    expect(p.problems.map((x) => [x.row, x.header, x.code])).toEqual([
      [4, '适用人群', 'group.unknown'],
      [6, '依据', 'facts.none'],
    ]);
    expect(p.counts).toMatchObject({ add: 4, bad: 2 });
    expect(p.records.at(-1)!.question).toMatchObject({ zone: 'signals', groups: groups.map((g) => g.id), answer: ['yes'] });
  });

  it('importing the same sheet again changes nothing; an edited row is an update', async () => {
    const first = await previewStaffImport('a.xlsx', await staffSheetXlsx(), context());
    if (!first.ok) throw new Error('unreadable');
    const again = await previewStaffImport('a.csv', staffSheetGbkCsv(), context(first.preview.records));
    if (!again.ok) throw new Error('unreadable');
    expect(again.preview.counts).toMatchObject({ add: 1, same: 3, update: 0 });

    const edited = ROWS.map((r) => [...r]);
    edited[0]![10] = '电动自行车驾驶人必须年满16周岁。';
    const csv = [HEADER, ...edited].map((r) => r.join(',')).join('\n');
    const r = await previewStaffImport('b.csv', new TextEncoder().encode(csv), context(first.preview.records));
    if (!r.ok) throw new Error('unreadable');
    expect(r.preview.counts).toMatchObject({ update: 1, same: 2 });
    expect(r.preview.records[0]!.createdAt).toBe(first.preview.records[0]!.createdAt);
  });

  it('exported to a sheet (Chinese headers and names) and imported again: every question the same', async () => {
    const first = await previewStaffImport('a.xlsx', await staffSheetXlsx(), context());
    if (!first.ok) throw new Error('unreadable');
    const records = first.preview.records;
    const sheet = questionsToStaffSheet(
      records.map((x) => x.question as Question),
      {
        zone: (id) => json(`scenes/${id}.json`).title['zh-Hans'],
        group: (id) => groups.find((g) => g.id === id)!.name['zh-Hans'],
        topic: (zone, id) => banks[zone]!.topics[id]?.['zh-Hans'] ?? id,
      },
    );
    expect(sheet[0]!.slice(0, 5)).toEqual(['题号', '展区', '适用人群', '难度', '题型']);
    expect(sheet[1]!.slice(1, 5)).toEqual(['电动自行车', '青少年、电动车骑行者', '1', '单选']);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('题目');
    sheet.forEach((row) => ws.addRow(row));
    const back = await previewStaffImport('export.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), context(records));
    if (!back.ok) throw new Error('unreadable');
    expect(back.preview.problems).toEqual([]);
    expect(back.preview.counts).toMatchObject({ same: 3, add: 0, update: 0 });
  });

  it('warns (without refusing the row) about characters the app’s fonts cannot draw', async () => {
    const first = await previewStaffImport('a.xlsx', await staffSheetXlsx(), context());
    if (!first.ok) throw new Error('unreadable');
    const all = new Set(JSON.stringify(first.preview.records.map((r) => r.question)));
    all.delete('岁');
    const r = await previewStaffImport('a.xlsx', await staffSheetXlsx(), { ...context(), glyphs: all });
    if (!r.ok) throw new Error('unreadable');
    expect(r.preview.warnings.map((w) => [w.row, w.code, w.params])).toEqual([[3, 'glyph.missing', { chars: '岁' }]]);
    expect(r.preview.counts.add).toBe(3);
  });

  it('refuses an id of the app’s own bank, cited facts that are missing or UNCONFIRMED, and half-filled English', async () => {
    const header = ['题号', '展区', '适用人群', '题型', '题目', '题目（英文）', '选项A', '选项B', '正确答案', '解析', '解析（英文）', '依据'];
    const rows = [
      header,
      ['crossing-red-light-enter', '行人过街', '儿童', '判断', '红灯能走吗？', '', '', '', '错', '不能。', '', 'facts 1.5'],
      ['', '电动自行车', '骑手', '判断', '外卖可以闯红灯吗？', '', '', '', '错', '不可以。', '', 'facts 2.18'],
      ['', '电动自行车', '骑手', '判断', '电动自行车可以逆行吗？', 'May an e-bike ride against traffic?', '', '', '错', '不可以。', '', 'facts 9.9'],
    ];
    const csv = rows.map((r) => r.join(',')).join('\r\n');
    const r = await previewStaffImport('x.csv', new TextEncoder().encode(`\uFEFF${csv}`), context());
    if (!r.ok) throw new Error('unreadable');
    expect(r.preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, 'id', 'id.inBank'],
      [3, 'source', 'facts.unconfirmed'],
      [4, 'explanation_en', 'english.partial'],
    ]);
    expect(r.preview.records).toEqual([]);
  });
});

describe('staff questions in a bank', () => {
  it('join the zone’s bank with the staff topic; broken or clashing ones are left out', async () => {
    const r = await previewStaffImport('a.xlsx', await staffSheetXlsx(), context());
    if (!r.ok) throw new Error('unreadable');
    const records = r.preview.records;
    const clash = { ...records[0]!, id: 'crossing-red-light-enter', question: { ...records[0]!.question, id: 'crossing-red-light-enter', zone: 'crossing' as const }, zone: 'crossing' as const };
    const bad = { ...records[1]!, id: 'ebike-broken', question: { ...records[1]!.question, id: 'ebike-broken', source: { facts: ['2.18'] } } };
    const ebike = withStaffQuestions(banks.ebike!, 'ebike', [...records, bad], { facts: FACTS, groupIds: groups.map((g) => g.id) });
    expect(ebike.questions.length).toBe(banks.ebike!.questions.length + 2);
    expect(ebike.topics.staff).toMatchObject({ 'zh-Hans': '馆内自编题', en: 'Hall staff questions' });
    expect(ebike.skipped).toEqual([{ id: 'ebike-broken', why: 'facts item 2.18 is UNCONFIRMED and cannot back an answer' }]);
    const crossing = withStaffQuestions(banks.crossing!, 'crossing', [clash], { facts: FACTS, groupIds: groups.map((g) => g.id) });
    expect(crossing.questions.length).toBe(banks.crossing!.questions.length);
    expect(crossing.skipped[0]!.why).toBe('has the id of a question of the app');
  });
});
