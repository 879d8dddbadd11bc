// A scripted walker: a list of steps (walk to a point, wait for green, look both ways, wait for a
// gap …) played one after another, giving a WalkerInput per frame. Tests drive whole runs with it;
// an attract-mode demo could too. Each step fills the input and says when it is finished.
import { isVehicle } from '../../sim/agents/specs.ts';
import { walkerInput, type WalkerInput } from './input.ts';
import type { CrossingGame } from './rules.ts';
import { playSteps } from '../common/testing.ts';
import { walkToward } from '../common/walkInput.ts';

export type WalkStep = (g: CrossingGame, inp: WalkerInput) => boolean;

/** look east / west along an x-axis street */
export const EAST = 0;
export const WEST = Math.PI;

/** Walk (or run) to a point, looking where one goes; done within 5 cm. */
export const walkTo = (x: number, z: number, o: { run?: boolean; phone?: boolean } = {}): WalkStep => (g, inp) => {
  inp.phoneOut = o.phone ?? false;
  return walkToward(g.world.player!, x, z, o.run ?? false, inp);
};

/** Stand for `seconds`, looking along `yaw` (NaN: anywhere). */
export const standFor = (seconds: number, yaw = NaN, o: { phone?: boolean } = {}): WalkStep => {
  let t0 = -1;
  return (g, inp) => {
    if (t0 < 0) t0 = g.time;
    inp.lookYaw = yaw;
    inp.phoneOut = o.phone ?? false;
    return g.time - t0 >= seconds;
  };
};

/** Stand until the condition holds, looking along `yaw`. */
export const standUntil = (cond: (g: CrossingGame) => boolean, yaw = NaN): WalkStep => (g, inp) => {
  inp.lookYaw = yaw;
  return cond(g);
};

/** Stand until the condition holds, scanning the road both ways as a careful pedestrian does. */
export const scanUntil = (cond: (g: CrossingGame) => boolean): WalkStep => (g, inp) => {
  inp.lookYaw = Math.floor(g.time / 0.6) % 2 === 0 ? EAST : WEST;
  return cond(g);
};

/** Look one way, then the other. */
export const lookBothWays = (seconds = 0.6): WalkStep[] => [standFor(seconds, EAST), standFor(seconds, WEST)];

export const isGreen = (head: string) => (g: CrossingGame): boolean => g.world.signalState(head).state === 'green';

/** No moving vehicle will reach the line x = cx of an x-axis street within `seconds`. */
export const gapAt = (cx: number, seconds = 5) => (g: CrossingGame): boolean =>
  g.world.agents.every((a) => {
    if (a.isPlayer || !isVehicle(a.kind) || a.speed < 0.5) return true;
    const dx = cx - a.x;
    if (dx * Math.cos(a.heading) <= 0) return Math.abs(dx) > a.length / 2 + 2.5;
    return (Math.abs(dx) - a.length / 2 - 2) / a.speed > seconds;
  });

/** Play the steps in order; after the last one the walker stands still. */
export const scriptedWalker = (steps: WalkStep[]): ((g: CrossingGame) => WalkerInput) => playSteps(steps, walkerInput);
