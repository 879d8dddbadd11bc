// Violator service programme participants (Dexie v8 `participants`), read and written by the staff
// console's 项目 tab. Its own connection like the staff questions, and like them it holds nothing in
// memory when IndexedDB fails: staff must not believe a participant or a service hour saved that is not
// (the call fails with a clear message instead).
import type { Participant } from '../modes/programme.ts';
import { openHallDb, type HallDb } from './db.ts';
import { describeStorageError } from './storage.ts';

export interface ParticipantRepo {
  /** oldest first */
  list(): Promise<Participant[]>;
  put(p: Participant): Promise<void>;
  delete(id: string): Promise<void>;
}

export class ParticipantStorageError extends Error {
  override name = 'ParticipantStorageError';
}

export function createParticipantRepo(open: () => HallDb = () => openHallDb()): ParticipantRepo {
  let db: HallDb | null = null;
  async function run<T>(fn: (d: HallDb) => Promise<T>): Promise<T> {
    try {
      return await fn((db ??= open()));
    } catch (e) {
      throw new ParticipantStorageError(describeStorageError(e));
    }
  }
  return {
    list: () => run((d) => d.participants.orderBy('createdAt').toArray()),
    put: (p) => run((d) => d.participants.put(p)).then(() => undefined),
    delete: (id) => run((d) => d.participants.delete(id)),
  };
}

let shared: ParticipantRepo | null = null;
/** The app's one repository (tests make their own). */
export function participantRepo(): ParticipantRepo {
  return (shared ??= createParticipantRepo());
}
