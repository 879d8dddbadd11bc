// A scripted driver for tests (and an attract-mode demo): keeps to a line across the road at a
// speed, and reacts to the child a set time after it comes into view (the driver's own reaction;
// alcohol's delay is added by the game's impairment filter, not here), or does not react at all.
import type { Agent } from '../../sim/agents/agent.ts';
import { driverEye, type Point } from './hazard.ts';
import { driveInput, type DriveInput } from './input.ts';
import type { DrunkGame } from './rules.ts';

export interface DriverStyle {
  /** cruising speed, km/h (the vehicle's limiter caps it) */
  kmh: number;
  /** seconds from seeing the child to pressing the brake; null: never brakes for it */
  reaction: number | null;
  /** the line to follow (z across the road); default the middle of the version's lane */
  lineZ?: number;
  /** between these x the driver wanders to this line instead (a careless lane departure) */
  weave?: { fromX: number; toX: number; lineZ: number };
}

const GAIN_Z = 0.08;
const GAIN_H = 0.4;
const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));
const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

/**
 * Steer for the line z = lineZ heading +x, and hold `speed` m/s. Gentle gains: a driver whose wheel
 * acts late (after drinking) and who steers hard overcorrects into a weave.
 */
function follow(p: Agent, inp: DriveInput, lineZ: number, speed: number): void {
  const want = Math.atan2((lineZ - p.z) * GAIN_Z, 1);
  inp.steer = clamp(wrap(want - p.heading) * GAIN_H, -1, 1);
  inp.throttle = p.speed < speed - 0.05 ? 0.8 : 0;
  inp.lookYaw = p.heading;
}

/** the child is in or about to enter the vehicle's path (within a metre of its sides) */
function inPath(p: Agent, child: Agent): boolean {
  const c = Math.cos(p.heading), s = Math.sin(p.heading);
  const dx = child.x - p.x, dz = child.z - p.z;
  const lateral = Math.abs(-dx * s + dz * c);
  const ahead = dx * c + dz * s;
  return lateral < p.width / 2 + 1.0 && ahead > -p.length / 2;
}

export function scriptedDriver(style: DriverStyle): (g: DrunkGame) => DriveInput {
  const inp = driveInput();
  const eye: Point = { x: 0, z: 0 };
  let stage = '';
  let seenAt = NaN;
  return (g) => {
    Object.assign(inp, driveInput());
    if (g.stage !== stage) {
      stage = g.stage;
      seenAt = NaN;
    }
    if (g.stage !== 'sober' && g.stage !== 'drunk') return inp;
    const w = g.world;
    const p = w.player!;
    const lane = w.net.laneById.get(g.version.lane)!;
    let lineZ = style.lineZ ?? lane.line.zs[0]!;
    if (style.weave && p.x >= style.weave.fromX && p.x <= style.weave.toX) lineZ = style.weave.lineZ;
    follow(p, inp, lineZ, style.kmh / 3.6);
    const child = w.agentByName(g.version.hazard);
    if (child && child.state !== 'held' && Number.isNaN(seenAt)) {
      driverEye(p, eye);
      if (w.lineOfSight(eye.x, eye.z, child.x, child.z)) seenAt = g.time;
    }
    if (style.reaction !== null && !Number.isNaN(seenAt) && g.time - seenAt >= style.reaction && child && child.state !== 'crashed' && inPath(p, child)) {
      inp.throttle = 0;
      inp.brake = 1;
    }
    return inp;
  };
}
