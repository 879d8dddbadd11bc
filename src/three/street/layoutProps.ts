// What a layout places besides the street (pure: no renderer, no canvas): props grouped into
// instanced batches by model and variant, and road signs (posts merged, faces batched per sign).
import { Matrix4, Quaternion, Vector3 } from 'three';
import { SIGNS } from '../../content/props.ts';
import type { LayoutDef, Vec2 } from '../../sim/def.ts';
import { degToRad } from '../../sim/units.ts';

/** How many colour variants of a model a street uses (each one is its own batch: one draw call). */
const VARIANTS: Record<string, number> = { tree: 3, building: 3, car: 3, van: 2, ebike: 2, pedestrian: 3 };

export interface PropBatch {
  /** PROP_IDS entry */
  prop: string;
  variant: number;
  matrices: Matrix4[];
}

export interface SignPlacement {
  sign: string;
  x: number;
  z: number;
  /** three's rotation.y (the face looks towards +x at 0) */
  rotationY: number;
}

export interface LayoutPropsPlan {
  batches: PropBatch[];
  signs: SignPlacement[];
}

/** Stable small hash of a position, so a prop keeps its variant when others are added. */
function spot(p: Vec2): number {
  const h = Math.imul(Math.round(p[0] * 10) | 0, 73856093) ^ Math.imul(Math.round(p[1] * 10) | 0, 19349663);
  return (h >>> 0) % 1009;
}

const Y = new Vector3(0, 1, 0);
function place(x: number, z: number, rotationY: number): Matrix4 {
  return new Matrix4().compose(new Vector3(x, 0, z), new Quaternion().setFromAxisAngle(Y, rotationY), new Vector3(1, 1, 1));
}

export function planLayoutProps(layout: Pick<LayoutDef, 'props' | 'signs'>): LayoutPropsPlan {
  const batches = new Map<string, PropBatch>();
  const signs: SignPlacement[] = [];
  for (const s of layout.signs) {
    if (s.sign in SIGNS) signs.push({ sign: s.sign, x: s.position[0], z: s.position[1], rotationY: -degToRad(s.facing) });
  }
  for (const p of layout.props) {
    const rotationY = -degToRad(p.rotation);
    if (p.prop.startsWith('sign:')) {
      const sign = p.prop.slice(5);
      if (sign in SIGNS) signs.push({ sign, x: p.position[0], z: p.position[1], rotationY });
      continue;
    }
    const variant = spot(p.position) % (VARIANTS[p.prop] ?? 1);
    const key = `${p.prop}:${variant}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { prop: p.prop, variant, matrices: [] }));
    b.matrices.push(place(p.position[0], p.position[1], rotationY));
  }
  return { batches: [...batches.values()], signs };
}
