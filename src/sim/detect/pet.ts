// Post-encroachment time: how long after one road user left a spot another arrived at it. Each
// agent's trailing edge stamps a fine occupancy grid with (time, who, heading); its leading edge
// reads the grid. Arriving within the PET threshold where someone crossing one's path just was is
// a near miss even when time-to-collision never dropped (they missed by a moment, not by a metre).
import type { SimAgent } from '../agents/agent.ts';
import type { AgentKind } from '../def.ts';
import { AGENT_KINDS } from '../def.ts';
import type { SimWorld } from '../world.ts';
import { nearMissPair, reportNearMiss } from './conflicts.ts';

const PLAYER_BIT = 8;

export class PetGrid {
  readonly cell: number;
  readonly nx: number;
  readonly nz: number;
  readonly x0: number;
  readonly z0: number;
  readonly time: Float64Array;
  readonly who: Int32Array;
  readonly kind: Uint8Array;
  readonly heading: Float32Array;

  constructor(bounds: { minX: number; minZ: number; maxX: number; maxZ: number }) {
    const margin = 20;
    const w = bounds.maxX - bounds.minX + 2 * margin;
    const h = bounds.maxZ - bounds.minZ + 2 * margin;
    // 1 m cells, coarser only for very large layouts (cap the memory)
    this.cell = Math.max(1, Math.sqrt((w * h) / 262_144));
    this.x0 = bounds.minX - margin;
    this.z0 = bounds.minZ - margin;
    this.nx = Math.ceil(w / this.cell);
    this.nz = Math.ceil(h / this.cell);
    const n = this.nx * this.nz;
    this.time = new Float64Array(n).fill(-Infinity);
    this.who = new Int32Array(n).fill(-1);
    this.kind = new Uint8Array(n);
    this.heading = new Float32Array(n);
  }

  index(x: number, z: number): number {
    const c = Math.floor((x - this.x0) / this.cell);
    const r = Math.floor((z - this.z0) / this.cell);
    if (c < 0 || r < 0 || c >= this.nx || r >= this.nz) return -1;
    return r * this.nx + c;
  }
}

const kindCode = (a: SimAgent): number => AGENT_KINDS.indexOf(a.kind) | (a.isPlayer ? PLAYER_BIT : 0);
/** a stand-in for the other party, to ask whether the pair matters */
const other = { kind: 'car' as AgentKind, isPlayer: false };

const cells = new Int32Array(64);

/** Read along the leading edge, then stamp along the trailing edge, for every agent. */
export function detectPet(w: SimWorld): void {
  const g = w.pet;
  const agents = w.agents;
  const max = w.opts.nearMiss.pet;
  for (let i = 0; i < agents.length; i++) {
    const a = agents[i]!;
    if (a.speed >= 0.3 || a.isPlayer) {
      const n = edgeCells(g, a, 1);
      for (let k = 0; k < n; k++) {
        const cell = cells[k]!;
        const who = g.who[cell]!;
        if (who < 0 || who === a.id) continue;
        const dt = w.time - g.time[cell]!;
        if (dt > max || dt < 0) continue;
        // crossing paths only: following someone along a lane is not an encroachment
        if (Math.abs(Math.sin(a.heading - g.heading[cell]!)) < 0.5) continue;
        const code = g.kind[cell]!;
        other.kind = AGENT_KINDS[code & 7]!;
        other.isPlayer = (code & PLAYER_BIT) !== 0;
        if (!nearMissPair(a, other as SimAgent)) continue;
        const b = w.agentById(who);
        if (b) reportNearMiss(w, a, b, 'pet', dt);
      }
    }
    const code = kindCode(a);
    const n = edgeCells(g, a, -1);
    for (let k = 0; k < n; k++) {
      const cell = cells[k]!;
      g.time[cell] = w.time;
      g.who[cell] = a.id;
      g.kind[cell] = code;
      g.heading[cell] = a.heading;
    }
  }
}

/** Cells under the front (side 1) or rear (side −1) edge of the agent's footprint, into `cells`. */
function edgeCells(g: PetGrid, a: SimAgent, side: 1 | -1): number {
  let cx: number, cz: number, h: number, hl: number, hw: number;
  if (side < 0 && a.hasTrailer) {
    cx = a.trailerX; cz = a.trailerZ; h = a.trailerHeading; hl = a.trailerLength / 2; hw = a.trailerWidth / 2;
  } else {
    cx = a.x; cz = a.z; h = a.heading; hl = a.length / 2; hw = a.width / 2;
  }
  const fx = Math.cos(h), fz = Math.sin(h);
  const ex = cx + fx * hl * side, ez = cz + fz * hl * side;
  const n = Math.min(cells.length - 1, Math.max(1, Math.ceil((2 * hw) / (g.cell * 0.5))));
  let count = 0;
  let last = -2;
  for (let k = 0; k <= n; k++) {
    const off = -hw + (2 * hw * k) / n;
    const c = g.index(ex - fz * off, ez + fx * off);
    if (c < 0 || c === last) continue;
    last = c;
    cells[count++] = c;
  }
  return count;
}
