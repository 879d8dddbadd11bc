// Writes that IndexedDB has not taken yet (it is missing, full, blocked or broken), kept in order in
// a durable queue so that a reload, or the browser closing, loses none of them. The queue lives in
// localStorage: it works when IndexedDB is the thing that failed, and it is written synchronously.
//
// localStorage is small (about 5 million characters per origin in Chromium, shared with the
// competition's write-ahead copy and the error log), so the queue keeps only what still matters:
// a later write of the same row replaces the earlier one, a deletion drops the rows it deletes,
// settings patches merge. Past MAX_HELD_CHARS the queue is still kept in memory and written
// through, but no longer survives a reload: `durable` turns false and the banner says so.
import type { Attempt, CompetitionRecord, Progress, Settings, Visitor } from './types.ts';

export type HeldWrite =
  | { kind: 'visitor'; row: Visitor }
  | { kind: 'attempt'; row: Attempt }
  | { kind: 'settings'; patch: Settings }
  | { kind: 'progress'; row: Progress }
  | { kind: 'progress-delete'; key: string }
  | { kind: 'attempts-delete'; ids: string[] }
  | { kind: 'visitors-delete'; ids: string[] }
  | { kind: 'competition'; row: CompetitionRecord }
  | { kind: 'competitions-delete'; ids: string[] };

export const HELD_KEY = 'hall.storage.held';
export const MAX_HELD_CHARS = 2_500_000;

export type HeldStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The row a write replaces (writes with the same key supersede each other), null for deletions of lists. */
function rowKey(w: HeldWrite): string | null {
  switch (w.kind) {
    case 'visitor':
      return `visitor:${w.row.id}`;
    case 'attempt':
      return `attempt:${w.row.id}`;
    case 'progress':
      return `progress:${w.row.key}`;
    case 'progress-delete':
      return `progress:${w.key}`;
    case 'competition':
      return `competition:${w.row.id}`;
    case 'settings':
      return 'settings';
    default:
      return null;
  }
}

/** Row keys a list deletion makes pointless to write first. */
function deletedKeys(w: HeldWrite): string[] {
  if (w.kind === 'attempts-delete') return w.ids.map((id) => `attempt:${id}`);
  if (w.kind === 'visitors-delete') return w.ids.map((id) => `visitor:${id}`);
  if (w.kind === 'competitions-delete') return w.ids.map((id) => `competition:${id}`);
  return [];
}

/** The queue after adding `w` at its end, with what it supersedes removed. Pure. */
export function enqueue(queue: readonly HeldWrite[], w: HeldWrite): HeldWrite[] {
  const key = rowKey(w);
  const dropped = new Set(deletedKeys(w));
  let next = w;
  const out: HeldWrite[] = [];
  for (const q of queue) {
    const k = rowKey(q);
    if (k !== null && k === key) {
      // settings are patches: the newer one wins field by field
      if (q.kind === 'settings' && w.kind === 'settings') next = { kind: 'settings', patch: { ...q.patch, ...w.patch } };
      continue;
    }
    if (k !== null && dropped.has(k)) continue;
    out.push(q);
  }
  out.push(next);
  return out;
}

function valid(w: unknown): w is HeldWrite {
  if (!w || typeof w !== 'object') return false;
  const k = (w as { kind?: unknown }).kind;
  return typeof k === 'string' && ['visitor', 'attempt', 'settings', 'progress', 'progress-delete', 'attempts-delete', 'visitors-delete', 'competition', 'competitions-delete'].includes(k);
}

export function loadHeld(store: HeldStore | null): HeldWrite[] {
  if (!store) return [];
  try {
    const raw = JSON.parse(store.getItem(HELD_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(valid) : [];
  } catch {
    return [];
  }
}

/** Writes the queue; false when it could not be kept (too big, localStorage full or missing). */
export function saveHeld(store: HeldStore | null, queue: readonly HeldWrite[]): boolean {
  if (!store) return queue.length === 0;
  try {
    if (!queue.length) {
      store.removeItem(HELD_KEY);
      return true;
    }
    const text = JSON.stringify(queue);
    if (text.length > MAX_HELD_CHARS) {
      store.removeItem(HELD_KEY);
      return false;
    }
    store.setItem(HELD_KEY, text);
    return true;
  } catch {
    return false;
  }
}

export function defaultHeldStore(): HeldStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
