// The headset's budget is 12 shader programs a view (product.md). Every lit material kind other than
// the props' vertex-coloured Lambert is a program of its own in every view it appears in, so zone
// scenes and the parts they share paint plain colours into vertex colours (`coloured`, `painted`)
// instead of bringing a MeshStandardMaterial. This check keeps it that way; the hall's portals (a
// view well under budget, with its glow) are the one place a standard material is drawn on purpose.
// `npm run bench` measures the programs themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('..', import.meta.url).pathname;
const ALLOWED = new Set(['three/hall/Portal.tsx']);
const LIT = /(?:new\s+Mesh(?:Standard|Physical|Phong|Toon)Material|<mesh(?:Standard|Physical|Phong|Toon)Material)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('shader program budget', () => {
  it('the check sees a lit material in code and in JSX', () => {
    expect(LIT.test("const m = new MeshStandardMaterial({ color: '#fff' });")).toBe(true);
    expect(LIT.test('<meshStandardMaterial color="#fff" />')).toBe(true);
    expect(LIT.test('const m = propMaterial();')).toBe(false);
  });

  it('zone scenes and the 3D parts they share bring no lit material of their own (only the props’ Lambert)', () => {
    const files = [...sources(join(src, 'three')), ...sources(join(src, 'zones')), ...sources(join(src, 'xr'))].map((f) => relative(src, f));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => !ALLOWED.has(f) && LIT.test(readFileSync(join(src, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
