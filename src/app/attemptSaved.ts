// "A zone just saved a result": the pre/post layer offers its post-check then, without any zone (or
// the self-test, or the game HUD) knowing about it. Storage is wrapped once in main.tsx; listeners
// hear every attempt after it is saved.
import type { Attempt, HallStorage } from '../storage/types.ts';

type Listener = (a: Attempt) => void;
const listeners = new Set<Listener>();

export function onAttemptSaved(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Storage that tells the listeners about each attempt it saved (a Proxy: everything else passes through). */
export function announcingStorage(inner: HallStorage): HallStorage {
  const putAttempt = async (a: Attempt) => {
    await inner.putAttempt(a);
    for (const l of listeners) l(a);
  };
  return new Proxy(inner, {
    get(target, key) {
      if (key === 'putAttempt') return putAttempt;
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
