// npm run bench — budgets of product.md measured on the built app in headless Chromium:
// renderer figures per route (flat and emulated VR; playable zones also while playing, marked ▶),
// frame JS time (trend only: software WebGL),
// bundle and font sizes, and JS heap growth over repeated route switches.
// Writes bench/results.json and prints a table with pass/fail marks. Not a test: never in npm test.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { guardedPage, launch, TEST_DIST } from '../tests/e2e/browser.ts';
import { PLAYABLE_ZONES, playOn } from '../tests/e2e/zoneGame.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, TEST_DIST);
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
// HALL_BENCH_ONLY=drunk (comma-separated words) measures only the routes naming them: one zone's rows while working on it
const ONLY = (process.env.HALL_BENCH_ONLY ?? '').split(',').filter(Boolean);
// HALL_BENCH_SKIN=vr (or flat) measures one skin only, and skips the heap round
const SKIN = process.env.HALL_BENCH_SKIN ?? '';
// HALL_BENCH_DETAIL=1 prints, per measured view, which objects its worst frame drew (draw calls by object)
const DETAIL = !!process.env.HALL_BENCH_DETAIL;
// HALL_BENCH_SHOTS=<dir> saves a screenshot of every measured view there (to compare before/after)
const SHOTS = process.env.HALL_BENCH_SHOTS ?? '';
const ROUTES = ['#/hall', '#/lab/junction', ...ZONES.map((z) => `#/zone/${z}?mode=game`)].filter((r) => !ONLY.length || ONLY.some((w) => r.includes(w)));

interface RouteResult {
  route: string;
  xr: boolean;
  drawCalls: number;
  triangles: number;
  /** distinct shader programs drawn with in one frame (the most over the measured frames) */
  programs: number;
  /** programs the renderer holds (compiled this session and not released) */
  programsLive: number;
  textures: number;
  geometries: number;
  frameMsMedian: number;
  frameMsP95: number;
  /** HALL_BENCH_DETAIL: draw calls of the worst frame by object (name path, kind), most first */
  detail?: [string, number][];
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
    async ({ frames, xr, detail }) => {
      type Info = { render: { calls: number; triangles: number }; programs: unknown[] | null; memory: { textures: number; geometries: number } };
      type Obj = { name: string; type: string; parent: Obj | null };
      type Direct = (camera: unknown, scene: unknown, geometry: unknown, material: { type: string }, object: Obj, group: unknown) => void;
      type Gl = { info: Info; render: (...a: unknown[]) => void; renderBufferDirect: Direct; properties: { get(m: unknown): { currentProgram?: unknown } } };
      const h = (window as unknown as { __hall3d?: { gl: Gl; xrStore: { requestFrame(): Promise<unknown> } } }).__hall3d;
      const none = { drawCalls: 0, triangles: 0, programs: 0, programsLive: 0, textures: 0, geometries: 0, frameMsMedian: 0, frameMsP95: 0 };
      const stage = document.querySelector('[data-testid="hall-stage"]') as HTMLElement | null;
      if (!h || (!xr && (!stage || stage.hidden))) return none;
      const times: number[] = [];
      // a frame's figures are the sum over its render calls: the scene, plus any render-target pass
      // drawn in the frame loop (a zone's mirrors), which the renderer's counters reset between
      // the programs a view needs are the ones its frames draw with (three's own count also holds
      // every program compiled on earlier routes of the session and not yet released)
      let frame = { calls: 0, triangles: 0, by: new Map<string, number>(), programs: new Set<unknown>() };
      let last = frame;
      let programs = 0;
      const original = h.gl.render;
      const direct = h.gl.renderBufferDirect;
      // which object each draw call belongs to: the nearest named ancestors, its type and material
      const label = (o: Obj, m: { type: string }) => {
        const names: string[] = [];
        for (let p: Obj | null = o; p && names.length < 3; p = p.parent) if (p.name) names.unshift(p.name);
        return `${names.join('/') || '(unnamed)'} ${o.type}:${m.type}`;
      };
      h.gl.renderBufferDirect = function (this: unknown, camera, scene, geometry, material, object, group) {
        direct.call(this, camera, scene, geometry, material, object, group);
        const program = h.gl.properties.get(material).currentProgram as { id?: number; name?: string; cacheKey?: string } | undefined;
        frame.programs.add(program);
        if (detail) {
          // each object's line names its program, so a program drawn by one object alone is easy to find
          const k = `${label(object, material)} p${program?.id ?? '?'}`;
          frame.by.set(k, (frame.by.get(k) ?? 0) + 1);
        }
        // the programs too (their cache keys say which variant: instancing, fog, tone mapping, colour space …)
        if (detail && program) frame.by.set(`program ${program.id} ${program.name}: ${program.cacheKey}`, 0);
      };
      h.gl.render = function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        original.apply(this, args);
        times.push(performance.now() - t0);
        frame.calls += h.gl.info.render.calls;
        frame.triangles += h.gl.info.render.triangles;
      };
      const tick = () => (xr ? h.xrStore.requestFrame() : new Promise((r) => requestAnimationFrame(r)));
      // the worst frame (a zone may draw a render-target pass only every few frames)
      for (let i = 0; i < frames; i++) {
        frame = { calls: 0, triangles: 0, by: new Map(), programs: new Set() };
        await tick();
        if (frame.calls > last.calls) last = frame;
        programs = Math.max(programs, frame.programs.size);
      }
      const calls = last.calls;
      const triangles = last.triangles;
      h.gl.render = original;
      h.gl.renderBufferDirect = direct;
      times.sort((a, b) => a - b);
      const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
      return {
        drawCalls: calls,
        triangles,
        programs,
        programsLive: h.gl.info.programs?.length ?? 0,
        textures: h.gl.info.memory.textures,
        geometries: h.gl.info.memory.geometries,
        frameMsMedian: Math.round(q(0.5) * 100) / 100,
        frameMsP95: Math.round(q(0.95) * 100) / 100,
        ...(detail ? { detail: [...last.by.entries()].sort((a, b) => b[1] - a[1]) } : {}),
      };
    },
    { frames: FRAMES, xr, detail: DETAIL },
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

/**
 * Views of a game further in than its first moves, measured after ▶ (each reached from the one before
 * through the game's own actions on window.__zoneGame; the view's route is `<route> ▶ <label>`).
 */
const LATER_VIEWS: Record<string, { label: string; reach: (page: Page) => Promise<void> }[]> = {
  blindspot: [
    {
      // the driver's seat: the cab frame round the eye and the mirrors rendered into their target
      label: 'cab',
      reach: async (page) => {
        await page.evaluate(() => {
          type G = { stage: string; blindZones(): { points: [number, number][] }[]; placeMarker(x: number, z: number): { ok: boolean }; enterCab(): boolean };
          const g = (window as unknown as { __zoneGame: G }).__zoneGame;
          // (the walk may already have set the markers down: the last one opens the cab)
          if (g.stage === 'cab') return;
          // a marker in the middle of a blind zone (the cab opens only with one)
          for (const zone of g.blindZones()) {
            const n = zone.points.length;
            const x = zone.points.reduce((a, p) => a + p[0], 0) / n;
            const z = zone.points.reduce((a, p) => a + p[1], 0) / n;
            if (g.placeMarker(x, z).ok) break;
          }
          if (!g.enterCab()) throw new Error(`bench: could not enter the blindspot cab (stage ${g.stage})`);
        });
        await settle(page, 1500);
      },
    },
    {
      // the right turn: the sweeps on the road, the trucks moving off
      label: 'turn',
      reach: async (page) => {
        await page.evaluate(() => {
          const g = (window as unknown as { __zoneGame: { leaveCab(): boolean } }).__zoneGame;
          if (!g.leaveCab()) throw new Error('bench: could not leave the blindspot cab');
        });
        await settle(page, 2500);
      },
    },
  ],
};

async function shoot(page: Page, route: string, xr: boolean) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const slug = route.replace(/^#\//, '').replace(/\?mode=game/, '').replace(/[^\w▶]+/g, '-').replace(/▶/g, 'play');
  await page.screenshot({ path: join(SHOTS, `${xr ? 'vr' : 'flat'}-${slug}.png`) });
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
  const server = await preview({ root, logLevel: 'warn', build: { outDir: TEST_DIST }, preview: { port: PORT, strictPort: true } });
  const browser = await launch();
  const routes: RouteResult[] = [];
  try {
    // flat: a desktop-sized window
    if (SKIN !== 'vr') {
      const { page, context } = await guardedPage(browser, { viewport: { width: 1280, height: 800 }, base: BASE });
      for (const r of ROUTES) {
        await page.goto(`${BASE}/${r}${r.includes('?') ? '&' : '?'}group=adult&lang=zh-Hans`);
        if (r === '#/hall') await page.waitForFunction(() => ((window as unknown as { __hall3d?: { gl: { info: { render: { calls: number } } } } }).__hall3d?.gl.info.render.calls ?? 0) > 10, undefined, { timeout: 60_000 });
        await settle(page);
        routes.push({ route: r, xr: false, ...(await measure(page, false)) });
        await shoot(page, r, false);
        const zone = PLAYED.find((z) => r === `#/zone/${z}?mode=game`);
        if (zone) {
          const key = await startPlaying(page);
          routes.push({ route: `${r} ▶`, xr: false, ...(await measure(page, false)) });
          await shoot(page, `${r} ▶`, false);
          await page.keyboard.up(key);
          for (const view of LATER_VIEWS[zone] ?? []) {
            await view.reach(page);
            routes.push({ route: `${r} ▶ ${view.label}`, xr: false, ...(await measure(page, false)) });
            await shoot(page, `${r} ▶ ${view.label}`, false);
          }
        }
      }
      await context.close();
    }
    // emulated VR: enter from the hall, then visit every route inside the session
    if (SKIN !== 'flat') {
      const { page, context } = await guardedPage(browser, { viewport: { width: 640, height: 360 }, base: BASE });
      await page.goto(`${BASE}/?emulate#/hall?group=adult&lang=zh-Hans`);
      await page.getByTestId('enter-vr').waitFor({ timeout: 60_000 });
      await page.getByTestId('enter-vr').click();
      await page.waitForFunction(() => (window as unknown as { __hall3d?: { xrStore: { getState(): { session: unknown } } } }).__hall3d?.xrStore.getState().session != null, undefined, { timeout: 30_000 });
      for (const r of ROUTES) {
        await page.evaluate((hash) => (window.location.hash = hash), `${r}${r.includes('?') ? '&' : '?'}group=adult&lang=zh-Hans`);
        await settle(page, 2500);
        routes.push({ route: r, xr: true, ...(await measure(page, true)) });
        await shoot(page, r, true);
        const zone = PLAYED.find((z) => r === `#/zone/${z}?mode=game`);
        if (zone) {
          const key = await startPlaying(page);
          routes.push({ route: `${r} ▶`, xr: true, ...(await measure(page, true)) });
          await shoot(page, `${r} ▶`, true);
          await page.keyboard.up(key);
          for (const view of LATER_VIEWS[zone] ?? []) {
            await view.reach(page);
            routes.push({ route: `${r} ▶ ${view.label}`, xr: true, ...(await measure(page, true)) });
            await shoot(page, `${r} ▶ ${view.label}`, true);
          }
        }
      }
      await context.close();
    }
    // memory: one round over all routes, then 30 switches
    let heapFirstMB = 0;
    let heapAfterSwitchesMB = 0;
    if (!SKIN) {
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
      heapFirstMB = await heapMB(page);
      for (let i = 0; i < SWITCHES; i++) await visit(i + 1);
      await visit(0);
      await settle(page);
      heapAfterSwitchesMB = await heapMB(page);
      await context.close();
    }

    const b = bundleFigures();
    const results = {
      routes,
      bundle: { initialJsGzip: b.initialJsGzip, chunks: b.chunks.map(({ name, gzip }) => ({ name, gzip })), fontBytes: b.fontBytes, nicknameFontBytes: b.nicknameFontBytes },
      memory: { heapFirstMB, heapAfterSwitchesMB },
    };
    writeFileSync(join(root, 'bench', ONLY.length || SKIN ? `results-${[...ONLY, SKIN].filter(Boolean).join('-')}.json` : 'results.json'), JSON.stringify(results, null, 2) + '\n');
    const over = printTable(results, b.initialFiles);
    if (over.length) {
      console.error(`\nBENCH FAILED: ${over.length} VR view(s) over the render budget per eye:\n${over.map((l) => `  ${l}`).join('\n')}`);
      process.exitCode = 1;
    } else if (routes.some((x) => x.xr)) console.log('\nVR render budget per eye: every measured view within it');
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
  for (const x of r.routes)
    if (x.detail) console.log(`\n${x.route} (${x.xr ? 'VR, both eyes' : 'flat'}): ${x.drawCalls} calls\n${x.detail.map(([k, n]) => `  ${String(n).padStart(3)}  ${k}`).join('\n')}`);
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
  if (SKIN) console.log('JS heap: not measured (one skin only)');
  else console.log(`JS heap: ${r.memory.heapFirstMB} MB after the first round, ${r.memory.heapAfterSwitchesMB} MB after ${SWITCHES} more switches (growth ${growth.toFixed(1)} MB ≤ ${BUDGET.heapGrowthMB} MB ${mark(growth <= BUDGET.heapGrowthMB)})`);
  console.log('results: bench/results.json');
  return overBudget(r.routes);
}

/** The VR views over a per-eye budget, one line each (a regression fails the benchmark). */
function overBudget(routes: RouteResult[]): string[] {
  const over: string[] = [];
  for (const x of routes) {
    if (!x.xr) continue;
    const calls = Math.ceil(x.drawCalls / 2);
    const tris = Math.ceil(x.triangles / 2);
    const what = [
      calls > BUDGET.drawCallsPerEye ? `${calls} draw calls per eye > ${BUDGET.drawCallsPerEye}` : '',
      tris > BUDGET.trianglesPerEye ? `${tris} triangles per eye > ${BUDGET.trianglesPerEye}` : '',
      x.programs > BUDGET.programs ? `${x.programs} programs > ${BUDGET.programs}` : '',
    ].filter(Boolean);
    if (what.length) over.push(`${x.route} (VR): ${what.join(', ')}`);
  }
  return over;
}

await main();
