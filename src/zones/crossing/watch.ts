// What the visitor is doing, frame by frame, beyond what the world reports: on the carriageway or
// not, running (a smoothed speed, so tracking jitter is no sprint), turning back (progress across
// the road falling away from its best), the phone out on the road, stopping to look beside the
// van, and which ways they looked at the kerb (for hints).
import type { Agent } from '../../sim/agents/agent.ts';
import { crossingAt, onCarriageway, type RoadNet } from '../../sim/road/network.ts';
import { inRect } from '../common/challenges.ts';
import { progressOf, type CrossTask } from './tasks.ts';

/** how far the visitor may drift back towards the start kerb before it counts as turning back, m */
export const TURN_BACK_METRES = 1.5;
/** standing still means slower than this, m/s */
const STILL = 0.3;
/** a look counts within this angle of the direction, rad */
const LOOK_CONE = Math.PI / 4;
/** looks older than this are forgotten, s */
const LOOK_MEMORY = 8;
/** smoothing time of the speed, s */
const SPEED_TAU = 0.3;

export interface Observation {
  onRoad: boolean;
  /** smoothed speed, m/s */
  speed: number;
  running: boolean;
  turnedBack: boolean;
  phoneOnRoad: boolean;
  /** stopped in the task's peek area looking the right way */
  peeked: boolean;
  /** at the task's start kerb (on the pavement, within 4 m) */
  atKerb: boolean;
  /** looked both ways along the road within the last few seconds */
  lookedBoth: boolean;
  progress: number;
}

const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));

export class WalkerWatch {
  private speed = 0;
  private best = -Infinity;
  private taskId: string | null = null;
  private lookA = -Infinity;
  private lookB = -Infinity;
  readonly out: Observation = {
    onRoad: false, speed: 0, running: false, turnedBack: false, phoneOnRoad: false, peeked: false, atKerb: false, lookedBoth: false, progress: 0,
  };

  constructor(private readonly net: RoadNet, private readonly runThreshold: number) {}

  /** Observe after a frame of `dt` seconds at world time `now`. */
  update(player: Agent, task: CrossTask | null, lookYaw: number, phoneOut: boolean, dt: number, now: number): Observation {
    const o = this.out;
    const k = Math.min(1, dt / SPEED_TAU);
    this.speed += (player.speed - this.speed) * k;
    o.speed = this.speed;
    o.onRoad = crossingAt(this.net, player.x, player.z) >= 0 || onCarriageway(this.net, player.x, player.z);
    o.running = o.onRoad && this.speed > this.runThreshold;
    o.phoneOnRoad = o.onRoad && phoneOut;

    if ((task?.id ?? null) !== this.taskId) {
      this.taskId = task?.id ?? null;
      this.best = -Infinity;
      this.lookA = this.lookB = -Infinity;
    }
    o.progress = task ? progressOf(task, player.x, player.z) : 0;
    if (o.onRoad) this.best = Math.max(this.best, o.progress);
    o.turnedBack = o.onRoad && task !== null && this.best - o.progress > TURN_BACK_METRES;

    const peek = task?.challenge.params.peek;
    const looking = Number.isFinite(lookYaw);
    o.peeked = !!peek && inRect(peek.rect, player.x, player.z) && this.speed < STILL && looking && Math.abs(wrap(lookYaw - (peek.yaw * Math.PI) / 180)) < LOOK_CONE;

    o.atKerb = false;
    if (task && !o.onRoad) o.atKerb = Math.hypot(player.x - task.startX, player.z - task.startZ) < 4;
    if (task && looking && (o.atKerb || o.onRoad)) {
      if (Math.abs(wrap(lookYaw - task.alongYaw)) < LOOK_CONE) this.lookA = now;
      if (Math.abs(wrap(lookYaw - task.alongYaw - Math.PI)) < LOOK_CONE) this.lookB = now;
    }
    o.lookedBoth = now - this.lookA <= LOOK_MEMORY && now - this.lookB <= LOOK_MEMORY;
    return o;
  }
}
