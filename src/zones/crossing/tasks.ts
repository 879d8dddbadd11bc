// The crossing zone's tasks: reach the far side of the street N times. Each is a challenge of kind
// 'cross' in scenes/crossing.json naming the crossing, the far-side goal area, optionally the spawn
// point a competition starts it from and a place to stop and look (beside the parked van). Tasks
// run in file order; the first unfinished one is active, and everything the visitor does counts
// for it.
import { z } from 'zod';
import type { ZoneDef } from '../../content/schema.ts';
import type { RoadNet } from '../../sim/road/network.ts';
import { challengesOf, inRect, type Challenge } from '../common/challenges.ts';
import type { TaskView } from '../common/types.ts';

const rect = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .refine((r) => r[0] < r[2] && r[1] < r[3], 'must be [xMin, zMin, xMax, zMax] with min < max');

export const crossTaskSchema = z
  .object({
    /** the layout's crossing this task is about */
    crossing: z.string(),
    /** far-side area (on the pavement): standing in it completes the task */
    goal: rect,
    /** spawn point when a competition runs this task alone */
    spawn: z.string().optional(),
    /** stop here, looking along `yaw` (degrees, sim headings), before going on: e.g. at the edge of a parked van */
    peek: z.object({ rect, yaw: z.number() }).strict().optional(),
  })
  .strict();
export type CrossTaskParams = z.infer<typeof crossTaskSchema>;

export const TASK_KIND = 'cross';

/** A task with its crossing's geometry resolved. */
export interface CrossTask {
  id: string;
  challenge: Challenge<CrossTaskParams>;
  /** index of the crossing in the world's road net */
  crossing: number;
  /** pedestrian signal head id, or null for an unsignalised crossing */
  head: string | null;
  /** the kerb end it is crossed from, and the unit direction towards the goal */
  startX: number;
  startZ: number;
  dirX: number;
  dirZ: number;
  length: number;
  /** headings of the traffic it crosses (either way along the road), rad */
  alongYaw: number;
}

export function readTasks(zone: ZoneDef): Challenge<CrossTaskParams>[] {
  const tasks = challengesOf(zone, TASK_KIND, crossTaskSchema);
  if (tasks.length === 0) throw new Error(`scenes/${zone.id}.json: challenges: no challenge of kind "${TASK_KIND}" (the game's tasks)`);
  return tasks;
}

export function resolveTask(c: Challenge<CrossTaskParams>, net: RoadNet, zoneId: string): CrossTask {
  const cr = net.crossings.find((x) => x.id === c.params.crossing);
  if (!cr) throw new Error(`scenes/${zoneId}.json: challenges "${c.id}": unknown crossing "${c.params.crossing}"`);
  const g = c.params.goal;
  const gx = (g[0] + g[2]) / 2, gz = (g[1] + g[3]) / 2;
  const sign = (gx - cr.cx) * cr.ux + (gz - cr.cz) * cr.uz >= 0 ? 1 : -1;
  const dirX = cr.ux * sign, dirZ = cr.uz * sign;
  return {
    id: c.id,
    challenge: c,
    crossing: cr.index,
    head: cr.head >= 0 ? net.heads[cr.head]!.id : null,
    startX: cr.cx - dirX * cr.halfLen,
    startZ: cr.cz - dirZ * cr.halfLen,
    dirX,
    dirZ,
    length: cr.halfLen * 2,
    alongYaw: Math.atan2(cr.ux, -cr.uz),
  };
}

/** Task progression: which task is active, which are done or missed. */
export class TaskList {
  readonly tasks: CrossTask[];
  private readonly states: TaskView['state'][];

  constructor(tasks: CrossTask[]) {
    this.tasks = tasks;
    this.states = tasks.map((_, i) => (i === 0 ? 'active' : 'pending'));
  }

  get active(): CrossTask | null {
    const i = this.states.indexOf('active');
    return i < 0 ? null : this.tasks[i]!;
  }

  get views(): TaskView[] {
    return this.tasks.map((t, i) => ({ id: t.id, title: t.challenge.title, state: this.states[i]! }));
  }

  get allDone(): boolean {
    return this.states.every((s) => s === 'done' || s === 'missed');
  }

  /** Has the visitor reached the active task's goal? */
  reachedGoal(x: number, z: number): boolean {
    const t = this.active;
    return t !== null && inRect(t.challenge.params.goal, x, z);
  }

  /** Mark the active task done and activate the next; returns the finished task. */
  completeActive(): CrossTask | null {
    const i = this.states.indexOf('active');
    if (i < 0) return null;
    this.states[i] = 'done';
    if (i + 1 < this.states.length) this.states[i + 1] = 'active';
    return this.tasks[i]!;
  }

  /** The game ends: unfinished tasks are missed; returns them. */
  missRemaining(): CrossTask[] {
    const out: CrossTask[] = [];
    this.states.forEach((s, i) => {
      if (s === 'active' || s === 'pending') {
        this.states[i] = 'missed';
        out.push(this.tasks[i]!);
      }
    });
    return out;
  }
}

/** Metres the visitor has come from the task's start kerb towards its far side. */
export function progressOf(t: CrossTask, x: number, z: number): number {
  return (x - t.startX) * t.dirX + (z - t.startZ) * t.dirZ;
}
