// A seeded PRNG (mulberry32): tiny, fast, and its whole state is one 32-bit integer, so a world
// snapshot can carry it. Math.random would make runs unrepeatable.
export class Rng {
  state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** uniform in [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }
  /** waiting time of a Poisson stream with `ratePerS` events per second */
  exponential(ratePerS: number): number {
    return -Math.log(1 - this.next()) / ratePerS;
  }
}
