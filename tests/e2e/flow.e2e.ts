// The visitor's whole flat-skin flow on the built app: start → profile → hall → mode → zone, in
// zh-Hans, zh-Hant and en; reload safety; deep links; every zone route; keyboard and touch.
import { describe, expect, it } from 'vitest';
import { canvasVariety } from './browser.ts';
import { browserSuite } from './suite.ts';
import { open, portalPoint, shot, waitForHall3d } from './helpers.ts';

const ZONES = {
  crossing: { 'zh-Hans': '行人过街', 'zh-Hant': '行人過街', en: 'Street crossing' },
  ebike: { 'zh-Hans': '电动自行车', 'zh-Hant': '電動自行車', en: 'E-bike riding' },
  drunk: { 'zh-Hans': '酒驾醉驾', 'zh-Hant': '酒駕醉駕', en: 'Drink & drug driving' },
  blindspot: { 'zh-Hans': '大车盲区', 'zh-Hant': '大車盲區', en: 'Truck blind spots' },
  seatbelt: { 'zh-Hans': '安全带与分心驾驶', 'zh-Hant': '安全帶與分心駕駛', en: 'Seat belts & distraction' },
  signals: { 'zh-Hans': '标志标线与交警手势', 'zh-Hant': '標誌標線與交警手勢', en: 'Signs, markings & police signals' },
} as const;

const suite = browserSuite();

describe('visitor flow (flat skin)', () => {
  it('walks start → profile → hall → mode → zone in Chinese, survives reload, switches language in place', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hans');
    await page.getByTestId('begin').waitFor();
    expect(await page.locator('h1').textContent()).toBe('交通安全体验馆');
    // production pages carry the strict CSP
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("connect-src 'self' blob: data:");
    await shot(page, 'zh-Hans-01-start');

    await page.getByTestId('begin').click();
    await page.getByTestId('profile-save').click();
    expect(await page.getByTestId('profile-error').textContent()).toContain('昵称');
    await page.getByTestId('nickname').fill('小明');
    await page.getByTestId('group-child').click();
    await shot(page, 'zh-Hans-02-profile');
    await page.getByTestId('profile-save').click();

    await page.waitForURL(/#\/hall$/);
    expect(await page.getByTestId('visitor').textContent()).toBe('小明 · 儿童');
    await waitForHall3d(page);
    expect(await canvasVariety(page)).toBeGreaterThan(0.05);
    await shot(page, 'zh-Hans-03-hall');

    await page.getByTestId('portal-crossing').click();
    await page.getByTestId('mode-picker').waitFor();
    await shot(page, 'zh-Hans-04-modes');
    await page.getByTestId('mode-competition').click();
    await page.waitForURL(/#\/zone\/crossing\?mode=competition$/);
    expect(await page.getByTestId('zone-title').textContent()).toBe('行人过街');
    // a visitor's competition mode: the practice round of the zone's challenge, not "under construction"
    await page.getByTestId('practice-start').waitFor();
    expect(await page.locator('h2').first().textContent()).toContain('现在能过马路吗');
    await shot(page, 'zh-Hans-05-zone');

    // reload: same route, same visitor
    await page.reload();
    await page.getByTestId('zone-title').waitFor();
    expect(await page.getByTestId('zone-mode').textContent()).toContain('知识竞赛');
    expect(await page.getByTestId('visitor').textContent()).toBe('小明 · 儿童');

    // switching language never reloads the page
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByTestId('lang-zh-Hant').click();
    await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe('行人過街');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await shot(page, 'zh-Hant-05-zone');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe('Street crossing');
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await shot(page, 'en-05-zone');

    // the language choice is part of the saved profile
    await page.reload();
    await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe('Street crossing');
    await page.getByTestId('back').click();
    await page.waitForURL(/#\/hall$/);
    await waitForHall3d(page);
    expect(await canvasVariety(page)).toBeGreaterThan(0.05);
    await shot(page, 'en-03-hall');
  });

  it('walks the flow in English with large text, picking a portal in the 3D view', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/');
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('begin').textContent()).toBe('Start');
    await shot(page, 'en-01-start');
    await page.getByTestId('begin').click();
    await page.getByTestId('random-nickname').click();
    const nickname = await page.getByTestId('nickname').inputValue();
    expect(nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    await page.getByTestId('group-driver').click();
    await page.getByTestId('text-large').click();
    await shot(page, 'en-02-profile');
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    expect(await page.locator('html').getAttribute('data-text-size')).toBe('large');
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(fontSize).toBeGreaterThan(20);
    await waitForHall3d(page);
    await shot(page, 'en-03-hall-large');

    await page.locator('canvas').first().scrollIntoViewIfNeeded();
    const p = await portalPoint(page, 'drunk');
    expect(p.y).toBeGreaterThan(0);
    expect(p.y).toBeLessThan(800);
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(200);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('mode-picker').waitFor();
    expect(await page.getByTestId('mode-picker').textContent()).toContain('Drink & drug driving');
    // the drink-driving zone offers all three modes, its game first
    expect(await page.locator('[data-testid="mode-picker"] .mode').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')))).toEqual(['mode-game', 'mode-test', 'mode-competition']);
    expect(await page.getByTestId('mode-no-game').count()).toBe(0);
    await page.getByTestId('mode-test').click();
    await page.waitForURL(/#\/zone\/drunk\?mode=test$/);
    expect(await page.getByTestId('zone-title').textContent()).toBe('Drink & drug driving');
  });

  it('reaches every zone route in every mode, and names unknown ids', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/hall?group=adult&lang=zh-Hans');
    await page.getByTestId('visitor').waitFor();
    for (const [id, titles] of Object.entries(ZONES)) {
      for (const mode of ['game', 'test', 'competition']) {
        await open(page, `#/zone/${id}?mode=${mode}&group=adult&lang=zh-Hans`);
        await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe(titles['zh-Hans']);
      }
      await shot(page, `zh-Hans-zone-${id}`);
    }
    await open(page, '#/zone/moon?mode=game');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('moon');
    await open(page, '#/zone/crossing?mode=fly');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('fly');
    await open(page, '#/nowhere');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('找不到');
    await shot(page, 'zh-Hans-unknown-route');
  });

  it('deep links start an anonymous visitor of the group and language without a stored profile', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/zone/ebike?mode=test&group=teen&lang=en');
    await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe('E-bike riding');
    expect(await page.getByTestId('visitor').textContent()).toBe('Guest · Teen');
    expect(await page.getByTestId('zone-mode').textContent()).toBe('Mode: Self-test');
    await shot(page, 'en-deeplink-ebike');

    await open(page, '#/hall?group=child');
    // the session keeps English: the link names a group only
    await expect.poll(() => page.getByTestId('visitor').textContent()).toBe('Guest · Child');
    await open(page, '#/hall?group=martian&lang=xx');
    const notices = await page.getByTestId('notice').allTextContents();
    expect(notices.join(' ')).toContain('martian');
    expect(notices.join(' ')).toContain('xx');
  });

  it('a plain link without a profile asks for one, then lands where it pointed', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/zone/signals?mode=game');
    await page.getByTestId('begin').click();
    await page.getByTestId('random-nickname').click();
    await page.getByTestId('group-senior').click();
    await page.getByTestId('profile-save').click();
    await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe('标志标线与交警手势');
    expect(page.url()).toMatch(/#\/zone\/signals\?mode=game$/);
  });

  it('works with the keyboard alone', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/hall?group=teen&lang=en');
    await page.getByTestId('portal-blindspot').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('mode-picker').waitFor();
    // focus moves into the dialog (the first offered mode: the game); Escape closes it and gives the
    // focus back to the zone's card
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mode-game');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('mode-picker').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('portal-blindspot');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/zone\/blindspot\?mode=competition/);
  });

  it('works with touch alone on a kiosk-sized screen', async () => {
    const g = await suite.page({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const { page } = g;
    await open(page, '#/');
    await page.getByTestId('begin').tap();
    await page.getByTestId('random-nickname').tap();
    await page.getByTestId('group-rider').tap();
    await page.getByTestId('profile-save').tap();
    await page.waitForURL(/#\/hall$/);
    await page.getByTestId('portal-ebike').tap();
    await page.getByTestId('mode-game').tap();
    await page.waitForURL(/#\/zone\/ebike\?mode=game$/);
    await shot(page, 'kiosk-zone-ebike');
  });

  it('keeps working in memory, with a clear message, when IndexedDB is unavailable', async () => {
    const g = await suite.page();
    const { page } = g;
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    await open(page, '#/');
    await page.getByTestId('begin').click();
    await page.getByTestId('random-nickname').click();
    await page.getByTestId('group-adult').click();
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('存储')]);
    await shot(page, 'zh-Hans-storage-down');
  });

  it('works offline once loaded: reload without a network still opens the hall in 3D', async () => {
    const g = await suite.page();
    const { page, context } = g;
    await open(page, '#/hall?group=senior&lang=zh-Hant');
    await waitForHall3d(page);
    // the service worker takes control of the first visit (clientsClaim) and precaches everything
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state;
    });
    await context.setOffline(true);
    await page.reload();
    await waitForHall3d(page);
    expect(await page.getByTestId('visitor').textContent()).toBe('訪客 · 老年人');
    expect(await canvasVariety(page)).toBeGreaterThan(0.05);
    await shot(page, 'zh-Hant-offline-hall');
    await context.setOffline(false);
  });

  it('a lost WebGL context shows a clear message and the hall draws again once it is restored', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/hall?group=adult&lang=en');
    await waitForHall3d(page);
    await page.evaluate(() => {
      const gl = (window as unknown as { __hall3d: { gl: { getContext(): WebGLRenderingContext } } }).__hall3d.gl.getContext();
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __lose: WEBGL_lose_context }).__lose.loseContext();
    });
    await expect.poll(() => page.getByTestId('notice').allTextContents()).toEqual([expect.stringContaining('3D view was interrupted')]);
    await shot(page, 'en-context-lost');
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await expect.poll(() => page.getByTestId('notice').count()).toBe(0);
    await page.waitForTimeout(1500);
    expect(await canvasVariety(page)).toBeGreaterThan(0.05);
    // the visitor can carry on
    await page.getByTestId('portal-crossing').click();
    await page.getByTestId('mode-picker').waitFor();
  });
});
