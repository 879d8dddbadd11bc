// Shared materials: every prop body uses ONE vertex-coloured Lambert material (one shader program,
// batched state); lit lamps and marker rings use unlit basic materials cached by colour (one more
// program); sign faces use one Lambert material per sign (same program, one texture each).
import { BufferAttribute, type BufferGeometry, Color, type ColorRepresentation, DoubleSide, FrontSide, MeshBasicMaterial, MeshLambertMaterial } from 'three';
import { disposeSignTextures, releaseSignTexturesGpu, signTexture } from './signTexture.ts';

let body: MeshLambertMaterial | null = null;
const basics = new Map<string, MeshBasicMaterial>();
const faces = new Map<string, MeshBasicMaterial>();
const geometries = new Map<string, BufferGeometry>();

/** The one material of every prop body (vertex colours, faceted low-poly look). */
export function propMaterial(): MeshLambertMaterial {
  body ??= new MeshLambertMaterial({ vertexColors: true, flatShading: true });
  return body;
}

/**
 * A plain one-colour part (a floor, a cab wall, a handlebar) as vertex colours, so it draws with
 * `propMaterial()` instead of a material of its own: a lit material per colour would be a shader
 * program per kind, and the headset's budget is 12 programs a view.
 */
export function coloured<G extends BufferGeometry>(g: G, color: ColorRepresentation): G {
  const c = new Color(color);
  const n = g.getAttribute('position').count;
  const a = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) a.set([c.r, c.g, c.b], i * 3);
  g.setAttribute('color', new BufferAttribute(a, 3));
  return g;
}

/** Unlit colour (lit lamps, marker rings): ignores lights so it reads as glowing. */
export function basicMaterial(color: string, opts: { doubleSided?: boolean } = {}): MeshBasicMaterial {
  const key = `${color}|${opts.doubleSided ? 2 : 1}`;
  let m = basics.get(key);
  if (!m) {
    m = new MeshBasicMaterial({ color, toneMapped: false, side: opts.doubleSided ? DoubleSide : FrontSide });
    basics.set(key, m);
  }
  return m;
}

/**
 * The painted face of a sign: unlit, as retroreflective sheeting reads in headlights, so its colours
 * stay true under any lighting; alpha-tested cut-out (no sorting, no blending).
 */
export function signFaceMaterial(signId: string): MeshBasicMaterial {
  let m = faces.get(signId);
  if (!m) {
    m = new MeshBasicMaterial({ map: signTexture(signId), alphaTest: 0.5, toneMapped: false });
    faces.set(signId, m);
  }
  return m;
}

/**
 * Geometry cache: a prop's geometry is built once per key and shared by every instance. It lives as
 * long as the page (all props together are well under a megabyte); `disposePropCache` frees it.
 */
export function cachedGeometry(key: string, build: () => BufferGeometry): BufferGeometry {
  let g = geometries.get(key);
  if (!g) {
    g = build();
    geometries.set(key, g);
  }
  return g;
}

/**
 * Frees the GPU copies of the shared prop geometries and sign faces and keeps the built objects:
 * three uploads a disposed geometry or texture again when it is next drawn. Called when the visitor
 * is back in the hall, so what a kiosk's GPU holds there does not depend on which zones, layouts and
 * signs it has shown since it started (the soak found a sign first seen in a later crossing layout
 * kept for good). The materials stay: freeing them would compile their programs again on the
 * headset, a visible hitch; the uploads are well under a megabyte.
 */
export function releasePropGpu(): void {
  for (const g of geometries.values()) g.dispose();
  releaseSignTexturesGpu();
}

export function disposePropCache(): void {
  for (const g of geometries.values()) g.dispose();
  geometries.clear();
  for (const m of basics.values()) m.dispose();
  basics.clear();
  for (const m of faces.values()) m.dispose();
  faces.clear();
  disposeSignTextures();
  body?.dispose();
  body = null;
}
