// The blindspot zone's game on the built app, one whole path per device: walk round the standing
// truck setting markers down, sit in its cab (the markers judged, the blind zones on the ground, the
// mirrors drawn), go on to the right turn, and reach the summary with the attempt saved — with the
// keyboard (a child, the whole visit: waits where the sweep does not reach until both trucks have
// turned), touch only, and in emulated VR with controllers (the pro: drives the truck) and with
// bare hands.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canvasVariety } from './browser.ts';
import { browserSuite } from './suite.ts';
import { open, shot } from './helpers.ts';
import { clickUntil, hasObject, setPress, thumbstick, xrFrames } from './xr.ts';
import { playUntil, savedGameAttempts, startGame, startVRGame } from './zoneGame.ts';

const suite = browserSuite();

interface Blind {
  time: number;
  stage: string;
  phase: string;
  x: number;
  z: number;
  heading: number;
  markers: number;
  verdicts: { hidden: boolean; side: string }[];
  events: string[];
  mirrorsLooked: string[];
  canGoOn: boolean;
  above: boolean;
}

const blind = (page: Page): Promise<Blind> =>
  page.evaluate(() => {
    type G = {
      time: number;
      stage: string;
      phase: string;
      world: { player: { x: number; z: number; heading: number } };
      markers: unknown[];
      verdicts: { hidden: boolean; side: string }[];
      events: { kind: string }[];
      mirrorsLooked: string[];
      canLeaveCab: boolean;
      fromAbove: boolean;
    };
    const g = (window as unknown as { __zoneGame: G }).__zoneGame;
    const p = g.world.player;
    return {
      time: g.time,
      stage: g.stage,
      phase: g.phase,
      x: p.x,
      z: p.z,
      heading: p.heading,
      markers: g.markers.length,
      verdicts: g.verdicts.map((v) => ({ hidden: v.hidden, side: v.side })),
      events: g.events.map((e) => e.kind),
      mirrorsLooked: [...g.mirrorsLooked],
      canGoOn: g.canLeaveCab,
      above: g.fromAbove,
    };
  });

/** Hold keys until the game state says so, the game stepped through its own frame (zoneGame.ts play). */
async function hold(page: Page, keys: string[], until: (s: Blind) => boolean, maxSeconds = 60) {
  for (const k of keys) await page.keyboard.down(k);
  expect(await playUntil(page, () => blind(page), until, maxSeconds)).toBe(true);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
}

/** Once the game allows it (`ready`), press a key and hold it until the game has reacted. */
async function press(page: Page, key: string, until: (s: Blind) => boolean, ready: (s: Blind) => boolean = () => true) {
  expect(await playUntil(page, () => blind(page), ready)).toBe(true);
  await hold(page, [key], until, 10);
}

/** A controller button held for a few frames of the emulated headset. */
async function xrButton(page: Page, hand: 'left' | 'right', id: string, frames = 4) {
  const set = (v: number) =>
    page.evaluate(({ hand, id, v }) => (window as unknown as { __xrDevice: { controllers: Record<string, { updateButtonValue(id: string, v: number): void }> } }).__xrDevice.controllers[hand]!.updateButtonValue(id, v), { hand, id, v });
  await set(1);
  await xrFrames(page, frames);
  await set(0);
  await xrFrames(page, frames);
}

/** XR: run frames until the game state says so. */
async function xrUntil(page: Page, until: (s: Blind) => boolean, timeout = 60_000) {
  await expect.poll(async () => {
    await xrFrames(page, 2);
    return until(await blind(page));
  }, { timeout, interval: 20 }).toBe(true);
}

/** XR, a held stick or pinch: a drawn frame carries it into the game's controls, then the walk or drive goes on in game time. */
async function xrMoveUntil(page: Page, until: (s: Blind) => boolean) {
  await xrFrames(page, 2);
  expect(await playUntil(page, () => blind(page), until, 60)).toBe(true);
}

describe('blindspot zone game', () => {
  it('with the keyboard (a child): markers in the blind zones, the cab shows them hidden, waits clear of the sweep, summary saved', async () => {
    const { page } = await suite.page({ viewport: { width: 1366, height: 768 } });
    await open(page, '#/zone/blindspot?mode=game&group=child&lang=zh-Hans');
    await page.getByTestId('game-intro-tasks').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('game-intro-tasks').locator('li').count()).toBe(3);
    await shot(page, 'game-blindspot-intro');
    await startGame(page);
    // children: the large text of their tuning
    expect(await page.getByTestId('game-hud').getAttribute('class')).toContain('text-large');
    const start = await blind(page);
    expect(start.stage).toBe('walkaround');
    // facing +x along the truck's right side: A steps left, towards the truck (−z)
    await hold(page, ['KeyA'], (s) => s.z <= 9.05);
    // beside the cab's right door and just ahead of the bumper a 1.2 m child is hidden; each marker lands 1.2 m ahead
    for (const x of [-23.2, -21.2]) {
      await hold(page, ['KeyW'], (s) => s.x >= x);
      const n = (await blind(page)).markers;
      await press(page, 'Space', (s) => s.markers === n + 1);
    }
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    await shot(page, 'game-blindspot-walkaround');
    await hold(page, ['KeyW'], (s) => s.x >= -20.4);
    // the last marker opens the cab
    await press(page, 'Space', (s) => s.stage === 'cab');
    const cab = await blind(page);
    expect(cab.verdicts.map((v) => v.hidden)).toEqual([true, true, true]);
    expect(await page.getByTestId('blindspot-status').getAttribute('data-stage')).toBe('cab');
    expect(await page.getByTestId('blindspot-notice').textContent()).toContain('看不见 3');
    // look right at the mirrors (the arm holds two glasses), then go on
    await hold(page, ['ArrowRight'], (s) => s.mirrorsLooked.includes('right-main'));
    await page.waitForTimeout(300);
    await shot(page, 'game-blindspot-cab-1366');
    // then from above: the blind zones on the ground, the markers blue (hidden), the walk
    await press(page, 'KeyN', (s) => s.above, (s) => s.canGoOn);
    await page.waitForTimeout(500);
    const camY = await page.evaluate(() => (window as unknown as { __hall3d: { camera: { position: { y: number } } } }).__hall3d.camera.position.y);
    expect(camY).toBeGreaterThan(10);
    await shot(page, 'game-blindspot-above-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await shot(page, 'game-blindspot-above-390');
    await page.setViewportSize({ width: 1366, height: 768 });
    await press(page, 'KeyN', (s) => s.stage === 'turn', (s) => s.canGoOn);
    // the turn on foot from the west pavement: 3 m back from the corner, out of the sweep, and wait
    await hold(page, ['KeyD'], (s) => s.z >= 14.4);
    await hold(page, ['KeyW'], (s) => s.x >= -14.2);
    await page.waitForTimeout(500);
    await shot(page, 'game-blindspot-turn');
    // the truck turns past the waiting child: game time, played through the store
    expect(await playUntil(page, () => page.getByTestId('game-summary').count(), (n) => n > 0, 120)).toBe(true);
    await shot(page, 'game-blindspot-summary');
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a).toMatchObject({ zone: 'blindspot', mode: 'game', group: 'child', device: 'desktop' });
    const kinds = a!.events.map((e) => e.kind);
    expect(kinds.filter((k) => k === 'marker_hidden')).toHaveLength(3);
    expect(kinds).toEqual(expect.arrayContaining(['blind_zone_found', 'waited_safely', 'kept_clear']));
    expect(kinds).not.toContain('task_missed');
  }, 420_000);

  it('with touch only: a marker by the button, the cab, on to the turn, then End now: summary saved', async () => {
    const { page } = await suite.page({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await open(page, '#/zone/blindspot?mode=game&group=adult&lang=en');
    await startGame(page, 'tap');
    // turn left (towards the truck, on the visitor's left) about 60°, and walk up to it
    const yaw = () => page.evaluate(() => (window as unknown as { __hall3d: { camera: { rotation: { y: number } } } }).__hall3d.camera.rotation.y);
    const yaw0 = await yaw();
    const left = page.getByTestId('turn-left');
    await left.dispatchEvent('pointerdown', { pointerId: 6, pointerType: 'touch', isPrimary: true });
    await expect.poll(async () => Math.abs((await yaw()) - yaw0), { timeout: 20_000, interval: 30 }).toBeGreaterThan(1);
    await left.dispatchEvent('pointerup', { pointerId: 6, pointerType: 'touch', isPrimary: true });
    const forward = page.getByTestId('move-forward');
    await forward.dispatchEvent('pointerdown', { pointerId: 7, pointerType: 'touch', isPrimary: true });
    await expect.poll(async () => (await blind(page)).z, { timeout: 30_000, interval: 50 }).toBeLessThan(9.5);
    await forward.dispatchEvent('pointerup', { pointerId: 7, pointerType: 'touch', isPrimary: true });
    await page.getByTestId('blindspot-act').dispatchEvent('pointerdown', { pointerId: 8, pointerType: 'touch', isPrimary: true });
    await expect.poll(async () => (await blind(page)).markers, { timeout: 20_000 }).toBe(1);
    await page.getByTestId('blindspot-act').dispatchEvent('pointerup', { pointerId: 8, pointerType: 'touch', isPrimary: true });
    await shot(page, 'game-blindspot-touch-1080');
    // into the cab with the one marker
    const next = page.getByTestId('blindspot-next');
    await next.dispatchEvent('pointerdown', { pointerId: 9, pointerType: 'touch', isPrimary: true });
    await expect.poll(async () => (await blind(page)).stage, { timeout: 20_000 }).toBe('cab');
    await next.dispatchEvent('pointerup', { pointerId: 9, pointerType: 'touch', isPrimary: true });
    expect((await blind(page)).verdicts).toHaveLength(1);
    // the whole HUD fits: the buttons are on screen, the page does not scroll
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight + 1)).toBe(true);
    const box = await page.getByTestId('game-quit').boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(1920);
    await shot(page, 'game-blindspot-cab-1080');
    // go on (after the cab's first seconds): from above, then to the turn
    for (const [id, done] of [[10, (s: Blind) => s.above], [11, (s: Blind) => s.stage === 'turn']] as const) {
      expect(await playUntil(page, () => blind(page), (s) => s.canGoOn)).toBe(true);
      await next.dispatchEvent('pointerdown', { pointerId: id, pointerType: 'touch', isPrimary: true });
      await expect.poll(async () => done(await blind(page)), { timeout: 60_000, interval: 50 }).toBe(true);
      await next.dispatchEvent('pointerup', { pointerId: id, pointerType: 'touch', isPrimary: true });
    }
    await page.getByTestId('game-quit').tap();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a).toMatchObject({ zone: 'blindspot', group: 'adult', device: 'kiosk' });
    const kinds = a!.events.map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('marker_'))).toHaveLength(1);
    // the turn was left unfinished
    expect(kinds).toContain('task_missed');
  }, 300_000);

  it('in emulated VR with controllers (the pro): trigger sets markers, B goes on, the stick drives the truck, the mirrors are drawn', async () => {
    const { page } = await suite.page({ viewport: { width: 640, height: 360 } });
    await startVRGame(page, '#/zone/blindspot?mode=game&group=pro&lang=en', { group: 'pro' });
    // the head looks along −z: towards the truck from the pavement
    await thumbstick(page, 'left', 0, -1);
    await xrMoveUntil(page, (s) => s.z <= 9.5);
    await thumbstick(page, 'left', 0, 0);
    await xrButton(page, 'right', 'trigger');
    await xrUntil(page, (s) => s.markers === 1, 10_000);
    await xrButton(page, 'right', 'b-button');
    await xrUntil(page, (s) => s.stage === 'cab', 10_000);
    await xrFrames(page, 6);
    // seated: the rig is lifted so the head is at the driver's eye, about 2.5 m up, and the mirrors are drawn
    const head = await page.evaluate(() => (window as unknown as { __hall3d: { gl: { xr: { getCamera(): { matrixWorld: { elements: number[] } } } } } }).__hall3d.gl.xr.getCamera().matrixWorld.elements[13]!);
    expect(head).toBeGreaterThan(2.2);
    expect(await hasObject(page, 'mirror-glass')).toBe(true);
    await shot(page, 'game-blindspot-xr-cab');
    await xrUntil(page, () => true);
    await expect.poll(async () => {
      await xrButton(page, 'right', 'b-button');
      return (await blind(page)).stage;
    }, { timeout: 60_000 }).toBe('turn');
    // driving: the stick forward is the accelerator
    const before = await blind(page);
    await thumbstick(page, 'left', 0, -1);
    await xrMoveUntil(page, (s) => Math.abs(s.x - before.x) > 2);
    await thumbstick(page, 'left', 0, 0);
    await shot(page, 'game-blindspot-xr-drive');
    await clickUntil(page, 'button:game-quit', () => hasObject(page, 'panel:game-summary'));
    await expect.poll(async () => (await savedGameAttempts(page)).map((a) => [a.zone, a.group, a.device]), { timeout: 10_000 }).toEqual([['blindspot', 'pro', 'vr']]);
  }, 420_000);

  it('in emulated VR with bare hands (a child): a right pinch sets each marker, the last opens the cab, a pinch goes on; summary saved', async () => {
    const { page } = await suite.page({ viewport: { width: 640, height: 360 } });
    await startVRGame(page, '#/zone/blindspot?mode=game&group=child&lang=zh-Hans', { hands: true, group: 'child' });
    for (let i = 1; i <= 3; i++) {
      // a held left pinch walks where the head looks (towards the truck), a right pinch sets a marker down
      await setPress(page, 'hand', 'left', 1);
      const at = (await blind(page)).z;
      await xrMoveUntil(page, (s) => s.z <= at - 0.7);
      await setPress(page, 'hand', 'left', 0);
      await setPress(page, 'hand', 'right', 1);
      await xrUntil(page, (s) => s.markers === i || s.stage === 'cab', 10_000);
      await setPress(page, 'hand', 'right', 0);
      await xrFrames(page, 3);
    }
    await xrUntil(page, (s) => s.stage === 'cab', 10_000);
    await shot(page, 'game-blindspot-xr-hands-cab');
    await expect.poll(async () => {
      await setPress(page, 'hand', 'right', 1);
      await xrFrames(page, 3);
      await setPress(page, 'hand', 'right', 0);
      await xrFrames(page, 3);
      return (await blind(page)).stage;
    }, { timeout: 60_000 }).toBe('turn');
    await clickUntil(page, 'button:game-quit', () => hasObject(page, 'panel:game-summary'), { input: 'hand' });
    await expect.poll(async () => (await savedGameAttempts(page)).map((a) => [a.zone, a.group, a.device, a.events.filter((e) => e.kind.startsWith('marker_')).length]), { timeout: 10_000 }).toEqual([['blindspot', 'child', 'vr', 3]]);
  }, 420_000);
});
