// The staff console's view of the hall server: the connection (null on a static copy of the app),
// its state, and whether this console is signed in to it — in which case statistics, exports and
// kiosk settings go to the server instead of this device alone.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useServices } from '../../app/context.tsx';
import type { HallConnection, HallState } from '../../hall/connect.ts';

const absent = createStore<HallState>()(() => ({
  info: null,
  reachable: null,
  device: null,
  outbox: { queued: 0, sent: 0, rejected: 0, lastError: null, lastSentAt: null },
  durable: true,
  staff: 'signedOut',
}));

export function useHallConnection(): HallConnection | null {
  const { hall } = useServices();
  const [conn, setConn] = useState<HallConnection | null>(null);
  useEffect(() => {
    let live = true;
    void hall?.then((h) => live && setConn(h));
    return () => {
      live = false;
    };
  }, [hall]);
  return conn;
}

export function useHallState<T>(hall: HallConnection | null, select: (s: HallState) => T): T {
  return useStore(hall?.state ?? absent, select);
}

/** The connection when this console is signed in to the hall server, else null (device-local). */
export function useHallStaff(): HallConnection | null {
  const hall = useHallConnection();
  const staff = useHallState(hall, (s) => s.staff);
  return hall && staff === 'signedIn' ? hall : null;
}
