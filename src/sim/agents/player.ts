// The visitor's agent, driven by an input adapter the XR / keyboard / touch layer supplies. A
// pedestrian moves at a desired velocity (or to a tracked position in room-scale VR); vehicles use
// throttle, brake and steer through a kinematic bicycle model. A fixed input delay and seeded
// steering noise can be applied here (world options); the drunk zone's fuller model of impaired
// controls is an input filter, impairment.ts.
import type { Rng } from '../rng.ts';
import { updateBody, trailAxles, type SimAgent } from './agent.ts';

export interface PlayerInput {
  /** desired velocity over the ground, m/s (pedestrian) */
  moveX: number;
  moveZ: number;
  /** 0..1 (vehicles) */
  throttle: number;
  brake: number;
  /** −1..1, + = right (vehicles) */
  steer: number;
  /** where the player is looking, rad in the heading convention; NaN when unknown */
  lookYaw: number;
  /** a tracked absolute position overrides moveX/moveZ (pedestrian) */
  hasPose: boolean;
  poseX: number;
  poseZ: number;
}

/** Fills `out` with the input for the step starting at time t. Called once per fixed step. */
export interface InputAdapter {
  read(t: number, out: PlayerInput): void;
}

export function blankInput(): PlayerInput {
  return { moveX: 0, moveZ: 0, throttle: 0, brake: 0, steer: 0, lookYaw: NaN, hasPose: false, poseX: 0, poseZ: 0 };
}

const FIELDS = 9;

/** A ring of past inputs so the player's controls can act `delaySteps` steps late. */
export class InputDelay {
  readonly buf: Float64Array;
  head = 0;
  constructor(readonly delaySteps: number) {
    this.buf = new Float64Array((delaySteps + 1) * FIELDS);
  }
  /** push the fresh input and overwrite it with the one from delaySteps ago */
  apply(inp: PlayerInput): void {
    if (this.delaySteps === 0) return;
    const n = this.delaySteps + 1;
    const w = this.head * FIELDS;
    const b = this.buf;
    b[w] = inp.moveX; b[w + 1] = inp.moveZ; b[w + 2] = inp.throttle; b[w + 3] = inp.brake; b[w + 4] = inp.steer;
    b[w + 5] = inp.lookYaw; b[w + 6] = inp.hasPose ? 1 : 0; b[w + 7] = inp.poseX; b[w + 8] = inp.poseZ;
    this.head = (this.head + 1) % n;
    const r = this.head * FIELDS; // oldest slot
    inp.moveX = b[r]!; inp.moveZ = b[r + 1]!; inp.throttle = b[r + 2]!; inp.brake = b[r + 3]!; inp.steer = b[r + 4]!;
    inp.hasPose = b[r + 6] === 1; inp.poseX = b[r + 7]!; inp.poseZ = b[r + 8]!;
    // where one looks is not delayed: the head is the visitor's own
  }
}

/** rolling resistance and engine drag of the visitor's vehicle when coasting, m/s² (a cruise control holding a speed offsets it) */
export const COAST_DRAG = 0.3;

export interface PlayerTuning {
  /** top walking/running speed, m/s */
  maxWalk: number;
  steerNoise: number;
  /** rolling resistance and engine drag when coasting, m/s² */
  drag: number;
}

export function movePlayer(a: SimAgent, inp: PlayerInput, tune: PlayerTuning, rng: Rng, dt: number): void {
  a.px = a.fx;
  a.pz = a.fz;
  if (a.kind === 'pedestrian') {
    let nx: number, nz: number;
    if (inp.hasPose) {
      nx = inp.poseX;
      nz = inp.poseZ;
    } else {
      let vx = inp.moveX, vz = inp.moveZ;
      const sp = Math.hypot(vx, vz);
      if (sp > tune.maxWalk) {
        vx *= tune.maxWalk / sp;
        vz *= tune.maxWalk / sp;
      }
      nx = a.fx + vx * dt;
      nz = a.fz + vz * dt;
    }
    const dx = nx - a.fx, dz = nz - a.fz;
    const sp = Math.hypot(dx, dz) / dt;
    a.accel = (sp - a.speed) / dt;
    a.speed = sp;
    if (sp > 0.05) a.heading = Math.atan2(dz, dx);
    else if (!Number.isNaN(inp.lookYaw)) a.heading = inp.lookYaw;
    a.fx = a.rx = nx;
    a.fz = a.rz = nz;
    a.x = nx;
    a.z = nz;
    a.state = sp < 0.05 ? 'stopped' : 'moving';
    return;
  }
  const throttle = inp.throttle < 0 ? 0 : inp.throttle > 1 ? 1 : inp.throttle;
  const brake = inp.brake < 0 ? 0 : inp.brake > 1 ? 1 : inp.brake;
  let steer = inp.steer < -1 ? -1 : inp.steer > 1 ? 1 : inp.steer;
  if (tune.steerNoise > 0) steer += (rng.next() * 2 - 1) * tune.steerNoise;
  // no more drive at the top speed (an e-bike's motor cuts out at 25 km/h)
  const drive = a.speed >= a.maxSpeed ? 0 : throttle * a.maxAccel;
  // the tyres on this surface set the limit (a wet road, facts 5.16); rolling drag does not add to a
  // full stop, so braking from v takes v²/(2a) as the formula says
  const decel = a.maxDecel < a.grip ? a.maxDecel : a.grip;
  let acc = drive - brake * decel - (a.speed > 0 ? tune.drag : 0);
  if (acc < -decel) acc = -decel;
  let v = a.speed + acc * dt;
  let ds: number;
  if (v < 0) {
    // stops inside the step
    ds = acc < 0 ? (a.speed * a.speed) / (-2 * acc) : 0;
    v = 0;
    acc = -a.speed / dt;
  } else ds = ((a.speed + v) / 2) * dt;
  a.accel = acc;
  a.speed = v;
  // less steering lock at speed, as a driver would use
  const delta = steer * a.maxSteer / (1 + (v * v) / 150);
  a.steer = delta;
  const h = a.heading + (ds / a.wheelbase) * Math.tan(delta);
  const mh = (a.heading + h) / 2;
  a.rx += Math.cos(mh) * ds;
  a.rz += Math.sin(mh) * ds;
  a.heading = h;
  a.fx = a.rx + Math.cos(h) * a.wheelbase;
  a.fz = a.rz + Math.sin(h) * a.wheelbase;
  if (a.hasTrailer) trailAxles(a);
  updateBody(a);
  a.brakeLight = brake > 0.05;
  a.state = v < 0.05 ? 'stopped' : brake > 0.05 ? 'braking' : 'moving';
}
