// Issue 15 item 5: test handles (__zoneGame, __zoneReplay, __hall3d, __hallCues, __junctionLab) let a
// console user rewrite a score. A production build has none: testHooks.ts is compiled here the way
// `vite build` compiles it (production mode, with and without VITE_HALL_TEST_HOOKS) and run against a
// page without and with ?emulate; and no other code puts a handle on window.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });
const root = fileURLToPath(new URL('../..', import.meta.url));

/** testHooks.ts as a production build makes it (env from an empty folder, so only `hooks` decides). */
async function compiled(hooks: boolean): Promise<string> {
  const before = process.env.VITE_HALL_TEST_HOOKS;
  const nodeEnv = process.env.NODE_ENV;
  if (hooks) process.env.VITE_HALL_TEST_HOOKS = '1';
  else delete process.env.VITE_HALL_TEST_HOOKS;
  process.env.NODE_ENV = 'production';
  try {
    const out = (await build({
      root,
      configFile: false,
      envDir: mkdtempSync(join(tmpdir(), 'hooks-env-')),
      mode: 'production',
      logLevel: 'silent',
      build: { write: false, minify: true, lib: { entry: join(root, 'src/app/testHooks.ts'), formats: ['es'], fileName: 'hooks' } },
    })) as Rollup.RollupOutput[];
    return (out[0] ?? (out as unknown as Rollup.RollupOutput)).output[0].code;
  } finally {
    if (before === undefined) delete process.env.VITE_HALL_TEST_HOOKS;
    else process.env.VITE_HALL_TEST_HOOKS = before;
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Runs the compiled module on a page at `search` and asks it to expose a handle. */
async function exposes(code: string, search: string): Promise<boolean> {
  const g = globalThis as unknown as { window?: Record<string, unknown>; location?: { search: string } };
  g.window = {};
  g.location = { search };
  const m = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}#${Math.random()}`)) as { exposeForTests(n: string, v: unknown): () => void };
  m.exposeForTests('__zoneGame', { total: 0 });
  return '__zoneGame' in g.window!;
}

afterEach(() => {
  const g = globalThis as unknown as { window?: unknown; location?: unknown };
  delete g.window;
  delete g.location;
});

describe('test handles', () => {
  it('a production build exposes none, not even under ?emulate; a test build does', async () => {
    const prod = await compiled(false);
    expect(prod).not.toMatch(/VITE_HALL_TEST_HOOKS/);
    expect(await exposes(prod, '')).toBe(false);
    expect(await exposes(prod, '?lang=en')).toBe(false);
    // ?emulate on a production page does not turn them on
    expect(await exposes(prod, '?emulate')).toBe(false);
    const test = await compiled(true);
    expect(await exposes(test, '')).toBe(true);
  });

  it('no code puts a handle on window except through exposeForTests (and the emulated headset under ?emulate)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(join(root, 'src'));
    const writes = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\(window as [^)]*\)\.(__\w+)\s*=|window\.(__\w+)\s*=|globalThis\.(__\w+)\s*=/g)].map((m) => `${f.slice(root.length)}: ${m[1] ?? m[2] ?? m[3]}`),
    );
    expect(writes).toEqual(['src/xr/emulate.ts: __xrDevice']);
  });

  it('every call of exposeForTests is guarded by the build flag where it is made, so a production build drops the handle\'s name too', () => {
    const unguarded: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && f !== 'testHooks.ts') {
          const lines = readFileSync(p, 'utf8').split('\n');
          lines.forEach((line, i) => {
            if (!/\bexposeForTests\(/.test(line)) return;
            // the flag on the call's line or in the few lines before it (an early return, a ternary)
            if (!lines.slice(Math.max(0, i - 4), i + 1).some((l) => l.includes('testHooksEnabled'))) unguarded.push(`${p.slice(root.length)}:${i + 1}`);
          });
        }
      }
    };
    walk(join(root, 'src'));
    expect(unguarded).toEqual([]);
  });
});
