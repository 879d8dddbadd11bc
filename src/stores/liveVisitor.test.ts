import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { LiveRoomClient, LiveRoomState, LiveSeat } from '../hall/liveRoom.ts';
import { initialState } from '../modes/competition/log.ts';
import { createLiveVisitorStore, type LiveVisitorDeps } from './liveVisitor.ts';

function fakeRoom() {
  const sent: unknown[] = [];
  const opened: unknown[] = [];
  let closed = 0;
  const connect = ((first: unknown) => {
    opened.push(first);
    const store = createStore<LiveRoomState>()(() => ({ status: 'open', role: 'visitor', title: '周五赛', code: 'ABCDEF', you: 'v1', roster: [], log: [], state: { ...initialState(), q: 0 }, ctx: { banks: {}, challenges: {} }, refused: null, problems: [], clockOffset: 0 }));
    const client: LiveRoomClient = { store, send: (m) => (sent.push(m), true), close: () => void closed++ };
    return client;
  }) as NonNullable<LiveVisitorDeps['connect']>;
  let seat: LiveSeat | null = null;
  const seats = { load: () => seat, save: (s: LiveSeat | null) => void (seat = s) };
  return { sent, opened, connect, seats, closed: () => closed, seat: () => seat };
}

describe('the visitor side of a live room', () => {
  it('a refused join is named and keeps the form; a good one saves the seat and connects with it', async () => {
    const f = fakeRoom();
    const answers = [
      { ok: false as const, status: 409, error: 'this nickname is taken in this room: choose another' },
      { ok: true as const, seat: { room: 'r1', player: 'v1', token: 'T'.repeat(32), title: '周五赛' } },
    ];
    const s = createLiveVisitorStore({ hasServer: true, join: async () => answers.shift()!, connect: f.connect, seats: f.seats, device: async () => ({ id: 'dev-1', kind: 'phone', appVersion: '1' }) });
    s.getState().actions.setDraft({ code: 'abcdef', nickname: ' 小明 ', group: 'adult' });
    expect(await s.getState().actions.join()).toBe(false);
    expect(s.getState()).toMatchObject({ step: 'form', problem: 'nicknameTaken', client: null });
    expect(await s.getState().actions.join()).toBe(true);
    expect(s.getState()).toMatchObject({ step: 'room', problem: null });
    expect(f.seat()).toMatchObject({ room: 'r1', token: 'T'.repeat(32), code: 'ABCDEF', nickname: '小明', group: 'adult' });
    expect(f.opened).toEqual([{ kind: 'hello', room: 'r1', token: 'T'.repeat(32) }]);
    // answers go out for the current question only
    expect(s.getState().actions.answer('b')).toBe(true);
    expect(f.sent).toEqual([{ kind: 'answer', q: 0, choice: 'b' }]);
    s.getState().actions.leave();
    expect(f.seat()).toBeNull();
    expect(s.getState()).toMatchObject({ step: 'form', client: null });
  });

  it('a kept seat is taken up again; a seat the room no longer knows sends the visitor back to the form', () => {
    const f = fakeRoom();
    f.seats.save({ room: 'r1', player: 'v2', token: 'K'.repeat(32), title: '周五赛', code: 'ABCDEF', nickname: '小红', group: 'teen' });
    const s = createLiveVisitorStore({ hasServer: true, connect: f.connect, seats: f.seats });
    expect(s.getState().actions.resume()).toBe(true);
    expect(f.opened).toEqual([{ kind: 'hello', room: 'r1', token: 'K'.repeat(32) }]);
    s.getState().client!.store.setState({ status: 'refused', refused: 'this seat is not known in this room' });
    expect(s.getState()).toMatchObject({ step: 'form', problem: 'seatLost', client: null });
    expect(f.seat()).toBeNull();
  });

  it('a static copy of the app says it needs the hall server and asks nothing', async () => {
    let asked = 0;
    const s = createLiveVisitorStore({ hasServer: false, join: async () => (asked++, { ok: false, status: 0, error: '' }) });
    expect(s.getState().problem).toBe('noServer');
    expect(await s.getState().actions.join()).toBe(false);
    expect(s.getState().actions.resume()).toBe(false);
    expect(asked).toBe(0);
  });
});
