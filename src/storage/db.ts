// The IndexedDB schema (Dexie). Versions only ever grow: a new version declares its stores and an
// upgrade that keeps every existing row.
import Dexie, { type EntityTable } from 'dexie';
import type { LearningRecord } from '../scoring/learning.ts';
import type { Participant } from '../modes/programme.ts';
import type { StaffQuestionRecord } from './staffQuestions.ts';
import type { HallDeviceRecord, OutboxRow } from '../hall/outbox.ts';
import type { Attempt, CompetitionRecord, Progress, Settings, Visitor } from './types.ts';

export interface SettingsRow extends Settings {
  key: 'main';
}

export type HallDb = Dexie & {
  visitors: EntityTable<Visitor, 'id'>;
  attempts: EntityTable<Attempt, 'id'>;
  settings: EntityTable<SettingsRow, 'key'>;
  progress: EntityTable<Progress, 'key'>;
  competitions: EntityTable<CompetitionRecord, 'id'>;
  staffQuestions: EntityTable<StaffQuestionRecord, 'id'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  hallDevice: EntityTable<HallDeviceRecord, 'key'>;
  learning: EntityTable<LearningRecord, 'id'>;
  participants: EntityTable<Participant, 'id'>;
};

export const DB_NAME = 'traffic-safety-hall';

export function openHallDb(name = DB_NAME): HallDb {
  // 'strict': a write counts as done once it is flushed to disk, not just handed to the OS — a kiosk
  // that loses power right after a competition action (or a result) still has it. Writes here are
  // few and small (an action, an attempt, a step of a test), so the flush costs nothing visible.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as HallDb;
  db.version(1).stores({
    visitors: 'id, group, createdAt',
    attempts: 'id, visitorId, group, zone, mode, endedAt, [zone+group]',
    settings: 'key',
  });
  // v2: unfinished tests and games (resume after reload); existing rows are kept as they are
  db.version(2).stores({ progress: 'key, updatedAt' });
  // v3: competition logs (saved after every action; a reload resumes the competition)
  db.version(3).stores({ competitions: 'id, updatedAt' });
  // v4: questions hall staff add in the console (src/storage/staffQuestions.ts)
  db.version(4).stores({ staffQuestions: 'id, zone, updatedAt' });
  // v6 (hall server): attempts waiting for the hall server, and this device's id for it
  db.version(6).stores({ outbox: 'id, state, [state+nextAt]', hallDevice: 'key' });
  // v7 (programmes): pre/post check records (scoring/learning.ts: zone, group, visiting group, right/wrong per item — nobody's name)
  db.version(7).stores({ learning: 'id, zone, visit, createdAt' });
  // v8 (programmes): violator service programme participants (modes/programme.ts: the case code staff
  // typed, a random visitor id, items, service hours — nobody's name or ID number)
  db.version(8).stores({ participants: 'id, createdAt' });
  return db;
}
