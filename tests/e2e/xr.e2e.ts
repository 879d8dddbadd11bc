// The immersive platform through an emulated Quest 3 (iwer via /?emulate) in headless Chromium:
// enter VR, locomotion, pointing with a controller and with a hand, a 3D settings panel, exit.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite } from './suite.ts';
import { open, shot } from './helpers.ts';
import { clickAt, clickUntil, enterVR, hasObject, inFrontOfHead, originPose, sessionInfo, thumbstick, xrFrames } from './xr.ts';

const suite = browserSuite();

describe('immersive platform (emulated Quest 3)', () => {
  it('enters immersive-vr, teleports, snap-turns, picks a portal and a mode, changes language on a 3D panel, exits with nothing lost', async () => {
    // a small viewport halves software frame time
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await open(page, '#/hall?group=teen&lang=zh-Hans', '?emulate');
    await enterVR(page);

    const s1 = await sessionInfo(page);
    expect(s1).toMatchObject({ active: true, mode: 'immersive-vr' });
    await xrFrames(page, 5);
    expect((await sessionInfo(page)).frame).toBeGreaterThan(s1.frame);
    await shot(page, 'xr-01-hall');

    // teleport: the left controller's trigger drives the arc; aim at the floor 3 m ahead
    const before = await originPose(page);
    for (let i = 0; i < 3 && (await originPose(page)).z > before.z - 0.5; i++) {
      await clickAt(page, { x: 0, y: 0, z: before.z - 3 }, 'controller', 'left');
      await xrFrames(page, 6);
    }
    const after = await originPose(page);
    expect(after.z).toBeLessThan(before.z - 0.5);

    // snap turn on the right stick: one push turns by the group's angle (45° for teens), once
    await thumbstick(page, 'right', 1, 0);
    await xrFrames(page, 4);
    await thumbstick(page, 'right', 0, 0);
    await xrFrames(page, 3);
    const turned = await originPose(page);
    expect(Math.abs(Math.abs(turned.yaw - after.yaw) - Math.PI / 4)).toBeLessThan(0.01);
    await thumbstick(page, 'right', -1, 0);
    await xrFrames(page, 4);
    await thumbstick(page, 'right', 0, 0);
    await xrFrames(page, 3);
    expect(Math.abs((await originPose(page)).yaw - after.yaw)).toBeLessThan(0.01);

    // point at a portal with the right controller: the mode panel opens in front of the visitor,
    // though the panels were last placed before the teleport (3 m back)
    await clickUntil(page, 'portal-pane-ebike', () => hasObject(page, 'panel:modes'));
    await xrFrames(page, 3);
    expect(await inFrontOfHead(page, 'panel:modes')).toBe(true);
    await shot(page, 'xr-02-modes');
    await clickUntil(page, 'button:mode-test', async () => /#\/zone\/ebike\?mode=test/.test(page.url()));
    // the self-test starts inside the headset
    await expect.poll(() => hasObject(page, 'panel:test'), { timeout: 20_000 }).toBe(true);
    expect((await sessionInfo(page)).active).toBe(true);
    await shot(page, 'xr-03-zone');

    // back to the hall, and switch language on the 3D menu panel
    await clickUntil(page, 'button:zone-back', async () => /#\/hall/.test(page.url()));
    await expect.poll(() => hasObject(page, 'panel:menu'), { timeout: 20_000 }).toBe(true);
    await clickUntil(page, 'button:lang-en', async () => (await page.locator('html').getAttribute('lang')) === 'en');
    // turn away (left: the menu sits to the right), then re-centre: the panels come back in front
    await thumbstick(page, 'right', -1, 0);
    await xrFrames(page, 4);
    await thumbstick(page, 'right', 0, 0);
    await xrFrames(page, 3);
    expect(await inFrontOfHead(page, 'button:recenter')).toBe(false);
    await clickUntil(page, 'button:recenter', () => inFrontOfHead(page, 'button:recenter'));
    await xrFrames(page, 6);
    await shot(page, 'xr-04-menu-en');

    // leave VR from the panel: the flat skin is back on the same screen with the same visitor
    await clickUntil(page, 'button:exit-vr', async () => !(await sessionInfo(page)).active);
    await page.getByTestId('enter-vr').waitFor();
    expect(page.url()).toMatch(/#\/hall/);
    expect(await page.getByTestId('visitor').textContent()).toBe('Guest · Teen');
    expect(await page.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'xr-05-flat-again');
  });

  it('works with hands: a pinch on a portal opens the mode choice', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await open(page, '#/hall?group=adult&lang=en', '?emulate');
    await page.waitForFunction(() => !!(window as unknown as { __xrDevice?: unknown }).__xrDevice);
    await page.evaluate(() => {
      (window as unknown as { __xrDevice: { primaryInputMode: string } }).__xrDevice.primaryInputMode = 'hand';
    });
    await enterVR(page);
    // the hand models load from this origin before hands can point
    await page.waitForFunction(() => {
      const s = (window as unknown as { __hall3d: { xrStore: { getState(): { inputSourceStates: { type: string }[] } } } }).__hall3d.xrStore.getState();
      return s.inputSourceStates.some((i) => i.type === 'hand');
    }, undefined, { timeout: 30_000 });
    await xrFrames(page, 10);
    await clickUntil(page, 'portal-pane-signals', () => hasObject(page, 'panel:modes'), { input: 'hand' });
    await shot(page, 'xr-hand-modes');
    // signals has its game: the dialog offers all three modes
    expect(await hasObject(page, 'button:mode-game')).toBe(true);
    await clickUntil(page, 'button:mode-competition', async () => /#\/zone\/signals\?mode=competition/.test(page.url()), { input: 'hand' });
  });

  it('a session ended by the system (headset removed) returns to the flat skin; the next session loads no second controller model', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await open(page, '#/hall?group=senior&lang=zh-Hans', '?emulate');
    await enterVR(page);
    // seniors start seated: the origin is lifted
    expect((await originPose(page)).y).toBeGreaterThan(0.3);
    const first = await controllersDrawn(page);
    await page.evaluate(() => (window as unknown as { __hall3d: { xrStore: { getState(): { session: { end(): Promise<void> } } } } }).__hall3d.xrStore.getState().session.end());
    await expect.poll(async () => (await sessionInfo(page)).active, { timeout: 20_000 }).toBe(false);
    await page.getByTestId('enter-vr').waitFor();
    expect(await page.getByTestId('visitor').textContent()).toBe('访客 · 老年人');
    // a kiosk headset goes in and out all day: the second session draws the same controller models,
    // not fresh copies (the library's cache once loaded the left one again, 6 geometries for good)
    expect(first.models).toHaveLength(2);
    await enterVR(page);
    const second = await controllersDrawn(page);
    expect(second.models).toHaveLength(2);
    expect(second.models).toEqual(first.models);
  });
});

/** Waits until both controllers' models are in the scene and drawn; which model objects they are (by handedness). */
async function controllersDrawn(page: Page) {
  type Store = { getState(): { inputSourceStates: { type: string; object?: { parent: unknown } }[] } };
  await page.waitForFunction(() => {
    const states = (window as unknown as { __hall3d: { xrStore: Store } }).__hall3d.xrStore.getState().inputSourceStates.filter((s) => s.type === 'controller');
    return states.length === 2 && states.every((s) => s.object?.parent);
  }, undefined, { timeout: 30_000 });
  await xrFrames(page, 4);
  return page.evaluate(() => {
    const h = (window as unknown as { __hall3d: { xrStore: Store } }).__hall3d;
    const models = h.xrStore
      .getState()
      .inputSourceStates.filter((s) => s.type === 'controller' && s.object?.parent)
      .map((s) => `${(s as unknown as { inputSource: { handedness: string } }).inputSource.handedness}:${(s.object as unknown as { uuid: string }).uuid}`)
      .sort();
    return { models };
  });
}
