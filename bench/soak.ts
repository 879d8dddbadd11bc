// npm run soak -- --minutes N   (not part of npm test)
// A kiosk runs for days: this cycles the hall and every playable zone's game, flat and in the emulated
// headset, for N minutes in one page, and compares what the page holds after the first cycle with
// what it holds at the end: JS heap (after a forced GC), DOM nodes and listeners, and the renderer's
// geometries, textures and shader programs. Anything that grew more than 5 % fails (exit 1), and so
// does any page error or off-origin request on the way.
//
// HALL_SOAK_PORT picks the port (default 4321); the app is the test build in dist-test/ (test handles on).
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { guardedPage, launch, TEST_DIST } from '../tests/e2e/browser.ts';
import { PLAYABLE_ZONES } from '../src/zones/session.ts';
import { playOn } from '../tests/e2e/zoneGame.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.HALL_SOAK_PORT ?? 4321);
const BASE = `http://localhost:${PORT}`;
const GROWTH_LIMIT = 0.05;

function minutesArg(): number {
  const i = process.argv.indexOf('--minutes');
  const n = i > 0 ? Number(process.argv[i + 1]) : 30;
  if (!(n > 0)) throw new Error('--minutes must be a positive number');
  return n;
}

export interface Figures {
  heapMB: number;
  /** the heap without V8's compiled code (from a heap snapshot; only at the three checkpoints, else 0) */
  objectsMB: number;
  domNodes: number;
  listeners: number;
  geometries: number;
  textures: number;
  programs: number;
}

type Hall3d = { gl: { info: { memory: { geometries: number; textures: number }; programs: unknown[] | null } }; xrStore: { getState(): { session: { end(): Promise<void> } | null } } };

/** bytes by kind of heap object (`type:constructor`) in one heap snapshot */
export type HeapKinds = Map<string, number>;

/**
 * Self sizes by kind, summed from a heap snapshot. Kept apart: V8's compiled code (`code:`), which
 * grows while the JIT optimises more of the app the longer it runs and which V8 flushes under memory
 * pressure: it is not something the app holds on to.
 */
export function heapKinds(snapshotJson: string): HeapKinds {
  const snap = JSON.parse(snapshotJson) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const w = fields.length;
  const iType = fields.indexOf('type');
  const iName = fields.indexOf('name');
  const iSize = fields.indexOf('self_size');
  const out: HeapKinds = new Map();
  for (let k = 0; k < snap.nodes.length; k += w) {
    const type = types[snap.nodes[k + iType]!]!;
    // strings, numbers and code by type; objects and arrays by their constructor
    const name = ['object', 'closure', 'array', 'native'].includes(type) ? snap.strings[snap.nodes[k + iName]!]!.slice(0, 60) : '';
    const key = `${type}:${name}`;
    out.set(key, (out.get(key) ?? 0) + snap.nodes[k + iSize]!);
  }
  return out;
}

/** the heap's bytes without compiled code */
export function objectBytes(kinds: HeapKinds): number {
  let n = 0;
  for (const [k, v] of kinds) if (!k.startsWith('code:')) n += v;
  return n;
}

async function figures(page: Page, snapshot?: { kinds?: HeapKinds }): Promise<Figures> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  let objectsMB = 0;
  if (snapshot) {
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    snapshot.kinds = heapKinds(chunks.join(''));
    objectsMB = Math.round((objectBytes(snapshot.kinds) / 1048576) * 10) / 10;
  }
  await cdp.detach();
  const gl = await page.evaluate(() => {
    const h = (window as unknown as { __hall3d?: Hall3d }).__hall3d;
    return { geometries: h?.gl.info.memory.geometries ?? 0, textures: h?.gl.info.memory.textures ?? 0, programs: h?.gl.info.programs?.length ?? 0 };
  });
  return { heapMB: Math.round((usedSize / 1048576) * 10) / 10, objectsMB, domNodes: dom.nodes, listeners: dom.jsEventListeners, ...gl };
}

/** The renderer's shader programs by name and cache key (the key names every setting the program was built for). */
async function programKeys(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const h = (window as unknown as { __hall3d?: { gl: { info: { programs: { name: string; cacheKey: string }[] | null } } } }).__hall3d;
    return (h?.gl.info.programs ?? []).map((p) => [p.name, p.cacheKey] as [string, string]);
  });
}

/**
 * What changed in the programs between two readings: each new program by name, with the settings
 * that set it apart from the closest program of the same name; each program gone by name.
 */
export function programChanges(before: [string, string][], after: [string, string][]): string[] {
  const keys = new Set(before.map(([, k]) => k));
  const nowKeys = new Set(after.map(([, k]) => k));
  const out: string[] = [];
  for (const [name, key] of after) {
    if (keys.has(key)) continue;
    const parts = key.split(',');
    let closest: string[] | null = null;
    let fewest = Infinity;
    for (const [n, k] of before) {
      if (n !== name) continue;
      const other = k.split(',');
      const differ = parts.filter((v, i) => other[i] !== v).length + Math.abs(other.length - parts.length);
      if (differ < fewest) [fewest, closest] = [differ, other];
    }
    const detail = closest ? parts.map((v, i) => [i, v, closest![i]] as const).filter(([, v, o]) => v !== o).map(([i, v, o]) => `#${i} ${o ?? '∅'}→${v}`).slice(0, 8).join(' ') : 'no program of that name before';
    out.push(`+ ${name}: ${detail}`);
  }
  for (const [name, key] of before) if (!nowKeys.has(key)) out.push(`- ${name}`);
  return out;
}

/** element.click(): in emulated VR the emulator's overlay covers the page, as a headset would. */
async function press(page: Page, id: string, timeout = 60_000) {
  const el = page.getByTestId(id);
  await el.waitFor({ state: 'attached', timeout });
  await el.evaluate((e) => (e as HTMLElement).click());
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

async function waitHall(page: Page) {
  await page.waitForFunction(() => ((window as unknown as { __hall3d?: { gl: { info: { render: { calls: number } } } } }).__hall3d?.gl.info.render.calls ?? 0) > 10, undefined, { timeout: 60_000 });
  await page.waitForTimeout(800);
}

/** A ride zone's pre-ride checklist, if it is (or comes) on screen: the first option of each item, then off. */
async function answerChecklist(page: Page) {
  const list = page.locator('[data-testid="game-checklist"]');
  for (let i = 0; i < 6 && (await list.count()) === 0; i++) await page.waitForTimeout(250);
  if ((await list.count()) === 0) return;
  const items = await list.locator('fieldset').count();
  for (let i = 0; i < items; i++) await list.locator('fieldset').nth(i).locator('input').first().evaluate((e) => (e as HTMLElement).click());
  await press(page, 'ride-off');
}

/**
 * One zone game: start it and put it straight into play (the store's rehearse: past a ride's
 * checklist, a level choice or a station menu, as the bench does), hold the zone's first action's
 * key for a while, end it.
 */
async function playZone(page: Page, zone: string) {
  await go(page, `#/zone/${zone}?mode=game`);
  const key = await playOn(page);
  await page.keyboard.down(key);
  await page.waitForTimeout(2500);
  await page.keyboard.up(key);
  // end the game; a consequence replay on screen (walked into traffic) is skipped and closed first
  const until = Date.now() + 90_000;
  while ((await page.getByTestId('game-summary').count()) === 0) {
    if (Date.now() > until) {
      const ids = await page.evaluate(() => [...document.querySelectorAll('[data-testid]')].map((e) => e.getAttribute('data-testid')).join(' '));
      throw new Error(`soak: the ${zone} game did not end (${page.url()}); on the page: ${ids}`);
    }
    await answerChecklist(page);
    for (const id of ['replay-skip', 'consequence-continue', 'game-quit']) {
      if (await page.getByTestId(id).count()) {
        await page.getByTestId(id).first().evaluate((e) => (e as HTMLElement).click());
        break;
      }
    }
    await page.waitForTimeout(500);
  }
}

/** Enters the emulated headset (the press again when a press started no session, as the browser tests do). */
async function enterVR(page: Page) {
  const active = () => page.evaluate(() => (window as unknown as { __hall3d?: Hall3d }).__hall3d?.xrStore.getState().session != null);
  for (let attempt = 0; attempt < 3; attempt++) {
    // a key press is a user gesture (a session needs one) and, unlike a click, the emulator's overlay cannot take it
    await page.getByTestId('enter-vr').waitFor({ timeout: 60_000 });
    await page.getByTestId('enter-vr').focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 40 && !(await active()); i++) await page.waitForTimeout(500);
    if (await active()) return;
  }
  throw new Error('soak: no immersive session after three presses');
}

async function cycle(page: Page) {
  // flat
  await go(page, '#/hall');
  await waitHall(page);
  for (const z of PLAYABLE_ZONES) await playZone(page, z);
  // in the emulated headset: enter in the hall, every zone inside the session, leave
  await go(page, '#/hall');
  await waitHall(page);
  await enterVR(page);

  for (const z of PLAYABLE_ZONES) await playZone(page, z);
  await go(page, '#/hall');
  await page.waitForTimeout(1500);
  await page.evaluate(() => (window as unknown as { __hall3d?: Hall3d }).__hall3d?.xrStore.getState().session?.end());
  await page.waitForFunction(() => (window as unknown as { __hall3d?: Hall3d }).__hall3d?.xrStore.getState().session == null, undefined, { timeout: 30_000 });
  // measured in the same place every time: the flat hall, settled
  await waitHall(page);
  await page.waitForTimeout(1500);
}

export function growth(a: Figures, b: Figures): Record<keyof Figures, number> {
  const out = {} as Record<keyof Figures, number>;
  for (const k of Object.keys(a) as (keyof Figures)[]) out[k] = a[k] === 0 ? (b[k] === 0 ? 0 : Infinity) : (b[k] - a[k]) / a[k];
  return out;
}

async function main() {
  const minutes = minutesArg();
  const server = await preview({ root, logLevel: 'warn', build: { outDir: TEST_DIST }, preview: { port: PORT, strictPort: true } });
  const browser = await launch();
  let failed = false;
  try {
    const g = await guardedPage(browser, { viewport: { width: 960, height: 540 }, base: BASE });
    const { page } = g;
    await page.goto(`${BASE}/?emulate#/hall?group=adult&lang=zh-Hans`);
    await waitHall(page);
    const t0 = Date.now();
    const atStart = await figures(page, {});
    await cycle(page);
    const first: { kinds?: HeapKinds } = {};
    const afterFirst = await figures(page, first);
    let programs = await programKeys(page);
    let cycles = 1;
    const started = Date.now();
    while (Date.now() - t0 < minutes * 60_000) {
      await cycle(page);
      cycles++;
      const f = await figures(page);
      console.log(`cycle ${cycles} (${((Date.now() - t0) / 60_000).toFixed(1)} min): heap ${f.heapMB} MB, DOM ${f.domNodes} nodes / ${f.listeners} listeners, ${f.geometries} geometries, ${f.textures} textures, ${f.programs} programs`);
      const nowPrograms = await programKeys(page);
      for (const line of programChanges(programs, nowPrograms)) console.log(`  program ${line}`);
      programs = nowPrograms;
    }
    const end: { kinds?: HeapKinds } = {};
    const atEnd = await figures(page, end);
    const g1 = growth(afterFirst, atEnd);
    // the whole heap is shown, but judged without compiled code (see heapKinds)
    const info = new Set<keyof Figures>(['heapMB']);
    const rows: [keyof Figures, string][] = [
      ['heapMB', 'JS heap (MB, after GC)'],
      ['objectsMB', 'heap w/o compiled code'],
      ['domNodes', 'DOM nodes'],
      ['listeners', 'JS event listeners'],
      ['geometries', 'geometries'],
      ['textures', 'textures'],
      ['programs', 'shader programs'],
    ];
    console.log(`\nSoak: ${cycles} cycles in ${((Date.now() - t0) / 60_000).toFixed(1)} min (${((Date.now() - started) / cycles / 1000).toFixed(0)} s per cycle after the first), zones ${PLAYABLE_ZONES.join(', ')}, flat and emulated VR`);
    console.log(`${'figure'.padEnd(26)}${'at start'.padStart(10)}${'after 1st'.padStart(11)}${'at end'.padStart(10)}${'growth'.padStart(9)}`);
    for (const [k, label] of rows) {
      const over = g1[k] > GROWTH_LIMIT;
      if (over && !info.has(k)) failed = true;
      const mark = info.has(k) ? '(shown, not judged: includes compiled code)' : over ? '✗ more than 5 %' : '✓';
      console.log(`${label.padEnd(26)}${String(atStart[k]).padStart(10)}${String(afterFirst[k]).padStart(11)}${String(atEnd[k]).padStart(10)}${`${(g1[k] * 100).toFixed(1)} %`.padStart(9)} ${mark}`);
    }
    // where the heap grew between the first cycle and the end: the kinds of object that grew most
    if (first.kinds && end.kinds) {
      const a = first.kinds;
      const grew = [...end.kinds].map(([k, v]) => [k, v - (a.get(k) ?? 0)] as const).filter(([, d]) => d > 0).sort((x, y) => y[1] - x[1]).slice(0, 10);
      console.log('\nHeap growth after the first cycle, largest kinds (KB):');
      for (const [k, d] of grew) console.log(`  ${(d / 1024).toFixed(1).padStart(9)}  ${k}`);
    }
    if (g.problems.length) {
      failed = true;
      console.log(`\nProblems on the page:\n${g.problems.map((p) => `  ${p}`).join('\n')}`);
    }
    await g.context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  process.exit(failed ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
