// A scripted visitor for the blindspot zone: steps (walk to a point, set a marker down, go into the
// cab, look at a mirror, ride or drive to a stop, wait for something) played one after another,
// giving a BlindspotInput per frame. Tests drive whole visits with it; an attract-mode demo could
// too. Each step fills the input (or calls an action) and says when it is finished.
import { isVulnerable } from '../../sim/agents/specs.ts';
import { wrapAngle } from '../../sim/math.ts';
import { fromCab, poseOf } from './markers.ts';
import { blindspotInput, type BlindspotInput } from './input.ts';
import type { BlindspotGame } from './rules.ts';
import { playSteps } from '../common/testing.ts';
import { walkToward } from '../common/walkInput.ts';

export type Step = (g: BlindspotGame, inp: BlindspotInput) => boolean;

const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

/** Walk to a point (world x, z), looking where one goes; done within 5 cm. */
export const walkTo = (x: number, z: number, o: { run?: boolean } = {}): Step => (g, inp) => walkToward(g.world.player!, x, z, o.run ?? false, inp);

/** Walk to a point given in the standing truck's cab frame (u ahead of the bumper, v to the right). */
export const walkToCab = (u: number, v: number): Step => {
  let target: [number, number] | null = null;
  return (g, inp) => {
    target ??= fromCab(poseOf(g.standTruck), u, v);
    return walkTo(target[0], target[1])(g, inp);
  };
};

/** The world point of a cab-frame point of the standing truck. */
export const cabPoint = (g: BlindspotGame, u: number, v: number): [number, number] => fromCab(poseOf(g.standTruck), u, v);

/** Set a marker down at a cab-frame point of the standing truck (as pointing at the ground does). */
export const markAt = (u: number, v: number): Step => (g) => {
  const [x, z] = fromCab(poseOf(g.standTruck), u, v);
  const r = g.placeMarker(x, z);
  if (!r.ok) throw new Error(`marker at (${u}, ${v}) refused: ${r.problem}`);
  return true;
};

/** Call an action once (enterCab, leaveCab). */
export const act = (fn: (g: BlindspotGame) => boolean): Step => (g) => {
  if (!fn(g)) throw new Error('the action was refused');
  return true;
};

/** Stand for a while. */
export const standFor = (seconds: number): Step => {
  let t0 = -1;
  return (g, inp) => {
    if (t0 < 0) t0 = g.time;
    inp.brake = 1;
    return g.time - t0 >= seconds;
  };
};

/** Stand (or hold the brake) until the condition holds. */
export const until = (cond: (g: BlindspotGame) => boolean): Step => (g, inp) => {
  inp.brake = 1;
  return cond(g);
};

/** Look at a mirror for `seconds` (in the cab, or while driving), holding the brake. */
export const lookAt = (mirror: string, seconds = 0.8): Step => {
  let t0 = -1;
  return (g, inp) => {
    if (t0 < 0) t0 = g.time;
    const target = g.lookTargets.find((t) => t.name === mirror);
    if (!target) throw new Error(`no mirror "${mirror}"`);
    const heading = g.stage === 'turn' ? g.world.player!.heading : g.standTruck.heading;
    inp.lookYaw = heading + target.yaw;
    inp.lookPitch = target.pitch;
    inp.brake = 1;
    return g.time - t0 >= seconds;
  };
};

/** Look at every mirror in turn. */
export const lookAtEachMirror = (g: { lookTargets: readonly { name: string }[] }, seconds = 0.8): Step[] => g.lookTargets.map((t) => lookAt(t.name, seconds));

// ------------------------------------------------------------------ riding (e-bike) along x

/** Steer towards the line z = zLine heading +x and hold `speed` m/s. */
function ride(g: BlindspotGame, inp: BlindspotInput, zLine: number, speed: number): void {
  const p = g.world.player!;
  const want = Math.atan2((zLine - p.z) * 0.5, 3);
  inp.steer = clamp(wrapAngle(want - p.heading) * 3, -1, 1);
  inp.throttle = p.speed < speed - 0.05 ? 0.7 : 0;
  inp.brake = p.speed > speed + 0.3 ? 0.6 : speed === 0 ? 1 : 0;
  inp.lookYaw = p.heading;
}

/** Ride along z = zLine at `kmh` until x passes `untilX`. */
export const rideAlong = (zLine: number, untilX: number, kmh: number): Step => (g, inp) => {
  if (g.world.player!.x >= untilX) return true;
  ride(g, inp, zLine, kmh / 3.6);
  return false;
};

/** Ride along z = zLine and stop with the rider's middle at x; done when standing. */
export const rideStopAt = (zLine: number, x: number, kmh: number): Step => (g, inp) => {
  const p = g.world.player!;
  const left = x - p.x;
  ride(g, inp, zLine, left < 0.3 ? 0 : clamp(Math.min(kmh / 3.6, Math.sqrt(Math.max(0, 2 * 1.5 * left))), 0, kmh / 3.6));
  return left < 0.5 && p.speed < 0.05;
};

// ------------------------------------------------------------------ driving the truck (pro)

/** Hold `speed` m/s with throttle and brake (the steering assist keeps the lane). */
function drive(g: BlindspotGame, inp: BlindspotInput, speed: number): void {
  const p = g.world.player!;
  inp.throttle = p.speed < speed - 0.1 ? clamp((speed - p.speed) * 0.8, 0.2, 1) : 0;
  inp.brake = speed === 0 ? 1 : p.speed > speed + 0.4 ? 0.4 : 0;
  if (Number.isNaN(inp.lookYaw)) inp.lookYaw = p.heading;
}

/** the front bumper's x of the visitor's truck */
const bumperX = (g: BlindspotGame): number => {
  const p = g.world.player!;
  return p.x + Math.cos(p.heading) * (p.length / 2);
};

/** Drive and stop with the front bumper at x (on the straight approach); done when standing. */
export const driveStopAt = (x: number, kmh: number): Step => (g, inp) => {
  const p = g.world.player!;
  const left = x - bumperX(g);
  // brake comfortably: v² = 2·a·d with a = 1.2 m/s²
  drive(g, inp, left < 0.3 ? 0 : Math.min(kmh / 3.6, Math.sqrt(Math.max(0, 2 * 1.2 * left))));
  return left < 0.6 && p.speed < 0.05;
};

/** Drive at `kmh` until the condition holds. */
export const driveUntil = (kmh: number, cond: (g: BlindspotGame) => boolean): Step => (g, inp) => {
  if (cond(g)) return true;
  drive(g, inp, kmh / 3.6);
  return false;
};

/** No pedestrian or rider is near the truck's right side or in its way round the corner. */
export const wayClear = (area: readonly [number, number, number, number]) => (g: BlindspotGame): boolean =>
  g.world.agents.every((a) => a.isPlayer || !isVulnerable(a.kind) || !(a.x >= area[0] && a.x <= area[2] && a.z >= area[1] && a.z <= area[3]));

/** Play the steps in order; after the last one the visitor stands (brake held). */
export const scripted = (steps: Step[]): ((g: BlindspotGame) => BlindspotInput) => playSteps(steps, blindspotInput, (inp) => (inp.brake = 1));
