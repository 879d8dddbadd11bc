// The staff console on a touch-only kiosk (hasTouch, keyboard buzzers): the PIN (set on first use,
// wrong PINs refused and rate limited across a reload), a 4-team buzzer competition with the buzzer
// check, keyboard buzzes and on-screen answers, a reload mid-question that resumes the same question
// and scores, the podium, the results in the per-group statistics, a CSV export with a UTF-8 BOM and
// correct Chinese, a purge with confirmation; and the kiosk's attract loop over a visitor screen.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './suite.ts';
import { E2E_SETUP_CODE } from './browser.ts';
import { open, shot } from './helpers.ts';

type Q = { id: string; answer: string[]; choices: { id: string }[] };
const bank = (zone: string): Q[] => JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8')).questions;
const KIOSK = { viewport: { width: 1280, height: 800 }, hasTouch: true };
const PIN = '246802';

const suite = browserSuite();

/** Types a PIN on the on-screen keypad and presses OK. */
async function keypad(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).tap();
  await page.getByTestId('pin-ok').tap();
}

/** A gamepad the page reads through navigator.getGamepads (the Gamepad API has no events to fake). */
const FAKE_GAMEPAD = `(() => {
  const pad = { index: 0, id: 'fake buzzer pad', connected: true, mapping: 'standard', timestamp: 0, axes: [],
    buttons: Array.from({ length: 16 }, () => ({ pressed: false, touched: false, value: 0 })) };
  window.__pads = [pad];
  Object.defineProperty(navigator, 'getGamepads', { configurable: true, value: () => window.__pads });
})();`;

/**
 * Presses a gamepad button and holds it until the page has seen it (`seen`), then releases it.
 * The page reads gamepads by polling; a fixed 150 ms press raced the polls on a loaded machine (and
 * the first read after a capture began, which only records what is already held).
 */
async function padPress(page: Page, button: number, seen: () => Promise<unknown>) {
  type W = { __pads: { buttons: { pressed: boolean }[] }[] };
  await page.evaluate((b) => void ((window as unknown as W).__pads[0]!.buttons[b]!.pressed = true), button);
  try {
    await seen();
  } finally {
    await page.evaluate((b) => void ((window as unknown as W).__pads[0]!.buttons[b]!.pressed = false), button);
  }
}

/** First use: the deployment's setup code, then the new PIN twice. */
async function setPin(page: Page) {
  await page.getByTestId('setup-code').fill(E2E_SETUP_CODE);
  await page.getByTestId('setup-code-ok').tap();
  await page.getByTestId('pin-set').waitFor();
  await keypad(page, PIN);
  await page.getByTestId('pin-confirm').waitFor();
  await keypad(page, PIN);
  await page.getByTestId('staff-console').waitFor();
}

const phase = (page: Page) => page.getByTestId('host').getAttribute('data-phase');
async function waitPhase(page: Page, p: string) {
  await page.waitForFunction((want) => document.querySelector('[data-testid="host"]')?.getAttribute('data-phase') === want, p);
}
async function points(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const id of ['p1', 'p2', 'p3', 'p4']) out[id] = Number(await page.getByTestId(`points-${id}`).textContent());
  return out;
}
async function currentQuestion(page: Page): Promise<string> {
  await page.getByTestId('host-question').waitFor();
  return (await page.getByTestId('host-question').getAttribute('data-question'))!;
}

describe('staff console (touch kiosk)', () => {
  it('PIN: set on first use only with the setup code; wrong PINs are refused, then locked out, and a reload does not reset the lock', async () => {
    const g = await suite.page(KIOSK);
    const { page } = g;
    await open(page, '#/staff');
    // a fresh device: a visitor who taps "Staff" meets the setup code, not a PIN form
    await page.getByTestId('pin-setup').waitFor();
    await expect.poll(() => page.getByTestId('pin-setup').getAttribute('data-source')).toBe('file');
    expect(await page.getByTestId('pin-set').count()).toBe(0);
    await page.getByTestId('setup-code').fill('AAAA-BBBB-CCCC');
    await page.getByTestId('setup-code-ok').tap();
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('安装码不正确');
    expect(await page.getByTestId('pin-set').count()).toBe(0);
    // a new PIN needs 6 digits
    await page.getByTestId('setup-code').fill(E2E_SETUP_CODE.toLowerCase());
    await page.getByTestId('setup-code-ok').tap();
    await page.getByTestId('pin-set').waitFor();
    await keypad(page, '2468');
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('6–8 位');
    await keypad(page, PIN);
    await page.getByTestId('pin-confirm').waitFor();
    await keypad(page, PIN);
    await page.getByTestId('staff-console').waitFor();
    // leaving the console locks it
    await page.getByTestId('staff-lock').tap();
    await page.waitForURL(/#\/$/);
    await open(page, '#/staff');
    await page.getByTestId('pin-enter').waitFor();

    await keypad(page, '1111');
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('再错 2 次');
    await keypad(page, '1234');
    await expect.poll(() => page.getByTestId('pin-error').textContent()).toContain('再错 1 次');
    await keypad(page, '9999');
    await page.getByTestId('pin-locked').waitFor();
    expect(await page.getByTestId('pin-locked').textContent()).toMatch(/请 (29|30) 秒后再试/);
    expect(await page.getByTestId('pin-ok').isDisabled()).toBe(true);
    await shot(page, 'staff-01-pin-locked');

    // the lock is saved: a reload does not give more tries
    await page.reload();
    await page.getByTestId('pin-locked').waitFor();
    expect(await page.getByTestId('pin-key-1').isDisabled()).toBe(true);
    expect(await page.getByTestId('staff-console').count()).toBe(0);
  });

  it('runs a 4-team buzzer competition across a reload, saves the results per group, exports a CSV and purges', async () => {
    const g = await suite.page(KIOSK);
    await g.context.addInitScript(FAKE_GAMEPAD);
    const { page } = g;
    const crossing = bank('crossing');
    await open(page, '#/staff');
    await setPin(page);

    // after a lock, a wrong PIN is refused and the right one opens the console
    await page.getByTestId('staff-lock').tap();
    await open(page, '#/staff');
    await keypad(page, '0000');
    await page.getByTestId('pin-error').waitFor();
    await keypad(page, PIN);
    await page.getByTestId('staff-console').waitFor();

    // setup: 4 teams, one per group, a crossing quiz round and a challenge round, keyboard buzzers 1–4
    await page.getByTestId('setup').waitFor();
    expect(await page.getByTestId('setup-count').textContent()).toBe('4');
    const groups = ['child', 'teen', 'adult', 'senior'];
    for (let i = 0; i < 4; i++) await page.getByTestId(`setup-group-${i + 1}`).selectOption(groups[i]!);
    expect(await page.getByTestId('setup-name-1').inputValue()).toBe('红队');
    await page.getByTestId('round-zone-1').selectOption('crossing');
    await page.getByTestId('round-count-1').fill('3');
    await page.getByTestId('round-seconds-1').fill('60');
    await page.getByTestId('add-challenge').tap();
    await page.getByTestId('round-count-2').fill('2');
    await page.getByTestId('round-seconds-2').fill('60');
    // a host shortcut cannot become a buzzer key
    await page.getByTestId('setup-key-4').tap();
    await page.keyboard.press('KeyP');
    await page.getByTestId('capture-note').waitFor();
    await page.keyboard.press('Digit4');
    expect(await page.getByTestId('setup-key-4').textContent()).toBe('4');
    // team 1 also has a gamepad button
    await page.getByTestId('setup-pad-1').tap();
    await page.getByTestId('setup-pad-1').filter({ hasText: '请按手柄上的按钮' }).waitFor();
    await padPress(page, 3, () => expect.poll(() => page.getByTestId('setup-pad-1').textContent()).toBe('手柄 1 · 按钮 3'));

    // the buzzer check: every team presses its key
    await page.getByTestId('check-toggle').tap();
    for (let i = 1; i <= 4; i++) {
      await page.keyboard.press(`Digit${i}`);
      await expect.poll(() => page.getByTestId(`check-p${i}`).getAttribute('data-checked')).toBe('true');
    }
    await page.getByTestId('check-all-ok').waitFor();
    // the gamepad button lights team 1 too
    await page.getByTestId('check-toggle').tap();
    await page.getByTestId('check-toggle').tap();
    expect(await page.getByTestId('check-p1').getAttribute('data-checked')).toBe('false');
    await padPress(page, 3, () => expect.poll(() => page.getByTestId('check-p1').getAttribute('data-checked')).toBe('true'));
    for (let i = 2; i <= 4; i++) await page.keyboard.press(`Digit${i}`);
    await page.getByTestId('check-all-ok').waitFor();
    await page.getByTestId('check-all-ok').scrollIntoViewIfNeeded();
    await shot(page, 'staff-02-setup-check');

    await page.getByTestId('setup-start').tap();
    await waitPhase(page, 'roundIntro');
    expect(await page.getByTestId('host-shortcuts').textContent()).toContain('P');
    await shot(page, 'staff-03-round-intro');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'question');

    // Q1: team 2 buzzes, the host taps its (right) answer
    const id1 = await currentQuestion(page);
    const right1 = crossing.find((q) => q.id === id1)!.answer[0]!;
    await page.keyboard.press('Digit2');
    await page.getByTestId('host-holder').waitFor();
    expect(await page.getByTestId('host-holder').textContent()).toContain('蓝队');
    await shot(page, 'staff-04-buzzed');
    await page.getByTestId(`host-choice-${right1}`).tap();
    await waitPhase(page, 'locked');
    expect(await page.getByTestId('host-locked').textContent()).toContain('蓝队');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'revealed');
    await page.getByTestId('host-reveal').waitFor();
    await shot(page, 'staff-05-reveal');
    await page.getByTestId('host-continue').tap();
    await waitPhase(page, 'scoreboard');
    expect(await page.getByTestId('score-p2').getAttribute('data-points')).toBe('10');
    await shot(page, 'staff-06-scoreboard');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'question');

    // Q2: team 1 buzzes on its gamepad and answers wrong (−5), team 3 buzzes on screen and answers right
    const id2 = await currentQuestion(page);
    expect(id2).not.toBe(id1);
    const q2 = crossing.find((q) => q.id === id2)!;
    await padPress(page, 3, () => page.getByTestId('host-holder').waitFor());
    await page.getByTestId(`host-choice-${q2.choices.find((c) => !q2.answer.includes(c.id))!.id}`).tap();
    await waitPhase(page, 'question');
    await page.keyboard.press('Digit1'); // out for this question: nothing happens
    expect(await phase(page)).toBe('question');
    await page.getByTestId('buzz-p3').tap(); // an on-screen buzzer
    await page.getByTestId('host-holder').waitFor();
    await page.getByTestId(`host-choice-${q2.answer[0]}`).tap();
    await waitPhase(page, 'locked');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'scoreboard');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'question');

    // Q3 is open: reload the console mid-question
    const id3 = await currentQuestion(page);
    const before = await points(page);
    expect(before).toEqual({ p1: -5, p2: 10, p3: 10, p4: 0 });
    await page.reload();
    await page.getByTestId('pin-enter').waitFor();
    await keypad(page, PIN);
    await page.getByTestId('host').waitFor();
    expect(await currentQuestion(page)).toBe(id3);
    expect(await points(page)).toEqual(before);
    expect(await page.getByTestId('host').getAttribute('data-paused')).toBe('true');
    await page.getByTestId('host-resumed').waitFor();
    await shot(page, 'staff-07-resumed');
    await page.keyboard.press('KeyP'); // resume
    await expect.poll(() => page.getByTestId('host').getAttribute('data-paused')).toBe('false');
    expect(await page.getByTestId('host-countdown').getAttribute('data-seconds')).not.toBe('0');

    // Q3: team 4 wins it, then the host undoes that award
    await page.keyboard.press('Digit4');
    await page.getByTestId('host-holder').waitFor();
    await page.getByTestId(`host-choice-${crossing.find((q) => q.id === id3)!.answer[0]}`).tap();
    await waitPhase(page, 'locked');
    expect((await points(page)).p4).toBe(10);
    await page.keyboard.press('KeyU');
    await expect.poll(async () => (await points(page)).p4).toBe(0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'scoreboard');
    await page.keyboard.press('Enter');

    // round 2 (challenge): the host locks the first item unanswered, skips the second
    await waitPhase(page, 'roundIntro');
    await page.getByTestId('host-continue').tap();
    await waitPhase(page, 'question');
    expect(await page.getByTestId('host-prompt').textContent()).toMatch(/马路|横道|天桥/);
    await shot(page, 'staff-08-challenge');
    await page.keyboard.press('KeyL');
    await waitPhase(page, 'locked');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'scoreboard');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'question');
    await page.getByTestId('host-skip').tap();
    await waitPhase(page, 'scoreboard');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'podium');
    await page.getByTestId('podium-1').waitFor();
    expect(await page.getByTestId('podium-1').textContent()).toMatch(/蓝队|黄队/);
    await expect.poll(() => page.getByTestId('results-saved').getAttribute('class')).toBe('ok-note');
    await shot(page, 'staff-09-podium');

    // statistics per group: each team's result under its group, mode competition
    await page.getByTestId('tab-stats').tap();
    await page.getByTestId('period-today').tap();
    await page.getByTestId('stats-mode').selectOption('competition');
    // the table and the key figures are recomputed after each filter change: wait for the last one
    for (const grp of groups) await expect.poll(() => page.getByTestId(`stats-row-${grp}`).locator('[data-col="attempts"]').textContent()).toBe('1');
    await expect.poll(() => page.getByTestId('kpi-attempts').textContent()).toBe('4');
    await page.getByTestId('chart-by').locator('canvas').waitFor();
    await shot(page, 'staff-10-stats');

    await page.getByTestId('tab-leaderboard').tap();
    await page.getByTestId('lb-table').waitFor();
    expect(await page.getByTestId('lb-table').textContent()).toContain('蓝队');
    await shot(page, 'staff-11-leaderboard');

    // CSV export: UTF-8 with a BOM, Chinese nicknames readable
    await page.getByTestId('tab-data').tap();
    await expect.poll(() => page.getByTestId('export-count').textContent()).toContain('共 4 条成绩');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').tap()]);
    expect(download.suggestedFilename()).toMatch(/^hall-results-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,visitorId,nickname,group,zone,mode,/);
    expect(lines).toHaveLength(5);
    for (const [name, grp] of [['红队', 'child'], ['蓝队', 'teen'], ['黄队', 'adult'], ['绿队', 'senior']])
      expect(lines.some((l) => l.includes(`,${name},${grp},crossing,competition,`))).toBe(true);

    // JSON export, imported back: nothing is added twice
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').tap()]);
    const jsonPath = (await jsonDownload.path())!;
    expect(JSON.parse(readFileSync(jsonPath, 'utf8'))).toMatchObject({ format: 'traffic-hall-export', version: 1 });
    await page.getByTestId('import-file').setInputFiles({ name: 'hall.json', mimeType: 'application/json', buffer: readFileSync(jsonPath) });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('新增 0 条，已存在 4 条');

    // purge everything, after a confirmation
    await page.getByTestId('purge-all').tap();
    await expect.poll(() => page.getByTestId('purge-preview').textContent()).toContain('4 条成绩');
    await page.getByTestId('purge-start').tap();
    await page.getByTestId('purge-dialog').waitFor();
    await shot(page, 'staff-12-purge-confirm');
    await page.getByTestId('purge-dialog-cancel').tap();
    expect(await page.getByTestId('purge-dialog').count()).toBe(0);
    await page.getByTestId('purge-start').tap();
    await page.getByTestId('purge-dialog-confirm').tap();
    await page.getByTestId('purge-done').waitFor();
    await page.getByTestId('tab-stats').tap();
    await page.getByTestId('period-all').tap();
    await page.getByTestId('stats-empty').waitFor();

    // the JSON backup brings the results back
    await page.getByTestId('tab-data').tap();
    await page.getByTestId('import-file').setInputFiles({ name: 'hall.json', mimeType: 'application/json', buffer: readFileSync(jsonPath) });
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('新增 4 条');
    await page.getByTestId('tab-stats').tap();
    await expect.poll(() => page.getByTestId('kpi-attempts').textContent()).toBe('4');
  });

  it('visitor screens never load the staff console or its charts (a lazy chunk of its own)', async () => {
    const g = await suite.page(KIOSK);
    const { page } = g;
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
    await open(page, '#/');
    await page.getByTestId('begin').waitFor();
    await page.getByTestId('begin').tap();
    await page.getByTestId('nickname').waitFor();
    expect((await scripts()).filter((n) => /StaffApp-/.test(n))).toEqual([]);
    await open(page, '#/staff');
    await page.getByTestId('pin-setup').waitFor();
    expect((await scripts()).filter((n) => /StaffApp-/.test(n))).toHaveLength(1);
  });

  it('kiosk: after the idle time the attract loop covers a visitor screen and ends the visit; a tap returns to the start', async () => {
    const g = await suite.page(KIOSK);
    const { page } = g;
    await open(page, '#/staff');
    await setPin(page);
    await page.getByTestId('tab-kiosk').tap();
    await page.getByTestId('kiosk-idle').fill('5');
    await page.getByTestId('kiosk-idle').press('Enter');
    await page.getByTestId('kiosk-attract').check();
    await shot(page, 'staff-13-kiosk-settings');
    await page.getByTestId('staff-lock').tap();
    // a zone station's deep link: an anonymous visitor of the child group
    await open(page, '#/zone/crossing?mode=competition&group=child');
    await page.getByTestId('zone-title').waitFor();
    await page.getByTestId('visitor').waitFor();
    await page.getByTestId('attract').waitFor({ timeout: 15_000 });
    await page.getByTestId('attract-zone').waitFor();
    await page.waitForTimeout(800); // the slide's fade-in
    await shot(page, 'staff-14-attract');
    await page.getByTestId('attract').tap();
    // gone well before the next idle period (5 s) could bring it back on a slow machine
    await page.getByTestId('attract').waitFor({ state: 'detached', timeout: 3000 });
    await page.waitForURL(/#\/$/);
    await page.getByTestId('begin').waitFor();
    // the visit ended: the zone page (same tab, no reload) now asks for a profile first
    await page.evaluate(() => (window.location.hash = '#/zone/crossing?mode=competition'));
    await page.getByTestId('begin').waitFor();
    expect(await page.getByTestId('zone-title').count()).toBe(0);
  });
});
