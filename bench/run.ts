// npm run bench — budgets of product.md measured on the built app in headless Chromium:
// renderer figures per route (flat and emulated VR; playable zones also while playing, marked ▶),
// frame JS time (trend only: software WebGL),
// bundle and font sizes, and JS heap growth over repeated route switches.
// Writes bench/results.json and prints a table with pass/fail marks. Not a test: never in npm test.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { guardedPage, launch } from '../tests/e2e/browser.ts';
import { PLAYABLE_ZONES, playOn } from '../tests/e2e/zoneGame.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// HALL_BENCH_PORT (or the checkout's HALL_E2E_PORT) lets two checkouts on one machine bench side by side
const PORT = Number(process.env.HALL_BENCH_PORT ?? process.env.HALL_E2E_PORT ?? 4320);
const BASE = `http://localhost:${PORT}`;
const FRAMES = 60;
const SWITCHES = 30;

export const BUDGET = {
  drawCallsPerEye: 60,
  trianglesPerEye: 100_000,
  programs: 12,
  initialJsGzip: 150 * 1024,
  coreJsGzip: 450 * 1024,
  zoneChunkGzip: 80 * 1024,
  fontBytes: 1024 * 1024,
  heapGrowthMB: 8,
};

const ZONES = ['crossing', 'ebike', 'drunk', 'blindspot', 'seatbelt', 'signals'];
const ROUTES = ['#/hall', '#/lab/junction', ...ZONES.map((z) => `#/zone/${z}?mode=game`)];

interface RouteResult {
  route: string;
  xr: boolean;
  drawCalls: number;
  triangles: number;
  programs: number;
  textures: number;
  geometries: number;
  frameMsMedian: number;
  frameMsP95: number;
}

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

function bundleFigures() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const assets = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const chunks = assets.map((f) => ({ name: f.replace(/-[\w-]{8}\.js$/, ''), file: f, gzip: gz(join(dist, 'assets', f)) }));
  const initialJsGzip = initial.reduce((n, f) => n + gz(join(dist, f)), 0);
  const fontsDir = join(dist, 'fonts');
  // the content subsets hold the budget; the nickname fonts (names-*.woff) load only when a typed name needs them
  const fontBytes = readdirSync(fontsDir).filter((f) => f.startsWith('hall-')).reduce((n, f) => n + statSync(join(fontsDir, f)).size, 0);
  const nicknameFontBytes = readdirSync(fontsDir).filter((f) => f.startsWith('names-')).reduce((n, f) => n + statSync(join(fontsDir, f)).size, 0);
  return { initialJsGzip, initialFiles: initial, chunks, fontBytes, nicknameFontBytes };
}

/** Renderer figures of one frame plus JS time per frame (gl.render wrapped) over FRAMES frames. */
async function measure(page: Page, xr: boolean): Promise<Omit<RouteResult, 'route' | 'xr'>> {
  return page.evaluate(
    async ({ frames, xr }) => {
      type Info = { render: { calls: number; triangles: number }; programs: unknown[] | null; memory: { textures: number; geometries: number } };
      const h = (window as unknown as { __hall3d?: { gl: { info: Info; render: (...a: unknown[]) => void }; xrStore: { requestFrame(): Promise<unknown> } } }).__hall3d;
      const none = { drawCalls: 0, triangles: 0, programs: 0, textures: 0, geometries: 0, frameMsMedian: 0, frameMsP95: 0 };
      const stage = document.querySelector('[data-testid="hall-stage"]') as HTMLElement | null;
      if (!h || (!xr && (!stage || stage.hidden))) return none;
      const times: number[] = [];
      let calls = 0;
      let triangles = 0;
      const original = h.gl.render;
      h.gl.render = function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        original.apply(this, args);
        times.push(performance.now() - t0);
        calls = h.gl.info.render.calls;
        triangles = h.gl.info.render.triangles;
      };
      const tick = () => (xr ? h.xrStore.requestFrame() : new Promise((r) => requestAnimationFrame(r)));
      for (let i = 0; i < frames; i++) await tick();
      h.gl.render = original;
      times.sort((a, b) => a - b);
      const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
      return {
        drawCalls: calls,
        triangles,
        programs: h.gl.info.programs?.length ?? 0,
        textures: h.gl.info.memory.textures,
        geometries: h.gl.info.memory.geometries,
        frameMsMedian: Math.round(q(0.5) * 100) / 100,
        frameMsP95: Math.round(q(0.95) * 100) / 100,
      };
    },
    { frames: FRAMES, xr },
  );
}

/** Zones whose game is measured again while playing (the registry's): started, past their setup, moving. */
const PLAYED = PLAYABLE_ZONES;

async function startPlaying(page: Page): Promise<string> {
  const key = await playOn(page);
  // walking or riding on: the street moves past the visitor while the frames are measured
  await page.keyboard.down(key);
  await page.waitForTimeout(2000);
  return key;
}

async function settle(page: Page, ms = 1500) {
  await page.waitForTimeout(ms);
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return Math.round((usedSize / 1024 / 1024) * 10) / 10;
}

async function main() {
  const server = await preview({ root, logLevel: 'warn', preview: { port: PORT, strictPort: true } });
  const browser = await launch();
  const routes: RouteResult[] = [];
  try {
    // flat: a desktop-sized window
    {
      const { page, context } = await guardedPage(browser, { viewport: { width: 1280, height: 800 }, base: BASE });
      for (const r of ROUTES) {
        await page.goto(`${BASE}/${r}${r.includes('?') ? '&' : '?'}group=adult&lang=zh-Hans`);
        if (r === '#/hall') await page.waitForFunction(() => ((window as unknown as { __hall3d?: { gl: { info: { render: { calls: number } } } } }).__hall3d?.gl.info.render.calls ?? 0) > 10, undefined, { timeout: 60_000 });
        await settle(page);
        routes.push({ route: r, xr: false, ...(await measure(page, false)) });
        const zone = PLAYED.find((z) => r === `#/zone/${z}?mode=game`);
        if (zone) {
          const key = await startPlaying(page);
          routes.push({ route: `${r} ▶`, xr: false, ...(await measure(page, false)) });
          await page.keyboard.up(key);
        }
      }
      await context.close();
    }
    // emulated VR: enter from the hall, then visit every route inside the session
    {
      const { page, context } = await guardedPage(browser, { viewport: { width: 640, height: 360 }, base: BASE });
      await page.goto(`${BASE}/?emulate#/hall?group=adult&lang=zh-Hans`);
      await page.getByTestId('enter-vr').waitFor({ timeout: 60_000 });
      await page.getByTestId('enter-vr').click();
      await page.waitForFunction(() => (window as unknown as { __hall3d?: { xrStore: { getState(): { session: unknown } } } }).__hall3d?.xrStore.getState().session != null, undefined, { timeout: 30_000 });
      for (const r of ROUTES) {
        await page.evaluate((hash) => (window.location.hash = hash), `${r}${r.includes('?') ? '&' : '?'}group=adult&lang=zh-Hans`);
        await settle(page, 2500);
        routes.push({ route: r, xr: true, ...(await measure(page, true)) });
        const zone = PLAYED.find((z) => r === `#/zone/${z}?mode=game`);
        if (zone) {
          const key = await startPlaying(page);
          routes.push({ route: `${r} ▶`, xr: true, ...(await measure(page, true)) });
          await page.keyboard.up(key);
        }
      }
      await context.close();
    }
    // memory: one round over all routes, then 30 switches
    const { page, context } = await guardedPage(browser, { viewport: { width: 1280, height: 800 }, base: BASE });
    await page.goto(`${BASE}/#/hall?group=adult&lang=zh-Hans`);
    await settle(page, 3000);
    const visit = async (i: number) => {
      await page.evaluate((hash) => (window.location.hash = hash), `${ROUTES[i % ROUTES.length]!}`);
      await page.waitForTimeout(400);
    };
    for (let i = 0; i < ROUTES.length; i++) await visit(i);
    await visit(0);
    await settle(page);
    const heapFirstMB = await heapMB(page);
    for (let i = 0; i < SWITCHES; i++) await visit(i + 1);
    await visit(0);
    await settle(page);
    const heapAfterSwitchesMB = await heapMB(page);
    await context.close();

    const b = bundleFigures();
    const results = {
      routes,
      bundle: { initialJsGzip: b.initialJsGzip, chunks: b.chunks.map(({ name, gzip }) => ({ name, gzip })), fontBytes: b.fontBytes, nicknameFontBytes: b.nicknameFontBytes },
      memory: { heapFirstMB, heapAfterSwitchesMB },
    };
    writeFileSync(join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    printTable(results, b.initialFiles);
  } finally {
    await browser.close();
    await server.close();
  }
}

function mark(ok: boolean) {
  return ok ? 'PASS' : 'FAIL';
}

function printTable(r: { routes: RouteResult[]; bundle: { initialJsGzip: number; chunks: { name: string; gzip: number }[]; fontBytes: number }; memory: { heapFirstMB: number; heapAfterSwitchesMB: number } }, initialFiles: string[]) {
  const eyes = (x: RouteResult) => (x.xr ? 2 : 1);
  const rows = r.routes.map((x) => {
    const calls = Math.ceil(x.drawCalls / eyes(x));
    const tris = Math.ceil(x.triangles / eyes(x));
    return [
      x.route.padEnd(28),
      (x.xr ? 'VR' : 'flat').padEnd(5),
      `${String(calls).padStart(4)} ≤${BUDGET.drawCallsPerEye} ${mark(calls <= BUDGET.drawCallsPerEye)}`,
      `${String(tris).padStart(7)} ≤${BUDGET.trianglesPerEye / 1000}k ${mark(tris <= BUDGET.trianglesPerEye)}`,
      `${String(x.programs).padStart(3)} ≤${BUDGET.programs} ${mark(x.programs <= BUDGET.programs)}`,
      String(x.textures).padStart(4),
      String(x.geometries).padStart(4),
      `${x.frameMsMedian.toFixed(1).padStart(6)} / ${x.frameMsP95.toFixed(1).padStart(6)}`,
    ].join(' │ ');
  });
  console.log('\nroute                        │ skin  │ draw calls/eye  │ triangles/eye      │ programs    │ tex  │ geo  │ frame ms med/p95 (software GL: trend only)');
  console.log(rows.join('\n'));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`\ninitial JS (gzip, ${initialFiles.length} files): ${kb(r.bundle.initialJsGzip)} ≤ 150 KB ${mark(r.bundle.initialJsGzip <= BUDGET.initialJsGzip)}`);
  for (const c of r.bundle.chunks.sort((a, b) => b.gzip - a.gzip)) {
    const core = /^core3d/.test(c.name);
    const zone = /^Zone/.test(c.name);
    const budget = core ? ` ≤ 450 KB ${mark(c.gzip <= BUDGET.coreJsGzip)}` : zone ? ` ≤ 80 KB ${mark(c.gzip <= BUDGET.zoneChunkGzip)}` : '';
    console.log(`  chunk ${c.name.padEnd(22)} ${kb(c.gzip).padStart(10)}${budget}`);
  }
  console.log(`fonts: ${kb(r.bundle.fontBytes)} ≤ 1 MB ${mark(r.bundle.fontBytes <= BUDGET.fontBytes)}`);
  const growth = r.memory.heapAfterSwitchesMB - r.memory.heapFirstMB;
  console.log(`JS heap: ${r.memory.heapFirstMB} MB after the first round, ${r.memory.heapAfterSwitchesMB} MB after ${SWITCHES} more switches (growth ${growth.toFixed(1)} MB ≤ ${BUDGET.heapGrowthMB} MB ${mark(growth <= BUDGET.heapGrowthMB)})`);
  console.log('results: bench/results.json');
}

await main();
