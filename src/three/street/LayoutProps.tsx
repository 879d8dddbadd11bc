import { useEffect, useMemo } from 'react';
import { type BufferGeometry, InstancedMesh, Matrix4, Mesh, type Object3D, PlaneGeometry, Quaternion, Vector3 } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { SIGNS } from '../../content/props.ts';
import type { PropId } from '../../content/props.ts';
import type { LayoutDef, LayoutInput } from '../../sim/def.ts';
import { PROP_MODELS } from '../props/catalog.ts';
import { propMaterial, signFaceMaterial } from '../props/materials.ts';
import { noRaycast } from '../props/PropBody.tsx';
import { buildSignPost, SIGN_FACE_Y } from '../props/SignPost.tsx';
import { signFaceSize } from '../props/signFace.ts';
import { type LayoutPropsPlan, planLayoutProps } from './layoutProps.ts';
import { toLayoutDef } from './streetGeometry.ts';

export interface LayoutPropsProps {
  layout: LayoutDef | LayoutInput;
}

interface BuiltProps {
  objects: Object3D[];
  dispose(): void;
}

const Y = new Vector3(0, 1, 0);

/** Instanced batches for props, one merged mesh for every sign post, one batch per sign face. */
function buildLayoutProps(plan: LayoutPropsPlan): BuiltProps {
  const objects: Object3D[] = [];
  const owned: { dispose(): void }[] = [];
  for (const b of plan.batches) {
    const model = (PROP_MODELS as Record<string, (typeof PROP_MODELS)[PropId] | undefined>)[b.prop];
    if (!model || b.matrices.length === 0) continue;
    // the geometry is the props kit's cached one (shared, it owns it); the instances are ours
    const mesh = new InstancedMesh(model.geometry(b.variant), propMaterial(), b.matrices.length);
    mesh.name = `props-${b.prop}-${b.variant}`;
    b.matrices.forEach((m, i) => mesh.setMatrixAt(i, m));
    mesh.computeBoundingSphere();
    mesh.raycast = noRaycast;
    objects.push(mesh);
    owned.push(mesh);
  }
  if (plan.signs.length > 0) {
    const posts: BufferGeometry[] = [];
    const bySign = new Map<string, Matrix4[]>();
    const postOf = new Map<string, BufferGeometry>();
    for (const s of plan.signs) {
      const def = SIGNS[s.sign]!;
      const m = new Matrix4().compose(new Vector3(s.x, 0, s.z), new Quaternion().setFromAxisAngle(Y, s.rotationY), new Vector3(1, 1, 1));
      let post = postOf.get(s.sign);
      if (!post) postOf.set(s.sign, (post = buildSignPost(def)));
      posts.push(post.clone().applyMatrix4(m));
      let list = bySign.get(s.sign);
      if (!list) bySign.set(s.sign, (list = []));
      list.push(m);
    }
    const merged = mergeGeometries(posts, false);
    for (const p of [...posts, ...postOf.values()]) p.dispose();
    const postMesh = new Mesh(merged, propMaterial());
    postMesh.name = 'sign-posts';
    postMesh.raycast = noRaycast;
    objects.push(postMesh);
    owned.push(merged);
    for (const [sign, list] of bySign) {
      const { w, h } = signFaceSize(SIGNS[sign]!);
      // plane facing +z turned to face +x; its +x (texture u) becomes −z, the viewer's right
      const face = new PlaneGeometry(w, h).rotateY(Math.PI / 2).translate(0.004, SIGN_FACE_Y, 0);
      const mesh = new InstancedMesh(face, signFaceMaterial(sign), list.length);
      mesh.name = `sign-face-${sign}`;
      list.forEach((m, i) => mesh.setMatrixAt(i, m));
      mesh.computeBoundingSphere();
      mesh.raycast = noRaycast;
      objects.push(mesh);
      owned.push(face, mesh);
    }
  }
  return { objects, dispose: () => owned.forEach((o) => o.dispose()) };
}

/**
 * What a layout places besides the street: buildings, trees, parked vehicles and other catalogue
 * props as instanced batches (one draw call per model and colour variant), road signs as one
 * merged mesh of posts plus one batch per sign face (painted by the props kit).
 */
export function LayoutProps({ layout }: LayoutPropsProps) {
  const built = useMemo(() => buildLayoutProps(planLayoutProps(toLayoutDef(layout))), [layout]);
  useEffect(() => () => built.dispose(), [built]);
  return (
    <group name="layout-props">
      {built.objects.map((o) => (
        <primitive key={o.uuid} object={o} dispose={null} />
      ))}
    </group>
  );
}
