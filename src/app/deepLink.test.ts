import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openHallDb } from '../storage/db.ts';
import { createHallStorage } from '../storage/storage.ts';
import { createSessionStore } from '../stores/session.ts';
import { applyDeepLink } from './deepLink.ts';

const groups = ['child', 'teen', 'adult'];
const fresh = () => {
  const storage = createHallStorage(() => openHallDb(`dl-${Math.random()}`));
  return { storage, store: createSessionStore(storage) };
};

describe('deep links', () => {
  it('start an anonymous visitor of the group in the language, saving nothing as the profile', async () => {
    const { store, storage } = fresh();
    applyDeepLink(store, { group: 'teen', lang: 'en' }, groups);
    const s = store.getState();
    expect(s.lang).toBe('en');
    expect(s.visitor).toMatchObject({ group: 'teen', anonymous: true });
    expect((await storage.getSettings()).currentVisitorId).toBeUndefined();
    expect((await storage.getSettings()).lang).toBeUndefined();
  });

  it('keep the same anonymous visitor when the station navigates or reloads', () => {
    const { store } = fresh();
    applyDeepLink(store, { group: 'child' }, groups);
    const id = store.getState().visitor!.id;
    applyDeepLink(store, { group: 'child' }, groups);
    expect(store.getState().visitor!.id).toBe(id);
    applyDeepLink(store, { group: 'teen' }, groups);
    expect(store.getState().visitor!.id).not.toBe(id);
  });

  it('name unknown ids in a notice and change nothing', () => {
    const { store } = fresh();
    applyDeepLink(store, { group: 'martian', lang: 'fr' }, groups);
    const s = store.getState();
    expect(s.visitor).toBeNull();
    expect(s.lang).toBe('zh-Hans');
    expect(s.notices.map((n) => [n.key, n.params?.id])).toEqual([
      ['errors.unknownLang', 'fr'],
      ['errors.unknownGroup', 'martian'],
    ]);
  });
});
