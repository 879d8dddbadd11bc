// The low-poly kit every prop is built from: primitives with a colour each, merged into ONE
// non-indexed BufferGeometry (position, normal, color) per prop, drawn with one shared
// vertex-coloured material (materials.ts). One prop = one draw call (+ a lit lamp or a sign face).
//
// Frame (the same as src/sim): metres, y up, ground at y = 0, the prop's front looks along +x,
// its right-hand side is +z, its left-hand side −z.
import {
  BoxGeometry,
  BufferGeometry,
  Color,
  type ColorRepresentation,
  CylinderGeometry,
  Euler,
  ExtrudeGeometry,
  IcosahedronGeometry,
  Matrix4,
  Path,
  Quaternion,
  Shape,
  SphereGeometry,
  Vector2,
  Vector3,
} from 'three';
import { colouredGeometry } from '../colouredGeometry.ts';

export type Vec3 = readonly [number, number, number];
export type Vec2 = readonly [number, number];

const scratchColor = new Color();
const m = new Matrix4();
const q = new Quaternion();
const e = new Euler();
const v = new Vector3();
const s = new Vector3();
const up = new Vector3(0, 1, 0);

function toShape(points: readonly Vec2[], holes: readonly (readonly Vec2[])[]): Shape {
  const shape = new Shape(points.map(([x, y]) => new Vector2(x, y)));
  for (const h of holes) shape.holes.push(new Path(h.map(([x, y]) => new Vector2(x, y))));
  return shape;
}

function compose(at: Vec3, rot?: Vec3, scale?: Vec3): Matrix4 {
  e.set(rot?.[0] ?? 0, rot?.[1] ?? 0, rot?.[2] ?? 0);
  q.setFromEuler(e);
  return m.compose(v.set(at[0], at[1], at[2]), q, s.set(scale?.[0] ?? 1, scale?.[1] ?? 1, scale?.[2] ?? 1));
}

export class PartBuilder {
  private readonly pos: number[] = [];
  private readonly nrm: number[] = [];
  private readonly col: number[] = [];

  /** Appends a geometry (consumed: it is disposed) transformed by `matrix`, painted `color`. */
  add(geometry: BufferGeometry, color: ColorRepresentation, matrix?: Matrix4): this {
    const g = geometry.index ? geometry.toNonIndexed() : geometry;
    if (matrix) g.applyMatrix4(matrix);
    if (!g.getAttribute('normal')) g.computeVertexNormals();
    const p = g.getAttribute('position');
    const n = g.getAttribute('normal');
    scratchColor.set(color);
    for (let i = 0; i < p.count; i++) {
      this.pos.push(p.getX(i), p.getY(i), p.getZ(i));
      this.nrm.push(n.getX(i), n.getY(i), n.getZ(i));
      this.col.push(scratchColor.r, scratchColor.g, scratchColor.b);
    }
    if (g !== geometry) g.dispose();
    geometry.dispose();
    return this;
  }

  /** Box of `size` [x, y, z] centred at `at`. */
  box(size: Vec3, at: Vec3, color: ColorRepresentation, rot?: Vec3): this {
    return this.add(new BoxGeometry(size[0], size[1], size[2]), color, compose(at, rot));
  }

  /** Box standing on y = `y0` (its bottom), x/z centred at `at`. Convenience for bodies. */
  slab(x0: number, x1: number, y0: number, y1: number, z0: number, z1: number, color: ColorRepresentation): this {
    return this.box([x1 - x0, y1 - y0, z1 - z0], [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2], color);
  }

  /** Cylinder (or truncated cone) along `axis`, centred at `at`. */
  cyl(
    rTop: number,
    rBottom: number,
    height: number,
    at: Vec3,
    color: ColorRepresentation,
    opts: { axis?: 'x' | 'y' | 'z'; segments?: number; rot?: Vec3; scale?: Vec3; open?: boolean; thetaStart?: number; thetaLength?: number } = {},
  ): this {
    const g = new CylinderGeometry(rTop, rBottom, height, opts.segments ?? 10, 1, opts.open ?? false, opts.thetaStart, opts.thetaLength);
    if (opts.axis === 'x') g.rotateZ(-Math.PI / 2);
    else if (opts.axis === 'z') g.rotateX(Math.PI / 2);
    return this.add(g, color, compose(at, opts.rot, opts.scale));
  }

  /** A wheel: a short cylinder whose axle runs along z. */
  wheel(radius: number, width: number, at: Vec3, tyre: ColorRepresentation, hub: ColorRepresentation, segments = 12): this {
    this.cyl(radius, radius, width, at, tyre, { axis: 'z', segments });
    return this.cyl(radius * 0.5, radius * 0.5, width + 0.01, at, hub, { axis: 'z', segments: 8 });
  }

  /** Rod between two points (a limb, a pole, a bar) with a square (4) or round section. */
  rod(from: Vec3, to: Vec3, radius: number, color: ColorRepresentation, segments = 6): this {
    const a = new Vector3(...from);
    const b = new Vector3(...to);
    const dir = b.clone().sub(a);
    const len = dir.length();
    const g = new CylinderGeometry(radius, radius, len, segments, 1, false, segments === 4 ? Math.PI / 4 : 0);
    const rot = new Quaternion().setFromUnitVectors(up, dir.normalize());
    const mid = a.add(b).multiplyScalar(0.5);
    return this.add(g, color, new Matrix4().compose(mid, rot, new Vector3(1, 1, 1)));
  }

  /** Box-section limb between two points, `w` across z (side to side) and `d` across the other axis. */
  limb(from: Vec3, to: Vec3, w: number, d: number, color: ColorRepresentation): this {
    const a = new Vector3(...from);
    const b = new Vector3(...to);
    const dir = b.clone().sub(a);
    const len = dir.length();
    const g = new BoxGeometry(d, len, w);
    const rot = new Quaternion().setFromUnitVectors(up, dir.normalize());
    const mid = a.add(b).multiplyScalar(0.5);
    return this.add(g, color, new Matrix4().compose(mid, rot, new Vector3(1, 1, 1)));
  }

  sphere(radius: number, at: Vec3, color: ColorRepresentation, opts: { scale?: Vec3; w?: number; h?: number; half?: boolean; rot?: Vec3 } = {}): this {
    const g = new SphereGeometry(radius, opts.w ?? 10, opts.h ?? 7, 0, Math.PI * 2, 0, opts.half ? Math.PI / 2 : Math.PI);
    return this.add(g, color, compose(at, opts.rot, opts.scale));
  }

  /** Low-poly blob (foliage). */
  blob(radius: number, at: Vec3, color: ColorRepresentation, scale?: Vec3): this {
    return this.add(new IcosahedronGeometry(radius, 0), color, compose(at, undefined, scale));
  }

  /**
   * A side profile: polygon in the x–y plane (x forward, y up), extruded across z from z0 to z1.
   * Holes are optional polygons inside it.
   */
  profile(points: readonly Vec2[], z0: number, z1: number, color: ColorRepresentation, holes: readonly (readonly Vec2[])[] = []): this {
    const g = new ExtrudeGeometry(toShape(points, holes), { depth: z1 - z0, bevelEnabled: false });
    g.deleteAttribute('uv');
    g.translate(0, 0, z0);
    return this.add(g, color);
  }

  /**
   * A flat plate facing +x: polygon in the plate's own (u right-as-seen-from-the-front, v up)
   * coordinates, `thickness` along x, its front face at x = `front`.
   */
  plate(points: readonly Vec2[], front: number, thickness: number, at: Vec3, color: ColorRepresentation, holes: readonly (readonly Vec2[])[] = []): this {
    const g = new ExtrudeGeometry(toShape(points, holes), { depth: thickness, bevelEnabled: false });
    g.deleteAttribute('uv');
    // extruded towards +z, front face at z = thickness; turn +z into +x (u → −z: the viewer's right)
    g.translate(0, 0, -thickness);
    g.rotateY(Math.PI / 2);
    g.translate(at[0] + front, at[1], at[2]);
    return this.add(g, color);
  }

  get vertexCount(): number {
    return this.pos.length / 3;
  }

  build(): BufferGeometry {
    return colouredGeometry(this.pos, this.nrm, this.col);
  }
}

/** Regular polygon points (for sign plates): `n` corners, radius `r`, first corner at `start` rad. */
export function polygon(n: number, r: number, start = Math.PI / 2): Vec2[] {
  return Array.from({ length: n }, (_, i) => [Math.cos(start + (i * 2 * Math.PI) / n) * r, Math.sin(start + (i * 2 * Math.PI) / n) * r] as const);
}

export function triangleCount(g: BufferGeometry): number {
  return (g.index ? g.index.count : g.getAttribute('position').count) / 3;
}
