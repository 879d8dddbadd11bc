// Typical dimensions and driving figures per agent kind. Decelerations follow facts 5.16 (a car on
// dry asphalt about 7 m/s²); facts gives no binding figure for trucks or e-bikes ("trucks generally
// decelerate less", "an e-bike usually stops less sharply"), so theirs are assumptions, marked here.
import type { AgentKind } from '../def.ts';
import { DEFAULT_CAB, type CabSpec } from '../geometry/blindZone.ts';

export interface TrailerSpec {
  length: number;
  width: number;
  /** trailer front face ahead of the kingpin */
  front: number;
  /** kingpin to trailer axle (group middle) */
  wheelbase: number;
  track: number;
}

export interface VehicleSpec {
  length: number;
  width: number;
  /** top of the agent (target height for sight lines): a pedestrian's head, a rider's head */
  height: number;
  wheelbase: number;
  frontOverhang: number;
  track: number;
  /** kingpin ahead (+) of the rear axle; semi-trailer tractors only */
  kingpinOffset: number;
  trailer: TrailerSpec | null;
  maxAccel: number;
  comfortDecel: number;
  /** emergency braking, m/s² */
  maxDecel: number;
  /** largest front-wheel steer angle, rad */
  maxSteer: number;
  /** top speed, m/s (an e-bike's is the 25 km/h of GB 17761) */
  maxSpeed: number;
  /** perception–brake reaction when surprised, s (facts 5.15: about 1.5 s for a surprise) */
  reactionTime: number;
  cab: CabSpec | null;
}

const deg = Math.PI / 180;

export const SPECS: Record<AgentKind, VehicleSpec> = {
  car: {
    length: 4.6, width: 1.8, height: 1.5, wheelbase: 2.7, frontOverhang: 0.9, track: 1.55, kingpinOffset: 0, trailer: null,
    maxAccel: 2.0, comfortDecel: 3.0, maxDecel: 7.0, maxSteer: 35 * deg, maxSpeed: 180 / 3.6, reactionTime: 1.5, cab: null,
  },
  bus: {
    // assumption: 5 m/s² emergency deceleration for heavy vehicles
    length: 12, width: 2.55, height: 3.2, wheelbase: 6.0, frontOverhang: 2.6, track: 2.1, kingpinOffset: 0, trailer: null,
    maxAccel: 1.2, comfortDecel: 2.5, maxDecel: 5.0, maxSteer: 40 * deg, maxSpeed: 100 / 3.6, reactionTime: 1.5, cab: null,
  },
  truck: {
    // a heavy rigid truck: wheelbase 5 m as in facts 4.2's first example
    length: 9.0, width: 2.5, height: 3.8, wheelbase: 5.0, frontOverhang: 1.4, track: 2.0, kingpinOffset: 0, trailer: null,
    maxAccel: 1.0, comfortDecel: 2.0, maxDecel: 5.0, maxSteer: 40 * deg, maxSpeed: 100 / 3.6, reactionTime: 1.5, cab: DEFAULT_CAB,
  },
  'semi-trailer': {
    // tractor wheelbase 3.8 m and 10 m kingpin-to-axle, the figures of facts 4.2's semi-trailer example
    length: 6.0, width: 2.5, height: 3.9, wheelbase: 3.8, frontOverhang: 1.4, track: 2.0, kingpinOffset: 0,
    trailer: { length: 13.0, width: 2.5, front: 1.2, wheelbase: 10.0, track: 2.0 },
    maxAccel: 0.8, comfortDecel: 2.0, maxDecel: 4.5, maxSteer: 40 * deg, maxSpeed: 90 / 3.6, reactionTime: 1.5, cab: DEFAULT_CAB,
  },
  ebike: {
    // assumption: 4 m/s², an e-bike stops less sharply than a car (facts 5.16 note)
    length: 1.7, width: 0.7, height: 1.7, wheelbase: 1.2, frontOverhang: 0.25, track: 0, kingpinOffset: 0, trailer: null,
    maxAccel: 1.5, comfortDecel: 2.0, maxDecel: 4.0, maxSteer: 40 * deg, maxSpeed: 25 / 3.6, reactionTime: 1.25, cab: null,
  },
  pedestrian: {
    length: 0.4, width: 0.5, height: 1.7, wheelbase: 0, frontOverhang: 0.2, track: 0, kingpinOffset: 0, trailer: null,
    maxAccel: 2.0, comfortDecel: 2.0, maxDecel: 4.0, maxSteer: Math.PI, maxSpeed: 3, reactionTime: 1.0, cab: null,
  },
};

export const isVehicle = (k: AgentKind): boolean => k !== 'pedestrian';
export const isMotor = (k: AgentKind): boolean => k !== 'pedestrian' && k !== 'ebike';
/** road users without a body shell: the ones blind zones and off-tracking endanger */
export const isVulnerable = (k: AgentKind): boolean => k === 'pedestrian' || k === 'ebike';
export const hasCab = (k: AgentKind): boolean => SPECS[k].cab !== null;
