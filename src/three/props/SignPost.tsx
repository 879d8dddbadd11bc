import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { type BufferGeometry, PlaneGeometry } from 'three';
import { SIGNS, type SignDef } from '../../content/props.ts';
import { cachedGeometry, signFaceMaterial } from './materials.ts';
import { C } from './palette.ts';
import { PartBuilder, polygon, type Vec2 } from './parts.ts';
import { noRaycast, PropBody, type PropProps } from './PropBody.tsx';
import { outline, signCanvasSize, signFaceSize } from './signFace.ts';
import { onSignRepaint } from './signTexture.ts';

/** Height of the face centre above the ground (lower edge ≥ 1.8 m, GB 5768 urban roads). */
export const SIGN_FACE_Y = 2.3;

/** The face outline in metres, (u = the viewer's right, v = up), centred on the face centre. */
function outlineMetres(def: SignDef): Vec2[] {
  const { w, h } = signFaceSize(def);
  const px = signCanvasSize(def);
  const pts = outline(def.shape, px.w, px.h);
  if (!pts) return polygon(32, w / 2 - (2 / px.w) * w);
  return pts.map(([x, y]) => [(x / px.w - 0.5) * w, (0.5 - y / px.h) * h] as const);
}

/** Post and grey back plate (the plate follows the face's outline); the face looks towards +x. */
export function buildSignPost(def: SignDef): BufferGeometry {
  const b = new PartBuilder();
  const { h } = signFaceSize(def);
  b.rod([-0.07, 0, 0], [-0.07, SIGN_FACE_Y + h * 0.2, 0], 0.045, C.steel, 8);
  b.plate(outlineMetres(def), 0, 0.02, [0, SIGN_FACE_Y, 0], C.lightGrey);
  // clamps holding the plate
  for (const dy of [-h * 0.3, h * 0.12]) b.slab(-0.12, -0.02, SIGN_FACE_Y + dy - 0.03, SIGN_FACE_Y + dy + 0.03, -0.06, 0.06, C.darkGrey);
  return b.build();
}

const shapeKey = (def: SignDef) => `${def.shape}:${def.category === 'guide' ? 'wide' : 'std'}`;

export const signPostGeometry = (signId: string) => {
  const def = SIGNS[signId];
  if (!def) throw new Error(`unknown sign "${signId}"`);
  return cachedGeometry(`signpost:${shapeKey(def)}`, () => buildSignPost(def));
};

const faceGeometry = (def: SignDef) =>
  cachedGeometry(`signface:${shapeKey(def)}`, () => {
    const { w, h } = signFaceSize(def);
    // plane facing +z turned to face +x; its +x (texture u) becomes −z, the viewer's right
    return new PlaneGeometry(w, h).rotateY(Math.PI / 2).translate(0.004, SIGN_FACE_Y, 0);
  });

/** A road sign on its post, face painted from SIGNS[sign] (CanvasTexture, one per sign id). */
export function SignPost({ sign, variant: _variant, ...props }: PropProps & { sign: string }) {
  const def = SIGNS[sign];
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => onSignRepaint(() => invalidate()), [invalidate]);
  if (!def) return null;
  return (
    <PropBody geometry={signPostGeometry(sign)} {...props}>
      <mesh geometry={faceGeometry(def)} material={signFaceMaterial(sign)} raycast={noRaycast} />
    </PropBody>
  );
}
