// The simulation stays pure: it imports nothing outside src/sim but zod, touches no DOM, clock or
// unseeded randomness (architecture principle 1). This test reads the sources, so a slip fails CI
// rather than a demo; it first shows that it does catch each kind of slip.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

/** What is impure in the source `code` of the file at `file` (empty when nothing). */
function problems(file: string, code: string): string[] {
  const src = code.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  const imports = [...src.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)].map((m) => m[1]!);
  for (const m of imports) {
    if (m === 'zod') continue;
    if (!m.startsWith('.')) out.push(`imports the package ${m}`);
    else if (relative(root, resolve(dirname(file), m)).startsWith('..')) out.push(`imports ${m}, outside src/sim`);
  }
  if (/\b(window|document|navigator|requestAnimationFrame|localStorage)\b/.test(src)) out.push('touches the DOM');
  if (/Math\.random|Date\.now|new Date\b|performance\.now/.test(src)) out.push('reads a clock or unseeded randomness');
  return out;
}

describe('src/sim purity', () => {
  const files = sources(root);
  it('has sources to check, and the check catches each kind of slip', () => {
    expect(files.length).toBeGreaterThan(15);
    const f = join(root, 'agents', 'x.ts');
    expect(problems(f, "import { a } from '../road/network.ts';\nimport { z } from 'zod';")).toEqual([]);
    expect(problems(f, "import { props } from '../../content/props.ts';")).toEqual(['imports ../../content/props.ts, outside src/sim']);
    expect(problems(f, "import { Vector3 } from 'three';")).toEqual(['imports the package three']);
    expect(problems(f, "const m = await import('../../three/x.ts');")).toEqual(['imports ../../three/x.ts, outside src/sim']);
    expect(problems(f, 'const t = performance.now(); window.x = 1;')).toEqual(['touches the DOM', 'reads a clock or unseeded randomness']);
  });
  it.each(files.map((f) => [f.slice(root.length), f]))('%s imports only src/sim and zod, and uses no DOM, clock or Math.random', (_, file) => {
    expect(problems(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
