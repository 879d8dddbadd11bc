// The staff-question repository before its chunk (Dexie) has loaded: calls wait for it. Kept apart
// from staffQuestions.ts so the first screen's chunk never imports Dexie.
import type { StaffQuestionRepo } from './staffQuestions.ts';

export function deferredStaffQuestionRepo(real: Promise<StaffQuestionRepo>): StaffQuestionRepo {
  const listeners = new Set<() => void>();
  void real.then((r) => r.subscribe(() => listeners.forEach((l) => l()))).catch(() => undefined);
  return {
    list: async () => (await real).list(),
    put: async (records) => (await real).put(records),
    delete: async (ids) => (await real).delete(ids),
    replaceAll: async (records) => (await real).replaceAll(records),
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
