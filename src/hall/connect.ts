// A device joining its hall: loaded only when the page came from a hall server. It gives the device a
// random id (kept in IndexedDB), finds the hall (GET /api/hall, retried until it answers), registers,
// puts every attempt this device has that the hall has not confirmed into the outbox, uploads them,
// and takes the hall's kiosk settings on a kiosk. Everything here may fail without the visitor
// noticing: the device's own storage stays the truth.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Attempt, HallStorage, KioskSettings } from '../storage/types.ts';
import { hallApi, type HallApi } from './api.ts';
import { classifyDevice, isDeviceKind, type DeviceFacts } from './deviceKind.ts';
import { memoryOutbox, retryDelay, type HallDeviceRecord, type OutboxRow, type OutboxStore } from './outbox.ts';
import { LIMITS, type DeviceInfo, type DeviceKind, type HallInfo } from './protocol.ts';
import { staffApi, type StaffApi } from './staffApi.ts';
import { createUploader, type Uploader, type UploaderStatus } from './uploader.ts';

export interface HallState {
  /** the hall, once it has answered */
  info: HallInfo | null;
  /** null until the first answer or failure */
  reachable: boolean | null;
  device: DeviceInfo | null;
  outbox: UploaderStatus;
  /** whether IndexedDB holds the outbox (false: in memory, lost on reload) */
  durable: boolean;
  /** this console's staff session with the hall server */
  staff: 'unknown' | 'signedOut' | 'signedIn';
}

export interface HallConnection {
  readonly state: StoreApi<HallState>;
  readonly staff: StaffApi;
  readonly api: HallApi;
  /** puts a saved attempt in the outbox (once; later calls for the same id do nothing) */
  enqueue(a: Attempt): Promise<void>;
  /** resolves when the hall has answered once and the first upload pass is done */
  readonly ready: Promise<void>;
  /** an upload pass now */
  flush(): Promise<void>;
  stop(): void;
}

export interface ConnectDeps {
  storage: HallStorage;
  appVersion: string;
  /** '' in the page (same origin) */
  api?: HallApi;
  staff?: StaffApi;
  openOutbox?: () => Promise<OutboxStore>;
  facts: () => Promise<DeviceFacts>;
  /** the page's ?device=… (a kiosk's start URL), if any */
  declaredKind?: string | null;
  /** takes the hall's kiosk settings on this device */
  applyKiosk?: (k: KioskSettings) => Promise<void>;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  /** calls back when the device may have come back online (the page's online/visibility events) */
  onWake?: (fn: () => void) => void;
}

/** 20 random characters from the URL-safe alphabet (crypto.getRandomValues works without https). */
export function newDeviceId(): string {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return `dev-${Array.from(bytes, (b) => abc[b % abc.length]).join('')}`;
}

export async function connectHall(deps: ConnectDeps): Promise<HallConnection> {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const api = deps.api ?? hallApi();
  const staff = deps.staff ?? staffApi();
  const outbox = await (deps.openOutbox ?? (async () => memoryOutbox()))().catch(() => memoryOutbox());
  const state = createStore<HallState>()(() => ({
    info: null,
    reachable: null,
    device: null,
    outbox: { queued: 0, sent: 0, rejected: 0, lastError: null, lastSentAt: null },
    durable: outbox.durable,
    staff: 'unknown',
  }));

  let record: HallDeviceRecord = (await outbox.getDevice().catch(() => undefined)) ?? { key: 'device', id: newDeviceId() };
  // a kiosk's start URL says what it is once; the device remembers it
  if (isDeviceKind(deps.declaredKind)) record = { ...record, kind: deps.declaredKind };
  await outbox.putDevice(record).catch(() => undefined);
  const facts = (await deps.facts().catch(() => null)) ?? { immersiveVr: false, touch: false, finePointer: true, shortSide: 1000, attractLoop: false };
  const kind: DeviceKind = classifyDevice({ ...facts, declared: record.kind });
  const device: DeviceInfo = { id: record.id, kind, appVersion: deps.appVersion };
  state.setState({ device });

  let uploader: Uploader | null = null;

  async function enqueue(a: Attempt): Promise<void> {
    if (await outbox.get(a.id)) return;
    const v = await deps.storage.getVisitor(a.visitorId).catch(() => undefined);
    const item = { attempt: a, visitor: v ? { id: v.id, nickname: v.nickname, group: v.group } : undefined };
    const t = now();
    const tooBig = JSON.stringify(item).length > LIMITS.attemptBytes;
    const row: OutboxRow = tooBig
      ? { id: a.id, state: 'rejected', tries: 0, nextAt: t, queuedAt: t, doneAt: t, problem: `larger than ${LIMITS.attemptBytes} bytes` }
      : { id: a.id, state: 'queued', item, tries: 0, nextAt: t, queuedAt: t };
    await outbox.put([row]);
    void uploader?.kick();
  }

  /** Attempts this device saved that the outbox has never seen (saved before the device joined, or
   * while the page died between the save and the outbox). */
  async function reconcile() {
    const known = await outbox.knownIds();
    for (const a of await deps.storage.listAttempts()) if (!known.has(a.id)) await enqueue(a);
  }

  async function takeKioskSettings() {
    if (kind !== 'kiosk' || !deps.applyKiosk) return;
    const s = await api.settings();
    if (!s.kiosk || s.updatedAt === null || s.updatedAt <= (record.kioskSettingsAt ?? 0)) return;
    await deps.applyKiosk(s.kiosk);
    record = { ...record, kioskSettingsAt: s.updatedAt };
    await outbox.putDevice(record);
  }

  let stopped = false;
  const ready = (async () => {
    // find the hall; a server that is down now is asked again with the outbox's back-off
    for (let tries = 1; !stopped; tries++) {
      try {
        const info = await api.info();
        state.setState({ info, reachable: true });
        if (record.hallId !== info.hallId) {
          // another hall (or the same hall with a new database): it has none of this device's attempts
          await outbox.forgetSent();
          record = { ...record, hallId: info.hallId };
          await outbox.putDevice(record);
        }
        break;
      } catch {
        state.setState({ reachable: false });
        await new Promise((r) => setTimer(() => r(undefined), retryDelay(tries, random)));
      }
    }
    if (stopped) return;
    await api.register(device).catch(() => undefined);
    uploader = createUploader({
      store: outbox,
      send: (body) => api.upload(body),
      device: () => device,
      now,
      random,
      setTimer,
      clearTimer: deps.clearTimer,
      onChange: (s) => state.setState({ outbox: s, reachable: s.lastError === null ? true : state.getState().reachable }),
    });
    await reconcile().catch(() => undefined);
    await uploader.kick();
    await takeKioskSettings().catch(() => undefined);
  })();

  deps.onWake?.(() => void uploader?.kick());

  return {
    state,
    staff,
    api,
    enqueue,
    ready,
    flush: async () => {
      await ready;
      await uploader?.kick();
    },
    stop() {
      stopped = true;
      uploader?.stop();
    },
  };
}
