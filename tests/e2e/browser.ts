// Headless Debian Chromium through playwright-core (never a downloaded browser), with the guards
// every browser test shares: any request off this origin, and any page error, fails the test.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE = process.env.HALL_URL ?? `http://localhost:${process.env.HALL_E2E_PORT ?? 4310}`;
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the test build goes (test handles on): never `dist/`, which is the production build that
 * `npm start` serves — a `npm test` must not leave a build with handles where the hall server looks.
 */
export const TEST_DIST = 'dist-test';
/** the setup code the test deployment carries (global-setup writes its hash as dist-test/setup-code.json) */
export const E2E_SETUP_CODE = 'TEST-CODE-2468';

/** the flags every browser test launches Chromium with (software WebGL, nothing from the network) */
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface Guarded {
  context: BrowserContext;
  page: Page;
  /** off-origin requests and page errors seen so far */
  problems: string[];
}

export async function guardedPage(
  browser: Browser,
  opts: { viewport?: { width: number; height: number }; hasTouch?: boolean; base?: string; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<Guarded> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 }, hasTouch: opts.hasTouch ?? false, serviceWorkers: opts.serviceWorkers ?? 'allow' });
  const problems: string[] = [];
  const origin = new URL(opts.base ?? BASE).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    problems.push(`off-origin request: ${url}`);
    return route.abort();
  });
  // scripts run through tsx (the benchmark) compile page.evaluate callbacks with esbuild's keepNames,
  // which calls a __name helper that only exists in Node
  await context.addInitScript('window.__name = (f) => f;');
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}${process.env.HALL_E2E_STACKS ? `\n${e.stack}` : ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Offer superseded/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  return { context, page, problems };
}

/** Fraction of sampled canvas pixels that differ from the first one: 0 means a blank (e.g. black) view. */
export async function canvasVariety(page: Page, selector = 'canvas'): Promise<number> {
  const shot = await page.locator(selector).first().screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set<number>();
    let nonBg = 0;
    let samples = 0;
    const first = (d[0]! << 16) | (d[1]! << 8) | d[2]!;
    for (let y = 4; y < c.height; y += 9)
      for (let x = 4; x < c.width; x += 9) {
        const i = (y * c.width + x) * 4;
        const v = (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
        colours.add(v >> 3);
        samples++;
        if (Math.abs(d[i]! - (first >> 16)) + Math.abs(d[i + 1]! - ((first >> 8) & 255)) + Math.abs(d[i + 2]! - (first & 255)) > 30) nonBg++;
      }
    return colours.size < 8 ? 0 : nonBg / samples;
  }, shot.toString('base64'));
}
