// Pre/post check records (Dexie v7 `learning`): written by the zone's check screens, read by the staff
// console's 学习效果 tab. Its own connection like the staff questions. A record that cannot be written
// (IndexedDB away) waits in memory and goes with the next write: a check is a few booleans, and losing
// one on a broken device costs one pair, never a screen.
import { openHallDb, type HallDb } from './db.ts';
import type { LearningRecord } from '../scoring/learning.ts';

export interface LearningRepo {
  put(r: LearningRecord): Promise<void>;
  list(): Promise<LearningRecord[]>;
  /** purge (staff): records created before `before` */
  deleteBefore(before: number): Promise<number>;
  /** records not yet written (IndexedDB away) */
  readonly pending: number;
}

export function createLearningRepo(open: () => HallDb = () => openHallDb()): LearningRepo {
  let db: HallDb | null = null;
  const waiting = new Map<string, LearningRecord>();
  const conn = () => (db ??= open());
  async function flush() {
    if (!waiting.size) return;
    const rows = [...waiting.values()];
    await conn().learning.bulkPut(rows);
    for (const r of rows) if (waiting.get(r.id) === r) waiting.delete(r.id);
  }
  return {
    async put(r) {
      waiting.set(r.id, r);
      try {
        await flush();
      } catch (e) {
        console.warn(`[learning] held in memory: ${(e as Error).message}`);
      }
    },
    async list() {
      try {
        await flush();
      } catch {
        // read what there is below
      }
      const saved = await conn().learning.orderBy('createdAt').toArray().catch(() => [] as LearningRecord[]);
      const ids = new Set(saved.map((r) => r.id));
      return [...saved, ...[...waiting.values()].filter((r) => !ids.has(r.id))];
    },
    async deleteBefore(before) {
      return conn().learning.where('createdAt').below(before).delete();
    },
    get pending() {
      return waiting.size;
    },
  };
}

let shared: LearningRepo | null = null;
/** The app's one repository (tests make their own). */
export function learningRepo(): LearningRepo {
  return (shared ??= createLearningRepo());
}
