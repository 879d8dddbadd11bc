import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openHallDb } from '../storage/db.ts';
import { createHallStorage } from '../storage/storage.ts';
import { createSessionStore, restoreSession } from './session.ts';

/** sessionStorage as a tab has it (Node has none). */
function tabStorage() {
  const m = new Map<string, string>();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}
afterEach(() => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
});

describe('a programme participant’s session (staff start it on this device)', () => {
  it('plays under the participant’s id, survives a reload of the tab, and ends with the visit', async () => {
    tabStorage();
    const storage = createHallStorage(() => openHallDb(`ps-${Math.random()}`));
    const store = createSessionStore(storage);
    await store.getState().actions.createProfile({ nickname: '小明', group: 'child', lang: 'zh-Hans', textSize: 'normal' });
    store.getState().actions.startParticipant('pv-1', 'driver');
    expect(store.getState().visitor).toMatchObject({ id: 'pv-1', group: 'driver', nickname: '', anonymous: true });
    // the previous visitor is no longer the device's profile: a reload must not hand results to them
    await expect.poll(async () => (await storage.getSettings()).currentVisitorId).toBeNull();

    const reloaded = createSessionStore(storage);
    await restoreSession(reloaded, storage);
    expect(reloaded.getState().visitor).toMatchObject({ id: 'pv-1', group: 'driver', anonymous: true });

    await reloaded.getState().actions.endVisit();
    const again = createSessionStore(storage);
    await restoreSession(again, storage);
    expect(again.getState().visitor).toBeNull();
  });
});
