// The cab's mirrors, showing what they show: each mirror's view is rendered from where it hangs,
// along its aim with its field of view (mirrorRig.ts, from the sim's CabSpec), into one small shared
// render target (a 2 × 2 atlas of 128 px tiles) that one glass mesh samples, mirrored. To keep the
// budget (VR ≤ 60 draw calls per eye, mirrors included) a frame renders at most one mirror — the one
// looked at every other frame, the others in turn between — and only while the cab is in use.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, BufferGeometry, DoubleSide, Float32BufferAttribute, Group, LinearFilter, Mesh, PerspectiveCamera, ShaderMaterial, SRGBColorSpace, Vector3, WebGLRenderTarget } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { CabSpec } from '../../sim/geometry/blindZone.ts';
import { coloured, propMaterial } from '../../three/props/materials.ts';
import { noRaycast } from '../../three/props/PropBody.tsx';
import { GLASS_H, GLASS_W, glassQuads, mirrorRigs } from './mirrorRig.ts';

/** atlas tile size, px: low resolution is the point */
export const TILE = 128;
/** how far a mirror camera draws, m (enough to read the street behind; less to draw) */
const FAR = 45;

export interface MirrorPose {
  /** the truck's middle, sim heading, body length; `active`: the visitor is in its cab */
  x: number;
  z: number;
  heading: number;
  length: number;
  active: boolean;
}

export function CabMirrors({ cab, width, pose, looking }: { cab: CabSpec; width: number; pose: MirrorPose; looking: () => string | null }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const root = useRef<Group>(null);
  const frame = useRef(0);
  const turn = useRef(0);
  const at = useMemo(() => new Vector3(), []);

  const parts = useMemo(() => {
    const rigs = mirrorRigs(cab);
    const target = new WebGLRenderTarget(TILE * 2, TILE * 2, { depthBuffer: true, minFilter: LinearFilter, magFilter: LinearFilter });
    target.scissorTest = true;
    // The mirror pass draws with the very programs of the visitor's own view (otherwise every material
    // in the mirrors compiles a second variant — no tone mapping, linear output — and a cab frame
    // needed twice the programs): three picks tone mapping and the sRGB output for a target flagged as
    // the headset's. The tile is stored as plain RGBA8, so it holds the finished, encoded colours,
    // and the glass shows them as they are.
    target.texture.colorSpace = SRGBColorSpace;
    target.texture.internalFormat = 'RGBA8';
    (target as WebGLRenderTarget & { isXRRenderTarget: boolean }).isXRRenderTarget = true;
    const cameras = rigs.map((r) => new PerspectiveCamera((r.vfov * 180) / Math.PI, r.aspect, 0.3, FAR));
    const q = glassQuads(cab, rigs);
    const glassGeometry = new BufferGeometry();
    glassGeometry.setAttribute('position', new Float32BufferAttribute(q.positions, 3));
    glassGeometry.setAttribute('uv', new Float32BufferAttribute(q.uvs, 2));
    const glass = new Mesh(
      glassGeometry,
      new ShaderMaterial({
        uniforms: { tile: { value: target.texture } },
        vertexShader: 'varying vec2 vUv; void main() { vUv = uv; gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }',
        fragmentShader: 'uniform sampler2D tile; varying vec2 vUv; void main() { gl_FragColor = texture2D(tile, vUv); }',
        side: DoubleSide,
      }),
    );
    glass.name = 'mirror-glass';
    glass.raycast = noRaycast;
    // housings and arms: one merged dark mesh behind the glasses
    const pieces = rigs.flatMap(({ mount: m }) => {
      const out = Math.abs(m.v) - width / 2;
      return [
        new BoxGeometry(0.06, GLASS_H + 0.05, GLASS_W + 0.05).translate(m.u + 0.04, m.y, m.v),
        new BoxGeometry(0.04, 0.04, out + 0.1).translate(m.u + 0.04, m.y + GLASS_H / 2, Math.sign(m.v) * (width / 2 + out / 2)),
      ];
    });
    // on the props' shared material as vertex colours: no shader program of its own
    const housing = new Mesh(coloured(mergeGeometries(pieces, false)!, '#23272b'), propMaterial());
    for (const g of pieces) g.dispose();
    housing.name = 'mirror-housings';
    housing.raycast = noRaycast;
    return { rigs, target, cameras, glass, housing };
  }, [cab, width]);

  useEffect(
    () => () => {
      parts.target.dispose();
      parts.glass.geometry.dispose();
      (parts.glass.material as ShaderMaterial).dispose();
      parts.housing.geometry.dispose();
    },
    [parts],
  );

  useFrame(() => {
    const r = root.current;
    if (!r) return;
    r.visible = pose.active;
    if (!pose.active) return;
    const c = Math.cos(pose.heading), s = Math.sin(pose.heading);
    // the cab frame starts at the front bumper, half a body ahead of the middle
    const bx = pose.x + (c * pose.length) / 2, bz = pose.z + (s * pose.length) / 2;
    r.position.set(bx, 0, bz);
    r.rotation.set(0, -pose.heading, 0);
    // this frame's mirror: the one looked at every other frame, the others in turn between
    frame.current++;
    const focus = looking();
    let k = focus && frame.current % 2 === 0 ? parts.rigs.findIndex((x) => x.name === focus) : -1;
    if (k < 0) k = turn.current++ % parts.rigs.length;
    const rig = parts.rigs[k]!;
    const cam = parts.cameras[k]!;
    const m = rig.mount;
    cam.position.set(bx + c * m.u - s * m.v, m.y, bz + s * m.u + c * m.v);
    const yaw = pose.heading + rig.yaw;
    at.set(cam.position.x + Math.cos(yaw) * Math.cos(rig.pitch), cam.position.y + Math.sin(rig.pitch), cam.position.z + Math.sin(yaw) * Math.cos(rig.pitch));
    cam.lookAt(at);
    cam.updateMatrixWorld();
    // render the tile outside the headset's stereo rendering, without the glasses themselves
    const xr = gl.xr.enabled;
    const before = gl.getRenderTarget();
    r.visible = false;
    gl.xr.enabled = false;
    const tx = rig.tile[0] * TILE * 2, ty = rig.tile[1] * TILE * 2;
    parts.target.viewport.set(tx, ty, TILE, TILE);
    parts.target.scissor.set(tx, ty, TILE, TILE);
    gl.setRenderTarget(parts.target);
    gl.render(scene, cam);
    gl.setRenderTarget(before);
    gl.xr.enabled = xr;
    r.visible = true;
  });

  return (
    <group ref={root} name="cab-mirrors" visible={false}>
      <primitive object={parts.glass} />
      <primitive object={parts.housing} />
    </group>
  );
}
