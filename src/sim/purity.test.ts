// The simulation stays pure: no rendering or UI imports, no DOM, no clocks, no unseeded randomness
// (architecture principle 1). This test reads the sources, so a slip fails CI rather than a demo.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

describe('src/sim purity', () => {
  const files = sources(root);
  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(15);
  });
  it.each(files.map((f) => [f.slice(root.length), f]))('%s imports only plain modules and uses no DOM, clock or Math.random', (_, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const imports = [...code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const m of imports) expect(m === 'zod' || m.startsWith('.'), `${file} imports ${m}`).toBe(true);
    expect(code).not.toMatch(/\b(window|document|navigator|requestAnimationFrame|localStorage)\b/);
    expect(code).not.toMatch(/Math\.random|Date\.now|new Date\b|performance\.now/);
  });
});
