// Controls "after drinking", as a filter on the visitor's input (the drunk zone's demonstration
// model, 示意): the pedals and the wheel act late, and how late wanders from moment to moment (a
// longer and more variable reaction); the wheel follows the hands sluggishly and drifts on its own
// (delayed and noisier steering); brake pressure wavers (noisier braking). facts.md 3.17 says these
// effects exist in words; it gives no primary figures for them (3.21), so the numbers are the zone
// file's, shown to visitors as a demonstration, never as facts.
//
// The filter runs once per fixed step on the input the adapter produced, so a world with the same
// seed and the same input stays deterministic. Its noise has its own seeded stream.
import { Rng } from '../rng.ts';
import type { InputAdapter, PlayerInput } from './player.ts';

export interface ImpairmentParams {
  /** mean extra time before the pedals and the wheel act, s */
  delay: number;
  /** the delay wanders within delay ± this, s */
  delayJitter: number;
  /** the delay takes a new target this often, s */
  delayEvery: number;
  /** steering drifts by itself: standard deviation of the drift, share of full lock */
  steerDrift: number;
  /** how long the drift remembers itself (its correlation time), s */
  driftTime: number;
  /** the wheel follows the hands with this time constant, s */
  steerLag: number;
  /** brake pressure wavers by up to this share of what the foot asks */
  brakeNoise: number;
}

export const SOBER: ImpairmentParams = { delay: 0, delayJitter: 0, delayEvery: 2, steerDrift: 0, driftTime: 1.5, steerLag: 0, brakeNoise: 0 };

/** the delay never changes faster than this (s per s), so what the controls replay never runs backwards */
const DELAY_RATE = 0.5;

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

export class ImpairedControls {
  /** the current delay, s (for tests and the HUD's demonstration readout) */
  delayNow: number;
  private readonly cap: number;
  private readonly thr: Float64Array;
  private readonly brk: Float64Array;
  private readonly str: Float64Array;
  /** steps written so far; starts a full ring of zeros (nothing pressed before the start) */
  private written: number;
  private target: number;
  private nextDraw = 0;
  private drift = 0;
  private wheel = 0;
  private elapsed = 0;
  private readonly rng: Rng;

  constructor(
    readonly params: ImpairmentParams,
    seed: number,
    readonly dt: number,
  ) {
    if (params.delay < 0 || params.delayJitter < 0 || params.delayJitter > params.delay + 1e-9)
      throw new Error('impairment: delay must be ≥ 0 and delayJitter between 0 and delay');
    this.rng = new Rng(seed >>> 0);
    this.cap = Math.ceil((params.delay + params.delayJitter) / dt) + 3;
    this.thr = new Float64Array(this.cap);
    this.brk = new Float64Array(this.cap);
    this.str = new Float64Array(this.cap);
    this.written = this.cap;
    this.delayNow = params.delay;
    this.target = params.delay;
  }

  /** true when the filter changes nothing (the sober run) */
  get sober(): boolean {
    const p = this.params;
    return p.delay === 0 && p.steerDrift === 0 && p.steerLag === 0 && p.brakeNoise === 0;
  }

  /** Replace this fixed step's throttle, brake and steer by what the impaired driver's controls do. */
  apply(inp: PlayerInput): void {
    if (this.sober) return;
    const p = this.params;
    const dt = this.dt;
    // remember what the visitor asks for now
    const w = this.written % this.cap;
    this.thr[w] = inp.throttle;
    this.brk[w] = inp.brake;
    this.str[w] = inp.steer;
    this.written++;

    // how late it acts: a new target now and then, approached gently
    if (this.elapsed >= this.nextDraw - 1e-9) {
      this.target = p.delay + (this.rng.next() * 2 - 1) * p.delayJitter;
      this.nextDraw = this.elapsed + p.delayEvery;
    }
    const step = DELAY_RATE * dt;
    this.delayNow += Math.max(-step, Math.min(step, this.target - this.delayNow));
    this.elapsed += dt;

    // read the past at the delay, between the two recorded steps around it
    const back = Math.min(this.delayNow / dt, this.cap - 2);
    const i0 = Math.floor(back);
    const f = back - i0;
    const throttle = this.late(this.thr, i0, f);
    const brake = this.late(this.brk, i0, f);
    const steer = this.late(this.str, i0, f);

    // the wheel lags the hands, and drifts (an Ornstein–Uhlenbeck process: it wanders and returns)
    this.wheel += p.steerLag > 0 ? (steer - this.wheel) * Math.min(1, dt / p.steerLag) : steer - this.wheel;
    if (p.steerDrift > 0) {
      const k = dt / p.driftTime;
      this.drift += -this.drift * k + p.steerDrift * Math.sqrt(2 * k) * this.gauss();
    }
    inp.throttle = throttle;
    inp.brake = brake > 0 ? clamp01(brake * (1 - p.brakeNoise * this.rng.next())) : 0;
    inp.steer = Math.max(-1, Math.min(1, this.wheel + this.drift));
  }

  /** the value recorded `i0 + f` steps ago (linear between the two steps around it) */
  private late(buf: Float64Array, i0: number, f: number): number {
    const n = this.written - 1;
    return buf[(n - i0) % this.cap]! * (1 - f) + buf[(n - i0 - 1) % this.cap]! * f;
  }

  private gauss(): number {
    // Box–Muller from the seeded stream
    const u = Math.max(1e-12, this.rng.next());
    const v = this.rng.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** An input adapter whose output goes through the filter (null: unchanged). */
export function impairedAdapter(inner: InputAdapter, filter: () => ImpairedControls | null): InputAdapter {
  return {
    read(t: number, out: PlayerInput): void {
      inner.read(t, out);
      filter()?.apply(out);
    },
  };
}
