// Questions hall staff add on this device (staff console → 题目): a small repository over the Dexie
// table `staffQuestions` (schema v4). Every change is one transaction, so an import either lands
// whole or not at all. The hall server's sync uses the same four calls (list, put, delete,
// replaceAll) and `subscribe` to hear of local changes. When IndexedDB cannot be used the calls
// fail with a message (the console shows it); nothing is held in memory, because a question the
// staff believe saved must really be saved.
import type { ZoneId } from '../content/ids.ts';
import type { StaffQuestion } from '../content/schema.ts';
import { openHallDb, type HallDb } from './db.ts';
import { describeStorageError } from './storage.ts';

export interface StaffQuestionRecord {
  /** the question's id (unique across the app's banks and the staff questions) */
  id: string;
  zone: ZoneId;
  /** validated by staffQuestionSchema on import; zh-Hant filled on import; English may be empty */
  question: StaffQuestion;
  createdAt: number;
  updatedAt: number;
  /** the file it came from, for the list ("题库.xlsx"); absent when edited by hand */
  from?: string;
}

export interface StaffQuestionRepo {
  /** every staff question, oldest first */
  list(): Promise<StaffQuestionRecord[]>;
  /** adds or replaces these records (one transaction) */
  put(records: readonly StaffQuestionRecord[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  /** the whole set becomes exactly these records (a server's copy) */
  replaceAll(records: readonly StaffQuestionRecord[]): Promise<void>;
  /** called after every change made through this repository */
  subscribe(fn: () => void): () => void;
}

export class StaffQuestionStorageError extends Error {
  override name = 'StaffQuestionStorageError';
}

export function createStaffQuestionRepo(open: () => HallDb = () => openHallDb(), openTimeoutMs = 4000): StaffQuestionRepo {
  let db: Promise<HallDb> | null = null;
  const listeners = new Set<() => void>();
  const connect = (): Promise<HallDb> => {
    db ??= (async () => {
      const d = open();
      // a database blocked by another window would keep every bank from loading: give up after a while
      await Promise.race([
        d.open(),
        new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error('the database is blocked by another window'), { name: 'BlockedError' })), openTimeoutMs)),
      ]);
      return d;
    })().catch((e) => {
      db = null; // try again next time (storage may come back)
      throw e;
    });
    return db;
  };
  /** runs `fn` on the table; a storage failure becomes one clear error */
  async function run<T>(fn: (d: HallDb) => Promise<T>): Promise<T> {
    try {
      return await fn(await connect());
    } catch (e) {
      throw new StaffQuestionStorageError(describeStorageError(e));
    }
  }
  const changed = () => listeners.forEach((l) => l());
  return {
    list: () => run((d) => d.staffQuestions.orderBy('updatedAt').toArray()),
    async put(records) {
      if (!records.length) return;
      await run((d) => d.transaction('rw', d.staffQuestions, () => d.staffQuestions.bulkPut([...records])));
      changed();
    },
    async delete(ids) {
      if (!ids.length) return;
      await run((d) => d.transaction('rw', d.staffQuestions, () => d.staffQuestions.bulkDelete([...ids])));
      changed();
    },
    async replaceAll(records) {
      await run((d) =>
        d.transaction('rw', d.staffQuestions, async () => {
          await d.staffQuestions.clear();
          await d.staffQuestions.bulkPut([...records]);
        }),
      );
      changed();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
