// Fixed-time signal controllers: each cycles through its phases; a head is green or yellow where a
// phase lists it and red otherwise, so an empty phase is the all-red clearance interval. The state
// is a pure function of time, which keeps snapshots trivial and lets time-to-change be exact.
import type { LayoutDef } from './def.ts';
import type { RoadNet } from './road/network.ts';

export type SignalColor = 'green' | 'yellow' | 'red';
export const RED = 0;
export const YELLOW = 1;
export const GREEN = 2;
export const COLOR_NAMES: readonly SignalColor[] = ['red', 'yellow', 'green'];

export interface SignalReading {
  state: SignalColor;
  /** seconds until this head shows another colour; Infinity if it never does */
  timeToChange: number;
  /** the colour it changes to */
  next: SignalColor;
}

interface Controller {
  offset: number;
  cycle: number;
  /** start time of each phase within the cycle */
  starts: Float64Array;
  durations: Float64Array;
  /** global head indices this controller drives */
  heads: Int32Array;
  /** colour of each of `heads` in each phase: [phase * heads.length + k] */
  colors: Uint8Array;
}

export class SignalSystem {
  readonly controllers: Controller[] = [];
  /** controller of each global head, and the head's slot in it */
  private readonly ctrlOf: Int32Array;
  private readonly slotOf: Int32Array;
  /** current colour of each head (updated by `update`) */
  readonly colors: Uint8Array;

  constructor(layout: LayoutDef, net: RoadNet) {
    const n = net.heads.length;
    this.ctrlOf = new Int32Array(n).fill(-1);
    this.slotOf = new Int32Array(n);
    this.colors = new Uint8Array(n);
    for (const sig of layout.signals) {
      const heads = new Int32Array(sig.heads.map((h) => net.headById.get(h.id)!.index));
      const starts = new Float64Array(sig.phases.length);
      const durations = new Float64Array(sig.phases.map((p) => p.duration));
      let t = 0;
      sig.phases.forEach((p, i) => {
        starts[i] = t;
        t += p.duration;
      });
      const colors = new Uint8Array(sig.phases.length * heads.length);
      sig.phases.forEach((p, i) => {
        sig.heads.forEach((h, k) => {
          colors[i * heads.length + k] = p.green.includes(h.id) ? GREEN : p.yellow.includes(h.id) ? YELLOW : RED;
        });
      });
      const ci = this.controllers.length;
      heads.forEach((g, k) => {
        this.ctrlOf[g] = ci;
        this.slotOf[g] = k;
      });
      this.controllers.push({ offset: sig.offset, cycle: t, starts, durations, heads, colors });
    }
  }

  private phaseAt(c: Controller, time: number): number {
    const tc = (((time + c.offset) % c.cycle) + c.cycle) % c.cycle;
    let i = c.starts.length - 1;
    while (i > 0 && tc < c.starts[i]!) i--;
    return i;
  }

  colorAt(head: number, time: number): number {
    const ci = this.ctrlOf[head]!;
    if (ci < 0) return GREEN;
    const c = this.controllers[ci]!;
    return c.colors[this.phaseAt(c, time) * c.heads.length + this.slotOf[head]!]!;
  }

  /** Recompute every head's colour at `time`; calls `changed` for each head whose colour moved. */
  update(time: number, changed?: (head: number, color: number) => void): void {
    for (const c of this.controllers) {
      const p = this.phaseAt(c, time);
      for (let k = 0; k < c.heads.length; k++) {
        const g = c.heads[k]!;
        const col = c.colors[p * c.heads.length + k]!;
        if (col !== this.colors[g]) {
          this.colors[g] = col;
          changed?.(g, col);
        }
      }
    }
  }

  /** Colour now plus the time until it changes, scanning forward through the phases. */
  read(head: number, time: number, out: SignalReading): SignalReading {
    const ci = this.ctrlOf[head]!;
    if (ci < 0) {
      out.state = 'green';
      out.timeToChange = Infinity;
      out.next = 'green';
      return out;
    }
    const c = this.controllers[ci]!;
    const slot = this.slotOf[head]!;
    const n = c.starts.length;
    const tc = (((time + c.offset) % c.cycle) + c.cycle) % c.cycle;
    const p = this.phaseAt(c, time);
    const col = c.colors[p * c.heads.length + slot]!;
    let remaining = c.starts[p]! + c.durations[p]! - tc;
    for (let k = 1; k <= n; k++) {
      const q = (p + k) % n;
      const qc = c.colors[q * c.heads.length + slot]!;
      if (qc !== col) {
        out.state = COLOR_NAMES[col]!;
        out.timeToChange = remaining;
        out.next = COLOR_NAMES[qc]!;
        return out;
      }
      remaining += c.durations[q]!;
    }
    out.state = COLOR_NAMES[col]!;
    out.timeToChange = Infinity;
    out.next = out.state;
    return out;
  }
}
