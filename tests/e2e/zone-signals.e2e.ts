// The signals zone's game on the built app: walking or driving the street to each sign and marking
// and picking its meaning, reading the officer's animated hand signals, ordering a signal's
// movements (screens) or giving one with both arms (headset, recognised from the controllers' or
// hands' pose), the expressway breakdown with the triangle walked back and its distance measured;
// each path reaches the summary and the saved attempt — keyboard, touch only, controllers, hands.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { handsFor, KEY_POSES, worldFrame, type HandSignal } from '../../src/zones/signals/handSignals.ts';
import { canvasVariety } from './browser.ts';
import { open, shot } from './helpers.ts';
import { browserSuite } from './suite.ts';
import { clickUntil, hasObject, setPress, thumbstick, xrFrames } from './xr.ts';
import { cues, playUntil, savedGameAttempts, startGame, startVRGame } from './zoneGame.ts';

const suite = browserSuite();
const zone = JSON.parse(readFileSync(new URL('../../scenes/signals.json', import.meta.url), 'utf8')) as {
  challenges: { id: string; params: { items?: { id: string; answer: string }[] } }[];
};
const signAnswers = new Map(zone.challenges.find((c) => c.id === 'signs')!.params.items!.map((i) => [i.id, i.answer]));

interface Signals {
  phase: string;
  stage: string;
  x: number;
  question: { id: string; kind: string; signal: string | null } | null;
  show: { performSignal: HandSignal; steps: { id: string }[]; picked: string[]; showing: string | null } | null;
  carrying: boolean;
  distance: number;
  events: string[];
}

/** The signals game as the page sees it (window.__zoneGame). */
const state = (page: Page): Promise<Signals> =>
  page.evaluate(() => {
    type G = {
      phase: string;
      currentStage: string;
      pos: { x: number };
      currentQuestion: Signals['question'];
      showing: Signals['show'];
      breakdown: { carrying: boolean; distance: number } | null;
      events: { kind: string }[];
    };
    const g = (window as unknown as { __zoneGame: G }).__zoneGame;
    const q = g.currentQuestion;
    const s = g.showing;
    return {
      phase: g.phase,
      stage: g.currentStage,
      x: g.pos.x,
      question: q ? { id: q.id, kind: q.kind, signal: q.signal } : null,
      show: s ? { performSignal: s.performSignal, steps: s.steps.map((x) => ({ id: x.id })), picked: [...s.picked], showing: s.showing } : null,
      carrying: g.breakdown?.carrying ?? false,
      distance: g.breakdown?.distance ?? 0,
      events: g.events.map((e) => e.kind),
    };
  });

/** The right option of the open question: the zone file's answer for a sign, the signal itself for the officer. */
const rightAnswer = (q: NonNullable<Signals['question']>): string => (q.kind === 'sign' ? signAnswers.get(q.id)! : q.signal!);

describe('signals zone game', () => {
  it('with the keyboard (driver): signs, markings, the officer\'s signals, ordering, the expressway breakdown; summary and attempt', async () => {
    const g = await suite.page({ viewport: { width: 1366, height: 768 } });
    const { page } = g;
    await open(page, '#/zone/signals?mode=game&group=driver&lang=zh-Hans');
    await page.getByTestId('game-intro-tasks').waitFor({ timeout: 60_000 });
    // three stations for a driver: signs and markings, the officer, the breakdown
    expect(await page.getByTestId('game-intro-tasks').locator('li').count()).toBe(3);
    await shot(page, 'game-signals-intro-1366');
    await startGame(page);
    let wrongOnce = false;
    // drive (W) to each item; answer it (one sign wrong on purpose: its family's rule is shown)
    for (let guard = 0; guard < 20; guard++) {
      await page.keyboard.down('KeyW');
      expect(await playUntil(page, () => state(page), (st) => st.stage !== 'walk', 60)).toBe(true);
      await page.keyboard.up('KeyW');
      const s = await state(page);
      if (!s.question) break;
      await page.getByTestId('signals-question').waitFor();
      if (s.question.id === 'stop' && !wrongOnce) {
        wrongOnce = true;
        await shot(page, 'game-signals-zh-sign-1366');
        expect(await canvasVariety(page)).toBeGreaterThan(0.1);
        await page.getByTestId('answer-no-parking').click();
        await page.locator('[data-testid="game-event"][data-kind="sign_wrong_prohibition"]').first().waitFor();
        expect(await page.locator('[data-testid="game-event"][data-kind="sign_wrong_prohibition"]').first().textContent()).toContain('禁令标志');
        expect(await page.getByTestId('signals-last').textContent()).toContain('停车让行');
        continue;
      }
      await page.getByTestId(`answer-${rightAnswer(s.question)}`).click();
      await expect.poll(async () => (await state(page)).question?.id ?? null).not.toBe(s.question.id);
      if (s.question.kind === 'signal') break;
    }
    // the officer's signals, one after another
    for (let guard = 0; guard < 10; guard++) {
      const s = await state(page);
      if (!s.question) break;
      expect(s.question.kind).toBe('signal');
      if (guard === 0) await shot(page, 'game-signals-zh-officer-1366');
      await page.getByTestId(`answer-${rightAnswer(s.question)}`).click();
      await expect.poll(async () => (await state(page)).question?.id ?? null).not.toBe(s.question.id);
    }
    // order the movements of a signal (their ids are their places in the right order)
    await page.getByTestId('signals-order').waitFor();
    const order = (await state(page)).show!;
    for (let i = 0; i < order.steps.length; i++) await page.getByTestId(`order-step-${i}`).click();
    // the breakdown: lights, everyone out, the triangle walked back 150 m, the call
    await page.getByTestId('signals-breakdown').waitFor();
    await page.getByTestId('breakdown-hazard').click();
    await page.getByTestId('breakdown-evacuate').click();
    await page.getByTestId('breakdown-triangle').click();
    await page.keyboard.down('KeyW');
    expect(await playUntil(page, () => state(page), (st) => st.distance >= 152, 240)).toBe(true);
    await page.keyboard.up('KeyW');
    // the HUD shows it at the page's next published frame
    await expect.poll(async () => Number(await page.getByTestId('triangle-distance').getAttribute('data-m')), { timeout: 30_000 }).toBeGreaterThanOrEqual(150);
    await shot(page, 'game-signals-zh-triangle-1366');
    await page.getByTestId('breakdown-place').click();
    await page.getByTestId('breakdown-call').click();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    const summary = (await page.getByTestId('game-summary').textContent()) ?? '';
    expect(summary).toContain('第68条');
    await shot(page, 'game-signals-zh-summary-1366');
    expect(await cues(page)).toEqual(expect.arrayContaining(['safe', 'unsafe']));
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a).toMatchObject({ zone: 'signals', mode: 'game', group: 'driver', device: 'desktop' });
    const kinds = a!.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['sign_wrong_prohibition', 'hand_signal_correct', 'steps_ordered', 'breakdown_correct']));
    expect(kinds.filter((k) => k === 'sign_correct').length).toBe(6);
  }, 300_000);

  it('with touch only (child, kiosk and phone): held arrow walks, taps answer; fewer, larger items; summary and attempt', async () => {
    const g = await suite.page({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const { page } = g;
    await open(page, '#/zone/signals?mode=game&group=child&lang=zh-Hans');
    await startGame(page, 'tap');
    expect(await page.getByTestId('game-hud').getAttribute('class')).toContain('text-large');
    // two stations for a child, no markings and no breakdown
    expect(await page.getByTestId('game-tasks').locator('li').count()).toBe(2);
    const forward = page.getByTestId('move-forward');
    let answered = 0;
    for (let guard = 0; guard < 12; guard++) {
      const now = await state(page);
      if (now.show || now.phase === 'done') break;
      if (!now.question) {
        const x0 = now.x;
        await forward.dispatchEvent('pointerdown', { pointerId: 7, pointerType: 'touch', isPrimary: true });
        expect(await playUntil(page, () => state(page), (st) => st.question !== null, 60)).toBe(true);
        await forward.dispatchEvent('pointerup', { pointerId: 7, pointerType: 'touch', isPrimary: true });
        expect((await state(page)).x).toBeGreaterThan(x0);
        continue;
      }
      if (answered === 1) {
        await shot(page, 'game-signals-zh-touch-1080x1920');
        await page.setViewportSize({ width: 390, height: 844 });
        await page.waitForTimeout(500);
        await shot(page, 'game-signals-zh-touch-390x844');
        await page.setViewportSize({ width: 1080, height: 1920 });
      }
      await page.getByTestId(`answer-${rightAnswer(now.question)}`).tap();
      await expect.poll(async () => (await state(page)).question?.id ?? null).not.toBe(now.question.id);
      answered++;
    }
    // three signs and three of the officer's signals for a child
    expect(answered).toBe(6);
    const show = (await state(page)).show!;
    for (let i = 0; i < show.steps.length; i++) await page.getByTestId(`order-step-${i}`).tap();
    await page.getByTestId('game-summary').waitFor({ timeout: 30_000 });
    // children read no article numbers
    expect((await page.getByTestId('game-summary').textContent()) ?? '').not.toMatch(/第\d+条/);
    await expect.poll(async () => (await savedGameAttempts(page)).length, { timeout: 10_000 }).toBe(1);
    const [a] = await savedGameAttempts(page);
    expect(a).toMatchObject({ zone: 'signals', mode: 'game', group: 'child' });
    expect(a!.events.map((e) => e.kind)).toEqual(['sign_correct', 'sign_correct', 'sign_correct', 'hand_signal_correct', 'hand_signal_correct', 'hand_signal_correct', 'steps_ordered']);
  }, 360_000);

  /** Emulated VR: walk (stick or pinch) to each question and answer on its 3D panel; then give the asked signal with both arms. */
  async function vrVisit(page: Page, input: 'controller' | 'hand') {
    let answered = 0;
    for (let guard = 0; guard < 12; guard++) {
      const now = await state(page);
      if (now.show) break;
      if (!now.question) {
        if (input === 'controller') await thumbstick(page, 'left', 0, -1);
        else await setPress(page, 'hand', 'left', 1);
        if (input === 'controller') {
          // a frame carries the held stick into the game's controls; the walk then goes in game time
          await xrFrames(page, 2);
          expect(await playUntil(page, () => state(page), (s) => s.question !== null, 90)).toBe(true);
        } else {
          // a hand's pinch is read from its joints frame by frame: the walk goes in drawn frames
          await expect.poll(async () => {
            await xrFrames(page, 2);
            return (await state(page)).question !== null;
          }, { timeout: 90_000, interval: 50 }).toBe(true);
        }
        if (input === 'controller') await thumbstick(page, 'left', 0, 0);
        else await setPress(page, 'hand', 'left', 0);
        await xrFrames(page, 4);
        continue;
      }
      if (answered === 0) await shot(page, `game-signals-xr-${input}-question`);
      const id = now.question.id;
      // the question's 3D panel comes with the next drawn frames
      const target = `button:answer-${rightAnswer(now.question)}`;
      await expect.poll(async () => {
        await xrFrames(page, 1);
        return hasObject(page, target);
      }, { timeout: 30_000 }).toBe(true);
      await clickUntil(page, target, async () => ((await state(page)).question?.id ?? null) !== id, { input });
      answered++;
    }
    expect(answered).toBe(6);
    // the officer demonstrates; the visitor gives the asked signal: both arms where the key pose puts them, relative to the head
    const show = (await state(page)).show!;
    await page.waitForFunction(() => !!(window as unknown as { __xrDevice?: unknown }).__xrDevice);
    const head = await page.evaluate(() => {
      const d = (window as unknown as { __xrDevice: { position: { x: number; y: number; z: number }; quaternion: { x: number; y: number; z: number; w: number } } }).__xrDevice;
      return { p: { x: d.position.x, y: d.position.y, z: d.position.z }, q: { x: d.quaternion.x, y: d.quaternion.y, z: d.quaternion.z, w: d.quaternion.w } };
    });
    // the head's forward (−z turned by its quaternion) → yaw in the sim's convention
    const { x, y, z, w } = head.q;
    const fx = -(2 * (x * z + w * y));
    const fz = -(1 - 2 * (x * x + y * y));
    const yaw = Math.atan2(fz, fx);
    const arms = handsFor(KEY_POSES[show.performSignal].dir);
    const left = worldFrame(head.p, yaw, arms.left);
    const right = worldFrame(head.p, yaw, arms.right);
    await page.evaluate(
      ({ input, left, right }) => {
        const d = (window as unknown as { __xrDevice: Record<string, Record<string, { position: { set(x: number, y: number, z: number): void } }>> }).__xrDevice;
        const set = input === 'controller' ? d.controllers! : d.hands!;
        set.left!.position.set(left.x, left.y, left.z);
        set.right!.position.set(right.x, right.y, right.z);
      },
      { input, left, right },
    );
    await expect.poll(async () => {
      await xrFrames(page, 3);
      return (await state(page)).events;
    }, { timeout: 60_000, interval: 50 }).toContain('signal_performed');
    await expect.poll(async () => hasObject(page, 'panel:game-summary'), { timeout: 30_000 }).toBe(true);
    await xrFrames(page, 4);
    await shot(page, `game-signals-xr-${input}-summary`);
    await expect.poll(async () => (await savedGameAttempts(page)).map((a) => [a.zone, a.device, a.group]), { timeout: 10_000 }).toEqual([['signals', 'vr', 'child']]);
    const [a] = await savedGameAttempts(page);
    expect(a!.events.map((e) => e.kind)).toContain('signal_performed');
    expect(a!.events.map((e) => e.kind)).not.toContain('steps_ordered');
  }

  it('in emulated VR with controllers: the stick walks, the ray answers, the arms give the signal', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    await startVRGame(g.page, '#/zone/signals?mode=game&group=child&lang=zh-Hans', { group: 'child' });
    await vrVisit(g.page, 'controller');
  }, 480_000);

  it('in emulated VR with bare hands: a pinch walks, a pinch answers, the hands give the signal', async () => {
    const g = await suite.page({ viewport: { width: 640, height: 360 } });
    await startVRGame(g.page, '#/zone/signals?mode=game&group=child&lang=en', { hands: true, group: 'child' });
    await vrVisit(g.page, 'hand');
  }, 480_000);
});
