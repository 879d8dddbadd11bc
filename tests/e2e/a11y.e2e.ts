// Accessibility of every visitor and staff screen: axe (@axe-core/playwright) finds no violations,
// and the keyboard path behaves like pages do: a new screen opens at its top with focus on its
// heading and is announced; the mode dialog keeps focus inside and Escape returns it to the zone
// card; the arrow keys move between zone cards; results fill their mastery bars; "read aloud" says
// when the device has no voice.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { E2E_SETUP_CODE } from './browser.ts';
import { open, shot } from './helpers.ts';
import { browserSuite } from './suite.ts';

const suite = browserSuite();
const PIN = '1357';

/** axe's violations on the page as it is now, as readable lines (rule: target). */
async function axe(page: Page, screen: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${screen}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, testid: document.activeElement?.getAttribute('data-testid'), text: document.activeElement?.textContent }));

async function answerAll(page: Page, prefix: 'test' | 'practice') {
  for (let i = 0; i < 20; i++) {
    const done = await page.locator(`[data-testid="${prefix}-result"]`).count();
    if (done) return;
    await page.locator(`[data-testid="${prefix}-question"] .choice, [data-testid="${prefix}-question"] [data-testid^="practice-choice"]`).first().click();
    const submit = page.getByTestId('test-submit');
    if (prefix === 'test' && (await submit.count()) && (await submit.isEnabled())) await submit.click();
    await page.getByTestId(`${prefix}-next`).click();
  }
}

async function keypad(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}

describe('accessibility', () => {
  it('axe finds no violations on any visitor screen, and the keyboard path works', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    const found: string[] = [];
    await open(page, '#/');
    await page.getByTestId('begin').waitFor();
    found.push(...(await axe(page, 'start')));
    await page.keyboard.press('Enter'); // "start" has the focus
    await page.getByTestId('nickname').waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    await expect.poll(() => page.getByTestId('screen-announcer').textContent()).toBe('创建体验档案');
    found.push(...(await axe(page, 'profile')));
    await page.getByTestId('nickname').fill('小明');
    await page.getByTestId('group-child').click();
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    // the hall opens at its top, focus on its heading, its name announced
    await expect.poll(async () => (await focused(page)).tag).toBe('H1');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => page.getByTestId('screen-announcer').textContent()).toBe('交通安全体验馆');
    found.push(...(await axe(page, 'hall')));

    // arrow keys move between the zone cards, as the hint says
    await page.getByTestId('portal-crossing').focus();
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).testid).toBe('portal-ebike');
    await page.keyboard.press('ArrowDown');
    const below = (await focused(page)).testid;
    expect(below).not.toBe('portal-ebike');
    await page.keyboard.press('End');
    expect((await focused(page)).testid).toBe('portal-signals');
    await page.keyboard.press('Home');
    expect((await focused(page)).testid).toBe('portal-crossing');

    // the mode dialog: focus inside, Tab wraps, Escape returns to the card
    await page.getByTestId('portal-drunk').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('mode-picker').waitFor();
    found.push(...(await axe(page, 'mode dialog')));
    expect((await focused(page)).testid).toBe('mode-game');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="mode-picker"]'))).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="mode-picker"]'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('mode-picker').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).testid).toBe('portal-drunk');

    // the self-test: question, feedback, result with filled mastery bars
    await page.keyboard.press('Enter');
    await page.getByTestId('mode-test').click();
    await page.locator('[data-testid="test-question"], [data-testid="test-empty"]').first().waitFor();
    await expect.poll(async () => (await focused(page)).testid).toBe('zone-title');
    if (await page.getByTestId('test-empty').count()) {
      // no questions for children here yet: the nearest useful thing, not a bare sentence
      await page.locator('[data-testid="test-empty"] .actions, [data-testid="test-empty"] .hint').last().waitFor();
      found.push(...(await axe(page, 'test empty')));
      await shot(page, 'a11y-test-empty');
      await page.getByTestId('test-all-ages').click();
      await page.getByTestId('test-all-ages-banner').waitFor();
    }
    await page.getByTestId('test-question').waitFor();
    found.push(...(await axe(page, 'test question')));
    const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.startsWith('zh')).length);
    await page.getByTestId('read-aloud').click();
    if (voices === 0) await expect.poll(() => page.getByTestId('read-aloud-none').textContent()).toContain('没有中文语音');
    const box = (await page.locator('.read-aloud, .read-aloud-none').first().boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(voices ? 44 : 0);
    await page.locator('[data-testid="test-question"] .choice').first().click();
    if (await page.getByTestId('test-submit').count()) await page.getByTestId('test-submit').click();
    await page.getByTestId('test-feedback').waitFor();
    found.push(...(await axe(page, 'test feedback')));
    await page.getByTestId('test-next').click();
    await answerAll(page, 'test');
    await page.getByTestId('test-result').waitFor();
    found.push(...(await axe(page, 'test result')));
    const meters = await page.locator('[data-testid="test-mastery"] [role="meter"]').evaluateAll((ms) =>
      ms.map((m) => ({ now: Number(m.getAttribute('aria-valuenow')), width: (m.firstElementChild as HTMLElement).getBoundingClientRect().width, height: (m.firstElementChild as HTMLElement).getBoundingClientRect().height, full: m.getBoundingClientRect().width })),
    );
    expect(meters.length).toBeGreaterThan(0);
    for (const m of meters) {
      expect(m.height).toBeGreaterThan(4);
      expect(Math.abs(m.width - (m.full * m.now) / 100)).toBeLessThan(2);
    }
    await shot(page, 'a11y-test-result');

    // competition practice: intro, question, feedback, result
    await page.evaluate(() => (window.location.hash = '#/zone/drunk?mode=competition'));
    await page.getByTestId('practice-start').waitFor();
    found.push(...(await axe(page, 'practice intro')));
    await page.getByTestId('practice-start').click();
    await page.getByTestId('practice-question').waitFor();
    found.push(...(await axe(page, 'practice question')));
    await answerAll(page, 'practice');
    await page.getByTestId('practice-result').waitFor();
    found.push(...(await axe(page, 'practice result')));
    await shot(page, 'a11y-practice-result');

    // a zone without a game, and a game's intro
    await page.evaluate(() => (window.location.hash = '#/zone/seatbelt?mode=game'));
    await page.getByTestId('no-game').waitFor();
    found.push(...(await axe(page, 'no game')));
    await page.evaluate(() => (window.location.hash = '#/zone/crossing?mode=game'));
    await page.getByTestId('game-start').waitFor();
    found.push(...(await axe(page, 'game intro')));
    expect(found).toEqual([]);
  }, 300_000);

  it('axe finds no violations on the staff console\'s screens', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    const found: string[] = [];
    await open(page, '#/staff');
    // a device without a PIN: the setup code first (the test build's), then the PIN
    await page.getByTestId('setup-code').waitFor();
    found.push(...(await axe(page, 'setup code')));
    await page.getByTestId('setup-code').fill(E2E_SETUP_CODE);
    await page.getByTestId('setup-code-ok').click();
    await page.getByTestId('pin-set').waitFor();
    found.push(...(await axe(page, 'pin set')));
    await keypad(page, PIN);
    await page.getByTestId('pin-confirm').waitFor();
    await keypad(page, PIN);
    await page.getByTestId('staff-console').waitFor();
    found.push(...(await axe(page, 'competition setup')));
    for (const tab of ['stats', 'leaderboard', 'data', 'kiosk']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(400);
      found.push(...(await axe(page, `staff ${tab}`)));
    }
    await page.getByTestId('staff-lock').click();
    await open(page, '#/staff');
    await page.getByTestId('pin-enter').waitFor();
    found.push(...(await axe(page, 'pin enter')));
    expect(found).toEqual([]);
  }, 240_000);
});
