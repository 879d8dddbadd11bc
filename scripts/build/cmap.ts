// Reads which code points a WOFF (1.0) font maps to glyphs, from its cmap table. Used by the build
// to prove that the font subsets cover every string the app can show (troika would otherwise fetch
// a fallback font from the internet for a missing glyph).
import { inflateSync } from 'node:zlib';

function table(buf: Buffer, tag: string): Buffer {
  const signature = buf.toString('latin1', 0, 4);
  if (signature !== 'wOFF') throw new Error(`not a WOFF 1.0 font (signature "${signature}")`);
  const numTables = buf.readUInt16BE(12);
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    if (buf.toString('latin1', e, e + 4) !== tag) continue;
    const offset = buf.readUInt32BE(e + 4);
    const compLength = buf.readUInt32BE(e + 8);
    const origLength = buf.readUInt32BE(e + 12);
    const data = buf.subarray(offset, offset + compLength);
    return compLength < origLength ? inflateSync(data) : Buffer.from(data);
  }
  throw new Error(`font has no ${tag} table`);
}

export function woffCodePoints(buf: Buffer): Set<number> {
  const cmap = table(buf, 'cmap');
  const out = new Set<number>();
  const n = cmap.readUInt16BE(2);
  for (let i = 0; i < n; i++) {
    const sub = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(sub);
    if (format === 4) {
      const segX2 = cmap.readUInt16BE(sub + 6);
      const ends = sub + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const end = cmap.readUInt16BE(ends + s);
        const start = cmap.readUInt16BE(starts + s);
        const delta = cmap.readInt16BE(deltas + s);
        const rangeOffset = cmap.readUInt16BE(ranges + s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = ranges + s + rangeOffset + (c - start) * 2;
            glyph = cmap.readUInt16BE(at);
            if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(sub + 12);
      for (let g = 0; g < groups; g++) {
        const at = sub + 16 + g * 12;
        const start = cmap.readUInt32BE(at);
        const end = cmap.readUInt32BE(at + 4);
        const glyph = cmap.readUInt32BE(at + 8);
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) out.add(c);
      }
    }
  }
  return out;
}
