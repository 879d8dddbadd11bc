// The crossing zone's tasks: reach the far side of the street N times. Each is a challenge of kind
// 'cross' in scenes/crossing.json naming the crossing, the far-side goal area, optionally the spawn
// point a competition starts it from and a place to stop and look (beside the parked van). Tasks
// run in file order (common/tasks.ts): the first unfinished one is active, and everything the
// visitor does counts for it.
import { z } from 'zod';
import type { Localized, ZoneDef } from '../../content/schema.ts';
import type { RoadNet } from '../../sim/road/network.ts';
import { challengesOf, inRect, type Challenge } from '../common/challenges.ts';

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
  title: Localized;
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
    title: c.title,
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

/** Is (x, z) in the task's far-side goal area? */
export const atGoal = (t: CrossTask, x: number, z: number): boolean => inRect(t.challenge.params.goal, x, z);

/** Metres the visitor has come from the task's start kerb towards its far side. */
export function progressOf(t: CrossTask, x: number, z: number): number {
  return (x - t.startX) * t.dirX + (z - t.startZ) * t.dirZ;
}
