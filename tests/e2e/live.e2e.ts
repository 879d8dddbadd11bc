// A live competition across devices on a real hall server (file-backed PGlite, so it can be killed
// and started again) over the built app: the staff console signs in and creates a room (code and QR
// on the big screen), a phone joins from the link (after a wrong code and, from another phone, a
// taken nickname are refused) and an emulated headset types the code on the 3D keypad; the roster
// shows both; staff start with one team on site. Both visitors and the on-site team answer; the phone
// closes its page and comes back with its seat and score; the server is stopped and started again
// mid-question and the competition resumes at the same question with the same scores; the podium's
// results reach the hall statistics for both audience groups. One test walking the whole path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startHallServer, type RunningHallServer } from '../../server/server.ts';
import { tempDir } from '../../server/testing.ts';
import { BASE, guardedPage, launch, TEST_DIST, type Guarded } from './browser.ts';
import { shot } from './helpers.ts';
import { keypad, STAFF_PIN } from './staffConsole.ts';
import { clickUntil, enterVR, hasObject, xrFrames } from './xr.ts';
import type { Browser } from 'playwright-core';

type Q = { id: string; answer: string[]; choices: { id: string }[] };
const bank: Q[] = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8')).questions;
const root = fileURLToPath(new URL('../..', import.meta.url));
/** the hall server's port (the test's own, apart from the static copy's HALL_E2E_PORT) */
const PORT = Number(process.env.HALL_LIVE_PORT ?? 4331);
const url = `http://127.0.0.1:${PORT}`;

let hall: RunningHallServer;
let browser: Browser;
let dataDir = '';
const start = () => startHallServer({ root, distDir: join(root, TEST_DIST), dataDir, port: PORT, host: '127.0.0.1', log: () => undefined });

/**
 * A hall server on a new data folder for the test, closed when it ends (the test restarts it on the
 * same folder): a second run of a failed test (vitest.e2e.config.ts) must not find the first run's
 * hall PIN, room or results.
 */
async function freshHallServer() {
  dataDir = tempDir('hall-live-e2e-');
  hall = await start();
  onTestFinished(() => hall.close().catch(() => undefined));
}

beforeAll(async () => {
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** What a page may log while its server is down on purpose, or when a join is refused on purpose. */
const EXPECTED = [/WebSocket connection to '.*\/api\/live' failed/, /Failed to load resource: net::ERR_CONNECTION_REFUSED/, /Failed to load resource: the server responded with a status of (404|409)/];
const unexpected = (g: Guarded) => g.problems.filter((p) => !EXPECTED.some((re) => re.test(p)));

const rightOf = (id: string) => bank.find((q) => q.id === id)!.answer[0]!;
const wrongOf = (id: string) => bank.find((q) => q.id === id)!.choices.find((c) => !bank.find((q) => q.id === id)!.answer.includes(c.id))!.id;

/** The phone's page fits its screen: nothing to scroll to. */
const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1);

type LiveHandle = { getState(): { step: string; draft: { code: string; nickname: string }; client: { store: { getState(): { status: string; you: string; state: { q: number; phase: string; players: { id: string; points: number }[] } } } } | null } };
const vrLive = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { __liveVisitor: LiveHandle }).__liveVisitor.getState();
    const r = s.client?.store.getState();
    return { step: s.step, code: s.draft.code, nickname: s.draft.nickname, status: r?.status ?? null, you: r?.you ?? null, q: r?.state.q ?? -1, phase: r?.state.phase ?? null, points: r?.state.players.find((p) => p.id === r.you)?.points ?? null };
  });

describe('live competition across devices', () => {
  it('a kiosk hosts, a phone and a headset join and answer, the phone drops and rejoins, the server restarts, the results reach the hall statistics', async () => {
    await freshHallServer();
    const t0 = Date.now();
    const lap = (what: string) => console.log(`live e2e: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const staff = await guardedPage(browser, { base: url, viewport: { width: 1366, height: 768 } });
    const phone = await guardedPage(browser, { base: url, viewport: { width: 390, height: 844 }, hasTouch: true });
    const vr = await guardedPage(browser, { base: url, viewport: { width: 640, height: 360 } });
    try {

      // ---- the staff console: device PIN, then the hall's PIN with the setup code the server printed
      const s = staff.page;
      await s.goto(`${url}/#/staff`);
      // a device without a PIN is set up with the hall's setup code (the server checks it, and does not spend it)
      // (the first screen of a cold page: on a loaded two-core machine it may take a while to be ready)
      await s.getByTestId('setup-code').fill(hall.identity.setupCode, { timeout: 90_000 });
      await s.getByTestId('setup-code-ok').click();
      for (const step of ['pin-set', 'pin-confirm']) {
        await s.getByTestId(step).waitFor();
        await keypad(s, STAFF_PIN);
      }
      await s.getByTestId('live-sign-in-hint').waitFor();
      await s.getByTestId('hall-setup-code').fill(hall.identity.setupCode);
      await s.getByTestId('hall-pin').fill('135790');
      await s.getByTestId('hall-sign-in-submit').click();
      await s.getByTestId('live-create').click();
      await s.getByTestId('live-lobby').waitFor();
      const code = (await s.getByTestId('live-code').textContent())!.trim();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
      expect(await s.getByTestId('live-qr').getAttribute('data-value')).toBe(`${url}/#/join?code=${code}`);
      expect(await s.locator('[data-testid="live-qr"] svg').count()).toBe(1);
      lap('room created');

      // ---- the phone opens the QR's link: the code is filled in; a wrong code is refused first
      const p = phone.page;
      await p.goto(`${url}/#/join?code=${code}`);
      expect(await p.getByTestId('join-code').inputValue()).toBe(code);
      await p.getByTestId('join-code').fill(code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
      await p.getByTestId('join-nickname').fill('小明');
      await p.getByTestId('join-group-adult').click();
      expect(await fits(p)).toBe(true);
      await shot(p, 'live-01-join-phone');
      await p.getByTestId('join-submit').click();
      await expect.poll(() => p.getByTestId('join-error').getAttribute('data-problem')).toBe('wrongCode');
      expect(await p.getByTestId('join-error').textContent()).toContain('没有找到这个加入码的比赛');
      // the same screen on a classroom desktop and a portrait kiosk
      for (const [w, h, name] of [[1366, 768, 'live-01b-join-1366'], [1080, 1920, 'live-01c-join-kiosk']] as const) {
        await p.setViewportSize({ width: w, height: h });
        expect(await fits(p)).toBe(true);
        await shot(p, name);
      }
      await p.setViewportSize({ width: 390, height: 844 });
      await p.getByTestId('join-code').fill(code.toLowerCase());
      await p.getByTestId('join-submit').click();
      await p.getByTestId('live-waiting').waitFor();
      lap('phone joined');

      // another phone under the same nickname is told to choose another
      const other = await guardedPage(browser, { base: url, viewport: { width: 390, height: 844 }, hasTouch: true });
      await other.page.goto(`${url}/#/join?code=${code}`);
      await other.page.getByTestId('join-nickname').fill('小明');
      await other.page.getByTestId('join-group-child').click();
      await other.page.getByTestId('join-submit').click();
      await expect.poll(() => other.page.getByTestId('join-error').getAttribute('data-problem')).toBe('nicknameTaken');

      // ---- the headset: into VR in the hall, then the join panel; the code on the 3D keypad
      const v = vr.page;
      await v.goto(`${url}/?emulate#/hall?group=teen&lang=zh-Hans`);
      await enterVR(v);
      await v.evaluate(() => (window.location.hash = '#/join'));
      await v.waitForFunction(() => !!(window as unknown as { __hall3d: { scene: { getObjectByName(n: string): unknown } } }).__hall3d.scene.getObjectByName('keypad:live-code'), undefined, { timeout: 60_000, polling: 250 });
      await xrFrames(v, 6);
      for (const [i, ch] of [...code].entries()) await clickUntil(v, `key:live-code:${ch}`, async () => (await vrLive(v)).code.length === i + 1);
      expect((await vrLive(v)).code).toBe(code);
      await shot(v, 'live-02-vr-join-panel');
      // the join panel's own draw calls (per eye): its meshes and texts, the 32-key pad being one of them
      const panelCalls = await v.evaluate(() => {
        type O = { visible: boolean; isMesh?: boolean; children: O[] };
        const h = (window as unknown as { __hall3d: { scene: { getObjectByName(n: string): O | undefined }; gl: { info: { render: { calls: number } } } } }).__hall3d;
        const count = (o: O): number => (o.visible ? (o.isMesh ? 1 : 0) + o.children.reduce((n, c) => n + count(c), 0) : 0);
        return { panel: count(h.scene.getObjectByName('panel:live-join')!), frame: h.gl.info.render.calls };
      });
      console.log(`live e2e: join panel ${panelCalls.panel} draw calls per eye; the whole headset frame ${panelCalls.frame} (both eyes, settings panel and controllers included)`);
      expect(panelCalls.panel).toBeLessThanOrEqual(14);
      const vrName = (await vrLive(v)).nickname;
      await clickUntil(v, 'button:live-join', async () => (await vrLive(v)).status === 'open');
      lap('headset joined');

      // ---- the big screen: both visitors on the roster with their groups and devices
      await s.getByTestId('roster-v2').waitFor();
      expect(await s.getByTestId('roster-v1').textContent()).toContain('小明');
      expect(await s.getByTestId('roster-v1').getAttribute('data-group')).toBe('adult');
      expect(await s.getByTestId('roster-v2').textContent()).toContain(vrName);
      expect(await s.getByTestId('roster-v2').getAttribute('data-group')).toBe('teen');
      await expect.poll(() => s.getByTestId('roster-v2').getAttribute('data-kind')).toBe('vr');
      await shot(s, 'live-03-lobby-1366');
      await s.setViewportSize({ width: 1080, height: 1920 });
      await shot(s, 'live-04-lobby-kiosk');
      await s.setViewportSize({ width: 390, height: 844 });
      await shot(s, 'live-04b-lobby-phone');
      await s.setViewportSize({ width: 1366, height: 768 });

      // one team on site (this kiosk's on-screen buttons), everyone answers, one round of 2 questions
      await s.getByTestId('setup-more').click();
      await s.getByTestId('setup-answering-all').click();
      await s.getByTestId('round-zone-1').selectOption('crossing');
      await s.getByTestId('round-count-1').fill('2');
      await s.getByTestId('round-seconds-1').fill('120');
      await s.getByTestId('setup-start').click();
      await s.getByTestId('host').waitFor();
      await s.getByTestId('host-continue').click();
      await expect.poll(() => s.getByTestId('host').getAttribute('data-phase')).toBe('question');
      const q1 = (await s.getByTestId('host-question').getAttribute('data-question'))!;
      lap('started');

      // a later joiner is refused: the competition has started
      await other.page.getByTestId('join-nickname').fill('小刚');
      await other.page.getByTestId('join-submit').click();
      await expect.poll(() => other.page.getByTestId('join-error').getAttribute('data-problem')).toBe('started');
      expect(unexpected(other)).toEqual([]);
      await other.context.close();

      // ---- question 1: the phone right, the headset right, the team on site wrong
      await p.getByTestId(`live-choice-${rightOf(q1)}`).click();
      expect(await fits(p)).toBe(true);
      await shot(p, 'live-05-question-phone');
      await v.waitForFunction(() => (window as unknown as { __hall3d: { scene: { getObjectByName(n: string): unknown } } }).__hall3d.scene.getObjectByName('panel:live'), undefined, { timeout: 60_000, polling: 250 });
      await xrFrames(v, 4);
      await clickUntil(v, `button:live-choice-${rightOf(q1)}`, async () => (await s.getByTestId('answered-v2').count()) > 0 || (await s.getByTestId('host').getAttribute('data-phase')) !== 'question');
      await shot(v, 'live-06-vr-question');
      await s.getByTestId(`answer-p1-${wrongOf(q1)}`).click();
      await expect.poll(() => s.getByTestId('host').getAttribute('data-phase')).toBe('locked');
      await s.getByTestId('host-continue').click();
      await expect.poll(() => p.getByTestId('live-outcome').getAttribute('data-outcome')).toBe('correct');
      expect(await p.getByTestId('live-points').textContent()).toBe('10 分');
      lap('question 1 answered');

      // ---- the phone's page is closed; opened again it is the same player with the same score
      await p.close();
      const p2 = await phone.context.newPage();
      p2.on('pageerror', (e) => phone.problems.push(`page error: ${e.message}`));
      p2.on('console', (m) => m.type() === 'error' && phone.problems.push(`console error: ${m.text()}`));
      await p2.goto(`${url}/#/join`);
      await p2.getByTestId('live-play').waitFor();
      await expect.poll(() => p2.getByTestId('live-points').textContent()).toBe('10 分');
      expect(await p2.getByTestId('live-play').getAttribute('data-stage')).toBe('revealed');
      expect(await p2.locator('.live-bar .hint').textContent()).toContain('小明');
      await expect.poll(() => s.getByTestId('player-v1').getAttribute('data-points')).toBe('10');
      lap('phone back');

      // ---- question 2 opens; the server is stopped and started again mid-question
      await s.getByTestId('host-continue').click();
      await expect.poll(() => s.getByTestId('host').getAttribute('data-phase')).toBe('scoreboard');
      await s.getByTestId('host-continue').click();
      await expect.poll(() => s.getByTestId('host').getAttribute('data-phase')).toBe('question');
      const q2 = (await s.getByTestId('host-question').getAttribute('data-question'))!;
      expect(q2).not.toBe(q1);
      await p2.getByTestId(`live-choice-${rightOf(q2)}`).click();
      await expect.poll(() => s.getByTestId('answered-v1').count()).toBe(1);
      await hall.close();
      await expect.poll(() => p2.getByTestId('live-reconnecting').count()).toBe(1);
      hall = await start();
      lap('server restarted');
      // everyone is back by themselves; the room paused the open question for the time it was down
      await s.getByTestId('host-resume-big').click({ timeout: 30_000 });
      await expect.poll(() => s.getByTestId('host').getAttribute('data-paused')).toBe('false');
      expect(await s.getByTestId('host-question').getAttribute('data-question')).toBe(q2);
      expect(await s.getByTestId('host-question').getAttribute('data-q')).toBe('1');
      expect(await s.getByTestId('answered-v1').count()).toBe(1);
      for (const [id, pts] of [['v1', '10'], ['v2', '10'], ['p1', '0']]) expect(await s.getByTestId(`player-${id}`).getAttribute('data-points')).toBe(pts);
      await expect.poll(() => p2.getByTestId('live-play').getAttribute('data-status'), { timeout: 20_000 }).toBe('open');
      expect(await p2.getByTestId('live-play').getAttribute('data-q')).toBe('1');
      expect(await p2.getByTestId('live-play').getAttribute('data-stage')).toBe('wait');
      await expect.poll(async () => (await vrLive(v)).status, { timeout: 20_000 }).toBe('open');
      expect(await vrLive(v)).toMatchObject({ q: 1, phase: 'question', points: 10 });

      // the headset answers wrong, the team on site too: locked, revealed, to the podium
      await xrFrames(v, 4);
      await clickUntil(v, `button:live-choice-${wrongOf(q2)}`, async () => (await s.getByTestId('answered-v2').count()) > 0 || (await s.getByTestId('host').getAttribute('data-phase')) !== 'question');
      await s.getByTestId(`answer-p1-${wrongOf(q2)}`).click();
      await expect.poll(() => s.getByTestId('host').getAttribute('data-phase')).toBe('locked');
      for (let i = 0; i < 4 && (await s.getByTestId('host').getAttribute('data-phase')) !== 'podium'; i++) {
        const before = await s.getByTestId('host').getAttribute('data-phase');
        await s.getByTestId('host-continue').click();
        await expect.poll(() => s.getByTestId('host').getAttribute('data-phase')).not.toBe(before);
      }
      await s.getByTestId('podium').waitFor();
      expect(await s.getByTestId('final-ranking').locator('tbody tr').allTextContents()).toEqual([
        expect.stringMatching(/^1小明成年行人20/),
        expect.stringMatching(new RegExp(`^2${vrName}青少年10`)),
        expect.stringMatching(/^3红队成年行人0/),
      ]);
      await p2.getByTestId('live-podium').waitFor();
      expect(await p2.getByTestId('live-podium').getAttribute('data-rank')).toBe('1');
      expect(await p2.getByTestId('live-podium').textContent()).toContain('20 分');
      await expect.poll(async () => (await vrLive(v)).phase).toBe('podium');
      expect((await vrLive(v)).points).toBe(10);
      expect(await hasObject(v, 'panel:live')).toBe(true);
      lap('podium');

      // ---- the hall statistics (from the server): both groups, three results, the headset's among them
      await expect
        .poll(() => s.evaluate(async () => ((await (await fetch('/api/staff/stats?period=all')).json()) as { stats: { overall: { attempts: number } } }).stats.overall.attempts), { timeout: 15_000 })
        .toBe(3);
      await s.getByTestId('tab-stats').click();
      await s.getByTestId('period-all').click();
      await expect.poll(() => s.getByTestId('kpi-attempts').textContent()).toBe('3');
      for (const [group, name, n] of [['adult', '成年行人', '2'], ['teen', '青少年', '1']]) {
        const row = s.getByTestId(`stats-row-${group}`);
        expect(await row.locator('th').textContent()).toContain(name);
        expect(await row.locator('[data-col="attempts"]').textContent()).toBe(n);
      }
      expect(await s.getByTestId('stats-source').textContent()).toMatch(/头显 1/);
      await shot(s, 'live-07-stats');
      lap('statistics');

      expect(unexpected(staff)).toEqual([]);
      expect(unexpected(phone)).toEqual([]);
      expect(unexpected(vr)).toEqual([]);
    } finally {
      await Promise.all([staff.context.close(), phone.context.close(), vr.context.close()]);
    }
    // four browsers, one of them in emulated VR, on a shared two-core machine: give it room
  }, 300_000);

  it('a static copy of the app says a live competition needs the hall server', async () => {
    const g = await guardedPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true });
    try {
      await g.page.goto(`${BASE}/#/join?code=ABCDEF`);
      await expect.poll(() => g.page.getByTestId('join-error').getAttribute('data-problem')).toBe('noServer');
      expect(await g.page.getByTestId('join-error').textContent()).toContain('现场比赛需要馆内服务器');
      expect(await g.page.getByTestId('join-submit').isDisabled()).toBe(true);
      expect(g.problems).toEqual([]);
    } finally {
      await g.context.close();
    }
  });
});
