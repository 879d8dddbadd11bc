// The crossing zone's game on the built app: the street with live traffic, the visitor walking
// first-person, unsafe moves scored with the zone file's feedback in the moment, the summary with
// rules and sources, and the attempt saved — with the keyboard, with touch, and in emulated VR.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canvasVariety, guardedPage, launch, type Guarded } from './browser.ts';
import { open, shot } from './helpers.ts';
import { clickUntil, thumbstick, xrFrames } from './xr.ts';

let browser: Browser;
let g: Guarded;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  expect(g.problems).toEqual([]);
  await g.context.close();
});

type Game = { time: number; phase: string; world: { player: { x: number; z: number } }; events: { kind: string }[] };
const game = (page: Page) =>
  page.evaluate(() => {
    const gm = (window as unknown as { __zoneGame: Game }).__zoneGame;
    return { time: gm.time, phase: gm.phase, x: gm.world.player.x, z: gm.world.player.z, events: gm.events.map((e) => e.kind) };
  });

async function savedGameAttempts(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ zone: string; mode: string; group: string; score: number; events: { kind: string }[] }[]>((resolve, reject) => {
        const req = indexedDB.open('traffic-safety-hall');
        req.onsuccess = () => {
          const all = req.result.transaction('attempts', 'readonly').objectStore('attempts').getAll();
          all.onsuccess = () => resolve(all.result.filter((a: { mode: string }) => a.mode === 'game'));
          all.onerror = () => reject(all.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
}

async function startGame(page: Page) {
  await page.getByTestId('game-start').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => !!(window as unknown as { __zoneGame?: unknown }).__zoneGame, undefined, { timeout: 60_000 });
  await page.getByTestId('game-start').click();
}

describe('crossing zone game', () => {
  it('with the keyboard: stepping onto the zebra on red is scored with its rule, and the summary is saved', async () => {
    g = await guardedPage(browser);
    const { page } = g;
    await open(page, '#/zone/crossing?mode=game&group=adult&lang=zh-Hans');
    await startGame(page);
    await page.waitForTimeout(1000);
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    const start = await game(page);
    // straight ahead from the kerb is the signalised zebra; its pedestrian light starts red
    await page.keyboard.down('KeyW');
    await expect.poll(async () => (await game(page)).events, { timeout: 30_000 }).toContain('entered_on_red');
    await page.keyboard.up('KeyW');
    const walked = await game(page);
    expect(Math.hypot(walked.x - start.x, walked.z - start.z)).toBeGreaterThan(1);
    const line = page.locator('[data-testid="game-event"][data-kind="entered_on_red"]').first();
    expect(await line.textContent()).toContain('红灯');
    await shot(page, 'game-crossing-zh-red');

    await page.getByTestId('game-quit').click();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('game-score').textContent()).toMatch(/得分：\d+/);
    // each event in the summary carries its rule and source
    expect(await page.getByTestId('game-summary').textContent()).toContain('依据：');
    await shot(page, 'game-crossing-zh-summary');
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a).toMatchObject({ zone: 'crossing', mode: 'game', group: 'adult' });
    expect(a!.events.map((e) => e.kind)).toContain('entered_on_red');

    // the result is on the hall's leaderboard (this week, the visitor's group)
    await page.getByTestId('game-summary').getByRole('button', { name: '返回大厅' }).click();
    await page.getByTestId('hall-lb-table').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('hall-lb-table').locator('tbody tr').count()).toBe(1);
    await shot(page, 'hall-leaderboard');
  });

  it('with touch only: the on-screen buttons walk the visitor', async () => {
    g = await guardedPage(browser, { viewport: { width: 1080, height: 1600 }, hasTouch: true });
    const { page } = g;
    await open(page, '#/zone/crossing?mode=game&group=child&lang=en');
    await page.getByTestId('game-start').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !!(window as unknown as { __zoneGame?: unknown }).__zoneGame, undefined, { timeout: 60_000 });
    await page.getByTestId('game-start').tap();
    const start = await game(page);
    const forward = page.getByTestId('move-forward');
    await forward.dispatchEvent('pointerdown', { pointerId: 7, pointerType: 'touch', isPrimary: true });
    await expect.poll(async () => {
      const now = await game(page);
      return Math.hypot(now.x - start.x, now.z - start.z);
    }, { timeout: 30_000 }).toBeGreaterThan(1);
    await forward.dispatchEvent('pointerup', { pointerId: 7, pointerType: 'touch', isPrimary: true });
    await shot(page, 'game-crossing-en-touch');
    await page.getByTestId('game-quit').tap();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
  });

  it('in emulated VR: the left stick walks the visitor through the street', async () => {
    g = await guardedPage(browser, { viewport: { width: 640, height: 360 } });
    const { page } = g;
    await open(page, '#/hall?group=teen&lang=en', '?emulate');
    await page.getByTestId('enter-vr').waitFor({ timeout: 60_000 });
    await page.getByTestId('enter-vr').click();
    await page.waitForFunction(() => (window as unknown as { __hall3d?: { xrStore: { getState(): { session: unknown } } } }).__hall3d?.xrStore.getState().session != null);
    await page.evaluate(() => (window.location.hash = '#/zone/crossing?mode=game&group=teen&lang=en'));
    await page.waitForFunction(() => !!(window as unknown as { __zoneGame?: unknown }).__zoneGame, undefined, { timeout: 60_000 });
    await xrFrames(page, 8);
    // inside the headset the game starts from its 3D panel
    await clickUntil(page, 'button:game-start', async () => (await page.getByTestId('game-intro').count()) === 0);
    await xrFrames(page, 5);
    const start = await game(page);
    await thumbstick(page, 'left', 0, -1);
    await expect.poll(async () => {
      await xrFrames(page, 2);
      const now = await game(page);
      return Math.hypot(now.x - start.x, now.z - start.z);
    }, { timeout: 40_000 }).toBeGreaterThan(1);
    await thumbstick(page, 'left', 0, 0);
    await shot(page, 'game-crossing-xr');
  });
});
