// Storage that also hands every saved attempt to the hall's outbox. The device's own storage stays
// the truth and is written first; the outbox only ever adds an upload. A Proxy, so whatever else the
// storage offers (now or later) passes through untouched.
import type { Attempt, HallStorage } from '../storage/types.ts';

export function uploadingStorage(inner: HallStorage, enqueue: (a: Attempt) => Promise<void>): HallStorage {
  const putAttempt = async (a: Attempt) => {
    await inner.putAttempt(a);
    // the outbox reports its own trouble; a visitor's save never fails because of the hall server
    await enqueue(a).catch(() => undefined);
  };
  return new Proxy(inner, {
    get(target, key) {
      if (key === 'putAttempt') return putAttempt;
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
