// One road user. The public fields are what renderers and rules read; the rest is the engine's
// working state, kept as plain numbers and booleans on the same object so a snapshot is a shallow
// copy. Agent objects are pooled and reused: compare agents by `id`, never by reference.
import type { AgentKind } from '../def.ts';
import { wrapAngle } from '../math.ts';
import type { PoseOut } from '../road/polyline.ts';
import type { RoutePath } from '../road/routes.ts';
import { SPECS, type VehicleSpec } from './specs.ts';

export type AgentState = 'moving' | 'stopped' | 'waiting' | 'braking' | 'held' | 'crashed' | 'done';

/** The read-only view the rest of the app gets. x, z: middle of the (tractor) body. */
export interface Agent {
  readonly id: number;
  readonly kind: AgentKind;
  readonly isPlayer: boolean;
  /** the named actor or flow it came from */
  readonly name: string | null;
  readonly x: number;
  readonly z: number;
  /** rad; forward is (cos, sin) in x–z */
  readonly heading: number;
  /** m/s */
  readonly speed: number;
  readonly accel: number;
  readonly length: number;
  readonly width: number;
  readonly height: number;
  /** lane id under the front, null in a junction or off the street */
  readonly lane: string | null;
  readonly state: AgentState;
  /** front-wheel steer angle, rad, + = right */
  readonly steer: number;
  readonly brakeLight: boolean;
  readonly hasTrailer: boolean;
  readonly trailerX: number;
  readonly trailerZ: number;
  readonly trailerHeading: number;
  readonly trailerLength: number;
  readonly trailerWidth: number;
}

export class SimAgent implements Agent {
  id = 0;
  kind: AgentKind = 'car';
  isPlayer = false;
  name: string | null = null;
  x = 0;
  z = 0;
  heading = 0;
  speed = 0;
  accel = 0;
  length = 0;
  width = 0;
  height = 0;
  lane: string | null = null;
  state: AgentState = 'moving';
  steer = 0;
  brakeLight = false;
  hasTrailer = false;
  trailerX = 0;
  trailerZ = 0;
  trailerHeading = 0;
  trailerLength = 0;
  trailerWidth = 0;

  // ---- where it came from and where it goes
  /** index of its actor definition (flow or named), -1 for the player */
  actor = -1;
  /** index of its compiled path, -1 when free (the player) */
  path = -1;
  /** arc length of the front axle along the path */
  s = 0;
  seg = 0;
  piece = 0;
  nextStop = 0;
  nextCrossing = 0;

  // ---- body geometry (copied from the spec at spawn, so a snapshot is self-contained)
  wheelbase = 0;
  frontOverhang = 0;
  rearOverhang = 0;
  track = 0;
  kingpinOffset = 0;
  trailerFront = 0;
  trailerWheelbase = 0;
  trailerRearOverhang = 0;
  trailerTrack = 0;
  /** axles: front (fx, fz), rear (rx, rz), trailer (tx, tz) */
  fx = 0;
  fz = 0;
  rx = 0;
  rz = 0;
  tx = 0;
  tz = 0;

  // ---- driving
  v0 = 0;
  maxAccel = 0;
  comfortDecel = 0;
  maxDecel = 0;
  maxSteer = 0;
  maxSpeed = Infinity;
  reactionTime = 0;
  runRed = false;
  noYield = false;
  held = false;
  /** 0 none, 1 reacting, 2 braking */
  emergency = 0;
  reactLeft = 0;
  emDecel = 0;
  /** scripted hard brake: stand this long after stopping, then drive on */
  forcedHold = -1;
  /** id of the agent it followed or yielded to last step (-1 none), to break mutual yielding */
  leaderId = -1;
  /** where giving way means stopping (arc length of the front bumper), Infinity = no one to wait
   * for; re-judged every few steps */
  giveWayS = Infinity;
  /** when it crashed (NaN if not): crashed agents are cleared away after a while */
  crashedAt = NaN;
  /** this step's braking need came on suddenly (a new obstacle, or hard braking ahead) */
  hazard = false;

  // ---- rule detectors' memory (edge triggers)
  ruleLane = -1;
  wrongLaneOn = false;
  wrongWayOn = false;
  speedingOn = false;
  outsideOn = false;
  crossingIn = -1;
  /** previous front point (for stop-line crossing) */
  px = 0;
  pz = 0;
  speedLimit = Infinity;
  /** the hardest braking the surface under it allows (its last lane's grip), m/s² */
  grip = Infinity;
}

/** Copy the kind's dimensions and driving figures onto a pooled agent. */
export function applySpec(a: SimAgent, spec: VehicleSpec): void {
  a.length = spec.length;
  a.width = spec.width;
  a.height = spec.height;
  a.wheelbase = spec.wheelbase;
  a.frontOverhang = spec.frontOverhang;
  a.rearOverhang = Math.max(0, spec.length - spec.wheelbase - spec.frontOverhang);
  a.track = spec.track;
  a.kingpinOffset = spec.kingpinOffset;
  a.maxAccel = spec.maxAccel;
  a.comfortDecel = spec.comfortDecel;
  a.maxDecel = spec.maxDecel;
  a.maxSteer = spec.maxSteer;
  a.maxSpeed = spec.maxSpeed;
  a.reactionTime = spec.reactionTime;
  const t = spec.trailer;
  a.hasTrailer = t !== null;
  a.trailerLength = t?.length ?? 0;
  a.trailerWidth = t?.width ?? 0;
  a.trailerFront = t?.front ?? 0;
  a.trailerWheelbase = t?.wheelbase ?? 0;
  a.trailerRearOverhang = t ? Math.max(0, t.length - t.front - t.wheelbase) : 0;
  a.trailerTrack = t?.track ?? 0;
}

export function specOf(a: SimAgent): VehicleSpec {
  return SPECS[a.kind];
}

/** Put the body where its axles are: middle of the body between the bumpers, trailer likewise. */
export function updateBody(a: SimAgent): void {
  if (a.wheelbase <= 0) {
    a.x = a.fx;
    a.z = a.fz;
    return;
  }
  const dx = a.fx - a.rx, dz = a.fz - a.rz;
  a.heading = Math.atan2(dz, dx);
  const c = Math.cos(a.heading), s = Math.sin(a.heading);
  const mid = (a.wheelbase + a.frontOverhang - a.rearOverhang) / 2;
  a.x = a.rx + c * mid;
  a.z = a.rz + s * mid;
  if (a.hasTrailer) {
    const kx = a.rx + c * a.kingpinOffset, kz = a.rz + s * a.kingpinOffset;
    const th = Math.atan2(kz - a.tz, kx - a.tx);
    a.trailerHeading = th;
    const tmid = (a.trailerWheelbase + a.trailerFront - a.trailerRearOverhang) / 2;
    a.trailerX = a.tx + Math.cos(th) * tmid;
    a.trailerZ = a.tz + Math.sin(th) * tmid;
  }
}

/**
 * The rear axle trails the front one (and the trailer axle the kingpin) at a fixed distance, each
 * moving towards the point it follows: the discrete tractrix that produces off-tracking in turns.
 */
export function trailAxles(a: SimAgent): void {
  if (a.wheelbase <= 0) return;
  let dx = a.fx - a.rx, dz = a.fz - a.rz;
  let d = Math.hypot(dx, dz) || 1;
  a.rx = a.fx - (dx / d) * a.wheelbase;
  a.rz = a.fz - (dz / d) * a.wheelbase;
  if (a.hasTrailer) {
    const h = Math.atan2(a.fz - a.rz, a.fx - a.rx);
    const kx = a.rx + Math.cos(h) * a.kingpinOffset, kz = a.rz + Math.sin(h) * a.kingpinOffset;
    dx = kx - a.tx;
    dz = kz - a.tz;
    d = Math.hypot(dx, dz) || 1;
    a.tx = kx - (dx / d) * a.trailerWheelbase;
    a.tz = kz - (dz / d) * a.trailerWheelbase;
  }
}

const pose: PoseOut = { x: 0, z: 0, heading: 0 };

/** Place a new agent with its front axle at arc length s, the rest of it straight behind. */
export function placeOnPath(a: SimAgent, p: RoutePath, s: number): void {
  a.s = s;
  a.seg = p.line.sample(s, pose, 0);
  a.fx = pose.x;
  a.fz = pose.z;
  a.heading = pose.heading;
  p.line.sample(s - a.wheelbase, pose, a.seg);
  a.rx = a.wheelbase > 0 ? pose.x : a.fx;
  a.rz = a.wheelbase > 0 ? pose.z : a.fz;
  if (a.hasTrailer) {
    p.line.sample(s - a.wheelbase + a.kingpinOffset - a.trailerWheelbase, pose, a.seg);
    a.tx = pose.x;
    a.tz = pose.z;
  }
  updateBody(a);
  if (a.wheelbase <= 0) a.heading = p.line.headings[a.seg]!;
  a.px = a.fx;
  a.pz = a.fz;
}

/** Move the front axle to arc length s along the path and let the rest follow. */
export function followPath(a: SimAgent, p: RoutePath, s: number): void {
  a.s = s;
  a.seg = p.line.sample(s, pose, a.seg);
  a.fx = pose.x;
  a.fz = pose.z;
  trailAxles(a);
  updateBody(a);
  const tangent = p.line.smoothHeading(s, a.seg);
  if (a.wheelbase <= 0) a.heading = tangent;
  a.steer = a.wheelbase > 0 ? wrapAngle(tangent - a.heading) : 0;
}

/** Front bumper position along the path (the agent's leading edge for gaps and stop lines). */
export const frontS = (a: SimAgent): number => a.s + a.frontOverhang;
