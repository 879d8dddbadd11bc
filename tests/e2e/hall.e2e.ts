// The hall server with the real app: a desktop, a kiosk and an emulated headset each finish a self-test
// against one hall server (PGlite in memory, a random port); a staff console on a fourth browser sets
// the hall PIN with the setup code the server printed, sees all three attempts with their groups and
// device kinds in the hall statistics, filters by device kind, and downloads the hall's CSV from the
// server. The first screen comes compressed, with the security headers. A static copy of the app (the
// other browser tests' server) asks no hall server anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startHallServer, type RunningHallServer } from '../../server/server.ts';
import { tempDir } from '../../server/testing.ts';
import { BASE, E2E_SETUP_CODE, guardedPage, TEST_DIST, type Guarded } from './browser.ts';
import { shot } from './helpers.ts';
import { browserSuite } from './suite.ts';

type Q = { id: string; answer: string[]; kind: string; choices: { id: string }[] };
const bank = (zone: string): Q[] => JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8')).questions;
const root = fileURLToPath(new URL('../..', import.meta.url));

const suite = browserSuite();
let hall: RunningHallServer;

/**
 * A fresh hall server for the test (PGlite in memory), closed when it ends: a second run of a failed
 * test (vitest.e2e.config.ts) must not find the first run's attempts or hall PIN.
 */
async function freshHallServer() {
  hall = await startHallServer({ root, distDir: join(root, TEST_DIST), dataDir: tempDir('hall-e2e-'), memoryDatabase: true, port: 0, host: '127.0.0.1', log: () => undefined });
  const running = hall;
  onTestFinished(() => running.close());
}

const url = () => `http://127.0.0.1:${hall.port}`;

/** Answers every question of the open self-test (all right) and waits for the result. */
async function finishTest(page: Page, zone: string) {
  const questions = bank(zone);
  for (let i = 0; i < 20; i++) {
    await page.locator('[data-testid="test-question"], [data-testid="test-result"]').first().waitFor();
    if (await page.getByTestId('test-result').count()) return;
    const id = await page.getByTestId('test-question').getAttribute('data-question');
    const q = questions.find((x) => x.id === id)!;
    for (const id of q.answer) await page.getByTestId(`choice-${id}`).click();
    if (q.kind === 'multiple') await page.getByTestId('test-submit').click();
    await page.getByTestId('test-feedback').waitFor();
    await page.getByTestId('test-next').click();
  }
  await page.getByTestId('test-result').waitFor();
}

/** Until the page's outbox has had its attempt confirmed by the hall server. */
async function uploaded(page: Page, n: number) {
  await page.waitForFunction(
    (want) => {
      const h = (window as unknown as { __hall?: { state: { getState(): { outbox: { sent: number; queued: number } } } } }).__hall;
      return !!h && h.state.getState().outbox.sent >= want && h.state.getState().outbox.queued === 0;
    },
    n,
    { timeout: 30_000 },
  );
}

async function hallDevice(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { __hall: { state: { getState(): { device: { kind: string } } } } }).__hall.state.getState().device.kind);
}

describe('hall server', () => {
  it('three devices upload their attempts; the staff console signs in and sees the whole hall by group and device kind, and exports it', async () => {
    await freshHallServer();
    // the first screen, compressed and with the security headers
    const desktop = await suite.page({ base: url(), viewport: { width: 1366, height: 768 } });
    const transferred: { url: string; encoding: string | undefined; bytes: number }[] = [];
    desktop.page.on('response', (r) => {
      if (/\/assets\/.*\.js$/.test(r.url())) void r.request().sizes().then((s) => transferred.push({ url: r.url(), encoding: r.headers()['content-encoding'], bytes: s.responseBodySize }));
    });
    const doc = await desktop.page.goto(`${url()}/#/`);
    const headers = doc!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("connect-src 'self' blob: data:");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await desktop.page.getByTestId('begin').click();
    await desktop.page.getByTestId('nickname').fill('小红');
    await desktop.page.getByTestId('group-child').click();
    await desktop.page.getByTestId('profile-save').click();
    await desktop.page.waitForURL(/#\/hall$/);
    await expect.poll(() => transferred.length).toBeGreaterThan(2);
    const t0 = Date.now();
    const lap = (what: string) => console.log(`hall e2e: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    expect(transferred.filter((t) => t.encoding !== 'br').map((t) => t.url)).toEqual([]);
    const firstScreenKb = transferred.reduce((s, t) => s + t.bytes, 0) / 1024;
    console.log(`hall e2e: JavaScript transferred by the time the hall shows (brotli): ${firstScreenKb.toFixed(0)} KB in ${transferred.length} files`);

    await desktop.page.goto(`${url()}/#/zone/crossing?mode=test`);
    await finishTest(desktop.page, 'crossing');
    await uploaded(desktop.page, 1);
    expect(await hallDevice(desktop.page)).toBe('desktop');
    lap('desktop uploaded');

    // a portrait touch kiosk (its start URL says what it is) and an emulated Quest, side by side
    const kiosk: Guarded = await guardedPage(suite.browser, { base: url(), viewport: { width: 1080, height: 1920 }, hasTouch: true });
    const headset: Guarded = await guardedPage(suite.browser, { base: url(), viewport: { width: 640, height: 360 } });
    try {
      await kiosk.page.goto(`${url()}/?device=kiosk#/zone/signals?mode=test&group=senior&lang=zh-Hans`);
      await headset.page.goto(`${url()}/?emulate#/zone/ebike?mode=test&group=teen&lang=zh-Hans`);
      await finishTest(kiosk.page, 'signals');
      await finishTest(headset.page, 'ebike');
      await uploaded(kiosk.page, 1);
      await uploaded(headset.page, 1);
      lap('kiosk and headset uploaded');
      expect(await hallDevice(kiosk.page)).toBe('kiosk');
      expect(await hallDevice(headset.page)).toBe('vr');
      await shot(kiosk.page, 'hall-01-kiosk-result');
      expect(kiosk.problems).toEqual([]);
      expect(headset.problems).toEqual([]);
    } finally {
      await kiosk.context.close();
      await headset.context.close();
    }

    // a fourth browser: the staff console, first the device's own PIN, then the hall server's
    const staff = await guardedPage(suite.browser, { base: url(), viewport: { width: 1366, height: 768 } });
    try {
      const page = staff.page;
      await page.goto(`${url()}/#/staff`);
      // a device without a PIN asks for the setup code: on a hall server's page, the server checks the
      // code it printed at start (the same one sets the hall's PIN below)
      await page.getByTestId('setup-code').fill(hall.identity.setupCode);
      await page.getByTestId('setup-code-ok').click();
      await page.getByTestId('pin-set').waitFor();
      for (const step of ['pin-set', 'pin-confirm']) {
        await page.getByTestId(step).waitFor();
        for (const d of '246813') await page.getByTestId(`pin-key-${d}`).click();
        await page.getByTestId('pin-ok').click();
      }
      await page.getByTestId('staff-console').waitFor();
      await page.getByTestId('tab-stats').click();
      await page.getByTestId('hall-sign-in').waitFor();
      expect(await page.getByTestId('stats-source').textContent()).toContain('本机');
      // on first use the hall's PIN is set with the code the server printed at start
      await page.getByTestId('hall-setup-code').fill(hall.identity.setupCode.toLowerCase());
      await page.getByTestId('hall-pin').fill('135790');
      await page.getByTestId('hall-sign-in-submit').click();
      await page.getByTestId('hall-signed-in').waitFor();
      lap('staff signed in');
      await page.getByTestId('period-all').click();
      await expect.poll(() => page.getByTestId('kpi-attempts').textContent(), { timeout: 20_000 }).toBe('3');
      expect(await page.getByTestId('stats-source').textContent()).toContain('全馆');
      expect(await page.getByTestId('stats-source').textContent()).toMatch(/头显 1.*电脑 1.*展台 1/);
      for (const [group, name] of [['child', '儿童'], ['senior', '老年人'], ['teen', '青少年']]) {
        const row = page.getByTestId(`stats-row-${group}`);
        expect(await row.locator('th').textContent()).toContain(name);
        expect(await row.locator('[data-col="attempts"]').textContent()).toBe('1');
      }
      await shot(page, 'hall-02-staff-stats');
      // only the headsets: the teen's attempt
      await page.getByTestId('stats-kind').selectOption('vr');
      await expect.poll(() => page.getByTestId('kpi-attempts').textContent(), { timeout: 20_000 }).toBe('1');
      expect(await page.getByTestId('stats-row-teen').count()).toBe(1);
      expect(await page.getByTestId('stats-row-child').count()).toBe(0);

      // the CSV comes from the server: every device's attempts, with the nickname and group
      await page.getByTestId('tab-data').click();
      await expect.poll(() => page.getByTestId('export-count').textContent()).toContain('共 3 条成绩');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename()).toBe('hall-results-all.csv');
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n').slice(1);
      expect(rows).toHaveLength(3);
      expect(rows.find((r) => r.includes(',child,'))).toContain(',小红,child,crossing,test,');
      expect(rows.map((r) => r.split(',')[3]).sort()).toEqual(['child', 'senior', 'teen']);
      await shot(page, 'hall-03-staff-data');
      expect(staff.problems).toEqual([]);
    } finally {
      await staff.context.close();
    }
    // four browsers on two cores: give it room
  }, 300_000);

  it('a static copy of the app (no hall server) makes no hall request and stays device-local', async () => {
    const g = await suite.page();
    const api: string[] = [];
    g.page.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/') && api.push(r.url()));
    await g.page.goto(`${BASE}/#/zone/crossing?mode=test&group=adult&lang=zh-Hans`);
    await finishTest(g.page, 'crossing');
    await g.page.goto(`${BASE}/#/staff`);
    // the static copy's setup code is checked against the hash beside index.html, not by an API
    await g.page.getByTestId('setup-code').fill(E2E_SETUP_CODE);
    await g.page.getByTestId('setup-code-ok').click();
    await g.page.getByTestId('pin-set').waitFor();
    expect(api).toEqual([]);
    expect(await g.page.evaluate(() => 'hall-server' in window || !!document.querySelector('meta[name="hall-server"]'))).toBe(false);
    expect(await g.page.evaluate(() => typeof (window as unknown as { __hall?: unknown }).__hall)).toBe('undefined');
  });
});
