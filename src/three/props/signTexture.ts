// One CanvasTexture per sign id, painted once (signFace.ts) and shared. Faces with CJK text (停, 让)
// are repainted when the page's 'Hall Sans' font (/fonts/hall-sc.woff) has loaded; listeners (the
// SignPost component) ask the canvas for a new frame then (frameloop 'demand').
import { CanvasTexture, SRGBColorSpace, Texture } from 'three';
import { SIGNS } from '../../content/props.ts';
import { needsCjkFont, paintSignFace, SIGN_FONT_FAMILY, signCanvasSize } from './signFace.ts';

const textures = new Map<string, Texture>();
const listeners = new Set<() => void>();

/** Called after any sign texture was repainted (e.g. its font arrived). Returns an unsubscribe. */
export function onSignRepaint(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function signTexture(signId: string): Texture {
  const cached = textures.get(signId);
  if (cached) return cached;
  const def = SIGNS[signId];
  if (!def) throw new Error(`unknown sign "${signId}"`);
  // no DOM (unit tests in Node, workers): a blank texture keeps the scene graph intact
  if (typeof document === 'undefined') {
    const blank = new Texture();
    textures.set(signId, blank);
    return blank;
  }
  const { w, h } = signCanvasSize(def);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  paintSignFace(ctx, def, w, h);
  const tex = new CanvasTexture(canvas);
  tex.colorSpace = SRGBColorSpace;
  tex.anisotropy = 4;
  textures.set(signId, tex);

  const fonts = document.fonts as FontFaceSet | undefined;
  if (needsCjkFont(def) && fonts) {
    const t = tex;
    const family = `bold 64px "${SIGN_FONT_FAMILY}"`;
    if (!fonts.check(family, def.symbol.slice(5))) {
      fonts
        .load(family, def.symbol.slice(5))
        .then(() => {
          if (textures.get(signId) !== t) return;
          paintSignFace(ctx, def, w, h);
          t.needsUpdate = true;
          listeners.forEach((fn) => fn());
        })
        .catch(() => {
          /* keep the fallback-font face */
        });
    }
  }
  return tex;
}

/** Frees the sign faces' GPU copies and keeps the painted canvases: three uploads a face again when it is next drawn. */
export function releaseSignTexturesGpu(): void {
  for (const t of textures.values()) t.dispose();
}

export function disposeSignTextures(): void {
  for (const t of textures.values()) t.dispose();
  textures.clear();
}
