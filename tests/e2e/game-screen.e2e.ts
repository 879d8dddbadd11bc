// A zone game on a screen is a game (issue 17 §2), at a classroom desktop (1366×768, keyboard), a
// portrait touch kiosk (1080×1920) and a phone (390×844): the 3D view fills the viewport and keeps
// its size while feedback arrives (the canvas's box measured before and after), the page never
// scrolls, the controls are on screen; a keyboard-only child finishes the first crossing towards the
// goal marker on the far kerb; "End now" names the unfinished tasks without "时间到了" and shows a
// child no citations; a child in the e-bike zone gets the passenger's game.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvasVariety } from './browser.ts';
import { open, shot } from './helpers.ts';
import { browserSuite } from './suite.ts';
import { gameState, startGame } from './zoneGame.ts';

const suite = browserSuite();

const SIZES = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, hasTouch: false },
  { name: 'kiosk', viewport: { width: 1080, height: 1920 }, hasTouch: true },
  { name: 'phone', viewport: { width: 390, height: 844 }, hasTouch: true },
] as const;

type Box = { x: number; y: number; width: number; height: number };

/** The page's scroll state and the 3D canvas's box. */
const layout = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector('.stage canvas')!.getBoundingClientRect();
    const el = document.scrollingElement!;
    return {
      scrollY: window.scrollY,
      scrollable: el.scrollHeight - window.innerHeight,
      canvas: { x: c.x, y: c.y, width: c.width, height: c.height },
      viewport: { width: window.innerWidth, height: window.innerHeight },
    };
  });

/** Is the element wholly inside the viewport? */
const onScreen = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight + 0.5 && r.right <= window.innerWidth + 0.5 && r.width > 0;
  });

/** The goal marker: exists, at the current task's goal, and in front of the camera within the picture. */
const goalInView = (page: Page) =>
  page.evaluate(() => {
    type V = { x: number; y: number; z: number; project(c: unknown): V };
    const h = (window as unknown as { __hall3d: { scene: { position: { clone(): V }; getObjectByName(n: string): { visible: boolean; getWorldPosition(v: V): V } | undefined }; camera: unknown } }).__hall3d;
    const m = h.scene.getObjectByName('goal-marker');
    if (!m || !m.visible) return null;
    const v = h.scene.position.clone();
    m.getWorldPosition(v);
    const world = { x: v.x, z: v.z };
    v.y += 2;
    v.project(h.camera);
    return { world, ndc: { x: v.x, y: v.y, z: v.z } };
  });

const sameBox = (a: Box, b: Box) => expect(b).toEqual(a);

/**
 * Runs `seconds` of game frames at 30 Hz through the zone-game store's tick, as the 3D scene's frame
 * loop does (the keys and buttons held on the page are read as usual). Software GL on a shared CI
 * machine draws a full-screen street at a frame or two per second; the game would take minutes.
 */
const frames = (page: Page, seconds: number) =>
  page.evaluate((s) => {
    type Store = { getState(): { actions: { tick(look: { dt: number; headYaw: number; drag: number }, clock: number): void } } };
    const st = (window as unknown as { __zoneGameStore: Store }).__zoneGameStore;
    const w = window as unknown as { __e2eClock?: number };
    w.__e2eClock ??= 1e6;
    for (let i = 0; i < s * 30; i++) st.getState().actions.tick({ dt: 1 / 30, headYaw: NaN, drag: 0 }, (w.__e2eClock += 1 / 30));
  }, seconds);

/** Game frames until the page condition holds (or `maxSeconds` of game time pass). */
async function playUntil(page: Page, cond: () => Promise<boolean>, maxSeconds = 60) {
  for (let t = 0; t < maxSeconds; t += 0.5) {
    if (await cond()) return;
    await frames(page, 0.5);
  }
  expect(await cond(), 'condition within the game time').toBe(true);
}

describe('zone games on a screen', () => {
  it.each(SIZES)('crossing for a child fills the $name screen; feedback never resizes the view; End now names what is left', async (size) => {
    const { page } = await suite.page({ viewport: size.viewport, hasTouch: size.hasTouch });
    await open(page, '#/zone/crossing?mode=game&group=child&lang=zh-Hans');
    await page.getByTestId('game-start').waitFor({ timeout: 60_000 });
    // the intro is an overlay on the view, its start button on screen without scrolling
    expect(await onScreen(page, 'game-start')).toBe(true);
    await shot(page, `game-screen-${size.name}-intro`);
    await startGame(page, size.hasTouch ? 'tap' : 'click');
    await page.getByTestId('game-time').waitFor();
    const before = await layout(page);
    // the 3D view is the screen
    expect(before.canvas).toEqual({ x: 0, y: 0, width: before.viewport.width, height: before.viewport.height });
    expect(before.scrollY).toBe(0);
    expect(before.scrollable).toBeLessThanOrEqual(0);
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    for (const id of ['move-forward', 'turn-left', 'turn-right', 'game-quit', 'ped-light', 'game-current-task']) expect(await onScreen(page, id), id).toBe(true);
    // the goal of task 1 stands on the far kerb, in the picture from the start
    const goal = await goalInView(page);
    expect(goal).not.toBeNull();
    expect(goal!.world).toEqual({ x: 20, z: -8.6 });
    expect(Math.abs(goal!.ndc.x)).toBeLessThan(1);
    expect(Math.abs(goal!.ndc.y)).toBeLessThan(1);
    expect(goal!.ndc.z).toBeLessThan(1);

    if (!size.hasTouch) {
      // a keyboard-only child: waits for the big light to turn green, lets the turning car pass,
      // holds the up arrow and reaches the marker
      await playUntil(page, async () => (await page.getByTestId('ped-light').getAttribute('data-state')) === 'green');
      await shot(page, `game-screen-${size.name}-green`);
      const gap = () =>
        page.evaluate(() => {
          type A = { isPlayer: boolean; kind: string; x: number; speed: number; heading: number; length: number };
          const g = (window as unknown as { __zoneGame: { world: { agents: A[] } } }).__zoneGame;
          return g.world.agents.every((a) => {
            if (a.isPlayer || a.kind === 'pedestrian' || a.speed < 0.5) return true;
            const dx = 20 - a.x;
            if (dx * Math.cos(a.heading) <= 0) return Math.abs(dx) > a.length / 2 + 2.5;
            return (Math.abs(dx) - a.length / 2 - 2) / a.speed > 4;
          });
        });
      // looks both ways with the arrow keys (about 90° each way), back to the zebra (the facing eases onto it)
      for (const [key, s] of [['ArrowRight', 0.8], ['ArrowLeft', 1.6], ['ArrowRight', 0.8]] as const) {
        await page.keyboard.down(key);
        await frames(page, s);
        await page.keyboard.up(key);
        await frames(page, 0.6);
      }
      await playUntil(page, gap, 20);
      await page.keyboard.down('ArrowUp');
      await playUntil(page, async () => (await page.locator('[data-testid="game-event"]').count()) > 0, 20);
      const during = await layout(page);
      sameBox(before.canvas, during.canvas);
      expect(during.scrollY).toBe(0);
      await shot(page, `game-screen-${size.name}-toast`);
      await playUntil(page, async () => (await page.getByTestId('game-tasks').locator('li').first().getAttribute('data-state')) === 'done', 40);
      await page.keyboard.up('ArrowUp');
      const events = (await gameState(page)).events;
      expect(events).toContain('entered_on_green');
      expect(events).not.toContain('collision');
      expect(events).not.toContain('outside_crossing');
      expect(events).not.toContain('entered_on_red');
      // the marker moved on to the next task's far kerb
      await expect.poll(async () => (await goalInView(page))?.world, { timeout: 20_000 }).toEqual({ x: 50, z: 8.6 });
    } else {
      // touch: walking onto the zebra on red brings feedback; the view keeps its size
      const forward = page.getByTestId('move-forward');
      await forward.dispatchEvent('pointerdown', { pointerId: 3, pointerType: 'touch', isPrimary: true });
      await playUntil(page, async () => (await page.locator('[data-testid="game-event"]').count()) > 0, 20);
      const during = await layout(page);
      sameBox(before.canvas, during.canvas);
      expect(during.scrollY).toBe(0);
      expect(await onScreen(page, 'move-forward')).toBe(true);
      await shot(page, `game-screen-${size.name}-toast`);
      await forward.dispatchEvent('pointerup', { pointerId: 3, pointerType: 'touch', isPrimary: true });
    }
    sameBox(before.canvas, (await layout(page)).canvas);

    // End now with time left: the summary says so and names each unfinished task
    if (size.hasTouch) await page.getByTestId('game-quit').tap();
    else await page.getByTestId('game-quit').click();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    const summary = (await page.getByTestId('game-summary').textContent()) ?? '';
    expect(summary).not.toContain('时间到了');
    expect(summary).toContain('你提前结束了游戏');
    const unfinished = await page.getByTestId('summary-unfinished').allTextContents();
    const left = size.hasTouch ? ['signalised', 'behind-van', 'midblock'] : ['behind-van', 'midblock'];
    const titles = await page.evaluate((ids) => {
      const g = (window as unknown as { __zoneGame: { tasks: { id: string; title: { 'zh-Hans': string } }[] } }).__zoneGame;
      return ids.map((id) => g.tasks.find((t) => t.id === id)!.title['zh-Hans']);
    }, left);
    expect(unfinished).toEqual(titles.map((t) => `还没完成：${t}`));
    // a child: the lesson first, the reason under 为什么, no law articles, facts ids or Latin-script citations
    expect(await page.getByTestId('game-summary').locator('details.why summary').first().textContent()).toBe('为什么');
    expect(summary).not.toMatch(/第\d+条|依据|事实清单|WHO|NHTSA|Knoblauch/);
    const after = await layout(page);
    sameBox(before.canvas, after.canvas);
    expect(after.scrollY).toBe(0);
    expect(await onScreen(page, 'game-again')).toBe(true);
    await shot(page, `game-screen-${size.name}-summary`);
  }, 300_000);

  it('a child in the e-bike zone plays the passenger and pedestrian, not a rider (phone)', async () => {
    const { page } = await suite.page({ viewport: { width: 390, height: 844 }, hasTouch: true });
    await open(page, '#/zone/ebike?mode=game&group=child&lang=zh-Hans');
    await startGame(page, 'tap');
    await page.getByTestId('game-checklist').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('game-checklist').locator('h2').textContent()).toBe('坐车和等车');
    const items = await page.locator('[data-testid^="check-"]:is(fieldset)').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(items).toEqual(['check-helmet', 'check-seat', 'check-little', 'check-keep-away']);
    expect(await page.getByTestId('game-checklist').textContent()).not.toContain('这次要带人吗');
    await shot(page, 'game-screen-phone-ebike-passenger');
    for (const id of ['check-helmet-helmet', 'check-seat-one', 'check-little-child-seat', 'check-keep-away-pavement']) await page.getByTestId(id).tap();
    await page.getByTestId('ride-off').tap();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('game-summary').textContent()).toContain('所有任务都完成了');
    expect(await page.getByTestId('game-summary').locator('[data-testid="game-event"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'passenger_helmet_on',
      'seat_one_child',
      'little_child_seat',
      'kept_away',
    ]);
    expect((await layout(page)).scrollY).toBe(0);
    await shot(page, 'game-screen-phone-ebike-summary');
  }, 200_000);
});
