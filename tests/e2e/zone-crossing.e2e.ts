// The crossing zone's game on the built app: the street with live traffic, the visitor walking
// first-person, unsafe moves scored with the zone file's feedback in the moment (text and sound), a
// hit replayed from the driver's seat and explained with its law, the summary with rules and
// sources, and the attempt saved — with the keyboard, with touch, and in emulated VR (controllers
// and bare hands).
import { describe, expect, it } from 'vitest';
import { canvasVariety } from './browser.ts';
import { browserSuite } from './suite.ts';
import { open, shot } from './helpers.ts';
import { clickUntil, hasObject, originPose, setPress, thumbstick, xrFrames } from './xr.ts';
import { cues, gameState as game, moved, playUntil, savedGameAttempts, startGame, startVRGame } from './zoneGame.ts';

const suite = browserSuite();

describe('crossing zone game', () => {
  it('with the keyboard: stepping onto the zebra on red is scored with its rule, and the summary is saved', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/zone/crossing?mode=game&group=adult&lang=zh-Hans');
    // the onboarding says what to do: the three crossings of the zone file
    await page.getByTestId('game-intro-tasks').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('game-intro-tasks').locator('li').count()).toBe(3);
    await startGame(page);
    await page.waitForTimeout(1000);
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    const start = await game(page);
    // straight ahead from the kerb is the signalised zebra; its pedestrian light starts red
    await page.keyboard.down('KeyW');
    expect(await playUntil(page, () => game(page), (s) => s.events.includes('entered_on_red'), 30)).toBe(true);
    await page.keyboard.up('KeyW');
    const walked = await game(page);
    expect(Math.hypot(walked.x - start.x, walked.z - start.z)).toBeGreaterThan(1);
    // the HUD's toast shows the latest event (on red, a second one can follow in the same step)
    await page.locator('.hud-toasts [data-testid="game-event"]').first().waitFor();
    // …and heard: an unsafe move sounds its cue
    expect(await cues(page)).toContain('unsafe');
    await shot(page, 'game-crossing-zh-red');

    await page.getByTestId('game-quit').click();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('game-score').textContent()).toMatch(/得分：\d+/);
    // each event in the summary carries its rule and source; stepping on red says so
    expect(await page.getByTestId('game-summary').textContent()).toContain('依据：');
    expect(await page.getByTestId('game-summary').locator('[data-testid="game-event"][data-kind="entered_on_red"]').first().textContent()).toContain('红灯');
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
    const g = await suite.page({ viewport: { width: 1080, height: 1600 }, hasTouch: true });
    const { page } = g;
    await open(page, '#/zone/crossing?mode=game&group=child&lang=en');
    await startGame(page, 'tap');
    // the zone's tuning for children asks for large text
    expect(await page.getByTestId('game-hud').getAttribute('class')).toContain('text-large');
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
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await startVRGame(page, '#/zone/crossing?mode=game&group=teen&lang=en');
    const start = await game(page);
    await thumbstick(page, 'left', 0, -1);
    await expect.poll(async () => {
      await xrFrames(page, 2);
      return moved(start, await game(page));
    }, { timeout: 40_000 }).toBeGreaterThan(1);
    await thumbstick(page, 'left', 0, 0);
    await shot(page, 'game-crossing-xr');
  });

  it('in emulated VR with bare hands: a held left-hand pinch walks where the head looks', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await startVRGame(page, '#/zone/crossing?mode=game&group=adult&lang=zh-Hans', { hands: true, group: 'adult' });
    const start = await game(page);
    expect(start.phase).toBe('play');
    await setPress(page, 'hand', 'left', 1);
    await expect.poll(async () => {
      await xrFrames(page, 2);
      return moved(start, await game(page));
    }, { timeout: 40_000 }).toBeGreaterThan(1);
    await setPress(page, 'hand', 'left', 0);
    await xrFrames(page, 4);
    // let go: the visitor stands still
    const stopped = await game(page);
    await xrFrames(page, 6);
    expect(moved(stopped, await game(page))).toBeLessThan(0.05);
    await shot(page, 'game-crossing-xr-hands');
    // a pinch on the HUD slab's "End now": the summary on a 3D panel, the attempt saved as played in VR
    await clickUntil(page, 'button:game-quit', () => hasObject(page, 'panel:game-summary'), { input: 'hand' });
    await expect.poll(async () => (await savedGameAttempts(page)).map((a) => [a.zone, a.device]), { timeout: 10_000 }).toEqual([['crossing', 'vr']]);
  });

  it('in emulated VR: a hit is replayed with the visitor in the driver\'s seat, explained on a 3D panel, and Continue goes on', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await startVRGame(page, '#/zone/crossing?mode=game&group=adult&lang=en', { group: 'adult' });
    const walk = async (x: number, y: number, until: (s: Awaited<ReturnType<typeof game>>) => boolean, run = true) => {
      await thumbstick(page, 'left', x, y);
      await setPress(page, 'controller', 'right', run ? 1 : 0);
      // a drawn frame carries the stick and trigger into the controls; the walk goes on in game time
      // (a hit stops it: the replay takes over)
      await xrFrames(page, 2);
      const read = async () => ({ s: await game(page), hit: await page.evaluate(() => (window as unknown as { __zoneGameStore: { getState(): { consequence: unknown } } }).__zoneGameStore.getState().consequence !== null) });
      await playUntil(page, read, ({ s, hit }) => hit || until(s), 90);
      await expect.poll(async () => until(await game(page)) || (await hasObject(page, 'panel:game-replay')), { timeout: 30_000 }).toBe(true);
      await thumbstick(page, 'left', 0, 0);
      await setPress(page, 'controller', 'right', 0);
    };
    // the head looks north (−z): stick forward crosses the first street, right goes east along the far kerb, back steps out behind the van
    await walk(0, -1, (s) => s.z <= -8.8);
    await walk(1, 0, (s) => s.x >= 50);
    await walk(0, 1, () => false, false);
    const atReplay = await game(page);
    expect(atReplay.events.some((k) => k === 'collision' || k === 'near_miss')).toBe(true);
    await xrFrames(page, 6);
    // the rig carries the visitor's head to the driver's eye, about 1.2 m over the road, away from where the visitor stood
    const headNow = await page.evaluate(() => {
      const m = (window as unknown as { __hall3d: { gl: { xr: { getCamera(): { matrixWorld: { elements: number[] } } } } } }).__hall3d.gl.xr.getCamera().matrixWorld.elements;
      return { x: m[12]!, y: m[13]!, z: m[14]! };
    });
    expect(headNow.y).toBeGreaterThan(1);
    expect(headNow.y).toBeLessThan(1.4);
    expect(Math.hypot(headNow.x - atReplay.x, headNow.z - atReplay.z)).toBeGreaterThan(0.5);
    expect((await game(page)).time).toBe(atReplay.time);
    await shot(page, 'game-crossing-xr-replay');
    await clickUntil(page, 'button:replay-skip', () => hasObject(page, 'panel:game-explain'));
    await xrFrames(page, 4);
    await shot(page, 'game-crossing-xr-explain');
    await clickUntil(page, 'button:consequence-continue', async () => !(await hasObject(page, 'panel:game-explain')));
    await expect.poll(async () => {
      await xrFrames(page, 2);
      return (await game(page)).time;
    }, { timeout: 30_000 }).toBeGreaterThan(atReplay.time + 0.3);
    // back on the street: the rig stands where the visitor is, upright and unturned
    const o = await originPose(page);
    const now = await game(page);
    expect(Math.hypot(o.x - now.x, o.z - now.z)).toBeLessThan(0.5);
    expect(o.yaw).toBeCloseTo(0, 5);
  });

  it('a careless crossing behind the parked van: the hit is replayed from the driver\'s seat in slow motion, then explained with its law', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/zone/crossing?mode=game&group=adult&lang=en');
    await startGame(page);
    const hold = async (keys: string[], until: (s: Awaited<ReturnType<typeof game>>) => boolean, timeout = 60_000) => {
      for (const k of keys) await page.keyboard.down(k);
      expect(await playUntil(page, () => game(page), until, timeout / 1000)).toBe(true);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    };
    // across the first street (on red, without looking), then along the far kerb to the van…
    await hold(['KeyW'], (s) => s.z <= -8.8);
    await hold(['ShiftLeft', 'KeyD'], (s) => s.x >= 50);
    // …and straight out from behind it, backwards, not looking
    await page.keyboard.down('KeyS');
    const consequence = () => page.evaluate(() => (window as unknown as { __zoneGameStore: { getState(): { consequence: unknown } } }).__zoneGameStore.getState().consequence != null);
    expect(await playUntil(page, consequence, (c) => c, 30)).toBe(true);
    await page.getByTestId('consequence-replay').waitFor({ timeout: 30_000 });
    await page.keyboard.up('KeyS');
    const atReplay = await game(page);
    expect(atReplay.events.some((k) => k === 'collision' || k === 'near_miss')).toBe(true);
    expect(await cues(page)).toContain('serious');
    // the game waits while the replay plays; the camera sits in the car, at a driver's eye height
    await page.waitForTimeout(1500);
    const cam = await page.evaluate(() => {
      const c = (window as unknown as { __hall3d: { camera: { position: { x: number; y: number; z: number } } } }).__hall3d.camera.position;
      return { x: c.x, y: c.y, z: c.z };
    });
    expect((await game(page)).time).toBe(atReplay.time);
    expect(cam.y).toBeGreaterThan(1);
    expect(cam.y).toBeLessThan(1.4);
    expect(Math.hypot(cam.x - atReplay.x, cam.z - atReplay.z)).toBeGreaterThan(0.5);
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    await shot(page, 'game-crossing-replay');
    // it ends by itself and explains what happened, the rule and its law, and what to do instead
    await page.getByTestId('consequence-explain').waitFor({ timeout: 60_000 });
    const explain = (await page.getByTestId('consequence-explain').textContent()) ?? '';
    expect(explain).toMatch(/You were (hit|nearly hit)/);
    expect(explain).toContain('Road Traffic Safety Law');
    expect(explain).toContain('What to do instead');
    await shot(page, 'game-crossing-explain');
    // Enter (the focused button) goes on with the game
    await page.keyboard.press('Enter');
    await page.getByTestId('consequence-explain').waitFor({ state: 'detached' });
    await expect.poll(async () => (await game(page)).time, { timeout: 20_000 }).toBeGreaterThan(atReplay.time + 0.5);

    await page.getByTestId('game-quit').click();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    const summary = (await page.getByTestId('game-summary').textContent()) ?? '';
    expect(summary).toContain('Road Traffic Safety Law');
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a!.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['entered_on_red', 'crossed_without_looking']));
    expect(a!.events.some((e) => e.kind === 'collision' || e.kind === 'near_miss')).toBe(true);
  });
});
