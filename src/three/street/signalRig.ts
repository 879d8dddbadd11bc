// Signal hardware as meshes: every pole, arm, bracket and lamp housing of a plan merged into one
// vertex-coloured mesh, and the lamps themselves as three InstancedMeshes (round lamps for vehicle
// and non-motor heads, standing and walking figures for pedestrian heads) whose instance colours
// switch between "on" and "off" when a head changes colour. Four draw calls for any junction.
import { type BufferGeometry, CircleGeometry, Color, InstancedMesh, type Material, Matrix4, Quaternion, Vector3 } from 'three';
import { mergeGeometries, mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { HeadKind } from '../../sim/def.ts';
import type { SignalReading } from '../../sim/signals.ts';
import { C } from '../props/palette.ts';
import { PartBuilder } from '../props/parts.ts';
import { PEDESTRIAN_LAMPS } from '../props/SignalPedestrian.tsx';
import { VEHICLE_LAMPS } from '../props/SignalVehicle.tsx';
import { groundMaterial, lampMaterial } from './materials.ts';
import type { LampUnit, SignalPlan } from './signalPlan.ts';

const HOUSING = '#26282b';
/** colour codes, as the simulation counts them */
const RED = 0, YELLOW = 1, GREEN = 2;
const ON = [new Color(VEHICLE_LAMPS.red.on), new Color(VEHICLE_LAMPS.yellow.on), new Color(VEHICLE_LAMPS.green.on)];
const OFF = [new Color(VEHICLE_LAMPS.red.off), new Color(VEHICLE_LAMPS.yellow.off), new Color(VEHICLE_LAMPS.green.off)];
const PED_ON = [new Color(PEDESTRIAN_LAMPS.red.on), ON[YELLOW]!, new Color(PEDESTRIAN_LAMPS.green.on)];
const PED_OFF = [new Color(PEDESTRIAN_LAMPS.red.off), OFF[YELLOW]!, new Color(PEDESTRIAN_LAMPS.green.off)];

/** Lamp layout of a unit in its own frame (face towards +x): lamp centres (y), radius, half height. */
const ROUND = {
  vehicle: { ys: [0.33, 0, -0.33], r: 0.11, half: 0.5, halfW: 0.18 },
  'non-motor': { ys: [0.24, 0, -0.24], r: 0.08, half: 0.37, halfW: 0.14 },
} as const;
const PED = { ys: [0.2, -0.2], half: 0.42, halfW: 0.2 } as const;
const FACE_X = 0.12;

function housing(kind: HeadKind, hangUp: number | null): BufferGeometry {
  const b = new PartBuilder();
  if (kind === 'pedestrian') {
    b.slab(-0.1, FACE_X, -PED.half, PED.half, -PED.halfW, PED.halfW, HOUSING);
    for (const y of PED.ys) {
      b.slab(FACE_X, FACE_X + 0.005, y - 0.17, y + 0.17, -0.17, 0.17, C.black);
      b.slab(FACE_X, FACE_X + 0.16, y + 0.18, y + 0.195, -0.18, 0.18, C.black);
    }
  } else {
    const L = ROUND[kind];
    b.slab(-0.14, -0.11, -L.half - 0.12, L.half + 0.12, -L.halfW - 0.12, L.halfW + 0.12, C.black); // back plate
    b.slab(-0.11, FACE_X, -L.half, L.half, -L.halfW, L.halfW, HOUSING);
    for (const y of L.ys) b.slab(FACE_X, FACE_X + L.r * 1.6, y + L.r + 0.02, y + L.r + 0.035, -L.r - 0.04, L.r + 0.04, C.black); // visors
  }
  if (hangUp !== null && hangUp > 0) b.rod([0, 0.4, 0], [0, hangUp, 0], 0.03, C.grey, 6);
  return b.build();
}

/** A lit figure on a pedestrian lamp (the y–z plane, facing +x), about 0.3 m tall. */
export function figureGeometry(kind: 'stand' | 'walk'): BufferGeometry {
  const b = new PartBuilder();
  const d = 0.01;
  b.box([d, 0.06, 0.06], [0, 0.115, 0], '#ffffff');
  if (kind === 'stand') {
    b.box([d, 0.13, 0.08], [0, 0.02, 0], '#ffffff');
    b.box([d, 0.12, 0.03], [0, -0.1, -0.02], '#ffffff');
    b.box([d, 0.12, 0.03], [0, -0.1, 0.02], '#ffffff');
    b.box([d, 0.12, 0.024], [0, 0.015, -0.052], '#ffffff');
    b.box([d, 0.12, 0.024], [0, 0.015, 0.052], '#ffffff');
  } else {
    b.limb([0, 0.08, 0.005], [0, -0.04, -0.01], 0.065, d, '#ffffff');
    b.limb([0, -0.03, -0.005], [0, -0.15, -0.065], 0.032, d, '#ffffff');
    b.limb([0, -0.03, 0], [0, -0.15, 0.055], 0.032, d, '#ffffff');
    b.limb([0, 0.07, 0], [0, -0.01, -0.07], 0.026, d, '#ffffff');
    b.limb([0, 0.07, 0], [0, -0.01, 0.065], 0.026, d, '#ffffff');
  }
  return b.build();
}

const up = new Vector3(0, 1, 0);

function unitMatrix(u: LampUnit, out = new Matrix4()): Matrix4 {
  return out.compose(new Vector3(u.x, u.y, u.z), new Quaternion().setFromAxisAngle(up, u.rotationY), new Vector3(1, 1, 1));
}

/** What the rig reads each frame. */
export interface SignalSource {
  signalState(headId: string, out?: SignalReading): SignalReading;
}

export class SignalRig {
  /** poles, arms, housings: one mesh */
  readonly body: BufferGeometry;
  readonly bodyMaterial: Material;
  readonly lampMaterial: Material;
  /** round lamps, standing figures, walking figures */
  readonly lamps: [InstancedMesh, InstancedMesh, InstancedMesh];
  readonly heads: string[];
  /** per head: its lamps are [lampStart[h], lampStart[h + 1]) in the lamp tables */
  private readonly lampStart: Int32Array;
  private readonly lampMesh: Uint8Array;
  private readonly lampSlot: Int32Array;
  private readonly lampColor: Uint8Array;
  private readonly lampPed: Uint8Array;
  private readonly shown: Int8Array;
  private readonly reading: SignalReading = { state: 'red', timeToChange: 0, next: 'red' };
  private readonly dirty = [false, false, false];

  constructor(plan: SignalPlan) {
    // ---- static body
    const world = new PartBuilder();
    for (const p of plan.poles) {
      const r = p.thin ? 0.06 : 0.1;
      world.cyl(r * 2, r * 2.4, 0.12, [p.x, 0.06, p.z], C.darkGrey, { segments: 8 });
      world.rod([p.x, 0, p.z], [p.x, p.height, p.z], r, C.grey, 8);
      if (p.arm) world.rod([p.x, p.height - 0.3, p.z], [p.arm[0], p.height - 0.3, p.arm[1]], 0.07, C.grey, 6);
    }
    for (const u of plan.units) if (u.bracket) world.rod([u.bracket[0], u.y, u.bracket[1]], [u.x, u.y, u.z], 0.035, C.grey, 4);
    const parts: BufferGeometry[] = [world.build()];
    const m = new Matrix4();
    for (const u of plan.units) parts.push(housing(u.kind, u.hangTo === null ? null : u.hangTo - u.y).applyMatrix4(unitMatrix(u, m)));
    const merged = mergeGeometries(parts, false);
    for (const p of parts) p.dispose();
    this.body = mergeVertices(merged, 1e-5);
    if (this.body !== merged) merged.dispose();
    this.body.computeBoundingSphere();
    this.bodyMaterial = groundMaterial();

    // ---- lamps, grouped by head
    this.heads = [...new Set(plan.units.map((u) => u.head))];
    const round: { m: Matrix4; head: number; color: number }[] = [];
    const stand: { m: Matrix4; head: number }[] = [];
    const walk: { m: Matrix4; head: number }[] = [];
    for (const u of plan.units) {
      const head = this.heads.indexOf(u.head);
      const base = unitMatrix(u);
      if (u.kind === 'pedestrian') {
        stand.push({ m: base.clone().multiply(new Matrix4().makeTranslation(FACE_X + 0.012, PED.ys[0], 0)), head });
        walk.push({ m: base.clone().multiply(new Matrix4().makeTranslation(FACE_X + 0.012, PED.ys[1], 0)), head });
      } else {
        const L = ROUND[u.kind];
        L.ys.forEach((y, k) => {
          const local = new Matrix4().makeTranslation(FACE_X + 0.006, y, 0).multiply(new Matrix4().makeScale(L.r, L.r, L.r));
          round.push({ m: base.clone().multiply(local), head, color: k === 0 ? RED : k === 1 ? YELLOW : GREEN });
        });
      }
    }
    this.lampMaterial = lampMaterial();
    const disc = new CircleGeometry(1, 16).rotateY(Math.PI / 2);
    const mk = (g: BufferGeometry, list: { m: Matrix4 }[], name: string) => {
      const mesh = new InstancedMesh(g, this.lampMaterial, Math.max(1, list.length));
      mesh.name = name;
      list.forEach((x, i) => mesh.setMatrixAt(i, x.m));
      for (let i = 0; i < Math.max(1, list.length); i++) mesh.setColorAt(i, OFF[RED]!);
      mesh.count = list.length;
      mesh.computeBoundingSphere();
      return mesh;
    };
    this.lamps = [mk(disc, round, 'signal-lamps'), mk(figureGeometry('stand'), stand, 'signal-stand'), mk(figureGeometry('walk'), walk, 'signal-walk')];

    // ---- per-head lamp tables
    const rows: { head: number; mesh: number; slot: number; color: number; ped: boolean }[] = [];
    round.forEach((x, i) => rows.push({ head: x.head, mesh: 0, slot: i, color: x.color, ped: false }));
    stand.forEach((x, i) => rows.push({ head: x.head, mesh: 1, slot: i, color: RED, ped: true }));
    walk.forEach((x, i) => rows.push({ head: x.head, mesh: 2, slot: i, color: GREEN, ped: true }));
    rows.sort((a, b) => a.head - b.head);
    this.lampStart = new Int32Array(this.heads.length + 1);
    this.lampMesh = new Uint8Array(rows.length);
    this.lampSlot = new Int32Array(rows.length);
    this.lampColor = new Uint8Array(rows.length);
    this.lampPed = new Uint8Array(rows.length);
    rows.forEach((r, k) => {
      this.lampMesh[k] = r.mesh;
      this.lampSlot[k] = r.slot;
      this.lampColor[k] = r.color;
      this.lampPed[k] = r.ped ? 1 : 0;
    });
    let k = 0;
    for (let h = 0; h < this.heads.length; h++) {
      this.lampStart[h] = k;
      while (k < rows.length && rows[k]!.head === h) k++;
    }
    this.lampStart[this.heads.length] = rows.length;
    this.shown = new Int8Array(this.heads.length).fill(-1);
    this.setAll(RED);
  }

  /** The colour code (0 red, 1 yellow, 2 green) a head shows now, −1 before the first update. */
  shownColor(headId: string): number {
    const h = this.heads.indexOf(headId);
    return h < 0 ? -1 : this.shown[h]!;
  }

  /** Read every head from the source and relight the lamps of those that changed. No allocation. */
  update(source: SignalSource): void {
    for (let h = 0; h < this.heads.length; h++) {
      const s = source.signalState(this.heads[h]!, this.reading).state;
      this.show(h, s === 'green' ? GREEN : s === 'yellow' ? YELLOW : RED);
    }
    this.flush();
  }

  private setAll(code: number): void {
    for (let h = 0; h < this.heads.length; h++) this.show(h, code);
    this.flush();
  }

  private show(h: number, code: number): void {
    if (this.shown[h] === code) return;
    this.shown[h] = code;
    for (let k = this.lampStart[h]!; k < this.lampStart[h + 1]!; k++) {
      const mesh = this.lamps[this.lampMesh[k]!]!;
      const color = this.lampColor[k]!;
      const on = color === code;
      const ped = this.lampPed[k] === 1;
      mesh.setColorAt(this.lampSlot[k]!, on ? (ped ? PED_ON : ON)[color]! : (ped ? PED_OFF : OFF)[color]!);
      this.dirty[this.lampMesh[k]!] = true;
    }
  }

  private flush(): void {
    for (let i = 0; i < 3; i++) {
      if (!this.dirty[i]) continue;
      this.lamps[i]!.instanceColor!.needsUpdate = true;
      this.dirty[i] = false;
    }
  }

  dispose(): void {
    this.body.dispose();
    this.bodyMaterial.dispose();
    for (const l of this.lamps) {
      l.geometry.dispose();
      l.dispose();
    }
    this.lampMaterial.dispose();
  }
}
