// A keypad's layout as data: which key sits where on the pad (metres, centre origin, +y up) and which
// key a pointer hit lands on (from the hit's uv on the pad's one plane). Pure, tested in Node. The 3D
// keypad draws every key into one texture on one plane (two draw calls for the whole pad with its
// hover mark, instead of two per key), so hits are resolved here rather than by one mesh per key.

export const BACKSPACE = '⌫';

export interface KeypadLayout {
  rows: string[][];
  width: number;
  height: number;
  /** gap between keys, as a fraction of a key cell */
  gap: number;
}

export interface KeyRect {
  key: string;
  /** centre, metres from the pad's centre */
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The join code's characters (live.ts CODE_ALPHABET: no 0/O, 1/I/L) in rows of 8, then backspace. */
export function codeKeypad(alphabet: string, perRow = 8, width = 1.04, keyHeight = 0.105): KeypadLayout {
  const keys = [...alphabet, BACKSPACE];
  const rows: string[][] = [];
  for (let i = 0; i < keys.length; i += perRow) rows.push(keys.slice(i, i + perRow));
  return { rows, width, height: keyHeight * rows.length, gap: 0.1 };
}

export function keyRects(l: KeypadLayout): KeyRect[] {
  const cols = Math.max(...l.rows.map((r) => r.length));
  const cw = l.width / cols;
  const ch = l.height / l.rows.length;
  return l.rows.flatMap((row, r) =>
    row.map((key, c) => ({ key, x: -l.width / 2 + cw * (c + 0.5), y: l.height / 2 - ch * (r + 0.5), w: cw * (1 - l.gap), h: ch * (1 - l.gap) })),
  );
}

/** The key under a hit at (u, v) on the pad (three's uv: 0,0 bottom left); null in a gap or off the keys. */
export function keyAt(l: KeypadLayout, u: number, v: number): string | null {
  const x = (u - 0.5) * l.width;
  const y = (v - 0.5) * l.height;
  // a hit in the gap between two keys counts for neither: a ray that wobbles must not type twice
  for (const k of keyRects(l)) if (Math.abs(x - k.x) <= k.w / 2 && Math.abs(y - k.y) <= k.h / 2) return k.key;
  return null;
}

/** A typed key applied to the code typed so far. */
export function typeKey(code: string, key: string, max: number): string {
  if (key === BACKSPACE) return code.slice(0, -1);
  return code.length >= max ? code : code + key;
}
