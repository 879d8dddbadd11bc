// A visitor's name in 3D. troika has no system font to fall back on, so a name with characters the
// content subsets lack is drawn with a nickname font (通用规范汉字表 level 1, SC or TC), loaded only
// then; everything else in the line comes from the SC subset behind it (troika's default font). On a
// panel it is one of the panel's batched labels (troika's glyph atlas holds every font's glyphs).
import { use } from 'react';
import { loadGlyphCoverage } from '../../app/glyphs.ts';
import { NAME_FONT_URL, nameFontFor } from '../../modes/nicknameGlyphs.ts';
import { Label3D } from './Label3D.tsx';
import { usePanelText } from './panelText.ts';

export function NameText3D({ children, position, width, lang, name, scale = 1 }: { children: string; position: [number, number, number]; width: number; lang: 'zh-Hans' | 'zh-Hant' | 'en'; name?: string; scale?: number }) {
  const coverage = use(loadGlyphCoverage());
  const { font, size } = usePanelText();
  const pick = nameFontFor(children, lang, coverage);
  return (
    <Label3D name={name} font={pick === 'base' ? font : NAME_FONT_URL[pick]} fontSize={0.034 * size * scale} maxWidth={width} position={position} color="#ffffff" anchorX="center" anchorY="middle" textAlign="center">
      {children}
    </Label3D>
  );
}
