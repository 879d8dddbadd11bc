// Issue 15 item 3: a competition action is acknowledged on screen only once it is on disk. The
// browser is killed by its process id right after the host scores an answer (kill -9: no unload, no
// flush), started again on the same profile, and the competition must come back with everything the
// screen had shown. IndexedDB is kept busy for a moment around the click (another transaction on the
// competitions store, as a slow kiosk disk would) so the write cannot finish before the screen would
// have shown the award.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { BASE, CHROMIUM, E2E_SETUP_CODE, FLAGS } from './browser.ts';

type Q = { id: string; answer: string[] };
const crossing: Q[] = JSON.parse(readFileSync('quizzes/crossing.json', 'utf8')).questions;
const PIN = '246802';
let profile = '';

/**
 * A new browser profile for the test, removed when it ends: a second run of a failed test
 * (vitest.e2e.config.ts) must start without the first run's PIN and competition.
 */
function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'hall-durability-'));
  profile = dir;
  onTestFinished(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 }));
}

/** A browser on the test profile, guarded like every browser test (this origin only, no page errors). */
async function launchKiosk(problems: string[]): Promise<{ context: BrowserContext; page: Page; pid: number }> {
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS, headless: true, viewport: { width: 1280, height: 800 } });
  const origin = new URL(BASE).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`off-origin request: ${url}`);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return { context, page, pid: browserPid(profile) };
}

/** The browser process (not a renderer or GPU helper) started on this profile: the one this test launched. */
function browserPid(dir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd: string[];
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmd.includes(`--user-data-dir=${dir}`) && !cmd.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process with --user-data-dir=${dir}`);
}

async function keypad(page: Page, pin: string) {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-ok').click();
}
const phase = (page: Page) => page.getByTestId('host').getAttribute('data-phase');
const waitPhase = (page: Page, p: string) => page.waitForFunction((want) => document.querySelector('[data-testid="host"]')?.getAttribute('data-phase') === want, p);

describe('competition actions survive a killed browser', () => {
  it('an award the screen has shown is on disk: kill -9 right after, restart, and it is still there', async () => {
    freshProfile();
    const problems: string[] = [];
    let { context, page, pid } = await launchKiosk(problems);
    await page.goto(`${BASE}/#/staff`);
    await page.getByTestId('setup-code').fill(E2E_SETUP_CODE);
    await page.getByTestId('setup-code-ok').click();
    for (const step of ['pin-set', 'pin-confirm']) {
      await page.getByTestId(step).waitFor();
      await keypad(page, PIN);
    }
    await page.getByTestId('setup').waitFor();
    await page.getByTestId('round-count-1').fill('2');
    await page.getByTestId('round-seconds-1').fill('120');
    await page.getByTestId('setup-start').click();
    await waitPhase(page, 'roundIntro');
    await page.keyboard.press('Enter');
    await waitPhase(page, 'question');
    const id = (await page.getByTestId('host-question').getAttribute('data-question'))!;
    const right = crossing.find((q) => q.id === id)!.answer[0]!;
    await page.keyboard.press('Digit2');
    await page.getByTestId('host-holder').waitFor();

    // a slow disk: another transaction holds the competitions store for 1.5 s
    await page.evaluate(
      () =>
        new Promise<void>((ready) => {
          const req = indexedDB.open('traffic-safety-hall');
          req.onsuccess = () => {
            const tx = req.result.transaction('competitions', 'readwrite');
            const store = tx.objectStore('competitions');
            const until = performance.now() + 1500;
            const spin = () => {
              if (performance.now() < until) store.count().onsuccess = spin;
            };
            spin();
            ready();
          };
        }),
    );
    // the moment the screen acknowledges the award, the browser dies (within a few ms: a page
    // binding called from a DOM observer, no polling)
    let shown: string | null = null;
    const killed = new Promise<void>((resolve) => {
      void page.exposeBinding('__acknowledged', (_src, points: string) => {
        shown = points;
        process.kill(pid, 'SIGKILL');
        resolve();
      });
    });
    await page.evaluate(() => {
      const host = document.querySelector('[data-testid="host"]')!;
      new MutationObserver(() => {
        if (host.getAttribute('data-phase') === 'locked')
          (window as unknown as { __acknowledged(p: string): void }).__acknowledged(document.querySelector('[data-testid="points-p2"]')?.textContent ?? '');
      }).observe(host, { attributes: true, subtree: true, childList: true });
    });
    // the click's own promise dies with the browser
    const click = page.getByTestId(`host-choice-${right}`).click().catch(() => undefined);
    await killed;
    await click;
    expect(shown).toBe('10');
    await context.close().catch(() => undefined);

    ({ context, page, pid } = await launchKiosk(problems));
    await page.goto(`${BASE}/#/staff`);
    await page.getByTestId('pin-enter').waitFor();
    await keypad(page, PIN);
    await page.getByTestId('host').waitFor();
    expect(await page.getByTestId('host-question').getAttribute('data-question')).toBe(id);
    expect(await phase(page)).toBe('locked');
    expect(await page.getByTestId('points-p2').textContent()).toBe('10');
    await context.close();
    // the killed browser's own complaints are not the app's; everything else must be clean
    expect(problems.filter((p) => !/Target (page, context or browser )?(has been )?closed|crashed/i.test(p))).toEqual([]);
  });
});
