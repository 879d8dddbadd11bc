// Which characters of a content file the bundled fonts cannot draw, with the field they sit in.
import { readFileSync } from 'node:fs';
import type { ContentProblem } from '../../src/content/validate.ts';
import { woffCodePoints } from './cmap.ts';
import { FONT_SOURCES } from './fonts.ts';

let drawable: Set<number> | null = null;
function fontsCover(cp: number): boolean {
  if (!drawable) {
    drawable = new Set([...woffCodePoints(readFileSync(FONT_SOURCES.sc)), ...woffCodePoints(readFileSync(FONT_SOURCES.tc))]);
  }
  return drawable.has(cp);
}

export function glyphProblems(file: string, json: unknown): ContentProblem[] {
  const out: ContentProblem[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') {
      const bad = [...new Set([...v].filter((ch) => !/\s/.test(ch) && !fontsCover(ch.codePointAt(0)!)))];
      if (bad.length)
        out.push({ file, path, message: `the bundled fonts cannot draw ${bad.map((c) => `"${c}"`).join(' ')} (write 约/about, 不少于/at least… instead)` });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (k !== '$schema') walk(x, path ? `${path}.${k}` : k);
  };
  walk(json, '');
  return out;
}
