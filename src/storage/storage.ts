// Storage that never takes the app down: when IndexedDB is missing, blocked or corrupt, everything
// is held in memory (with a clear status for the banner) and written through once it works again.
import { openHallDb, type HallDb } from './db.ts';
import type { Attempt, CompetitionRecord, HallStorage, Progress, Settings, StorageStatus, Visitor } from './types.ts';

type Pending =
  | { kind: 'visitor'; row: Visitor }
  | { kind: 'attempt'; row: Attempt }
  | { kind: 'settings'; patch: Settings }
  | { kind: 'progress'; row: Progress }
  | { kind: 'progress-delete'; key: string }
  | { kind: 'attempts-delete'; ids: string[] }
  | { kind: 'visitors-delete'; ids: string[] }
  | { kind: 'competition'; row: CompetitionRecord }
  | { kind: 'competitions-delete'; ids: string[] };

export function describeStorageError(e: unknown): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } };
  const name = err?.inner?.name ?? err?.name ?? 'Error';
  if (name === 'QuotaExceededError') return 'the device storage is full';
  if (name === 'MissingAPIError') return 'this browser has no IndexedDB (private mode?)';
  if (name === 'VersionError') return 'the saved data is from a newer version of the app';
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'DataError') return `the saved data cannot be read (${name})`;
  return `${name}: ${err?.message ?? String(e)}`;
}

export function createHallStorage(open: () => HallDb = () => openHallDb(), openTimeoutMs = 4000): HallStorage {
  let db: HallDb | null = null;
  let status: StorageStatus = 'opening';
  let problem: string | null = null;
  const listeners = new Set<() => void>();
  // the in-memory copy: the truth while storage is down, merged into reads afterwards
  const visitors = new Map<string, Visitor>();
  const attempts = new Map<string, Attempt>();
  let settings: Settings = {};
  const progress = new Map<string, Progress | null>();
  // deletions made this session hide stored rows (also while storage is down)
  const deletedAttempts = new Set<string>();
  const deletedVisitors = new Set<string>();
  const competitions = new Map<string, CompetitionRecord | null>();
  const pending: Pending[] = [];

  const emit = () => listeners.forEach((l) => l());
  const fail = (e: unknown) => {
    status = 'memory';
    problem = describeStorageError(e);
    db = null;
    emit();
  };

  async function connect(): Promise<HallDb | null> {
    if (db) return db;
    try {
      const d = open();
      // a database blocked by another tab would otherwise wait for ever
      await Promise.race([
        d.open(),
        new Promise((_, reject) => setTimeout(() => reject(Object.assign(new Error('the database is blocked by another window'), { name: 'BlockedError' })), openTimeoutMs)),
      ]);
      db = d;
      const s = await d.settings.get('main');
      if (s) {
        const { key: _k, ...rest } = s;
        settings = { ...rest, ...settings };
      }
      if (status !== 'ok') {
        status = 'ok';
        problem = null;
        emit();
      }
      return d;
    } catch (e) {
      fail(e);
      return null;
    }
  }

  async function write(p: Pending): Promise<void> {
    const d = await connect();
    if (!d) {
      pending.push(p);
      return;
    }
    try {
      if (p.kind === 'visitor') await d.visitors.put(p.row);
      else if (p.kind === 'attempt') await d.attempts.put(p.row);
      else if (p.kind === 'progress') await d.progress.put(p.row);
      else if (p.kind === 'progress-delete') await d.progress.delete(p.key);
      else if (p.kind === 'attempts-delete') await d.attempts.bulkDelete(p.ids);
      else if (p.kind === 'visitors-delete') await d.visitors.bulkDelete(p.ids);
      else if (p.kind === 'competition') await d.competitions.put(p.row);
      else if (p.kind === 'competitions-delete') await d.competitions.bulkDelete(p.ids);
      else await d.settings.put({ ...settings, key: 'main' });
    } catch (e) {
      pending.push(p);
      fail(e);
    }
  }

  async function flush(): Promise<boolean> {
    if (!(await connect())) return false;
    while (pending.length) {
      const p = pending.shift()!;
      await write(p);
      if (status !== 'ok') return false;
    }
    return true;
  }

  const ready = connect();

  return {
    get status() {
      return status;
    },
    get problem() {
      return problem;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async putVisitor(v) {
      await ready;
      visitors.set(v.id, v);
      deletedVisitors.delete(v.id);
      await write({ kind: 'visitor', row: v });
    },
    async getVisitor(id) {
      await ready;
      if (deletedVisitors.has(id)) return undefined;
      if (visitors.has(id)) return visitors.get(id);
      const d = await connect();
      try {
        return d ? await d.visitors.get(id) : undefined;
      } catch (e) {
        fail(e);
        return undefined;
      }
    },
    async putAttempt(a) {
      await ready;
      attempts.set(a.id, a);
      deletedAttempts.delete(a.id);
      await write({ kind: 'attempt', row: a });
    },
    async listAttempts() {
      await ready;
      const d = await connect();
      let stored: Attempt[] = [];
      try {
        stored = d ? await d.attempts.toArray() : [];
      } catch (e) {
        fail(e);
      }
      const byId = new Map(stored.filter((a) => !deletedAttempts.has(a.id)).map((a) => [a.id, a]));
      for (const a of attempts.values()) byId.set(a.id, a);
      return [...byId.values()].sort((a, b) => a.endedAt - b.endedAt);
    },
    async getSettings() {
      await ready;
      return { ...settings };
    },
    async putSettings(patch) {
      await ready;
      settings = { ...settings, ...patch };
      await write({ kind: 'settings', patch });
    },
    async putProgress(p) {
      await ready;
      progress.set(p.key, p);
      await write({ kind: 'progress', row: p });
    },
    async getProgress(key) {
      await ready;
      if (progress.has(key)) return progress.get(key) ?? undefined;
      const d = await connect();
      try {
        return d ? await d.progress.get(key) : undefined;
      } catch (e) {
        fail(e);
        return undefined;
      }
    },
    async deleteProgress(key) {
      await ready;
      progress.set(key, null);
      await write({ kind: 'progress-delete', key });
    },
    async listVisitors() {
      await ready;
      const d = await connect();
      let stored: Visitor[] = [];
      try {
        stored = d ? await d.visitors.toArray() : [];
      } catch (e) {
        fail(e);
      }
      const byId = new Map(stored.filter((v) => !deletedVisitors.has(v.id)).map((v) => [v.id, v]));
      for (const v of visitors.values()) byId.set(v.id, v);
      return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
    },
    async deleteAttempts(ids) {
      await ready;
      if (!ids.length) return;
      for (const id of ids) {
        attempts.delete(id);
        deletedAttempts.add(id);
      }
      await write({ kind: 'attempts-delete', ids: [...ids] });
    },
    async deleteVisitors(ids) {
      await ready;
      if (!ids.length) return;
      for (const id of ids) {
        visitors.delete(id);
        deletedVisitors.add(id);
      }
      await write({ kind: 'visitors-delete', ids: [...ids] });
    },
    async putCompetition(c) {
      await ready;
      competitions.set(c.id, c);
      await write({ kind: 'competition', row: c });
    },
    async getCompetition(id) {
      await ready;
      if (competitions.has(id)) return competitions.get(id) ?? undefined;
      const d = await connect();
      try {
        return d ? await d.competitions.get(id) : undefined;
      } catch (e) {
        fail(e);
        return undefined;
      }
    },
    async listCompetitions() {
      await ready;
      const d = await connect();
      let stored: CompetitionRecord[] = [];
      try {
        stored = d ? await d.competitions.toArray() : [];
      } catch (e) {
        fail(e);
      }
      const byId = new Map<string, CompetitionRecord | null>(stored.map((c) => [c.id, c]));
      for (const [id, c] of competitions) byId.set(id, c);
      return [...byId.values()].filter((c): c is CompetitionRecord => c !== null).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async deleteCompetitions(ids) {
      await ready;
      if (!ids.length) return;
      for (const id of ids) competitions.set(id, null);
      await write({ kind: 'competitions-delete', ids: [...ids] });
    },
    retry: flush,
  };
}
