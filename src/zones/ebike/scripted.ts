// A scripted rider: steps (ride along a line at a speed, stop at a point, wait for something) played
// one after another, giving a RiderInput per frame: a lane-keeping and speed controller, so tests
// (and an attract-mode demo) can ride whole runs. Each step fills the input and says when it is done.
import { riderInput, type RiderInput } from './input.ts';
import type { EbikeGame } from './rules.ts';
import { playSteps } from '../common/testing.ts';

export type RideStep = (g: EbikeGame, inp: RiderInput) => boolean;

export interface RideOptions {
  /** take the phone out whenever it buzzes */
  phoneWhenRinging?: boolean;
}

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

/** Steer towards the line z = zLine while heading along ±x (dir), and hold `speed` m/s. */
function control(g: EbikeGame, inp: RiderInput, zLine: number, speed: number, dir: 1 | -1): void {
  const p = g.world.player!;
  const base = dir > 0 ? 0 : Math.PI;
  const want = base + Math.atan2((zLine - p.z) * 0.5 * dir, 3);
  inp.steer = clamp(wrap(want - p.heading) * 3, -1, 1);
  inp.throttle = p.speed < speed - 0.05 ? 0.7 : 0;
  inp.brake = p.speed > speed + 0.3 ? 0.6 : speed === 0 ? 1 : 0;
  inp.lookYaw = p.heading;
}

/** Ride along z = zLine at `kmh` until the rider's x passes `untilX` (eastwards; westwards when dir = −1). */
export const rideAlong = (zLine: number, untilX: number, kmh: number, o: RideOptions & { dir?: 1 | -1 } = {}): RideStep => (g, inp) => {
  const p = g.world.player!;
  const dir = o.dir ?? 1;
  if ((p.x - untilX) * dir >= 0) return true;
  control(g, inp, zLine, kmh / 3.6, dir);
  inp.phoneOut = !!o.phoneWhenRinging && g.phone.ringing;
  return false;
};

/** Ride along z = zLine and come to a stop with the rider's middle at x; done when standing. */
export const stopAt = (zLine: number, x: number, kmh: number, o: RideOptions = {}): RideStep => (g, inp) => {
  const p = g.world.player!;
  const left = x - p.x;
  const speed = clamp(Math.min(kmh / 3.6, Math.sqrt(Math.max(0, 2 * 1.5 * left))), 0, kmh / 3.6);
  control(g, inp, zLine, left < 0.3 ? 0 : speed, 1);
  inp.phoneOut = !!o.phoneWhenRinging && g.phone.ringing;
  return left < 0.5 && p.speed < 0.05;
};

/** Stand on the brake until the condition holds. */
export const waitUntil = (cond: (g: EbikeGame) => boolean, o: { lookYaw?: number } = {}): RideStep => (g, inp) => {
  inp.brake = 1;
  inp.lookYaw = o.lookYaw ?? NaN;
  return cond(g);
};

/** Stand for a while. */
export const waitFor = (seconds: number): RideStep => {
  let t0 = -1;
  return (g, inp) => {
    if (t0 < 0) t0 = g.time;
    inp.brake = 1;
    return g.time - t0 >= seconds;
  };
};

export const signalIs = (head: string, state: string) => (g: EbikeGame): boolean => g.world.signalState(head).state === state;

/** Play the steps in order; after the last one the rider brakes to a stand. */
export const scriptedRider = (steps: RideStep[]): ((g: EbikeGame) => RiderInput) => playSteps(steps, riderInput, (inp) => (inp.brake = 1));
