// The last N seconds of the world, kept in preallocated typed arrays (a ring of frames), so a zone
// can replay the moments before a mistake from any angle. Recording copies numbers only; reading
// fills a caller-owned frame, interpolating between recorded frames for smooth slow motion.
import { AGENT_KINDS, type AgentKind } from './def.ts';
import type { Agent, AgentState } from './agents/agent.ts';

const STATES: readonly AgentState[] = ['moving', 'stopped', 'waiting', 'braking', 'held', 'crashed', 'done'];
/** floats per agent per frame: x z heading speed trailerX trailerZ trailerHeading steer */
const F = 8;

export interface ReplayAgent {
  id: number;
  kind: AgentKind;
  isPlayer: boolean;
  x: number;
  z: number;
  heading: number;
  speed: number;
  trailerX: number;
  trailerZ: number;
  trailerHeading: number;
  steer: number;
  state: AgentState;
  brakeLight: boolean;
}

export interface ReplayFrame {
  t: number;
  count: number;
  /** the first `count` entries are valid */
  agents: ReplayAgent[];
  /** signal colour per head (0 red, 1 yellow, 2 green), heads in layout order */
  signals: Uint8Array;
}

export class ReplayBuffer {
  readonly frames: number;
  readonly maxAgents: number;
  readonly heads: number;
  private readonly times: Float64Array;
  private readonly counts: Int32Array;
  private readonly ids: Int32Array;
  private readonly codes: Uint8Array;
  private readonly data: Float32Array;
  private readonly sig: Uint8Array;
  /** next frame slot to write, and how many are filled */
  private head = 0;
  private filled = 0;

  constructor(seconds: number, hz: number, maxAgents: number, heads: number) {
    this.frames = Math.max(2, Math.ceil(seconds * hz) + 1);
    this.maxAgents = maxAgents;
    this.heads = heads;
    this.times = new Float64Array(this.frames);
    this.counts = new Int32Array(this.frames);
    this.ids = new Int32Array(this.frames * maxAgents);
    // kind (3 bits) | player (1 bit) | brake light (1 bit) | state (3 bits)
    this.codes = new Uint8Array(this.frames * maxAgents);
    this.data = new Float32Array(this.frames * maxAgents * F);
    this.sig = new Uint8Array(this.frames * Math.max(1, heads));
  }

  get length(): number {
    return this.filled;
  }

  /** Oldest and newest recorded times, or [NaN, NaN] when empty. */
  span(): [number, number] {
    if (this.filled === 0) return [NaN, NaN];
    return [this.times[this.slot(0)]!, this.times[this.slot(this.filled - 1)]!];
  }

  private slot(k: number): number {
    return (this.head - this.filled + k + this.frames) % this.frames;
  }

  record(t: number, agents: readonly Agent[], signals: Uint8Array): void {
    const f = this.head;
    const n = Math.min(agents.length, this.maxAgents);
    this.times[f] = t;
    this.counts[f] = n;
    for (let i = 0; i < n; i++) {
      const a = agents[i]!;
      const o = f * this.maxAgents + i;
      this.ids[o] = a.id;
      this.codes[o] = AGENT_KINDS.indexOf(a.kind) | (a.isPlayer ? 8 : 0) | (a.brakeLight ? 16 : 0) | (STATES.indexOf(a.state) << 5);
      const d = o * F;
      this.data[d] = a.x;
      this.data[d + 1] = a.z;
      this.data[d + 2] = a.heading;
      this.data[d + 3] = a.speed;
      this.data[d + 4] = a.trailerX;
      this.data[d + 5] = a.trailerZ;
      this.data[d + 6] = a.trailerHeading;
      this.data[d + 7] = a.steer;
    }
    const so = f * Math.max(1, this.heads);
    for (let k = 0; k < this.heads; k++) this.sig[so + k] = signals[k]!;
    this.head = (this.head + 1) % this.frames;
    this.filled = Math.min(this.frames, this.filled + 1);
  }

  /** Forget frames after time t (the world was restored to t). */
  truncateAfter(t: number): void {
    while (this.filled > 0 && this.times[this.slot(this.filled - 1)]! > t + 1e-9) {
      this.head = (this.head - 1 + this.frames) % this.frames;
      this.filled--;
    }
  }

  clear(): void {
    this.head = 0;
    this.filled = 0;
  }

  /** A frame whose arrays are sized for this buffer; reuse it for every `sample`. */
  createFrame(): ReplayFrame {
    const agents: ReplayAgent[] = [];
    for (let i = 0; i < this.maxAgents; i++)
      agents.push({ id: 0, kind: 'car', isPlayer: false, x: 0, z: 0, heading: 0, speed: 0, trailerX: 0, trailerZ: 0, trailerHeading: 0, steer: 0, state: 'moving', brakeLight: false });
    return { t: NaN, count: 0, agents, signals: new Uint8Array(Math.max(1, this.heads)) };
  }

  /**
   * The world at time t (clamped to what is recorded). Agents present in both neighbouring frames
   * are interpolated; the rest are taken from the earlier frame. Returns false when empty.
   */
  sample(t: number, out: ReplayFrame): boolean {
    if (this.filled === 0) return false;
    let lo = 0, hi = this.filled - 1;
    if (t <= this.times[this.slot(0)]!) hi = 0;
    else if (t >= this.times[this.slot(hi)]!) lo = hi;
    else {
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (this.times[this.slot(mid)]! <= t) lo = mid;
        else hi = mid;
      }
    }
    const fa = this.slot(lo), fb = this.slot(hi);
    const ta = this.times[fa]!, tb = this.times[fb]!;
    const u = tb > ta ? (t - ta) / (tb - ta) : 0;
    const n = this.counts[fa]!;
    const nb = this.counts[fb]!;
    out.t = fa === fb ? ta : t;
    out.count = n;
    for (let i = 0; i < n; i++) {
      const o = fa * this.maxAgents + i;
      const r = out.agents[i]!;
      r.id = this.ids[o]!;
      const code = this.codes[o]!;
      r.kind = AGENT_KINDS[code & 7]!;
      r.isPlayer = (code & 8) !== 0;
      r.brakeLight = (code & 16) !== 0;
      r.state = STATES[code >> 5]!;
      // the same agent in the later frame: usually the same slot, else search nearby
      let j = -1;
      if (fa !== fb) {
        if (i < nb && this.ids[fb * this.maxAgents + i] === r.id) j = i;
        else for (let k = Math.max(0, i - 4); k < Math.min(nb, i + 1); k++) if (this.ids[fb * this.maxAgents + k] === r.id) j = k;
      }
      const d = o * F;
      if (j < 0) {
        r.x = this.data[d]!; r.z = this.data[d + 1]!; r.heading = this.data[d + 2]!; r.speed = this.data[d + 3]!;
        r.trailerX = this.data[d + 4]!; r.trailerZ = this.data[d + 5]!; r.trailerHeading = this.data[d + 6]!; r.steer = this.data[d + 7]!;
      } else {
        const e = (fb * this.maxAgents + j) * F;
        r.x = lerp(this.data[d]!, this.data[e]!, u);
        r.z = lerp(this.data[d + 1]!, this.data[e + 1]!, u);
        r.heading = lerpAngle(this.data[d + 2]!, this.data[e + 2]!, u);
        r.speed = lerp(this.data[d + 3]!, this.data[e + 3]!, u);
        r.trailerX = lerp(this.data[d + 4]!, this.data[e + 4]!, u);
        r.trailerZ = lerp(this.data[d + 5]!, this.data[e + 5]!, u);
        r.trailerHeading = lerpAngle(this.data[d + 6]!, this.data[e + 6]!, u);
        r.steer = lerp(this.data[d + 7]!, this.data[e + 7]!, u);
      }
    }
    const hs = Math.max(1, this.heads);
    out.signals.set(this.sig.subarray(fa * hs, fa * hs + hs));
    return true;
  }
}

const lerp = (a: number, b: number, u: number): number => a + (b - a) * u;
function lerpAngle(a: number, b: number, u: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d < -Math.PI) d += 2 * Math.PI;
  return a + d * u;
}
