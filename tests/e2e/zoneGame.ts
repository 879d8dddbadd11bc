// Helpers for the zone-game browser tests: the game's state as the page sees it, saved attempts,
// starting a game (flat or in the headset) and the emulated hands.
import type { Page } from 'playwright-core';
import { clickUntil, enterVR, xrFrames } from './xr.ts';
import { open } from './helpers.ts';

/** The zones with a game (the registry: one line per zone). */
export { PLAYABLE_ZONES } from '../../src/zones/registry.ts';

export interface GameState {
  time: number;
  phase: string;
  x: number;
  z: number;
  speed: number;
  events: string[];
}

type Game = { time: number; phase: string; world: { player: { x: number; z: number; speed: number } }; events: { kind: string }[] };

/** The zone game on the page (window.__zoneGame, set by the zone's scene). */
export const gameState = (page: Page): Promise<GameState> =>
  page.evaluate(() => {
    const gm = (window as unknown as { __zoneGame: Game }).__zoneGame;
    return { time: gm.time, phase: gm.phase, x: gm.world.player.x, z: gm.world.player.z, speed: gm.world.player.speed, events: gm.events.map((e) => e.kind) };
  });

export const moved = (a: GameState, b: GameState): number => Math.hypot(b.x - a.x, b.z - a.z);

/** Every attempt of game mode in the app's IndexedDB. */
export async function savedGameAttempts(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ zone: string; mode: string; group: string; score: number; device: string; startedAt: number; endedAt: number; events: { kind: string }[] }[]>((resolve, reject) => {
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

export async function waitForGame(page: Page) {
  await page.waitForFunction(() => !!(window as unknown as { __zoneGame?: unknown }).__zoneGame, undefined, { timeout: 60_000 });
}

/** Flat: wait for the intro and press its start button (tap on touch screens). */
export async function startGame(page: Page, how: 'click' | 'tap' = 'click') {
  await page.getByTestId('game-start').waitFor({ timeout: 60_000 });
  await waitForGame(page);
  if (how === 'tap') await page.getByTestId('game-start').tap();
  else await page.getByTestId('game-start').click();
}

/** The cues played so far (window.__hallCues). */
export const cues = (page: Page): Promise<string[]> => page.evaluate(() => [...(window as unknown as { __hallCues: () => string[] }).__hallCues()]);

/**
 * In the emulated headset: enter VR in the hall (with hands instead of controllers if asked), go to
 * the zone's game and start it from its 3D panel.
 */
export async function startVRGame(page: Page, zoneHash: string, o: { hands?: boolean; group?: string } = {}) {
  const group = o.group ?? 'teen';
  await open(page, `#/hall?group=${group}&lang=en`, '?emulate');
  if (o.hands) {
    await page.waitForFunction(() => !!(window as unknown as { __xrDevice?: unknown }).__xrDevice);
    await page.evaluate(() => {
      (window as unknown as { __xrDevice: { primaryInputMode: string } }).__xrDevice.primaryInputMode = 'hand';
    });
  }
  await enterVR(page);
  if (o.hands)
    await page.waitForFunction(() => {
      const s = (window as unknown as { __hall3d: { xrStore: { getState(): { inputSourceStates: { type: string }[] } } } }).__hall3d.xrStore.getState();
      return s.inputSourceStates.some((i) => i.type === 'hand');
    }, undefined, { timeout: 30_000 });
  await page.evaluate((h) => (window.location.hash = h), zoneHash);
  await waitForGame(page);
  await xrFrames(page, 8);
  await clickUntil(page, 'button:game-start', async () => (await page.getByTestId('game-intro').count()) === 0, { input: o.hands ? 'hand' : 'controller' });
  await xrFrames(page, 5);
}

/** Place an emulated hand (its wrist) in the XR origin's space. */
export async function placeHand(page: Page, hand: 'left' | 'right', x: number, y: number, z: number) {
  await page.evaluate(
    ({ hand, x, y, z }) => {
      const d = (window as unknown as { __xrDevice: { hands: Record<string, { position: { set(x: number, y: number, z: number): void } }> } }).__xrDevice;
      d.hands[hand]!.position.set(x, y, z);
    },
    { hand, x, y, z },
  );
}

/**
 * From the intro onto the street without the HUD's choices: Start (an element click: in emulated
 * VR the emulator's overlay covers the page), then the zone module's rehearsal (the careful first
 * moves, e.g. the e-bike checklist) through the zone-game store; returns the key that moves the
 * visitor on (the first action's + key in the zone's action map).
 */
export async function playOn(page: Page): Promise<string> {
  await page.getByTestId('game-start').waitFor({ state: 'attached', timeout: 60_000 });
  await waitForGame(page);
  await page.getByTestId('game-start').evaluate((el) => (el as HTMLElement).click());
  return page.evaluate(() => {
    type Store = { getState(): { actions: { rehearse(): void }; controls: { map: { actions: Record<string, unknown>; keys: { code: string; action: string; value?: number }[] } } } };
    const s = (window as unknown as { __zoneGameStore: Store }).__zoneGameStore.getState();
    s.actions.rehearse();
    const first = Object.keys(s.controls.map.actions)[0];
    return s.controls.map.keys.find((k) => k.action === first && (k.value ?? 1) > 0)!.code;
  });
}

/**
 * Plays `seconds` of game time now, in steps of 1/30 s, through the zone-game store's own frame
 * (`tick`: the controls every device wrote — keys, touch, controllers, hands — read by the zone's
 * reader, the game stepped, the HUD published, replays queued, the end saved), with the page's
 * rendering in between. The software-rendered browser draws a frame or two a second under load;
 * the game is the same at any frame rate, so a test need not wait for slow frames to move it. In
 * the emulated headset a drawn frame first carries the held sticks, triggers and hands into the
 * controls (they stay there), and the steps look where the head looked in the last frame. A
 * page's `__driver` (if a test installed one) presses its keys before each step. Stops early when
 * the game is not playing (a consequence replay, the summary).
 */
export async function play(page: Page, seconds: number): Promise<void> {
  await page.evaluate(async (secs) => {
    type S = { status: string; consequence: unknown; actions: { tick(look: { dt: number; headYaw: number; drag: number }, clock: number): void } };
    const w = window as unknown as { __zoneGameStore: { getState(): S }; __driver?: () => void; __zoneLook?: { headYaw: number } };
    // in a headset the last drawn frame's head yaw (where the visitor looks); flat, none
    const look = { dt: 1 / 30, headYaw: w.__zoneLook?.headYaw ?? NaN, drag: 0 };
    for (let i = 0; i < secs * 30; i++) {
      const s = w.__zoneGameStore.getState();
      if (s.status !== 'playing' || s.consequence) return;
      w.__driver?.();
      // clock 0: these steps publish the HUD only with fresh events; the page's own frames publish as usual
      s.actions.tick(look, 0);
      if (i % 15 === 14) await new Promise((r) => setTimeout(r, 0));
    }
  }, seconds);
}

/**
 * Plays `step` seconds of game time at a time until `until` holds for what `read` returns (at most
 * `maxSeconds` of game time; then the last check fails the caller's expectation). A walk stops
 * within a step's distance of its mark (0.1 s: about 15 cm at a walk).
 */
export async function playUntil<T>(page: Page, read: () => Promise<T>, until: (s: T) => boolean, maxSeconds = 120, step = 0.1): Promise<boolean> {
  for (let t = 0; t <= maxSeconds; t += step) {
    if (until(await read())) return true;
    await play(page, step);
  }
  return until(await read());
}
