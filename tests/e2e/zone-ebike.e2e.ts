// The e-bike zone's game on the built app: the pre-ride checklist (helmet, passenger, the bike),
// the ride from the saddle with a handlebar in view, speeding over the non-motor lane's 15 km/h
// scored with its rule, the summary and the saved attempt — with the keyboard, with touch only, and
// in emulated VR with controllers and with bare hands on the handlebar; and a ride up the inside of
// the turning truck replayed from its cab.
import { describe, expect, it } from 'vitest';
import { canvasVariety } from './browser.ts';
import { browserSuite } from './suite.ts';
import { open, shot } from './helpers.ts';
import { clickUntil, hasObject, setPress, xrFrames } from './xr.ts';
import { gameState as game, moved, placeHand, playUntil, savedGameAttempts, startGame, startVRGame } from './zoneGame.ts';

const suite = browserSuite();

describe('e-bike zone game', () => {
  it('with the keyboard: an unsafe checklist and speeding are scored with their rules, and the summary is saved', async () => {
    const g = await suite.page();
    const { page } = g;
    // a teacher's link straight from one zone's game to another's: the next one starts with its own intro
    await open(page, '#/zone/crossing?mode=game&group=rider&lang=zh-Hans');
    await startGame(page);
    await page.getByTestId('game-tasks').waitFor();
    await page.evaluate(() => (window.location.hash = '#/zone/ebike?mode=game&group=rider&lang=zh-Hans'));
    await page.getByTestId('game-intro').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('game-checklist').count()).toBe(0);
    await page.waitForFunction(() => (window as unknown as { __zoneGame?: { zone: string } }).__zoneGame?.zone === 'ebike', undefined, { timeout: 60_000 });
    await startGame(page);
    // the checklist comes first; riding off waits for an answer to every item
    await page.getByTestId('game-checklist').waitFor();
    expect(await page.getByTestId('ride-off').isDisabled()).toBe(true);
    await page.getByTestId('check-helmet-none').check();
    await page.getByTestId('check-passenger-adult').check();
    // change of mind before riding off: the last choice counts
    await page.getByTestId('check-bike-original').check();
    await page.getByTestId('check-bike-big-battery').check();
    await shot(page, 'game-ebike-zh-checklist');
    expect((await game(page)).phase).toBe('setup');
    await page.getByTestId('ride-off').click();
    await page.getByTestId('game-speed').waitFor();
    const start = await game(page);
    expect(start.phase).toBe('play');
    expect(start.events).toEqual(['no_helmet', 'passenger_adult', 'bike_modified']);

    // full throttle along the non-motor lane: over its 15 km/h limit
    await page.keyboard.down('KeyW');
    await expect.poll(async () => (await game(page)).events, { timeout: 60_000 }).toContain('speeding');
    expect((await game(page)).speed * 3.6).toBeGreaterThan(15);
    expect(await page.getByTestId('game-speed').textContent()).toMatch(/\d+ 千米\/小时/);
    await shot(page, 'game-ebike-zh-speeding');
    // Space brakes
    await page.keyboard.up('KeyW');
    await page.keyboard.down('Space');
    await expect.poll(async () => (await game(page)).speed, { timeout: 30_000 }).toBeLessThan(0.5);
    await page.keyboard.up('Space');
    expect(await canvasVariety(page)).toBeGreaterThan(0.1);
    const riding = await game(page);
    expect(moved(start, riding)).toBeGreaterThan(10);
    const line = page.locator('[data-testid="game-event"][data-kind="speeding"]').first();
    expect(await line.textContent()).toContain('15');
    // the phone buzzes a little further on, with the delivery order of a rider; taking it out while riding is scored
    if ((await game(page)).x < -175) {
      await page.keyboard.down('KeyW');
      await page.getByTestId('phone-ringing').waitFor({ timeout: 60_000 });
    } else await page.getByTestId('phone-ringing').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('phone-ringing').textContent()).toContain('新订单');
    await shot(page, 'game-ebike-zh-phone');
    await page.keyboard.down('KeyW');
    await page.keyboard.press('KeyP');
    await expect.poll(async () => (await game(page)).events, { timeout: 30_000 }).toContain('phone_while_riding');
    await page.keyboard.up('KeyW');

    await page.getByTestId('game-quit').click();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    const summary = (await page.getByTestId('game-summary').textContent()) ?? '';
    expect(summary).toContain('依据：');
    expect(summary).toContain('头盔');
    await shot(page, 'game-ebike-zh-summary');
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a).toMatchObject({ zone: 'ebike', mode: 'game', group: 'rider', device: 'desktop' });
    expect(a!.endedAt - a!.startedAt).toBeGreaterThan(3000);
    expect(a!.events.map((e) => e.kind)).toEqual(expect.arrayContaining(['no_helmet', 'passenger_adult', 'bike_modified', 'speeding', 'phone_while_riding', 'task_missed']));
  });

  it('with touch only: the checklist and the on-screen pedals ride the bike', async () => {
    const g = await suite.page({ viewport: { width: 1080, height: 1600 }, hasTouch: true });
    const { page } = g;
    await open(page, '#/zone/ebike?mode=game&group=teen&lang=en');
    await startGame(page, 'tap');
    await page.getByTestId('game-checklist').waitFor();
    for (const id of ['check-helmet-helmet', 'check-passenger-none', 'check-bike-original']) await page.getByTestId(id).tap();
    await page.getByTestId('ride-off').tap();
    await page.getByTestId('game-speed').waitFor();
    const start = await game(page);
    // a careful teen: helmet, no passenger, the bike as sold
    expect(start.events).toEqual(['helmet_on', 'passenger_ok', 'bike_original']);
    const pedal = page.getByTestId('move-forward');
    expect(await pedal.textContent()).toBe('Accelerate');
    await pedal.dispatchEvent('pointerdown', { pointerId: 7, pointerType: 'touch', isPrimary: true });
    await expect.poll(async () => moved(start, await game(page)), { timeout: 30_000 }).toBeGreaterThan(3);
    await pedal.dispatchEvent('pointerup', { pointerId: 7, pointerType: 'touch', isPrimary: true });
    // steering right turns the bike's heading
    const h0 = await page.evaluate(() => (window as unknown as { __zoneGame: { world: { player: { heading: number } } } }).__zoneGame.world.player.heading);
    const right = page.getByTestId('turn-right');
    await right.dispatchEvent('pointerdown', { pointerId: 8, pointerType: 'touch', isPrimary: true });
    await expect
      .poll(async () => (await page.evaluate(() => (window as unknown as { __zoneGame: { world: { player: { heading: number } } } }).__zoneGame.world.player.heading)) - h0, { timeout: 20_000 })
      .toBeGreaterThan(0.05);
    await right.dispatchEvent('pointerup', { pointerId: 8, pointerType: 'touch', isPrimary: true });
    await shot(page, 'game-ebike-en-touch');
    await page.getByTestId('game-quit').tap();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await savedGameAttempts(page)).map((a) => a.device), { timeout: 10_000 }).toEqual(['kiosk']);
  });

  it('in emulated VR with controllers: the 3D checklist, then the right trigger rides', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await startVRGame(page, '#/zone/ebike?mode=game&group=rider&lang=en', { group: 'rider' });
    expect(await hasObject(page, 'panel:game-checklist')).toBe(true);
    const picked = async () => ((await game(page)).phase === 'play' ? 3 : (await page.evaluate(() => (window as unknown as { __zoneGame: { checklist: { chosen: string | null }[] } }).__zoneGame.checklist.filter((c) => c.chosen).length)));
    await clickUntil(page, 'button:check-helmet-helmet', async () => (await picked()) >= 1);
    await clickUntil(page, 'button:check-passenger-none', async () => (await picked()) >= 2);
    await clickUntil(page, 'button:check-bike-original', async () => (await picked()) >= 3);
    await shot(page, 'game-ebike-xr-checklist');
    await clickUntil(page, 'button:ride-off', async () => (await game(page)).phase === 'play');
    const start = await game(page);
    expect(start.events).toEqual(['helmet_on', 'passenger_ok', 'bike_original']);
    await setPress(page, 'controller', 'right', 1);
    await expect.poll(async () => {
      await xrFrames(page, 2);
      return moved(start, await game(page));
    }, { timeout: 40_000 }).toBeGreaterThan(2);
    await setPress(page, 'controller', 'right', 0);
    // the rig rides with the bike and the handlebar is in view
    expect(await hasObject(page, 'cockpit')).toBe(true);
    await shot(page, 'game-ebike-xr');
    // ending early from the HUD slab: the summary on a 3D panel, the attempt saved as played in VR
    await clickUntil(page, 'button:game-quit', () => hasObject(page, 'panel:game-summary'));
    await shot(page, 'game-ebike-xr-summary');
    await expect.poll(async () => (await savedGameAttempts(page)).map((a) => [a.zone, a.device]), { timeout: 10_000 }).toEqual([['ebike', 'vr']]);
  });

  it('in emulated VR with bare hands: a right pinch rides, the handlebar turned with both hands steers', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    const { page } = g;
    await startVRGame(page, '#/zone/ebike?mode=game&group=adult&lang=en', { hands: true, group: 'adult' });
    const picked = async () => (await page.evaluate(() => (window as unknown as { __zoneGame: { checklist: { chosen: string | null }[] } }).__zoneGame.checklist.filter((c) => c.chosen).length));
    await clickUntil(page, 'button:check-helmet-helmet', async () => (await picked()) >= 1, { input: 'hand' });
    await clickUntil(page, 'button:check-passenger-none', async () => (await picked()) >= 2, { input: 'hand' });
    await clickUntil(page, 'button:check-bike-original', async () => (await picked()) >= 3, { input: 'hand' });
    await clickUntil(page, 'button:ride-off', async () => (await game(page)).phase === 'play', { input: 'hand' });
    // both hands on the grips, the bar turned to the right: the right grip back, the left one forward
    await placeHand(page, 'left', -0.27, 1.0, -0.42);
    await placeHand(page, 'right', 0.26, 1.0, -0.3);
    const h0 = await page.evaluate(() => (window as unknown as { __zoneGame: { world: { player: { heading: number } } } }).__zoneGame.world.player.heading);
    const start = await game(page);
    await setPress(page, 'hand', 'right', 1);
    await expect.poll(async () => {
      await xrFrames(page, 2);
      return moved(start, await game(page));
    }, { timeout: 40_000 }).toBeGreaterThan(2);
    const h1 = await page.evaluate(() => (window as unknown as { __zoneGame: { world: { player: { heading: number } } } }).__zoneGame.world.player.heading);
    expect(h1 - h0).toBeGreaterThan(0.02);
    await setPress(page, 'hand', 'right', 0);
    // a left pinch brakes to a stand
    await setPress(page, 'hand', 'left', 1);
    await expect.poll(async () => {
      await xrFrames(page, 2);
      return (await game(page)).speed;
    }, { timeout: 40_000 }).toBeLessThan(0.3);
    await setPress(page, 'hand', 'left', 0);
    await shot(page, 'game-ebike-xr-hands');
  });

  it('a careless ride up the inside of the turning truck: replayed from the truck\'s cab, where the door hides the rider, then explained', async () => {
    const g = await suite.page();
    const { page } = g;
    await open(page, '#/zone/ebike?mode=game&group=rider&lang=en');
    await startGame(page);
    for (const id of ['check-helmet-helmet', 'check-passenger-none', 'check-bike-original']) await page.getByTestId(id).check();
    await page.getByTestId('ride-off').click();
    await page.getByTestId('game-speed').waitFor();
    // the rider keeps to the bike lane with the keys (a small controller in the page presses and
    // releases them), waits at the red light beside the truck's cab, and goes straight on at green
    await page.evaluate(`(() => {
      const held = new Set();
      const key = (code, down) => {
        if (down === held.has(code)) return;
        if (down) held.add(code); else held.delete(code);
        window.dispatchEvent(new KeyboardEvent(down ? 'keydown' : 'keyup', { code }));
      };
      let phase = 0, greenAt = -1;
      window.__driver = () => {
        const g = window.__zoneGame;
        if (!g || g.phase !== 'play') return;
        const p = g.world.player;
        const want = Math.atan2(((phase === 0 ? 8.25 : 7.9) - p.z) * 0.5, 3);
        const err = Math.atan2(Math.sin(want - p.heading), Math.cos(want - p.heading));
        key('KeyD', err > 0.03);
        key('KeyA', err < -0.03);
        if (phase === 0 && p.x > -28) phase = 1;
        if (phase === 1) {
          key('KeyW', false);
          key('Space', true);
          if (g.world.signalState('nm-EW').state === 'green') {
            if (greenAt < 0) greenAt = g.time;
            if (g.time - greenAt > 0.5) phase = 2;
          }
          return;
        }
        const fast = phase === 0 && p.x < -70;
        key('Space', p.speed > (fast ? 5.6 : 4.0));
        key('KeyW', p.speed < (fast ? 5.2 : 3.4));
      };
    })()`);
    // the ride in game time (zoneGame.ts play: the rider presses its keys before each step)
    const consequence = () => page.evaluate(() => (window as unknown as { __zoneGameStore: { getState(): { consequence: unknown } } }).__zoneGameStore.getState().consequence != null);
    expect(await playUntil(page, consequence, (c) => c, 150, 1)).toBe(true);
    await page.getByTestId('consequence-replay').waitFor({ timeout: 30_000 });
    await page.evaluate(() => delete (window as unknown as { __driver?: unknown }).__driver);
    const events = (await game(page)).events;
    expect(events).toContain('truck_inside');
    expect(events.some((k) => ['near_miss', 'collision', 'inner_wheel_sweep'].includes(k))).toBe(true);
    // the camera sits in the truck's high cab, and the cab is drawn around it
    await page.waitForTimeout(1500);
    const camY = await page.evaluate(() => (window as unknown as { __hall3d: { camera: { position: { y: number } } } }).__hall3d.camera.position.y);
    expect(camY).toBeGreaterThan(2);
    expect(await hasObject(page, 'replay-cab')).toBe(true);
    await shot(page, 'game-ebike-replay-cab');
    await page.getByTestId('replay-skip').click();
    const explain = (await page.getByTestId('consequence-explain').textContent()) ?? '';
    expect(explain).toContain('What to do instead');
    expect(explain).toMatch(/Art/);
    await shot(page, 'game-ebike-explain');
    await page.getByTestId('consequence-continue').click();
    await page.getByTestId('consequence-explain').waitFor({ state: 'detached' });
    // the cab is gone with the replay
    expect(await hasObject(page, 'replay-cab')).toBe(false);
  });
});
