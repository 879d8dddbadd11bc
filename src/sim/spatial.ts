// A uniform grid over the street, rebuilt each step with a counting sort into preallocated typed
// arrays: neighbour queries for car-following, collisions and proximity rules without per-step
// allocation. Agents are entered in every cell their bounding box touches.
export interface Boxed {
  x: number;
  z: number;
  heading: number;
  length: number;
  width: number;
  hasTrailer: boolean;
  trailerX: number;
  trailerZ: number;
  trailerHeading: number;
  trailerLength: number;
  trailerWidth: number;
}

export class Grid {
  readonly nx: number;
  readonly nz: number;
  readonly cell: number;
  readonly x0: number;
  readonly z0: number;
  /** items of cell c are items[start[c] .. start[c+1]) (agent indices) */
  readonly start: Int32Array;
  private readonly fill: Int32Array;
  items: Int32Array;
  /** per agent index: cell range of its box, for the second pass */
  private spans: Int32Array;
  /** dedupe stamps for queries, per agent index */
  stamps: Int32Array;
  stamp = 0;

  constructor(bounds: { minX: number; minZ: number; maxX: number; maxZ: number }, cell: number, maxAgents: number) {
    const margin = 40;
    this.cell = cell;
    this.x0 = bounds.minX - margin;
    this.z0 = bounds.minZ - margin;
    this.nx = Math.max(1, Math.ceil((bounds.maxX - bounds.minX + 2 * margin) / cell));
    this.nz = Math.max(1, Math.ceil((bounds.maxZ - bounds.minZ + 2 * margin) / cell));
    this.start = new Int32Array(this.nx * this.nz + 1);
    this.fill = new Int32Array(this.nx * this.nz);
    this.items = new Int32Array(maxAgents * 8);
    this.spans = new Int32Array(maxAgents * 4);
    this.stamps = new Int32Array(maxAgents);
  }

  cx(x: number): number {
    const c = Math.floor((x - this.x0) / this.cell);
    return c < 0 ? 0 : c >= this.nx ? this.nx - 1 : c;
  }
  cz(z: number): number {
    const c = Math.floor((z - this.z0) / this.cell);
    return c < 0 ? 0 : c >= this.nz ? this.nz - 1 : c;
  }

  build(agents: readonly Boxed[]): void {
    const n = agents.length;
    if (this.spans.length < n * 4) {
      this.spans = new Int32Array(n * 8);
      this.stamps = new Int32Array(n * 2);
    }
    this.start.fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const a = agents[i]!;
      let ex = Math.abs(Math.cos(a.heading)) * a.length * 0.5 + Math.abs(Math.sin(a.heading)) * a.width * 0.5;
      let ez = Math.abs(Math.sin(a.heading)) * a.length * 0.5 + Math.abs(Math.cos(a.heading)) * a.width * 0.5;
      let minX = a.x - ex, maxX = a.x + ex, minZ = a.z - ez, maxZ = a.z + ez;
      if (a.hasTrailer) {
        ex = Math.abs(Math.cos(a.trailerHeading)) * a.trailerLength * 0.5 + Math.abs(Math.sin(a.trailerHeading)) * a.trailerWidth * 0.5;
        ez = Math.abs(Math.sin(a.trailerHeading)) * a.trailerLength * 0.5 + Math.abs(Math.cos(a.trailerHeading)) * a.trailerWidth * 0.5;
        minX = Math.min(minX, a.trailerX - ex);
        maxX = Math.max(maxX, a.trailerX + ex);
        minZ = Math.min(minZ, a.trailerZ - ez);
        maxZ = Math.max(maxZ, a.trailerZ + ez);
      }
      const c0 = this.cx(minX), c1 = this.cx(maxX), r0 = this.cz(minZ), r1 = this.cz(maxZ);
      this.spans[i * 4] = c0;
      this.spans[i * 4 + 1] = c1;
      this.spans[i * 4 + 2] = r0;
      this.spans[i * 4 + 3] = r1;
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.start[r * this.nx + c + 1]!++;
      total += (c1 - c0 + 1) * (r1 - r0 + 1);
    }
    for (let c = 1; c < this.start.length; c++) this.start[c]! += this.start[c - 1]!;
    if (this.items.length < total) this.items = new Int32Array(total * 2);
    for (let c = 0; c < this.fill.length; c++) this.fill[c] = this.start[c]!;
    for (let i = 0; i < n; i++) {
      const c0 = this.spans[i * 4]!, c1 = this.spans[i * 4 + 1]!, r0 = this.spans[i * 4 + 2]!, r1 = this.spans[i * 4 + 3]!;
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.items[this.fill[r * this.nx + c]!++] = i;
    }
  }

  /** New query: agents seen so far are forgotten. */
  nextStamp(): number {
    this.stamp++;
    if (this.stamp > 2_000_000_000) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** Mark agent i as seen in the current query; false if it already was. */
  visit(i: number): boolean {
    if (this.stamps[i] === this.stamp) return false;
    this.stamps[i] = this.stamp;
    return true;
  }
}
