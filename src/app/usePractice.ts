// The competition practice store of the current visitor in a zone, shared by the flat and immersive
// skins, created once per visitor and zone and loaded on first use.
import { useEffect, useState } from 'react';
import type { ZoneId } from '../content/ids.ts';
import { runningCompetition, type RunningCompetition } from '../modes/competition/running.ts';
import { createPracticeStore, type PracticeStore } from '../stores/practice.ts';
import { useCatalog, useServices, useSession } from './context.tsx';

const stores = new Map<string, PracticeStore>();

export function usePractice(zone: ZoneId): PracticeStore | null {
  const services = useServices();
  const catalog = useCatalog();
  const visitor = useSession((s) => s.visitor);
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  const key = visitor && group ? `${visitor.id}:${group.id}:${zone}` : null;
  let store = key ? stores.get(key) : undefined;
  if (key && !store && group) {
    store = createPracticeStore({ loadBank: services.loadBank, zone, group });
    stores.set(key, store);
  }
  useEffect(() => {
    if (store && store.getState().status === 'loading') void store.getState().actions.load();
  }, [store]);
  // the clock: expiry and the countdown, only while a question is open
  useEffect(() => {
    if (!store) return;
    const id = setInterval(() => store.getState().actions.tick(), 200);
    return () => clearInterval(id);
  }, [store]);
  return store ?? null;
}

/** The competition on at this kiosk, if any (read once when the screen opens). */
export function useRunningCompetition(): RunningCompetition | null {
  const { storage } = useServices();
  const [running, setRunning] = useState<RunningCompetition | null>(null);
  useEffect(() => {
    let live = true;
    void storage
      .listCompetitions()
      .then((records) => live && setRunning(runningCompetition(records, Date.now())))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [storage]);
  return running;
}

/** Re-renders every `ms` while `active` (countdowns). */
export function useNow(active: boolean, ms = 200): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [active, ms]);
  return now;
}
