// A tiny triangle soup builder for the static street: flat ground polygons, ribbons along
// polylines and oriented boxes, each painted one colour. Produces non-indexed BufferGeometries with
// position, normal and color (the same attribute set as the props kit, src/three/props/parts.ts), so
// every layer of the street merges into one mesh per material (BufferGeometryUtils.mergeGeometries).
//
// Frame: the simulation's (src/sim/def.ts): x–z ground, y up, metres.
import { type BufferGeometry, Color, type ColorRepresentation, ShapeUtils, Vector2 } from 'three';
import type { Vec2 } from '../../sim/def.ts';
import { colouredGeometry } from '../colouredGeometry.ts';

const scratch = new Color();

export class GeomBuilder {
  private readonly pos: number[] = [];
  private readonly nrm: number[] = [];
  private readonly col: number[] = [];
  private r = 1;
  private g = 1;
  private b = 1;

  /** Colour of what is added next (sRGB, converted to the linear working space like the props). */
  color(c: ColorRepresentation): this {
    scratch.set(c);
    this.r = scratch.r;
    this.g = scratch.g;
    this.b = scratch.b;
    return this;
  }

  get vertexCount(): number {
    return this.pos.length / 3;
  }

  /** One triangle; the normal follows the winding (counter-clockwise seen from the front). */
  tri(ax: number, ay: number, az: number, bx: number, by: number, bz: number, cx: number, cy: number, cz: number): this {
    const ux = bx - ax, uy = by - ay, uz = bz - az;
    const vx = cx - ax, vy = cy - ay, vz = cz - az;
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const l = Math.hypot(nx, ny, nz) || 1;
    nx /= l;
    ny /= l;
    nz /= l;
    this.pos.push(ax, ay, az, bx, by, bz, cx, cy, cz);
    for (let i = 0; i < 3; i++) {
      this.nrm.push(nx, ny, nz);
      this.col.push(this.r, this.g, this.b);
    }
    return this;
  }

  /** Flat horizontal triangle at height y, facing up whatever the order of its corners. */
  flatTri(a: Vec2, b: Vec2, c: Vec2, y: number): this {
    // seen from above (+y), counter-clockwise in x–z means (b − a) × (c − a) has +y: (bz−az)(cx−ax) − (bx−ax)(cz−az) > 0
    const cross = (b[1] - a[1]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[1] - a[1]);
    if (cross >= 0) return this.tri(a[0], y, a[1], b[0], y, b[1], c[0], y, c[1]);
    return this.tri(a[0], y, a[1], c[0], y, c[1], b[0], y, b[1]);
  }

  /** Flat quad a–b–c–d (in order round its edge) at height y, facing up. */
  flatQuad(a: Vec2, b: Vec2, c: Vec2, d: Vec2, y: number): this {
    return this.flatTri(a, b, c, y).flatTri(a, c, d, y);
  }

  /** Flat polygon (any simple outline, concave allowed) at height y, facing up. */
  flatPolygon(points: readonly Vec2[], y: number): this {
    if (points.length < 3) return this;
    const contour = points.map(([x, z]) => new Vector2(x, z));
    const tris = ShapeUtils.triangulateShape(contour, []);
    for (const [i, j, k] of tris) this.flatTri(points[i!]!, points[j!]!, points[k!]!, y);
    return this;
  }

  /** Vertical wall from (x0, z0) to (x1, z1) between heights y0 and y1, both faces. */
  wall(x0: number, z0: number, x1: number, z1: number, y0: number, y1: number): this {
    this.tri(x0, y0, z0, x1, y0, z1, x1, y1, z1).tri(x0, y0, z0, x1, y1, z1, x0, y1, z0);
    return this.tri(x0, y0, z0, x1, y1, z1, x1, y0, z1).tri(x0, y0, z0, x0, y1, z0, x1, y1, z1);
  }

  /**
   * A box lying along the segment a→b (its length), `width` across it, from y0 to y1; the bottom is
   * left out (it sits on the ground). Ends are closed.
   */
  beam(a: Vec2, b: Vec2, width: number, y0: number, y1: number): this {
    const dx = b[0] - a[0], dz = b[1] - a[1];
    const len = Math.hypot(dx, dz);
    if (len < 1e-6) return this;
    // right of the direction of travel: (−dz, dx)
    const rx = (-dz / len) * (width / 2), rz = (dx / len) * (width / 2);
    const p: Vec2[] = [
      [a[0] - rx, a[1] - rz],
      [b[0] - rx, b[1] - rz],
      [b[0] + rx, b[1] + rz],
      [a[0] + rx, a[1] + rz],
    ];
    this.flatQuad(p[0]!, p[1]!, p[2]!, p[3]!, y1);
    // sides, outward-facing: walk the outline so each wall's normal points out
    for (let i = 0; i < 4; i++) {
      const [x0, z0] = p[i]!;
      const [x1, z1] = p[(i + 1) % 4]!;
      this.outWall(x0, z0, x1, z1, y0, y1, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
    }
    return this;
  }

  /** One-sided wall whose front faces away from (cx, cz). */
  private outWall(x0: number, z0: number, x1: number, z1: number, y0: number, y1: number, cx: number, cz: number): void {
    // the normal of tri (p0 low, p1 low, p1 high) is along (−dz, 0, dx); flip the order if it points inwards
    const nx = -(z1 - z0), nz = x1 - x0;
    const mx = (x0 + x1) / 2 - cx, mz = (z0 + z1) / 2 - cz;
    if (nx * mx + nz * mz >= 0) {
      this.tri(x0, y0, z0, x1, y0, z1, x1, y1, z1).tri(x0, y0, z0, x1, y1, z1, x0, y1, z0);
    } else {
      this.tri(x1, y0, z1, x0, y0, z0, x0, y1, z0).tri(x1, y0, z1, x0, y1, z0, x1, y1, z1);
    }
  }

  build(): BufferGeometry {
    return colouredGeometry(this.pos, this.nrm, this.col);
  }
}

/** Offset a polyline sideways (+ = right of its direction, i.e. towards +z when heading +x). */
export { offsetPolyline } from '../../sim/road/polyline.ts';
