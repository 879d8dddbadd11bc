// A visitor never hits a dead end (issue 17), at the three screen sizes a hall has: a classroom
// desktop (1366×768), a portrait touch kiosk (1080×1920) and a phone (390×844). One page per size
// walks every zone's offered modes for every audience group; a kiosk hands over to the next visitor;
// a typed nickname with a surname outside the content's glyphs renders on a screen and in the headset.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BASE } from './browser.ts';
import { open, shot } from './helpers.ts';
import { browserSuite } from './suite.ts';
import { enterVR, xrFrames } from './xr.ts';

const groups: { id: string; name: { 'zh-Hans': string } }[] = JSON.parse(readFileSync('quizzes/groups.json', 'utf8')).groups;
const ZONES = ['crossing', 'ebike', 'drunk', 'blindspot', 'seatbelt', 'signals'];
const TITLES: Record<string, string> = Object.fromEntries(ZONES.map((z) => [z, JSON.parse(readFileSync(`scenes/${z}.json`, 'utf8')).title['zh-Hans']]));
const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, hasTouch: false },
  { name: 'kiosk', viewport: { width: 1080, height: 1920 }, hasTouch: true },
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true },
] as const;

const suite = browserSuite();

const press = (page: Page, testid: string, touch: boolean) => (touch ? page.getByTestId(testid).tap() : page.getByTestId(testid).click());

/** The new screen opened at its top, with focus on its heading. */
async function openedAtTop(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

/** No visitor screen says "under construction". */
async function noDeadEnd(page: Page) {
  const body = await page.evaluate(() => document.body.innerText);
  expect(body).not.toContain('建设中');
  expect(body).not.toContain('being built');
}

/** The screen a mode leads to works: the game's intro, a test question (or the all-ages fallback, then a
 * question), the practice's first question. */
async function modeWorks(page: Page, zone: string, mode: string, touch: boolean) {
  // this zone's screen, not the last one still on its way out
  await expect.poll(() => page.getByTestId('zone-title').textContent()).toBe(TITLES[zone]);
  if (mode === 'game') {
    await page.getByTestId('game-intro').waitFor();
    await page.getByTestId('game-start').waitFor();
  } else if (mode === 'test') {
    await page.locator(`[data-testid="test-question"][data-question^="${zone}-"], [data-testid="test-empty"]`).first().waitFor();
    if (await page.getByTestId('test-empty').count()) {
      await press(page, 'test-all-ages', touch);
      await page.getByTestId('test-question').waitFor();
    }
    expect(await page.locator('[data-testid="test-question"] .choice').count()).toBeGreaterThanOrEqual(2);
  } else {
    // the visitor's practice in this zone may already be under way (the same store for both visits)
    await page.locator('[data-testid="practice-start"], [data-testid="practice-question"], [data-testid="practice-result"]').first().waitFor();
    if (await page.getByTestId('practice-start').count()) await press(page, 'practice-start', touch);
    const item = zone === 'crossing' ? 'safe-to-cross-' : `${zone}-`;
    await page.locator(`[data-testid="practice-question"][data-item^="${item}"]`).waitFor();
    expect(await page.locator('[data-testid="practice-question"] .choice').count()).toBeGreaterThanOrEqual(2);
  }
  await noDeadEnd(page);
}

describe('no dead ends', () => {
  for (const size of SIZES)
    it(`${size.name} ${size.viewport.width}×${size.viewport.height}: every mode button of every zone leads to a working screen, for every group`, async () => {
      const { page } = await suite.page({ viewport: size.viewport, hasTouch: size.hasTouch });
      const touch = size.hasTouch;
      const offers: Record<string, string[]> = {};
      // 1. the buttons: each zone's dialog offers a game only where one exists, and each offered
      //    button leads to its screen, opened at its top
      await open(page, `#/hall?group=${groups[0]!.id}&lang=zh-Hans`);
      for (const zone of ZONES) {
        await page.getByTestId(`portal-${zone}`).waitFor();
        await press(page, `portal-${zone}`, touch);
        await page.getByTestId('mode-picker').waitFor();
        const offered = await page.locator('[data-testid="mode-picker"] .mode').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')!.slice(5)));
        offers[zone] = offered;
        const hasGame = offered.includes('game');
        // a zone without a game says so (dialog and card) instead of offering a button that leads nowhere
        expect(await page.getByTestId('mode-no-game').count()).toBe(hasGame ? 0 : 1);
        expect(await page.getByTestId(`no-game-${zone}`).count()).toBe(hasGame ? 0 : 1);
        expect(offered.filter((m) => m !== 'game')).toEqual(['test', 'competition']);
        if (zone === 'drunk') await shot(page, `visitor-${size.name}-modes-drunk`);
        for (const [mi, mode] of offered.entries()) {
          if (mi > 0) {
            await press(page, `portal-${zone}`, touch);
            await page.getByTestId('mode-picker').waitFor();
          }
          await press(page, `mode-${mode}`, touch);
          await page.waitForURL(new RegExp(`#/zone/${zone}\\?mode=${mode}`));
          if (mode !== 'game') await openedAtTop(page);
          await modeWorks(page, zone, mode, touch);
          if (zone === 'crossing' || zone === 'drunk') await shot(page, `visitor-${size.name}-${zone}-${mode}`);
          await press(page, 'back', touch);
          await page.waitForURL(/#\/hall(\?|$)/);
        }
      }
      // every zone has its game now, for every group (the registry has all six)
      for (const zone of ZONES) expect(offers[zone], zone).toContain('game');

      // 2. every group: the same routes the buttons lead to (self-test and practice content depend on
      //    the group, and so does the text size). Every group's game is played in Node
      //    (src/zones/*/rules.test.ts run each zone for every group); here the games' 3D scenes were
      //    the slow part, so step 1's intros (the child's, the largest text) stand for them.
      let screens = 0;
      for (const group of groups) {
        for (const zone of ZONES)
          for (const mode of offers[zone]!) {
            if (mode === 'game') continue;
            await page.evaluate((h) => (window.location.hash = h), `#/zone/${zone}?mode=${mode}&group=${group.id}`);
            await expect.poll(() => page.getByTestId('visitor').textContent()).toBe(`访客 · ${group.name['zh-Hans']}`);
            await modeWorks(page, zone, mode, touch);
            screens++;
          }
      }
      expect(screens).toBeGreaterThanOrEqual(groups.length * ZONES.length * 2);
    }, 900_000);
});

describe('kiosk hand-over', () => {
  it('on a portrait touch kiosk: "start" comes first, the last visitor\'s "continue" is small; idle resets to the start by default', async () => {
    const { page, context } = await suite.page({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await context.clock.install();
    await open(page, '#/');
    await page.getByTestId('begin').tap();
    await page.getByTestId('nickname').fill('王奶奶');
    await page.getByTestId('group-senior').tap();
    await page.getByTestId('profile-save').tap();
    await page.waitForURL(/#\/hall$/);
    await page.getByTestId('edit-profile').tap();
    await page.getByTestId('resume').waitFor();
    // "start" first and primary, with the focus; "continue (王奶奶)" below it, smaller
    const begin = (await page.getByTestId('begin').boundingBox())!;
    const resume = (await page.getByTestId('resume').boundingBox())!;
    expect(await page.getByTestId('resume').textContent()).toBe('继续（王奶奶）');
    expect(resume.y).toBeGreaterThan(begin.y + begin.height - 1);
    expect(resume.height).toBeLessThan(begin.height);
    expect(resume.height).toBeGreaterThanOrEqual(44);
    expect(await page.getByTestId('begin').getAttribute('class')).toContain('primary');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('begin');
    // the staff link is small and out of the way, but still a 44 px target
    const staff = (await page.getByTestId('staff-link').boundingBox())!;
    expect(staff.height).toBeGreaterThanOrEqual(44);
    expect(staff.y).toBeGreaterThan(resume.y);
    await shot(page, 'visitor-kiosk-handover-start');
    // the same visitor back within the minute continues
    await page.getByTestId('resume').tap();
    await page.waitForURL(/#\/hall$/);
    expect(await page.getByTestId('visitor').textContent()).toBe('王奶奶 · 老年人');

    // idle reset is on by default on a kiosk (no staff setting saved): after 90 s the attract loop
    // ends the visit, and the next visitor finds "start" alone
    await context.clock.fastForward('01:35');
    await page.getByTestId('attract').waitFor();
    await page.getByTestId('attract').tap();
    await page.waitForURL(/#\/$/);
    await page.getByTestId('begin').waitFor();
    expect(await page.getByTestId('resume').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('begin');
    // the tap that dismissed it counts as activity: the next visitor is not shown the loop again at once
    await context.clock.fastForward('00:10');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('attract').count()).toBe(0);
    await shot(page, 'visitor-kiosk-after-idle');
  });

  it('a classroom desktop is not a kiosk: no idle reset unless staff turn it on; "continue" still expires', async () => {
    const { page, context } = await suite.page({ viewport: { width: 1366, height: 768 } });
    await context.clock.install();
    await open(page, '#/');
    await page.getByTestId('begin').click();
    await page.getByTestId('nickname').fill('小红');
    await page.getByTestId('group-teen').click();
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    await context.clock.fastForward('02:00');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('attract').count()).toBe(0);
    expect(await page.getByTestId('visitor').textContent()).toBe('小红 · 青少年');
    await page.getByTestId('edit-profile').click();
    await page.getByTestId('resume').waitFor();
    await context.clock.fastForward('12:01:00');
    await page.getByTestId('resume').waitFor({ state: 'detached' });
    expect(await page.getByTestId('begin').count()).toBe(1);
  });
});

/** Non-background pixels of an element's screenshot, and a hash of them (to tell two glyphs apart). */
async function inkOf(page: Page, selector: string): Promise<{ ink: number; sig: string }> {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    const bits: number[] = [];
    for (let i = 0; i < d.length; i += 4) {
      const on = d[i]! + d[i + 1]! + d[i + 2]! > 3 * 128;
      if (on) ink++;
      bits.push(on ? 1 : 0);
    }
    return { ink, sig: bits.join('') };
  }, png.toString('base64'));
}

describe('typed nicknames', () => {
  it('a surname outside the content\'s glyphs (薛) renders on the screen from the lazily loaded nickname font; a character no font has is refused', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    const fonts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/fonts/')));
    await open(page, '#/');
    await page.getByTestId('begin').click();
    await page.getByTestId('nickname').waitFor();
    // the start screen and the form with the content's own text never need the nickname fonts
    expect((await fonts()).filter((n) => n.includes('names-'))).toEqual([]);
    await page.getByTestId('nickname').fill('𠀀小明');
    await page.getByTestId('group-adult').click();
    await page.getByTestId('profile-save').click();
    await expect.poll(() => page.getByTestId('profile-error').textContent()).toContain('𠀀');
    expect(await page.getByTestId('profile-error').textContent()).toContain('无法在展馆的屏幕上显示');
    await page.getByTestId('nickname').fill('薛奶奶');
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    await expect.poll(() => page.getByTestId('visitor').textContent()).toBe('薛奶奶 · 成年行人');
    await page.evaluate(() => document.fonts.ready);
    expect((await fonts()).filter((n) => n.includes('names-sc.woff')).length).toBeGreaterThanOrEqual(1);
    // drawn, not a box: 薛 beside a character no font has (a .notdef box) and one the content font has
    await page.evaluate(() => {
      const chip = document.querySelector('[data-testid="visitor"]')!;
      for (const [id, ch] of [['probe-rare', '薛'], ['probe-none', '\u{2A6A5}'], ['probe-common', '奶']])
        chip.insertAdjacentHTML('afterend', `<span class="chip" data-probe="${id}" style="font-size:40px;line-height:1">${ch}</span>`);
    });
    await page.evaluate(() => document.fonts.ready);
    const rare = await inkOf(page, '[data-probe="probe-rare"]');
    const none = await inkOf(page, '[data-probe="probe-none"]');
    const common = await inkOf(page, '[data-probe="probe-common"]');
    expect(common.sig).not.toBe(none.sig);
    expect(rare.sig).not.toBe(none.sig);
    expect(rare.ink).toBeGreaterThan(40);
    expect(await page.evaluate(() => document.fonts.check('40px "Hall Names"', '薛'))).toBe(true);
    await page.evaluate(() => document.querySelectorAll('[data-probe]').forEach((e) => e.remove()));
    await shot(page, 'visitor-rare-surname-hall');
  });

  it('the same nickname in emulated VR: the settings panel draws it with the nickname font, every glyph found', async () => {
    const { page } = await suite.page({ viewport: { width: 640, height: 360 } });
    await page.goto(`${BASE}/?emulate#/`);
    await page.getByTestId('begin').click();
    await page.getByTestId('nickname').fill('薛奶奶');
    await page.getByTestId('group-senior').click();
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/hall$/);
    await enterVR(page);
    type Info = { glyphBounds: Float32Array; glyphAtlasIndices: Float32Array; visibleBounds: number[] };
    await page.waitForFunction(() => {
      // on a panel the label is a member of the panel's batch, hung on its anchor (userData.label)
      type T = { textRenderInfo?: unknown; userData: { label?: { textRenderInfo?: unknown } } };
      const h = (window as unknown as { __hall3d: { scene: { getObjectByName(n: string): T | undefined } } }).__hall3d;
      const o = h.scene.getObjectByName('menu-visitor');
      return !!(o?.userData.label ?? o)?.textRenderInfo;
    }, undefined, { timeout: 60_000 });
    const info = await page.evaluate(() => {
      type T = { text: string; font: string; textRenderInfo: Info };
      const h = (window as unknown as { __hall3d: { scene: { getObjectByName(n: string): (T & { userData: { label?: T } }) | undefined } } }).__hall3d;
      const o = h.scene.getObjectByName('menu-visitor')!;
      const t = o.userData.label ?? o;
      const r = t.textRenderInfo;
      return { text: t.text, font: t.font, bounds: Array.from(r.glyphBounds), atlas: Array.from(r.glyphAtlasIndices), visible: r.visibleBounds };
    });
    expect(info.text).toBe('薛奶奶 · 老年人');
    expect(info.font).toContain('/fonts/names-sc.woff');
    // troika fetched the nickname font itself (and, by the page guard, nothing from a fallback URL)
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('names-sc.woff')));
    expect(fetched.length).toBeGreaterThanOrEqual(1);
    // one quad per visible character; 薛 and 奶 are different glyphs with real outlines (a missing glyph
    // would be the same .notdef box for both), and the two 奶 share one glyph in the atlas
    const quad = (i: number) => info.bounds.slice(i * 4, i * 4 + 4);
    const size = (q: number[]) => [q[2]! - q[0]!, q[3]! - q[1]!];
    expect(info.atlas.length).toBe([...'薛奶奶·老年人'].length);
    expect(info.atlas[1]).toBe(info.atlas[2]);
    expect(info.atlas[0]).not.toBe(info.atlas[1]);
    for (const i of [0, 1]) for (const d of size(quad(i))) expect(d).toBeGreaterThan(0.005);
    expect(size(quad(0))).not.toEqual(size(quad(1)));
    expect(info.visible[2]! - info.visible[0]!).toBeGreaterThan(0.1);
    await xrFrames(page, 10);
    await shot(page, 'visitor-rare-surname-vr');
  });
});
