// The outbox in the app's IndexedDB database (Dexie v6: `outbox`, `hallDevice`).
import { openHallDb, type HallDb } from '../storage/db.ts';
import type { HallDeviceRecord, OutboxRow, OutboxState, OutboxStore } from './outbox.ts';

export async function dexieOutbox(open: () => HallDb = () => openHallDb()): Promise<OutboxStore> {
  const db = open();
  await db.open();
  return {
    durable: true,
    get: (id) => db.outbox.get(id),
    async put(rows) {
      await db.outbox.bulkPut(rows as OutboxRow[]);
    },
    async due(now, limit) {
      const rows = await db.outbox.where('[state+nextAt]').between(['queued', -Infinity], ['queued', now], true, true).toArray();
      return rows.sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1)).slice(0, limit);
    },
    async nextDueAt() {
      const first = await db.outbox.where('[state+nextAt]').between(['queued', -Infinity], ['queued', Infinity]).first();
      return first ? first.nextAt : null;
    },
    knownIds: async () => new Set((await db.outbox.toCollection().primaryKeys()) as string[]),
    async counts() {
      const c: Record<OutboxState, number> = { queued: 0, sent: 0, rejected: 0 };
      for (const s of Object.keys(c) as OutboxState[]) c[s] = await db.outbox.where('state').equals(s).count();
      return c;
    },
    async forgetSent() {
      await db.outbox.where('state').equals('sent').delete();
    },
    getDevice: () => db.hallDevice.get('device'),
    async putDevice(d: HallDeviceRecord) {
      await db.hallDevice.put(d);
    },
  };
}
