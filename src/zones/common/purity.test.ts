// Zone rules stay pure (architecture principle 1): every .ts module in a zone folder under
// src/zones (not the .tsx UI beside them, nor tests) imports only relative modules and zod, touches no DOM, clock or
// unseeded randomness — so a game runs the same in Node tests, on a kiosk and in a headset.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

/** the rules live in the zone folders (common/, crossing/ …); files beside them (session glue) are UI */
const ruleFolders = (dir: string): string[] => readdirSync(dir).map((f) => join(dir, f)).filter((p) => statSync(p).isDirectory());

describe('src/zones rules purity', () => {
  const files = ruleFolders(root).flatMap(sources);
  it('has rules to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  it.each(files.map((f) => [f.slice(root.length), f]))('%s imports only plain modules and uses no DOM, clock or Math.random', (_, file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    const imports = [...code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
    for (const m of imports) expect(m === 'zod' || m.startsWith('.'), `${file} imports ${m}`).toBe(true);
    for (const m of imports) expect(/\.tsx$|\/three\/|\/ui\/|\/xr\//.test(m), `${file} imports ${m}`).toBe(false);
    expect(code).not.toMatch(/\b(window|document|navigator|requestAnimationFrame|localStorage)\b/);
    expect(code).not.toMatch(/Math\.random|Date\.now|new Date\b|performance\.now/);
  });
});
