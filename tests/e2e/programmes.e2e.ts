// Issue 16: pre/post checks per visiting group and audience group, and the gain in the staff console;
// practice at home (小手拉大手) from the visit's QR link on a phone, with a retest after N days.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, shot } from './helpers.ts';
import { keypad, openStaffConsole, STAFF_PIN } from './staffConsole.ts';
import { browserSuite } from './suite.ts';

type Q = { id: string; kind: string; answer: string[]; choices: { id: string }[] };
const crossing: Q[] = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8')).questions;
const byId = (id: string) => crossing.find((q) => q.id === id)!;

const suite = browserSuite();

/** Answers the open check (pre or post): the i-th question right when right(i). */
async function answerCheck(page: Page, which: 'pre-check' | 'post-check', right: (i: number) => boolean) {
  // the check opens after its Start button: wait for it (a slow frame is not "no questions")
  await page.getByTestId(which).waitFor();
  for (let i = 0; ; i++) {
    const card = page.getByTestId(which);
    if (!(await card.isVisible().catch(() => false))) {
      await page.waitForTimeout(100);
      if (!(await card.isVisible().catch(() => false))) return i;
    }
    const id = (await card.getAttribute('data-question'))!;
    const q = byId(id);
    const ids = right(i) ? q.answer : [q.choices.find((c) => !q.answer.includes(c.id))!.id];
    for (const c of ids) await page.getByTestId(`check-choice-${c}`).click();
    if (q.kind === 'multiple') await page.getByTestId('check-submit').click();
    // the next question (or the end of the check)
    await page.waitForFunction(
      ([w, prev]) => document.querySelector(`[data-testid="${w}"]`)?.getAttribute('data-question') !== prev,
      [which, id] as const,
    );
  }
}

/** Runs the zone's self-test to its result, answering right (the family challenge moves on from the
 * result by itself, to the hand-over or both results). */
async function finishSelfTest(page: Page) {
  const end = '[data-testid="test-result"], [data-testid="family-handover"], [data-testid="family-both"]';
  for (;;) {
    await page.locator(`[data-testid="test-question"], ${end}`).first().waitFor();
    if (await page.locator(end).first().isVisible()) return;
    const q = byId((await page.getByTestId('test-question').getAttribute('data-question'))!);
    for (const c of q.answer) await page.getByTestId(`choice-${c}`).click();
    if (q.kind === 'multiple') await page.getByTestId('test-submit').click();
    await page.getByTestId('test-next').click();
  }
}

describe('pre/post checks and the learning gain', () => {
  it('a class with the pre-check on takes a zone; the console shows the gain per group and visiting group', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    await openStaffConsole(page);
    await page.getByTestId('tab-learning').click();
    await page.getByTestId('learning-empty').waitFor();
    await page.getByTestId('visit-name').fill('实验小学三(2)班');
    await page.getByTestId('visit-add').click();
    await expect.poll(() => page.getByTestId('visit-active').textContent()).toContain('实验小学三(2)班');

    // a child of the class: knows 1 of 4 before, 4 of 4 after
    await open(page, '#/zone/crossing?mode=test&group=child&lang=zh-Hans');
    await page.getByTestId('pre-offer').waitFor();
    await shot(page, 'prepost-1366-offer');
    await page.getByTestId('pre-start').click();
    await page.getByTestId('pre-check').waitFor();
    expect(await page.getByTestId('check-progress').textContent()).toBe('学前小测 · 第 1 / 4 题');
    await shot(page, 'prepost-1366-pre');
    expect(await answerCheck(page, 'pre-check', (i) => i === 0)).toBe(4);
    await finishSelfTest(page);
    await page.getByTestId('post-offer').waitFor();
    await shot(page, 'prepost-1366-post-offer');
    await page.getByTestId('post-start').click();
    expect(await answerCheck(page, 'post-check', () => true)).toBe(4);
    await page.getByTestId('check-done').waitFor();
    expect(await page.getByTestId('check-done-line').textContent()).toBe('体验前答对 1 / 4 题，体验完答对 4 / 4 题。');
    await shot(page, 'prepost-1366-done');
    await page.getByTestId('check-done-ok').click();
    await expect.poll(() => page.getByTestId('check-done').count()).toBe(0);
    await page.getByTestId('test-result').waitFor();

    // a teen of the same class, in English: 2 of 4 before, 3 of 4 after
    await open(page, '#/zone/crossing?mode=test&group=teen&lang=en');
    await page.getByTestId('pre-start').click();
    expect(await page.getByTestId('check-progress').textContent()).toBe('Check before · question 1 of 4');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await shot(page, 'prepost-1080-pre');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'prepost-390-pre');
    await page.setViewportSize({ width: 1366, height: 768 });
    await answerCheck(page, 'pre-check', (i) => i < 2);
    await finishSelfTest(page);
    await page.getByTestId('post-start').click();
    await answerCheck(page, 'post-check', (i) => i < 3);
    expect(await page.getByTestId('check-done-line').textContent()).toBe('Before: 2 of 4 right. After: 3 of 4 right.');

    // a third visitor skips the check: the zone opens at once
    await open(page, '#/zone/crossing?mode=test&group=senior&lang=zh-Hans');
    await page.getByTestId('pre-skip').click();
    await page.getByTestId('test-question').waitFor();

    await open(page, '#/staff?lang=zh-Hans');
    await page.getByTestId('pin-key-1').waitFor();
    await keypad(page, STAFF_PIN);
    await page.getByTestId('tab-learning').click();
    const child = page.locator('[data-testid="learning-zone-group"] tr[data-zone="crossing"][data-group="child"]');
    await child.waitFor();
    // n 1, mean pre 25, mean post 100, gain +75, no interval with one pair
    expect((await child.locator('td').allTextContents()).slice(2)).toEqual(['1', '25.0', '100.0', '+75.0', '—']);
    const teen = page.locator('[data-testid="learning-zone-group"] tr[data-group="teen"]');
    expect((await teen.locator('td').allTextContents()).slice(2)).toEqual(['1', '50.0', '75.0', '+25.0', '—']);
    // the class: two pairs, gain (75 + 25) / 2 = 50; paired t with 1 df: 50 ± 12.706 × 25 = −267.65 … 367.65
    const visit = page.locator('[data-testid="learning-visit"] tbody tr');
    expect(await visit.locator('td').allTextContents()).toEqual(['实验小学三(2)班', '2', '37.5', '87.5', '+50.0', '-267.6 – 367.6']);
    expect(await page.getByTestId('learning-counts').textContent()).toContain('2 对完整的前测与再测，1 次跳过学前小测');
    await page.getByTestId('chart-learning').locator('canvas').waitFor();
    await shot(page, 'prepost-1366-console');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await shot(page, 'prepost-1080-console');
    await page.setViewportSize({ width: 1366, height: 768 });
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('learning-csv').click()]);
    const csv = readFileSync((await dl.path())!, 'utf8');
    expect(csv).toContain('行人过街,儿童,1,25.0,100.0,75.0');
    expect(csv).toContain('实验小学三(2)班,2,37.5,87.5,50.0');

    // the class's take-home sheet: one code per pupil, no names
    await page.getByTestId('sheet-count').fill('3');
    await page.getByTestId('sheet-make').click();
    const codes = await page.getByTestId('sheet-item').locator('.sheet-code').allTextContents();
    expect(codes).toHaveLength(3);
    expect(new Set(codes).size).toBe(3);
    await page.getByTestId('class-sheet').scrollIntoViewIfNeeded();
    await shot(page, 'home-1366-class-sheet');
    // a pupil types the short code alone: the group and language come from the code
    await open(page, `#/hall?home=${codes[1]}`);
    await page.getByTestId('home-practice').waitFor();
    expect(await page.getByTestId('home-practice').locator('[data-testid^="home-test-"]').count()).toBe(6);
    const typo = codes[1]!.slice(0, 5) + (codes[1]![5] === '7' ? '8' : '7') + codes[1]!.slice(6);
    await open(page, `#/hall?home=${typo}`);
    expect(await page.getByTestId('home-bad-code').textContent()).toContain('输错');
  }, 300_000);
});

describe('小手拉大手: practice at home', () => {
  it('the visit ends with a QR; on a phone it opens the self-test, the family challenge, and a retest after the days pass', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    // a child takes the crossing self-test in the hall, then asks for the take-home code
    await open(page, '#/zone/crossing?mode=test&group=child&lang=zh-Hans');
    await finishSelfTest(page);
    await open(page, '#/hall?group=child&lang=zh-Hans');
    await page.getByTestId('take-home-open').click();
    await page.getByTestId('take-home-qr').locator('svg path').first().waitFor();
    const link = (await page.getByTestId('take-home-qr').getAttribute('data-value'))!;
    const code = (await page.getByTestId('take-home-code').textContent())!;
    expect(await page.getByTestId('take-home-link').textContent()).toBe(link);
    expect(link).toMatch(/\/#\/hall\?group=child&lang=zh-Hans&home=[0-9A-Z]{9}$/);
    expect(link.endsWith(code.replace('-', ''))).toBe(true);
    // only the zone this visitor did
    expect(await page.getByTestId('take-home-zones').locator('li').allTextContents()).toEqual(['行人过街']);
    await shot(page, 'home-1366-take-home');

    // at home: another browser, phone size, its own clock
    const phone = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
    try {
      const p = await phone.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(link);
      await p.getByTestId('home-practice').waitFor();
      await p.getByTestId('home-retest-later').waitFor();
      await shot(p, 'home-390-practice');
      await p.getByTestId('home-test-crossing').click();
      await finishSelfTest(p);
      expect(await p.getByTestId('test-score').textContent()).toContain('100');
      await p.getByTestId('back').click();

      // the family challenge: the child, then a parent with the grown-up's questions; both results
      await p.getByTestId('home-family-crossing').click();
      await finishSelfTest(p);
      await p.getByTestId('family-handover').waitFor();
      await shot(p, 'home-390-handover');
      await p.getByTestId('family-parent-start').click();
      await finishSelfTest(p);
      await p.getByTestId('family-both').waitFor();
      expect(await p.getByTestId('family-child-score').textContent()).toContain('儿童');
      expect(await p.getByTestId('family-parent-score').textContent()).toContain('成年行人');
      await shot(p, 'home-390-family');
      await p.getByTestId('family-done').click();

      // eight days later the same link offers the retest (the page's clock moved; installed only now, so
      // the tests above ran on real timers)
      await p.goto('about:blank');
      await p.clock.install({ time: new Date(Date.now() + 8 * 86_400_000) });
      await p.goto(link);
      await p.getByTestId('home-retest').waitFor();
      expect(await p.getByTestId('home-test-crossing').textContent()).toBe('再测一次');
      await shot(p, 'home-390-retest');
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 300_000);

});
