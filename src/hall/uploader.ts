// Sends the outbox to the hall server: due rows in batches, oldest first. Whatever the server answers
// about an attempt (stored, already there, conflicting, refused) settles it; a failed request (no
// network, server down, 5xx, 429, a refused envelope) leaves every row of the batch queued with a
// back-off — nothing is dropped because a request failed — and the next
// try comes at the earliest due time — or at once when the browser says it is online again.
// Clock, timers and the transport are passed in, so tests run an hour offline in milliseconds.
import { retryDelay, type OutboxRow, type OutboxStore } from './outbox.ts';
import { LIMITS, type DeviceInfo, type UploadResponse } from './protocol.ts';

/** A request that did not get a usable answer; `status` 0 for no answer at all. */
export class SendError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Send = (body: { device: DeviceInfo; items: unknown[] }) => Promise<UploadResponse>;

export interface UploaderDeps {
  store: OutboxStore;
  send: Send;
  device: () => DeviceInfo;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
  /** after every pass: counts changed, or a send failed */
  onChange?: (s: UploaderStatus) => void;
}

export interface UploaderStatus {
  queued: number;
  sent: number;
  rejected: number;
  /** the last failure, cleared by the next success */
  lastError: string | null;
  lastSentAt: number | null;
}

export interface Uploader {
  /** try now (new rows, back online); passes never overlap */
  kick(): Promise<void>;
  status(): UploaderStatus;
  stop(): void;
}

const BATCH_BYTES = LIMITS.uploadBytes - 16 * 1024;

export function createUploader(deps: UploaderDeps): Uploader {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  // one at a time after a batch was too large, growing again as batches go through
  let batchSize: number = LIMITS.batch;
  const st: UploaderStatus = { queued: 0, sent: 0, rejected: 0, lastError: null, lastSentAt: null };

  async function refreshCounts() {
    Object.assign(st, await deps.store.counts());
    deps.onChange?.({ ...st });
  }

  function batchOf(rows: OutboxRow[]): OutboxRow[] {
    const out: OutboxRow[] = [];
    let bytes = 200;
    for (const r of rows) {
      const size = JSON.stringify(r.item).length + 1;
      if (out.length && bytes + size > BATCH_BYTES) break;
      out.push(r);
      bytes += size;
    }
    return out;
  }

  async function settle(rows: OutboxRow[], res: UploadResponse) {
    const t = now();
    const refused = new Map(res.rejected.map((r) => [r.id, r.problem]));
    const done = new Set([...res.stored, ...res.duplicates, ...res.conflicts]);
    const out: OutboxRow[] = [];
    for (const r of rows) {
      if (done.has(r.id)) out.push({ id: r.id, state: 'sent', tries: r.tries + 1, nextAt: r.nextAt, queuedAt: r.queuedAt, doneAt: t });
      else if (refused.has(r.id)) out.push({ ...r, state: 'rejected', tries: r.tries + 1, doneAt: t, problem: refused.get(r.id) });
      // not mentioned (should not happen): try again later rather than lose it
      else out.push({ ...r, tries: r.tries + 1, nextAt: t + retryDelay(r.tries + 1, random) });
    }
    await deps.store.put(out);
  }

  async function pass(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const due = await deps.store.due(now(), batchSize);
      if (!due.length) break;
      const rows = batchOf(due);
      try {
        const res = await deps.send({ device: deps.device(), items: rows.map((r) => r.item) });
        await settle(rows, res);
        st.lastError = null;
        st.lastSentAt = now();
        if (batchSize < LIMITS.batch) batchSize = Math.min(LIMITS.batch, batchSize * 2);
      } catch (e) {
        const status = e instanceof SendError ? e.status : 0;
        st.lastError = e instanceof Error ? e.message : String(e);
        if (status === 413 && rows.length > 1) {
          // the batch as a whole was too large: send them one at a time
          batchSize = 1;
          continue;
        }
        if (status === 413) {
          // one attempt larger than the server takes will never go: keep it here, marked, with why
          const r = rows[0]!;
          await deps.store.put([{ ...r, state: 'rejected', tries: r.tries + 1, doneAt: now(), problem: st.lastError ?? 'too large' }]);
          continue;
        }
        // no answer, the server failing or busy: keep them, try again after the back-off
        const t = now();
        await deps.store.put(rows.map((r) => ({ ...r, tries: r.tries + 1, nextAt: t + retryDelay(r.tries + 1, random) })));
        break;
      }
    }
    await refreshCounts();
    const next = await deps.store.nextDueAt();
    if (next !== null && !stopped) {
      if (timer !== null) clearTimer(timer);
      timer = setTimer(() => {
        timer = null;
        void kick();
      }, Math.max(0, next - now()));
    }
  }

  function kick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !stopped);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    kick,
    status: () => ({ ...st }),
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}
