// The device's outbox: every finished attempt waits here until the hall server has confirmed it.
// Rows are kept in IndexedDB (Dexie v6 `outbox`), so a reload, a crash or a headset asleep for an
// hour loses nothing; once confirmed, a row keeps only its id (what was sent is known, nothing is sent
// twice by this device, and the server refuses a second copy anyway). In memory when IndexedDB is not
// available, which still uploads what this page finishes.
import type { UploadItem } from './protocol.ts';

export type OutboxState = 'queued' | 'sent' | 'rejected';

export interface OutboxRow {
  /** the attempt's id */
  id: string;
  state: OutboxState;
  /** what is uploaded; dropped once the server has it */
  item?: UploadItem;
  tries: number;
  /** not before this time (epoch ms): the retry back-off */
  nextAt: number;
  queuedAt: number;
  doneAt?: number;
  /** why the server (or this device) refused it for good */
  problem?: string;
}

/** The device's own record: its random id, its kind, the hall it last uploaded to. */
export interface HallDeviceRecord {
  key: 'device';
  id: string;
  /** set by a start URL (?device=kiosk); otherwise the kind is guessed at each start */
  kind?: string;
  hallId?: string;
  /** the hall's kiosk settings last applied here (their updatedAt) */
  kioskSettingsAt?: number;
}

export interface OutboxStore {
  readonly durable: boolean;
  get(id: string): Promise<OutboxRow | undefined>;
  put(rows: readonly OutboxRow[]): Promise<void>;
  /** queued rows due at `now`, oldest first */
  due(now: number, limit: number): Promise<OutboxRow[]>;
  /** the earliest nextAt of a queued row */
  nextDueAt(): Promise<number | null>;
  /** every id the outbox knows, whatever its state */
  knownIds(): Promise<Set<string>>;
  counts(): Promise<Record<OutboxState, number>>;
  /** forgets what was sent (another hall, or its database was replaced): everything goes again */
  forgetSent(): Promise<void>;
  getDevice(): Promise<HallDeviceRecord | undefined>;
  putDevice(d: HallDeviceRecord): Promise<void>;
}

export function memoryOutbox(): OutboxStore {
  const rows = new Map<string, OutboxRow>();
  let device: HallDeviceRecord | undefined;
  const queued = () => [...rows.values()].filter((r) => r.state === 'queued');
  return {
    durable: false,
    get: async (id) => rows.get(id),
    async put(list) {
      for (const r of list) rows.set(r.id, structuredClone(r));
    },
    async due(now, limit) {
      return queued()
        .filter((r) => r.nextAt <= now)
        .sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1))
        .slice(0, limit)
        .map((r) => structuredClone(r));
    },
    async nextDueAt() {
      const q = queued();
      return q.length ? Math.min(...q.map((r) => r.nextAt)) : null;
    },
    knownIds: async () => new Set(rows.keys()),
    async counts() {
      const c: Record<OutboxState, number> = { queued: 0, sent: 0, rejected: 0 };
      for (const r of rows.values()) c[r.state]++;
      return c;
    },
    async forgetSent() {
      for (const [id, r] of rows) if (r.state === 'sent') rows.delete(id);
    },
    getDevice: async () => device,
    async putDevice(d) {
      device = { ...d };
    },
  };
}

/** Retry delay after `tries` failed sends: 2 s, 4 s, 8 s … up to a minute, ±20 % so a hall's worth of
 * headsets coming back from one Wi-Fi outage do not all knock at the same moment. */
export function retryDelay(tries: number, random: () => number = Math.random): number {
  const base = Math.min(60_000, 2000 * 2 ** Math.max(0, tries - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
