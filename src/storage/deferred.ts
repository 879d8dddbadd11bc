// Storage that exists before IndexedDB code has loaded: calls wait for the real storage, so the first
// screen can render from the small entry chunk while Dexie (and the content schemas) load behind it.
import type { HallStorage, StorageStatus } from './types.ts';

export function deferredStorage(real: Promise<HallStorage>): HallStorage {
  let inner: HallStorage | null = null;
  const listeners = new Set<() => void>();
  void real.then((s) => {
    inner = s;
    s.subscribe(() => listeners.forEach((l) => l()));
    listeners.forEach((l) => l());
  });
  const later =
    <K extends keyof HallStorage>(k: K) =>
    async (...args: unknown[]) => {
      const s = await real;
      return (s[k] as (...a: unknown[]) => unknown)(...args);
    };
  return {
    get status(): StorageStatus {
      return inner ? inner.status : 'opening';
    },
    get problem() {
      return inner ? inner.problem : null;
    },
    get held() {
      return inner ? inner.held : 0;
    },
    get heldDurable() {
      return inner ? inner.heldDurable : true;
    },
    get settingsKnown() {
      return inner ? inner.settingsKnown : false;
    },
    get persisted() {
      return inner ? inner.persisted : null;
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    putVisitor: later('putVisitor') as HallStorage['putVisitor'],
    getVisitor: later('getVisitor') as HallStorage['getVisitor'],
    putAttempt: later('putAttempt') as HallStorage['putAttempt'],
    putAttempts: later('putAttempts') as HallStorage['putAttempts'],
    putVisitors: later('putVisitors') as HallStorage['putVisitors'],
    listAttempts: later('listAttempts') as HallStorage['listAttempts'],
    getSettings: later('getSettings') as HallStorage['getSettings'],
    putSettings: later('putSettings') as HallStorage['putSettings'],
    putProgress: later('putProgress') as HallStorage['putProgress'],
    getProgress: later('getProgress') as HallStorage['getProgress'],
    deleteProgress: later('deleteProgress') as HallStorage['deleteProgress'],
    listVisitors: later('listVisitors') as HallStorage['listVisitors'],
    deleteAttempts: later('deleteAttempts') as HallStorage['deleteAttempts'],
    restored: later('restored') as HallStorage['restored'],
    deleteVisitors: later('deleteVisitors') as HallStorage['deleteVisitors'],
    putCompetition: later('putCompetition') as HallStorage['putCompetition'],
    getCompetition: later('getCompetition') as HallStorage['getCompetition'],
    listCompetitions: later('listCompetitions') as HallStorage['listCompetitions'],
    deleteCompetitions: later('deleteCompetitions') as HallStorage['deleteCompetitions'],
    retry: later('retry') as HallStorage['retry'],
  };
}
