// Storage that never takes the app down and never drops a write. When IndexedDB is missing, blocked,
// full or corrupt, writes are held in a durable queue (held.ts: localStorage, in order) and the app
// reads them back from memory; the queue is written through, in order, as soon as IndexedDB takes a
// write again — by a retry, by the next write of any kind, or by the periodic retry. The status is
// 'ok' only when IndexedDB is open and nothing is held.
//
// All writes go through one chain, one after another: a write that fails is held, and every write
// after it is held behind it, so IndexedDB never sees an older row after a newer one.
import { openHallDb, type HallDb } from './db.ts';
import { defaultHeldStore, enqueue, loadHeld, saveHeld, type HeldStore, type HeldWrite } from './held.ts';
import type { Attempt, CompetitionRecord, HallStorage, Progress, Settings, StorageStatus, Visitor } from './types.ts';

export function describeStorageError(e: unknown): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } };
  const name = err?.inner?.name ?? err?.name ?? 'Error';
  if (name === 'QuotaExceededError') return 'the device storage is full';
  if (name === 'MissingAPIError') return 'this browser has no IndexedDB (private mode?)';
  if (name === 'VersionError') return 'the saved data is from a newer version of the app';
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'DataError') return `the saved data cannot be read (${name})`;
  return `${name}: ${err?.message ?? String(e)}`;
}

export interface HallStorageOptions {
  /** where held writes survive a reload (default: localStorage; null: memory only) */
  held?: HeldStore | null;
  /** while writes are held, try IndexedDB again this often (0: only on retry or the next write) */
  autoRetryMs?: number;
  /** ask the browser to keep this origin's storage under pressure (navigator.storage.persist) */
  persist?: (() => Promise<boolean>) | null;
}

function browserPersist(): (() => Promise<boolean>) | null {
  const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  return s && typeof s.persist === 'function' ? () => s.persist() : null;
}

export function createHallStorage(open: () => HallDb = () => openHallDb(), openTimeoutMs = 4000, opts: HallStorageOptions = {}): HallStorage {
  const heldStore = opts.held === undefined ? defaultHeldStore() : opts.held;
  let db: HallDb | null = null;
  let opened = false;
  let problem: string | null = null;
  let settingsKnown = false;
  let persisted: boolean | null = null;
  const listeners = new Set<() => void>();
  // the in-memory copy: what is held, merged into reads (IndexedDB may not have it yet)
  const visitors = new Map<string, Visitor>();
  const attempts = new Map<string, Attempt>();
  let settings: Settings = {};
  const progress = new Map<string, Progress | null>();
  // deletions made this session hide stored rows (also while storage is down)
  const deletedAttempts = new Set<string>();
  const deletedVisitors = new Set<string>();
  const competitions = new Map<string, CompetitionRecord | null>();

  let queue: HeldWrite[] = loadHeld(heldStore);
  let durable = true;
  // what a previous page load held comes back into memory first, so reads see it at once
  for (const w of queue) remember(w);

  const status = (): StorageStatus => (!opened ? 'opening' : db && queue.length === 0 ? 'ok' : 'memory');
  let lastStatus = status();
  let lastCount = queue.length;
  const emit = () => listeners.forEach((l) => l());
  const changed = () => {
    const s = status();
    if (s !== lastStatus || queue.length !== lastCount) {
      lastStatus = s;
      lastCount = queue.length;
      emit();
    }
  };
  const fail = (e: unknown) => {
    problem = describeStorageError(e);
    db = null;
    emit();
  };

  function remember(w: HeldWrite) {
    switch (w.kind) {
      case 'visitor':
        visitors.set(w.row.id, w.row);
        deletedVisitors.delete(w.row.id);
        break;
      case 'attempt':
        attempts.set(w.row.id, w.row);
        deletedAttempts.delete(w.row.id);
        break;
      case 'settings':
        settings = { ...settings, ...w.patch };
        break;
      case 'progress':
        progress.set(w.row.key, w.row);
        break;
      case 'progress-delete':
        progress.set(w.key, null);
        break;
      case 'attempts-delete':
        for (const id of w.ids) {
          attempts.delete(id);
          deletedAttempts.add(id);
        }
        break;
      case 'visitors-delete':
        for (const id of w.ids) {
          visitors.delete(id);
          deletedVisitors.add(id);
        }
        break;
      case 'competition':
        competitions.set(w.row.id, w.row);
        break;
      case 'competitions-delete':
        for (const id of w.ids) competitions.set(id, null);
    }
  }

  let connecting: Promise<HallDb | null> | null = null;
  function connect(): Promise<HallDb | null> {
    if (db) return Promise.resolve(db);
    if (connecting) return connecting;
    connecting = (async () => {
      try {
        const d = open();
        // a database blocked by another tab would otherwise wait for ever
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          d.open(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(Object.assign(new Error('the database is blocked by another window'), { name: 'BlockedError' })), openTimeoutMs);
          }),
        ]).finally(() => clearTimeout(timer));
        const s = await d.settings.get('main');
        if (s) {
          const { key: _k, ...rest } = s;
          // what this page changed while storage was away wins over the stored row
          settings = { ...rest, ...settings };
        }
        settingsKnown = true;
        db = d;
        problem = null;
        return d;
      } catch (e) {
        fail(e);
        return null;
      } finally {
        opened = true;
        connecting = null;
        changed();
      }
    })();
    return connecting;
  }

  async function put(d: HallDb, w: HeldWrite): Promise<void> {
    switch (w.kind) {
      case 'visitor':
        return void (await d.visitors.put(w.row));
      case 'attempt':
        return void (await d.attempts.put(w.row));
      case 'progress':
        return void (await d.progress.put(w.row));
      case 'progress-delete':
        return d.progress.delete(w.key);
      case 'attempts-delete':
        return d.attempts.bulkDelete(w.ids);
      case 'visitors-delete':
        return d.visitors.bulkDelete(w.ids);
      case 'competition':
        return void (await d.competitions.put(w.row));
      case 'competitions-delete':
        return d.competitions.bulkDelete(w.ids);
      case 'settings':
        // the whole row: the patches held while storage was away are already merged into it
        return void (await d.settings.put({ ...settings, key: 'main' }));
    }
  }

  function hold(w: HeldWrite) {
    queue = enqueue(queue, w);
    durable = saveHeld(heldStore, queue);
  }

  /** Writes the held queue through, oldest first; stops at the first failure. True when it is empty. */
  async function drain(): Promise<boolean> {
    while (queue.length) {
      const d = await connect();
      if (!d) return false;
      const w = queue[0]!;
      try {
        await put(d, w);
        forget(w);
      } catch (e) {
        fail(e);
        changed();
        return false;
      }
      // only the written entry goes: a write held meanwhile may have replaced queue[0]'s row
      if (queue[0] === w) queue = queue.slice(1);
      durable = saveHeld(heldStore, queue);
      changed();
    }
    return true;
  }

  /** After IndexedDB took a write, its memory copy is no longer needed (a kiosk runs for days). */
  function forget(w: HeldWrite) {
    if (w.kind === 'visitor' && visitors.get(w.row.id) === w.row) visitors.delete(w.row.id);
    else if (w.kind === 'attempt' && attempts.get(w.row.id) === w.row) attempts.delete(w.row.id);
    else if (w.kind === 'progress' && progress.get(w.row.key) === w.row) progress.delete(w.row.key);
    else if (w.kind === 'progress-delete' && progress.get(w.key) === null) progress.delete(w.key);
    else if (w.kind === 'competition' && competitions.get(w.row.id) === w.row) competitions.delete(w.row.id);
    else if (w.kind === 'competitions-delete') for (const id of w.ids) if (competitions.get(id) === null) competitions.delete(id);
    // deletions of attempts and visitors stay remembered: a row read back from an older copy must stay hidden
  }

  let chain: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every write started before it (writes reach IndexedDB in the order they were made). */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const p = chain.then(task, task);
    chain = p.catch(() => undefined);
    return p;
  }

  /** One write: straight to IndexedDB, or held (behind whatever is held already) when it cannot be. */
  function write(w: HeldWrite): Promise<void> {
    return serial(async () => {
      if (queue.length) {
        hold(w);
        await drain();
        changed();
        return;
      }
      const d = await connect();
      if (d) {
        try {
          await put(d, w);
          forget(w);
          return;
        } catch (e) {
          fail(e);
        }
      }
      hold(w);
      changed();
    });
  }

  /** Many rows of one table in one transaction (an import of thousands), or held one by one. */
  function writeMany(rows: HeldWrite[], bulk: (d: HallDb) => Promise<unknown>): Promise<void> {
    return serial(async () => {
      if (!queue.length) {
        const d = await connect();
        if (d) {
          try {
            await bulk(d);
            rows.forEach(forget);
            return;
          } catch (e) {
            fail(e);
          }
        }
      }
      for (const w of rows) hold(w);
      await drain();
      changed();
    });
  }

  /** Held writes first (in order), then reports whether nothing is left. */
  function retry(): Promise<boolean> {
    return serial(async () => {
      const ok = await drain();
      // a successful open with nothing held is still news for a banner that said "unavailable"
      changed();
      return ok && !!db;
    });
  }

  const ready = connect().then(async (d) => {
    if (d && queue.length) await retry();
  });

  const persist = opts.persist === undefined ? browserPersist() : opts.persist;
  if (persist)
    void persist()
      .then((granted) => {
        persisted = granted;
        emit();
      })
      .catch(() => undefined);

  const autoRetryMs = opts.autoRetryMs ?? 30_000;
  if (autoRetryMs > 0) {
    const timer = setInterval(() => {
      if (queue.length || (!db && opened)) void retry();
    }, autoRetryMs);
    (timer as { unref?: () => void }).unref?.();
  }

  /** Reads IndexedDB, or nothing while it is away (the memory copy fills in). */
  async function stored<T>(read: (d: HallDb) => Promise<T>, fallback: T): Promise<T> {
    const d = await connect();
    if (!d) return fallback;
    try {
      return await read(d);
    } catch (e) {
      fail(e);
      changed();
      return fallback;
    }
  }

  return {
    get status() {
      return status();
    },
    get problem() {
      return problem;
    },
    get held() {
      return queue.length;
    },
    get heldDurable() {
      return durable;
    },
    get settingsKnown() {
      return settingsKnown;
    },
    get persisted() {
      return persisted;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async putVisitor(v) {
      await ready;
      remember({ kind: 'visitor', row: v });
      await write({ kind: 'visitor', row: v });
    },
    async getVisitor(id) {
      await ready;
      if (deletedVisitors.has(id)) return undefined;
      if (visitors.has(id)) return visitors.get(id);
      return stored((d) => d.visitors.get(id), undefined);
    },
    async putAttempt(a) {
      await ready;
      remember({ kind: 'attempt', row: a });
      await write({ kind: 'attempt', row: a });
    },
    async putAttempts(list) {
      await ready;
      if (!list.length) return;
      const rows: HeldWrite[] = list.map((row) => ({ kind: 'attempt', row }));
      rows.forEach(remember);
      await writeMany(rows, (d) => d.attempts.bulkPut([...list]));
    },
    async putVisitors(list) {
      await ready;
      if (!list.length) return;
      const rows: HeldWrite[] = list.map((row) => ({ kind: 'visitor', row }));
      rows.forEach(remember);
      await writeMany(rows, (d) => d.visitors.bulkPut([...list]));
    },
    async listAttempts() {
      await ready;
      const rows = await stored((d) => d.attempts.toArray(), [] as Attempt[]);
      const byId = new Map(rows.filter((a) => !deletedAttempts.has(a.id)).map((a) => [a.id, a]));
      for (const a of attempts.values()) byId.set(a.id, a);
      return [...byId.values()].sort((a, b) => a.endedAt - b.endedAt);
    },
    async getSettings() {
      await ready;
      if (!settingsKnown) await connect();
      return { ...settings };
    },
    async putSettings(patch) {
      await ready;
      remember({ kind: 'settings', patch });
      await write({ kind: 'settings', patch });
    },
    async putProgress(p) {
      await ready;
      remember({ kind: 'progress', row: p });
      await write({ kind: 'progress', row: p });
    },
    async getProgress(key) {
      await ready;
      if (progress.has(key)) return progress.get(key) ?? undefined;
      return stored((d) => d.progress.get(key), undefined);
    },
    async deleteProgress(key) {
      await ready;
      remember({ kind: 'progress-delete', key });
      await write({ kind: 'progress-delete', key });
    },
    async listVisitors() {
      await ready;
      const rows = await stored((d) => d.visitors.toArray(), [] as Visitor[]);
      const byId = new Map(rows.filter((v) => !deletedVisitors.has(v.id)).map((v) => [v.id, v]));
      for (const v of visitors.values()) byId.set(v.id, v);
      return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
    },
    async restored(ids) {
      await ready;
      for (const id of ids.attempts) deletedAttempts.delete(id);
      for (const id of ids.visitors) deletedVisitors.delete(id);
      emit();
    },
    async deleteAttempts(ids) {
      await ready;
      if (!ids.length) return;
      const w: HeldWrite = { kind: 'attempts-delete', ids: [...ids] };
      remember(w);
      await write(w);
    },
    async deleteVisitors(ids) {
      await ready;
      if (!ids.length) return;
      const w: HeldWrite = { kind: 'visitors-delete', ids: [...ids] };
      remember(w);
      await write(w);
    },
    async putCompetition(c) {
      await ready;
      remember({ kind: 'competition', row: c });
      await write({ kind: 'competition', row: c });
    },
    async getCompetition(id) {
      await ready;
      if (competitions.has(id)) return competitions.get(id) ?? undefined;
      return stored((d) => d.competitions.get(id), undefined);
    },
    async listCompetitions() {
      await ready;
      const rows = await stored((d) => d.competitions.toArray(), [] as CompetitionRecord[]);
      const byId = new Map<string, CompetitionRecord | null>(rows.map((c) => [c.id, c]));
      for (const [id, c] of competitions) byId.set(id, c);
      return [...byId.values()].filter((c): c is CompetitionRecord => c !== null).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async deleteCompetitions(ids) {
      await ready;
      if (!ids.length) return;
      const w: HeldWrite = { kind: 'competitions-delete', ids: [...ids] };
      remember(w);
      await write(w);
    },
    retry,
  };
}
