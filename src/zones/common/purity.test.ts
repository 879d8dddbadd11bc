// Zone rules stay pure (architecture principle 1): every .ts module in a zone folder under
// src/zones (not the .tsx UI beside them, nor tests) imports only zod and plain modules — never
// three.js, React, the DOM, the stores, the app or UI code (src/three, src/ui, src/xr, src/stores,
// src/app, any .tsx) — and reads no clock or unseeded randomness, so a game runs the same in Node
// tests, on a kiosk and in a headset. The check first shows it catches each kind of slip.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const zones = new URL('..', import.meta.url).pathname;
const src = resolve(zones, '..');
const UI = ['three', 'ui', 'xr', 'stores', 'app'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

/** the rules live in the zone folders (common/, crossing/ …); files beside them (registry, module types) are UI glue */
const ruleFolders = (dir: string): string[] => readdirSync(dir).map((f) => join(dir, f)).filter((p) => statSync(p).isDirectory());

function problems(file: string, code: string): string[] {
  const text = code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  const imports = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)].map((m) => m[1]!);
  for (const m of imports) {
    if (m === 'zod') continue;
    if (!m.startsWith('.')) {
      out.push(`imports the package ${m}`);
      continue;
    }
    const top = relative(src, resolve(dirname(file), m)).split(/[\\/]/)[0]!;
    if (/\.tsx$/.test(m)) out.push(`imports ${m}, UI code`);
    else if (UI.includes(top)) out.push(`imports ${m}, from src/${top}`);
  }
  if (/\b(window|document|navigator|requestAnimationFrame|localStorage)\b/.test(text)) out.push('touches the DOM');
  if (/Math\.random|Date\.now|new Date\b|performance\.now/.test(text)) out.push('reads a clock or unseeded randomness');
  return out;
}

describe('src/zones rules purity', () => {
  const files = ruleFolders(zones).flatMap(sources);
  it('has rules to check, and the check catches each kind of slip', () => {
    expect(files.length).toBeGreaterThan(10);
    const f = join(zones, 'crossing', 'x.ts');
    expect(problems(f, "import { z } from 'zod';\nimport type { World } from '../../sim/world.ts';\nimport { g } from '../common/game.ts';")).toEqual([]);
    expect(problems(f, "import { useStore } from 'zustand';")).toEqual(['imports the package zustand']);
    expect(problems(f, "import { create } from 'react';")).toEqual(['imports the package react']);
    expect(problems(f, "import { x } from '../../stores/zoneGame.ts';")).toEqual(['imports ../../stores/zoneGame.ts, from src/stores']);
    expect(problems(f, "import { y } from '../../app/testHooks.ts';")).toEqual(['imports ../../app/testHooks.ts, from src/app']);
    expect(problems(f, "const Z = lazy(() => import('./Zone.tsx'));")).toEqual(['imports ./Zone.tsx, UI code']);
    expect(problems(f, "import { Cockpit } from '../../three/zone/Cockpit.tsx';")).toEqual(['imports ../../three/zone/Cockpit.tsx, UI code']);
    expect(problems(f, 'const now = Date.now(); document.title = "x";')).toEqual(['touches the DOM', 'reads a clock or unseeded randomness']);
  });
  it.each(files.map((f) => [f.slice(zones.length), f]))('%s imports no three, React, DOM, stores, app or UI code, and reads no clock or Math.random', (_, file) => {
    expect(problems(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
