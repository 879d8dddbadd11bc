// The build's glyph coverage (which characters the bundled fonts draw): a small lazy chunk, loaded
// when a typed nickname is checked or a name is drawn in 3D, never by the first screen.
import type { GlyphCoverage } from '../modes/nicknameGlyphs.ts';

let loading: Promise<GlyphCoverage> | null = null;

export function loadGlyphCoverage(): Promise<GlyphCoverage> {
  loading ??= import('virtual:glyphs').then((m) => m.default);
  return loading;
}
