// The visitor's live-competition store (stores/liveVisitor.ts), one per page, shared by the join
// screen (flat) and the headset's join and answer panels; a seat kept from before is taken up again
// the first time either opens. Imports only the store and the room client (zod's protocol module
// comes with them): loaded with the join screen or the stage, never on the first screen.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { hallServerHint } from '../hall/hint.ts';
import type { LiveRoomState } from '../hall/liveRoom.ts';
import { visitorView, type VisitorView } from '../modes/competition/visitorView.ts';
import { createLiveVisitorStore, type LiveVisitorStore } from '../stores/liveVisitor.ts';
import { useServices, useSession } from './context.tsx';
import { exposeForTests, testHooksEnabled } from './testHooks.ts';
import type { AppServices } from './context.tsx';
import { createStore } from 'zustand/vanilla';

let store: LiveVisitorStore | null = null;

function liveVisitorStore(services: AppServices): LiveVisitorStore {
  if (!store) {
    store = createLiveVisitorStore({
      hasServer: hallServerHint(),
      device: async () => (await services.hall)?.state.getState().device,
    });
    if (testHooksEnabled) exposeForTests('__liveVisitor', store);
  }
  return store;
}

/** The store, with the join form's draft filled from the link's code and the visitor's profile once. */
export function useLiveVisitor(code?: string): LiveVisitorStore {
  const services = useServices();
  const s = liveVisitorStore(services);
  const visitor = useSession((x) => x.visitor);
  useEffect(() => {
    const { draft, actions } = s.getState();
    if (actions.resume()) return;
    actions.setDraft({
      code: code ? code.toUpperCase() : draft.code,
      nickname: draft.nickname || visitor?.nickname || '',
      group: draft.group || visitor?.group || '',
    });
  }, [s, code, visitor]);
  return s;
}

const idle = createStore<LiveRoomState | null>()(() => null);

/** The joined room's state (null before joining) and this player's view of it. */
export function useLiveRoom(s: LiveVisitorStore): { room: Pick<LiveRoomState, 'status' | 'title' | 'code' | 'roster'> | null; view: VisitorView | null } {
  const client = useStore(s, (x) => x.client);
  const room = useStore(
    (client?.store ?? idle) as typeof idle,
    useShallow((r: LiveRoomState | null) => (r ? { status: r.status, title: r.title, code: r.code, roster: r.roster, state: r.state, ctx: r.ctx, you: r.you } : null)),
  );
  if (!room) return { room: null, view: null };
  return { room, view: room.status === 'connecting' && room.state.lastSeq === 0 ? null : visitorView(room.state, room.ctx, room.you) };
}
