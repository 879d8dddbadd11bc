// The moving traffic as InstancedMesh pools (one per agent kind; a semi-trailer fills a tractor
// and a trailer slot), written from a World's pooled agents once per frame. Nothing here allocates
// after construction: matrices go straight into each pool's instance array, colours are picked from
// preallocated palettes, and a colour is only rewritten when a slot changes owner.
import { Color, DynamicDrawUsage, InstancedMesh, type Material } from 'three';
import type { DrawnAgent } from '../../sim/replayView.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import { AGENT_POOLS, type AgentPool, buildAgentModel, paletteIndex, POOL_OF, POOL_PALETTES } from './agentModels.ts';
import { agentMaterial } from './materials.ts';

/**
 * Writes the column-major 4×4 matrix of a model facing +x placed at (x, y, z) with the sim heading
 * `heading` (rad, 0 = +x, growing towards +z: three's rotation.y = −heading) and scale (sx, sy, sz)
 * along its own length, height and width, into `out` at `offset`.
 */
export function writeAgentMatrix(out: Float32Array | number[], offset: number, x: number, y: number, z: number, heading: number, sx = 1, sy = 1, sz = 1): void {
  const c = Math.cos(heading), s = Math.sin(heading);
  // columns: model +x → (cos h, 0, sin h), +y → up, +z (its right) → (−sin h, 0, cos h)
  out[offset] = c * sx;
  out[offset + 1] = 0;
  out[offset + 2] = s * sx;
  out[offset + 3] = 0;
  out[offset + 4] = 0;
  out[offset + 5] = sy;
  out[offset + 6] = 0;
  out[offset + 7] = 0;
  out[offset + 8] = -s * sz;
  out[offset + 9] = 0;
  out[offset + 10] = c * sz;
  out[offset + 11] = 0;
  out[offset + 12] = x;
  out[offset + 13] = y;
  out[offset + 14] = z;
  out[offset + 15] = 1;
}

/** What the pools read: a world's live agents, or a replay's. */
export interface AgentSource {
  readonly agents: readonly DrawnAgent[];
}

export interface AgentPoolsOptions {
  /** instances per pool (default 128) */
  capacity?: number;
  /** draw the visitor's own agent too (default false: the camera is the visitor) */
  showPlayer?: boolean;
}

export class AgentPools {
  readonly meshes: Record<AgentPool, InstancedMesh>;
  readonly material: Material;
  readonly capacity: number;
  showPlayer: boolean;
  /** agent id owning each slot, per pool (−1 free) */
  private readonly owners: Record<AgentPool, Int32Array>;
  private readonly counts: Record<AgentPool, number>;
  private readonly palettes: Record<AgentPool, Color[]>;
  private readonly colorDirty: Record<AgentPool, boolean>;

  constructor(options: AgentPoolsOptions = {}) {
    this.capacity = options.capacity ?? 128;
    this.showPlayer = options.showPlayer ?? false;
    this.material = agentMaterial();
    const meshes = {} as Record<AgentPool, InstancedMesh>;
    const owners = {} as Record<AgentPool, Int32Array>;
    const counts = {} as Record<AgentPool, number>;
    const palettes = {} as Record<AgentPool, Color[]>;
    const dirty = {} as Record<AgentPool, boolean>;
    for (const pool of AGENT_POOLS) {
      const mesh = new InstancedMesh(buildAgentModel(pool), this.material, this.capacity);
      mesh.name = `agents-${pool}`;
      mesh.instanceMatrix.setUsage(DynamicDrawUsage);
      // instances move anywhere: the geometry's bounds say nothing about where they are
      mesh.frustumCulled = false;
      // the colour buffer must exist before the first render (it decides the shader variant)
      const white = new Color(1, 1, 1);
      for (let i = 0; i < this.capacity; i++) mesh.setColorAt(i, white);
      mesh.instanceColor!.setUsage(DynamicDrawUsage);
      mesh.count = 0;
      meshes[pool] = mesh;
      owners[pool] = new Int32Array(this.capacity).fill(-1);
      counts[pool] = 0;
      palettes[pool] = POOL_PALETTES[pool].map((hex) => new Color(hex));
      dirty[pool] = false;
    }
    this.meshes = meshes;
    this.owners = owners;
    this.counts = counts;
    this.palettes = palettes;
    this.colorDirty = dirty;
  }

  /** Instances drawn per pool after the last update. */
  count(pool: AgentPool): number {
    return this.meshes[pool].count;
  }

  /** Place every live agent; unused instances are not drawn (count). Call once per frame. */
  update(source: AgentSource): void {
    // indexed loops only: nothing here may allocate (not even an iterator)
    for (let k = 0; k < AGENT_POOLS.length; k++) this.counts[AGENT_POOLS[k]!] = 0;
    const agents = source.agents;
    for (let i = 0; i < agents.length; i++) {
      const a = agents[i]!;
      if (a.isPlayer && !this.showPlayer) continue;
      const spec = SPECS[a.kind];
      const pool = POOL_OF[a.kind];
      if (pool === 'pedestrian') {
        const k = a.height > 0 ? a.height / spec.height : 1;
        this.place(pool, a.id, a.x, a.z, a.heading, k, k, k);
      } else {
        this.place(pool, a.id, a.x, a.z, a.heading, a.length / spec.length, a.height > 0 ? a.height / spec.height : 1, a.width / spec.width);
      }
      if (a.hasTrailer && spec.trailer) {
        this.place('trailer', a.id, a.trailerX, a.trailerZ, a.trailerHeading, a.trailerLength / spec.trailer.length, 1, a.trailerWidth / spec.trailer.width);
      }
    }
    for (let k = 0; k < AGENT_POOLS.length; k++) {
      const pool = AGENT_POOLS[k]!;
      const mesh = this.meshes[pool];
      const n = this.counts[pool];
      if (n > 0) mesh.instanceMatrix.needsUpdate = true;
      mesh.count = n;
      if (this.colorDirty[pool]) {
        mesh.instanceColor!.needsUpdate = true;
        this.colorDirty[pool] = false;
      }
    }
  }

  private place(pool: AgentPool, id: number, x: number, z: number, heading: number, sx: number, sy: number, sz: number): void {
    const i = this.counts[pool];
    if (i >= this.capacity) return;
    this.counts[pool] = i + 1;
    const mesh = this.meshes[pool];
    writeAgentMatrix(mesh.instanceMatrix.array as Float32Array, i * 16, x, 0, z, heading, sx, sy, sz);
    const owners = this.owners[pool];
    if (owners[i] !== id) {
      owners[i] = id;
      const palette = this.palettes[pool];
      mesh.setColorAt(i, palette[paletteIndex(id, palette.length)]!);
      this.colorDirty[pool] = true;
    }
  }

  dispose(): void {
    for (const pool of AGENT_POOLS) {
      const mesh = this.meshes[pool];
      mesh.geometry.dispose();
      mesh.dispose();
    }
    this.material.dispose();
  }
}
