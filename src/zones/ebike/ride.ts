// The ride: a challenge of kind 'ride' in scenes/ebike.json names the goal, the signal head and the
// waiting area before the stop line, the truck that turns right, and the phone pop-ups. The watch
// observes each frame what the world does not report: waiting at red, being alongside the truck's
// right side before it turns, the truck's turn done, the phone in hand while moving, the goal.
import { z } from 'zod';
import { localizedSchema, type ZoneDef } from '../../content/schema.ts';
import type { Agent } from '../../sim/agents/agent.ts';
import type { World } from '../../sim/world.ts';
import { challengesOf, inRect, type Challenge } from '../common/challenges.ts';

const rect = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((r) => r[0] < r[2] && r[1] < r[3], 'must be [xMin, zMin, xMax, zMax] with min < max');

export const rideSchema = z
  .object({
    /** reaching this area ends the ride */
    goal: rect,
    /** the non-motor signal head the rider meets */
    signal: z.string(),
    /** where one waits for it, before the stop line */
    approach: rect,
    /** named actor: the truck that turns right across the bike lane */
    truck: z.string().optional(),
    /** what the phone shows, by tuning.phone ('order', 'message') */
    popups: z.record(z.string(), localizedSchema).default({}),
  })
  .strict();
export type RideParams = z.infer<typeof rideSchema>;

export const RIDE_KIND = 'ride';

export function readRide(zone: ZoneDef, world: World): Challenge<RideParams> {
  const c = challengesOf(zone, RIDE_KIND, rideSchema)[0];
  if (!c) throw new Error(`scenes/${zone.id}.json: challenges: no challenge of kind "${RIDE_KIND}"`);
  if (!world.net.headById.has(c.params.signal)) throw new Error(`scenes/${zone.id}.json: challenges "${c.id}": unknown signal head "${c.params.signal}"`);
  if (c.params.truck && !world.def.actors.some((a) => a.id === c.params.truck && a.type === 'named'))
    throw new Error(`scenes/${zone.id}.json: challenges "${c.id}": "${c.params.truck}" is not a named actor`);
  return c;
}

/** standing still means slower than this, m/s */
const STILL = 0.3;
/** riding means faster than this, m/s */
const MOVING = 0.5;
/** the truck has turned when its heading has changed by this much, rad */
const TURNED = Math.PI / 3;
/** alongside the truck's right side: up to this far out from its body, m */
const SIDE_REACH = 2.5;

export interface RideObservation {
  /** waiting in the approach area while the signal is not green */
  stoppedAtRed: boolean;
  /** alongside the right side of the truck before it has turned */
  alongsideTruck: boolean;
  /** the truck finished its turn this frame */
  truckTurnedNow: boolean;
  inApproach: boolean;
  phoneRiding: boolean;
  atGoal: boolean;
  /** m/s */
  speed: number;
}

const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

export class RideWatch {
  private truckHeading0 = NaN;
  private truckTurned = false;
  readonly out: RideObservation = {
    stoppedAtRed: false, alongsideTruck: false, truckTurnedNow: false, inApproach: false, phoneRiding: false, atGoal: false, speed: 0,
  };

  constructor(private readonly params: RideParams) {}

  /** the truck, while it has not turned yet */
  truckAhead(world: World): Agent | null {
    if (!this.params.truck || this.truckTurned) return null;
    return world.agentByName(this.params.truck) ?? null;
  }

  update(world: World, player: Agent, phoneOut: boolean): RideObservation {
    const o = this.out;
    const p = this.params;
    o.speed = player.speed;
    o.inApproach = inRect(p.approach, player.x, player.z);
    o.stoppedAtRed = o.inApproach && player.speed < STILL && world.signalState(p.signal).state !== 'green';
    o.phoneRiding = phoneOut && player.speed > MOVING;
    o.atGoal = inRect(p.goal, player.x, player.z);

    o.alongsideTruck = false;
    o.truckTurnedNow = false;
    const truck = p.truck && !this.truckTurned ? world.agentByName(p.truck) : undefined;
    if (truck) {
      if (Number.isNaN(this.truckHeading0)) this.truckHeading0 = truck.heading;
      if (Math.abs(wrap(truck.heading - this.truckHeading0)) > TURNED) {
        this.truckTurned = true;
        o.truckTurnedNow = true;
      } else {
        // the rider in the truck's frame: u forward from its front bumper, v to its right
        const c = Math.cos(truck.heading), s = Math.sin(truck.heading);
        const bx = truck.x + c * (truck.length / 2), bz = truck.z + s * (truck.length / 2);
        const dx = player.x - bx, dz = player.z - bz;
        const u = dx * c + dz * s;
        const v = -dx * s + dz * c;
        o.alongsideTruck = u <= 1 && u >= -truck.length - 1 && v >= truck.width / 2 - 0.2 && v <= truck.width / 2 + SIDE_REACH;
      }
    }
    return o;
  }
}
