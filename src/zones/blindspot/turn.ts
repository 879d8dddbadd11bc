// Stage 3, the right turn: the zone file's `turn` challenge names the trucks that turn, the signal
// they wait for, and per role where the visitor starts (on foot, on an e-bike, or in the driver's
// seat). From it come the turn's world (the zone's actors and script, minus what this role does
// not meet, with the role's signal timing), the inner-wheel sweep of each truck over its whole turn
// (src/sim/geometry/sweptPath.ts, known before it moves), and the watches: where the visitor was
// when the trucks moved off, and — for a driver — whether they stopped and looked in each mirror
// before turning. The steering assist keeps a driver's truck on its lane's curve.
import { z } from 'zod';
import { localizedSchema, type Localized, type ZoneDef } from '../../content/schema.ts';
import type { Agent } from '../../sim/agents/agent.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import type { SignalDef, SimDef, StepDef } from '../../sim/def.ts';
import { inBlindZone } from '../../sim/geometry/blindZone.ts';
import { inSweptPath, sweptPath, type SweptPath } from '../../sim/geometry/sweptPath.ts';
import { wrapAngle } from '../../sim/math.ts';
import type { Polyline } from '../../sim/road/polyline.ts';
import { buildPath, type RoutePath } from '../../sim/road/routes.ts';
import type { World } from '../../sim/world.ts';
import { challengesOf, inRect, type Challenge } from '../common/challenges.ts';
import { bodyOf, cabOf, poseOf, toCab } from './markers.ts';
import { ROLES, type Role } from './tuning.ts';

const rect = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((r) => r[0] < r[2] && r[1] < r[3], 'must be [xMin, zMin, xMax, zMax] with min < max');

const roleSchema = z
  .object({
    /** layout spawn point the visitor starts the turn at */
    spawn: z.string(),
    /** the task as this role meets it (default: the challenge's title) */
    title: localizedSchema.optional(),
    short: localizedSchema.optional(),
    /** what to do at the turn in this role (the HUD's notice) */
    help: localizedSchema.optional(),
    /** driver: the route the visitor's truck follows (lane ids and turn words) */
    route: z.array(z.string()).optional(),
    /** driver: the named actor the visitor's truck takes the place of */
    replaces: z.string().optional(),
    /** driver: stopping with the front bumper in here counts as stopping before the turn */
    approach: rect.optional(),
  })
  .strict();
export type RoleParams = z.infer<typeof roleSchema>;

export const turnSchema = z
  .object({
    /** named actors that turn right (the trucks), in the order they go */
    trucks: z.array(z.string()).min(1),
    /** the vehicle signal head they wait for */
    signal: z.string(),
    /** the turn is over when every truck has turned and none of it is left in here */
    clear: rect,
    roles: z.object({ pedestrian: roleSchema, rider: roleSchema, driver: roleSchema }).partial(),
    /** named actors only some roles meet (the rider coming up the inside, for a driver) */
    onlyFor: z.record(z.string(), z.array(z.enum(ROLES))).default({}),
    short: localizedSchema.optional(),
    /** what to do at the turn, in children's words (they wait on foot) */
    helpShort: localizedSchema.optional(),
  })
  .strict();
export type TurnParams = z.infer<typeof turnSchema>;

export const TURN_KIND = 'turn';

export interface TurnSetup {
  challenge: Challenge<TurnParams>;
  role: Role;
  params: RoleParams;
  title: Localized;
  short: Localized | null;
}

export function readTurn(zone: ZoneDef, role: Role): TurnSetup {
  const c = challengesOf(zone, TURN_KIND, turnSchema)[0];
  const where = `scenes/${zone.id}.json: challenges`;
  if (!c) throw new Error(`${where}: no challenge of kind "${TURN_KIND}"`);
  const params = c.params.roles[role];
  if (!params) throw new Error(`${where} "${c.id}": params.roles has no "${role}"`);
  const named = new Set((zone.actors ?? []).filter((a) => a.type === 'named').map((a) => a.id));
  for (const t of [...c.params.trucks, ...Object.keys(c.params.onlyFor), ...(params.replaces ? [params.replaces] : [])])
    if (!named.has(t)) throw new Error(`${where} "${c.id}": "${t}" is not a named actor`);
  if (role === 'driver' && (!params.route || !params.approach)) throw new Error(`${where} "${c.id}": params.roles.driver needs a route and an approach`);
  if (!(zone.layout?.spawns ?? []).some((s) => s.id === params.spawn)) throw new Error(`${where} "${c.id}": unknown spawn "${params.spawn}"`);
  return { challenge: c, role, params, title: params.title ?? c.title, short: params.short ?? c.params.short ?? null };
}

/**
 * The turn's world for a role: actors meant for other roles and the one the visitor replaces are
 * taken out (with the script actions that name them), and the trucks' signal turns green
 * `greenAfter` seconds into the turn (children wait least; a driver has green from the start).
 */
export function turnDef(def: SimDef, t: TurnSetup, greenAfter: number): SimDef {
  const gone = new Set<string>(Object.entries(t.challenge.params.onlyFor).filter(([, roles]) => !roles.includes(t.role)).map(([id]) => id));
  if (t.params.replaces) gone.add(t.params.replaces);
  const actors = def.actors.filter((a) => !gone.has(a.id));
  const script: StepDef[] = def.script
    .filter((s) => !(s.when?.type === 'actor_enters' && gone.has(s.when.actor)))
    .map((s) => ({ ...s, do: s.do.filter((a) => !('actor' in a) || !gone.has(a.actor)) }))
    .filter((s) => s.do.length > 0);
  const head = t.challenge.params.signal;
  const signals = def.layout.signals.map((sig) => (sig.heads.some((h) => h.id === head) ? { ...sig, offset: offsetForGreenAt(sig, head, greenAfter) } : sig));
  return { ...def, layout: { ...def.layout, signals }, actors, script };
}

/** The controller offset that turns `head` green `t` seconds after the start (its first green phase). */
export function offsetForGreenAt(sig: SignalDef, head: string, t: number): number {
  let start = 0, cycle = 0, green = -1;
  for (const p of sig.phases) {
    if (green < 0 && p.green.includes(head)) green = cycle;
    cycle += p.duration;
  }
  if (green < 0) throw new Error(`signal "${sig.id}" never shows "${head}" green`);
  start = (((green - t) % cycle) + cycle) % cycle;
  return start;
}

/** The standing trucks of the walk round: the named actors given, held where they start; no traffic, no script. */
export function standDef(def: SimDef, keep: readonly string[]): SimDef {
  const actors = def.actors.filter((a) => a.type === 'named' && keep.includes(a.id)).map((a) => (a.type === 'named' ? { ...a, hold: true, spawn: 'start' as const } : a));
  return { ...def, actors, script: [] };
}

/** A truck of the turn: its agent id, name, sweep over the whole turn and where it started. */
export interface TurningTruck {
  id: number;
  name: string;
  kind: Agent['kind'];
  sweep: SweptPath;
  heading0: number;
}

/** how far past its route's start a named truck stands (its startAt) */
const startOf = (def: SimDef, name: string): number => {
  const a = def.actors.find((x) => x.id === name);
  return a && a.type === 'named' ? a.startAt : 0;
};

/** the stretch of road a sweep is traced over, past the truck's start, m */
const SWEEP_REACH = 90;

/** The trucks that will turn, each with its whole sweep (traced from where it stands now). */
export function turningTrucks(world: World, names: readonly string[]): TurningTruck[] {
  const out: TurningTruck[] = [];
  names.forEach((name) => {
    const a = world.agentByName(name);
    const idx = world.def.actors.findIndex((x) => x.id === name);
    if (!a || idx < 0) return;
    const path = buildPath(world.net, world.def.actors[idx]!, a.kind, idx);
    const s0 = startOf(world.def, name);
    out.push({ id: a.id, name, kind: a.kind, sweep: sweptPath(path, a.kind, s0, s0 + SWEEP_REACH), heading0: a.heading });
  });
  return out;
}

/** the trucks have moved off once one is faster than this, m/s */
const MOVING = 0.3;
/** turned: the (trailer's) heading has changed by this much, rad */
const TURNED = Math.PI / 3;

/** Has a truck (tractor and trailer) turned and left the `clear` area? */
export function truckThrough(world: World, t: TurningTruck, clear: readonly [number, number, number, number]): boolean {
  const a = world.agent(t.id);
  if (!a) return true;
  const turned = Math.abs(wrapAngle(a.heading - t.heading0)) > TURNED && (!a.hasTrailer || Math.abs(wrapAngle(a.trailerHeading - t.heading0)) > TURNED);
  if (!turned) return false;
  const c = Math.cos(a.hasTrailer ? a.trailerHeading : a.heading), s = Math.sin(a.hasTrailer ? a.trailerHeading : a.heading);
  const cx = a.hasTrailer ? a.trailerX : a.x, cz = a.hasTrailer ? a.trailerZ : a.z;
  const half = (a.hasTrailer ? a.trailerLength : a.length) / 2;
  // the tail of the last body
  return !inRect(clear, cx - c * half, cz - s * half) && !inRect(clear, a.x, a.z);
}

export interface Exposure {
  /** the name of a truck whose driver cannot see the visitor, or null */
  blindOf: string | null;
  /** the name of a truck whose sweep the visitor stands in, or null */
  sweptBy: string | null;
  /** the name of a truck the visitor is closer than CLOSE to (facts 4.4: keep 2 m away), or null */
  closeTo: string | null;
}

/** facts 4.4: keep at least 2 m away from a truck, m */
export const CLOSE = 2;

/** how much of the visitor's own width and of the body beyond the wheels counts for a sweep, m */
export const SWEEP_MARGIN = 0.5;

/**
 * Where the visitor stands against each truck: in its blind zone? in its turn's sweep? closer than
 * 2 m to it (judged only for standing trucks: `onlyMoving` looks at moving ones, and not at that)?
 */
export function exposure(world: World, trucks: readonly TurningTruck[], player: Agent, height: number, margin: number, onlyMoving: boolean, out: Exposure): Exposure {
  out.blindOf = null;
  out.sweptBy = null;
  out.closeTo = null;
  const reach = player.width / 2;
  for (const t of trucks) {
    const a = world.agent(t.id);
    if (!a || (onlyMoving && a.speed < MOVING)) continue;
    const body = bodyOf(a.kind);
    const { u, v } = toCab(poseOf(a), player.x, player.z);
    if (out.blindOf === null && inBlindZone(cabOf(a.kind), body, u, v, height, margin)) out.blindOf = t.name;
    if (out.sweptBy === null && inSweptPath(t.sweep, player.x, player.z, SWEEP_MARGIN)) out.sweptBy = t.name;
    if (!onlyMoving && out.closeTo === null && gapToBody(body, u, v) - reach < CLOSE) out.closeTo = t.name;
  }
  return out;
}

/** distance from a cab-frame point to the (straight) body's outline, 0 inside */
export function gapToBody(body: { length: number; width: number }, u: number, v: number): number {
  const du = u > 0 ? u : u < -body.length ? -body.length - u : 0;
  const dv = Math.max(0, Math.abs(v) - body.width / 2);
  return Math.hypot(du, dv);
}

/** Has any of the trucks started to move? */
export const anyMoving = (world: World, trucks: readonly TurningTruck[]): boolean => trucks.some((t) => (world.agent(t.id)?.speed ?? 0) > MOVING);

// ------------------------------------------------------------------ the driver's side (pro)

/** The visitor's truck keeps to its route's curve: steering from pure pursuit of the route line. */
export class SteeringAssist {
  readonly path: RoutePath;
  private readonly proj = { s: 0, lateral: 0, dist: 0, heading: 0 };
  private readonly pose = { x: 0, z: 0, heading: 0 };

  constructor(world: World, route: readonly string[], kind: Agent['kind']) {
    this.path = buildPath(world.net, { route }, kind, -1);
  }

  get line(): Polyline {
    return this.path.line;
  }

  /** The steer input (−1..1, + right) that keeps the truck on the line. */
  steer(a: Agent): number {
    const spec = SPECS[a.kind];
    const c = Math.cos(a.heading), s = Math.sin(a.heading);
    // rear axle middle: the body's middle is (wheelbase + front overhang − rear overhang) / 2 ahead of it
    const rear = Math.max(0, spec.length - spec.wheelbase - spec.frontOverhang);
    const mid = (spec.wheelbase + spec.frontOverhang - rear) / 2;
    const rx = a.x - c * mid, rz = a.z - s * mid;
    const lookahead = Math.min(12, Math.max(5, 4 + 0.8 * a.speed));
    this.line.project(rx, rz, this.proj);
    this.line.sample(this.proj.s + lookahead, this.pose, 0);
    const alpha = wrapAngle(Math.atan2(this.pose.z - rz, this.pose.x - rx) - a.heading);
    const delta = Math.atan((2 * spec.wheelbase * Math.sin(alpha)) / lookahead);
    // the player's truck turns its wheels less at speed (src/sim/agents/player.ts)
    const full = spec.maxSteer / (1 + (a.speed * a.speed) / 150);
    return Math.max(-1, Math.min(1, delta / full));
  }

  /** metres along the route of the truck's front bumper */
  frontS(a: Agent): number {
    this.line.project(a.x + Math.cos(a.heading) * (a.length / 2), a.z + Math.sin(a.heading) * (a.length / 2), this.proj);
    return this.proj.s;
  }
}

/** standing still: slower than this, m/s */
const STILL = 0.2;
/** a stop counts when it lasts this long, s */
const STOP_FOR = 1.0;
/** the turn has begun once the truck's heading has changed by this much, rad */
const TURN_BEGUN = 0.15;

export interface DriverVerdict {
  stopped: boolean;
  /** a right-side mirror was checked after stopping */
  looked: boolean;
  /** each mirror: checked before the turn */
  mirrors: { name: string; checked: boolean }[];
}

/** The pro's truck at the turn: stops in the approach area, the turn beginning, the turn done. */
export class DriverWatch {
  private stillSince = NaN;
  /** when the last qualifying stop began (NaN: none yet) */
  stopStart = NaN;
  private heading0 = NaN;
  private begun = false;
  private done = false;

  constructor(private readonly approach: readonly [number, number, number, number]) {}

  /** Per frame; returns 'begun' the frame the turn begins, 'done' the frame it is complete. */
  update(t: number, a: Agent, clear: readonly [number, number, number, number]): 'begun' | 'done' | null {
    if (Number.isNaN(this.heading0)) this.heading0 = a.heading;
    const fx = a.x + Math.cos(a.heading) * (a.length / 2), fz = a.z + Math.sin(a.heading) * (a.length / 2);
    if (a.speed < STILL && inRect(this.approach, fx, fz)) {
      if (Number.isNaN(this.stillSince)) this.stillSince = t;
      if (t - this.stillSince >= STOP_FOR && this.stopStart !== this.stillSince) this.stopStart = this.stillSince;
    } else this.stillSince = NaN;
    const turned = Math.abs(wrapAngle(a.heading - this.heading0));
    if (!this.begun && turned > TURN_BEGUN) {
      this.begun = true;
      return 'begun';
    }
    if (this.begun && !this.done && turned > TURNED && !inRect(clear, a.x, a.z)) {
      this.done = true;
      return 'done';
    }
    return null;
  }

  get hasBegun(): boolean {
    return this.begun;
  }
}
