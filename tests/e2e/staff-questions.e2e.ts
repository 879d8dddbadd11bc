// Hall staff add questions themselves (issue 14 §4): in the staff console's 题目 tab, a Chinese-only
// sheet as staff write it — an xlsx (title row above the header) and then the same sheet as Chinese
// Excel's plain GBK "CSV" with one more question — each with two broken rows. The preview names the
// two problems at their rows and columns and says how the file was read; "添加 N 道题" saves the rest.
// Then, without a rebuild or reload, a teen's e-bike self-test asks one of the new questions and it is
// answered. Edit, delete and the xlsx export are used on the way.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EBIKE_TEEN, staffSheetGbkCsv, staffSheetXlsx } from '../fixtures/staffSheet.ts';
import { shot } from './helpers.ts';
import { openStaffConsole } from './staffConsole.ts';
import { browserSuite } from './suite.ts';

type Q = { id: string; answer: string[]; kind: string };
const ebike: Q[] = JSON.parse(readFileSync('quizzes/ebike.json', 'utf8')).questions;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const suite = browserSuite();

const textOf = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

/** Answers the self-test's questions until one of the staff's comes up; answers that one right. */
async function answerStaffQuestion(page: Page): Promise<string> {
  for (let i = 0; i < 12; i++) {
    await page.getByTestId('test-question').waitFor();
    const prompt = await textOf(page, 'test-prompt');
    const staff = EBIKE_TEEN.find((s) => s.prompt === prompt);
    if (staff) {
      await page.getByTestId('test-question').locator('[data-testid^="choice-"]', { hasText: staff.right }).click();
      await page.getByTestId('test-feedback').waitFor();
      expect(await textOf(page, 'test-feedback')).toContain('回答正确');
      // a staff question's source: the facts id and the law from the one 依据 cell
      expect(await textOf(page, 'test-feedback')).toMatch(/依据：《道路交通安全法(实施条例)?》第(七十二|五十八)条（事实清单 2\.[12]）/);
      return prompt;
    }
    const id = (await page.getByTestId('test-question').getAttribute('data-question'))!;
    const q = ebike.find((x) => x.id === id)!;
    for (const c of q.answer) await page.getByTestId(`choice-${c}`).click();
    if (q.kind === 'multiple') await page.getByTestId('test-submit').click();
    await page.getByTestId('test-next').click();
  }
  throw new Error('no staff question in the self-test');
}

describe('staff questions (console → self-test, no rebuild)', () => {
  it('imports a Chinese-only xlsx and GBK CSV with broken rows, and a teen answers a new question in the self-test', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    await openStaffConsole(page);
    await page.getByTestId('tab-questions').click();
    await expect.poll(() => textOf(page, 'q-untranslated')).toBe('还没有自编题。');

    // 1. the xlsx: header in row 2 under a title row; rows 5 and 7 are broken
    await page.getByTestId('q-file').setInputFiles({ name: '馆内自编题.xlsx', mimeType: XLSX, buffer: await staffSheetXlsx() });
    await page.getByTestId('q-preview').waitFor();
    expect(await textOf(page, 'q-read-as')).toContain('Excel 工作簿（xlsx）');
    expect(await textOf(page, 'q-counts')).toBe('新增 3 道，更新 0 道，已有且相同 0 道，有问题 2 行。');
    expect(await textOf(page, 'q-untranslated-note')).toContain('其中 3 道没有英文');
    expect(await page.getByTestId('q-row-5').getAttribute('data-status')).toBe('bad');
    expect(await page.getByTestId('q-row-7').getAttribute('data-status')).toBe('bad');
    expect(await textOf(page, 'q-problem-5-groups')).toBe('没有“外星人”这个人群。可以填：儿童 (child)、青少年 (teen)、成年行人 (adult)、老年人 (senior)、电动车骑行者 (rider)、机动车驾驶人 (driver)、货车/营运驾驶人 (pro)、所有人群。');
    expect(await textOf(page, 'q-problem-7-source')).toContain('至少要有一个 facts 编号');
    // the problems sit in their rows' cells under the sheet's own headers, and nowhere else
    expect(await page.locator('[data-testid^="q-problem-"]').count()).toBe(2);
    expect(await page.getByTestId('q-preview-table').locator('thead').textContent()).toContain('适用人群');
    expect(await page.getByTestId('q-row-3').getAttribute('data-status')).toBe('add');
    await shot(page, 'staff-questions-01-preview-xlsx');
    await page.getByTestId('q-add').click();
    await expect.poll(() => textOf(page, 'q-notice')).toBe('已添加 3 道、更新 0 道题：自测和竞赛中马上就能用到。');
    await expect.poll(() => page.locator('[data-testid^="q-item-"]').count()).toBe(3);
    expect(await textOf(page, 'q-untranslated')).toBe('3 道没有英文，不会向英文访客显示。');

    // 2. the GBK CSV: read as GBK, the same two problems at rows 4 and 6, one new question added
    await page.getByTestId('q-file').setInputFiles({ name: '馆内自编题.csv', mimeType: 'text/csv', buffer: Buffer.from(staffSheetGbkCsv()) });
    await expect.poll(() => textOf(page, 'q-read-as')).toBe('读取方式：CSV，GBK 编码（中文 Excel 另存的普通 CSV），逗号分隔');
    expect(await textOf(page, 'q-counts')).toBe('新增 1 道，更新 0 道，已有且相同 3 道，有问题 2 行。');
    expect(await textOf(page, 'q-problem-4-groups')).toContain('没有“外星人”这个人群');
    expect(await textOf(page, 'q-problem-6-source')).toContain('至少要有一个 facts 编号');
    expect(await page.getByTestId('q-row-7').textContent()).toContain('人行横道信号灯绿灯亮时');
    await shot(page, 'staff-questions-02-preview-gbk');
    for (const [w, h, name] of [
      [1080, 1920, 'kiosk'],
      [390, 844, 'phone'],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('q-problem-4-groups').scrollIntoViewIfNeeded();
      await shot(page, `staff-questions-03-preview-${name}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('q-add').click();
    await expect.poll(() => textOf(page, 'q-notice')).toContain('已添加 1 道');
    await expect.poll(() => page.locator('[data-testid^="q-item-"]').count()).toBe(4);

    // 3. edit one (through the same checks), delete another, export them all
    const items = page.locator('[data-testid^="q-item-"]');
    const beltId = (await items.filter({ hasText: '哪些人应当系安全带' }).getAttribute('data-testid'))!.slice('q-item-'.length);
    await page.getByTestId(`q-edit-open-${beltId}`).click();
    await page.getByTestId('q-edit-groups').fill('驾驶人、外星人');
    await page.getByTestId('q-edit-save').click();
    await expect.poll(() => textOf(page, 'q-edit-problem-groups')).toContain('没有“外星人”这个人群');
    await page.getByTestId('q-edit-groups').fill('驾驶人、营运驾驶人');
    await page.getByTestId('q-edit-prompt_zh').fill('汽车行驶时，车上哪些人应当系安全带？');
    await page.getByTestId('q-edit-save').click();
    await page.getByTestId('q-edit').waitFor({ state: 'detached' });
    await expect.poll(() => textOf(page, `q-item-${beltId}`)).toContain('车上哪些人应当系安全带');
    const signalsId = (await items.filter({ hasText: '人行横道信号灯绿灯亮时' }).getAttribute('data-testid'))!.slice('q-item-'.length);
    await page.getByTestId(`q-delete-${signalsId}`).click();
    await page.getByTestId('q-delete-dialog-confirm').click();
    await expect.poll(() => page.locator('[data-testid^="q-item-"]').count()).toBe(3);
    await shot(page, 'staff-questions-04-list');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('q-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^hall-questions-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as string[]).slice(1, 6)).toEqual(['题号', '展区', '适用人群', '难度', '题型']);

    // 4. a teen's e-bike self-test, same page, no rebuild, no reload: a new question is asked and answered
    await page.evaluate(() => void (window.location.hash = '#/zone/ebike?mode=test&group=teen&lang=zh-Hans'));
    const asked = await answerStaffQuestion(page);
    expect(EBIKE_TEEN.map((s) => s.prompt)).toContain(asked);
    await shot(page, 'staff-questions-05-selftest');
    const [n, total] = (await textOf(page, 'test-progress')).match(/\d+/g)!.map(Number);
    // in Traditional Chinese it reads as converted on import (the build's converter and rules)
    await page.getByTestId('lang-zh-Hant').click();
    await expect.poll(() => textOf(page, 'test-prompt')).toMatch(/^(在道路上駕駛電動自行車，至少要年滿幾週歲？|電動自行車在非機動車道內行駛，最高時速不得超過15公里。)$/);
    // an English visitor never sees it half-translated: the test moves on to a question in English
    await page.getByTestId('lang-en').click();
    await expect.poll(() => textOf(page, 'test-prompt')).toMatch(/^[^\p{Script=Han}]+$/u);
    // the answer stays (total unchanged, or one less if the other Chinese-only question was still to come)
    const [n2, total2] = (await textOf(page, 'test-progress')).match(/\d+/g)!.map(Number);
    expect(n2).toBe(n! + 1);
    expect([total!, total! - 1]).toContain(total2);
    await shot(page, 'staff-questions-06-selftest-en');
  });
});
