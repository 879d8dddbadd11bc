// The visitor's session: who (nickname + group, or an anonymous deep-link visitor), language, text
// size, and the notices the skins show. Actions persist through HallStorage; both skins read this.
import { createStore } from 'zustand/vanilla';
import type { Lang } from '../content/ids.ts';
import { newId } from '../modes/profile.ts';
import type { Comfort, HallStorage, Visitor } from '../storage/types.ts';

export type TextSize = 'normal' | 'large';

export interface SessionVisitor extends Visitor {
  /** started from a deep link: not saved as the device's current profile */
  anonymous: boolean;
}

export interface Notice {
  id: string;
  /** i18n key under errors.* */
  key: string;
  params?: Record<string, string>;
  tone: 'info' | 'warning' | 'error';
}

export interface SessionState {
  ready: boolean;
  lang: Lang;
  textSize: TextSize;
  visitor: SessionVisitor | null;
  notices: Notice[];
  actions: {
    setLang(lang: Lang, persist?: boolean): void;
    setTextSize(size: TextSize): void;
    createProfile(p: { nickname: string; group: string; lang: Lang; textSize: TextSize }): Promise<void>;
    startAnonymous(group: string): void;
    /** staff start a programme participant's session on this device (modes/programme.ts): attempts are
     * saved under the participant's random visitor id; nothing is saved as a profile */
    startParticipant(visitorId: string, group: string): void;
    /** saved with the visitor (not for anonymous deep-link visitors, who keep it for the visit) */
    setComfort(patch: Partial<Comfort>): void;
    endVisit(): Promise<void>;
    notify(n: Omit<Notice, 'id'>): void;
    dismiss(id: string): void;
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

/**
 * A deep-link visitor keeps their anonymous id across reloads of the same tab (a kiosk station that
 * reloads mid-test resumes it) but never beyond the tab: nothing is stored as a profile.
 */
const ANON_KEY = 'hall.anonymousVisitor';
function anonymousId(group: string): string {
  try {
    const saved = JSON.parse(globalThis.sessionStorage?.getItem(ANON_KEY) ?? 'null') as { id?: string; group?: string } | null;
    if (saved?.id && saved.group === group) return saved.id;
    const id = newId('anon');
    globalThis.sessionStorage?.setItem(ANON_KEY, JSON.stringify({ id, group }));
    return id;
  } catch {
    return newId('anon');
  }
}

/** A participant's session survives a reload of the tab (mid-game), never beyond the tab. */
const PARTICIPANT_KEY = 'hall.participantVisitor';
function savedParticipant(): { id: string; group: string } | null {
  try {
    const p = JSON.parse(globalThis.sessionStorage?.getItem(PARTICIPANT_KEY) ?? 'null') as { id?: unknown; group?: unknown } | null;
    return p && typeof p.id === 'string' && typeof p.group === 'string' ? { id: p.id, group: p.group } : null;
  } catch {
    return null;
  }
}

export function createSessionStore(storage: HallStorage, initial: Partial<Pick<SessionState, 'lang' | 'textSize'>> = {}) {
  return createStore<SessionState>()((set, get) => ({
    ready: false,
    lang: initial.lang ?? 'zh-Hans',
    textSize: initial.textSize ?? 'normal',
    visitor: null,
    notices: [],
    actions: {
      setLang(lang, persist = true) {
        set({ lang });
        if (persist && !get().visitor?.anonymous) void storage.putSettings({ lang });
      },
      setTextSize(textSize) {
        set({ textSize });
        if (!get().visitor?.anonymous) void storage.putSettings({ textSize });
      },
      async createProfile({ nickname, group, lang, textSize }) {
        const visitor: Visitor = { id: newId('v'), nickname: nickname.trim(), group, createdAt: Date.now() };
        set({ visitor: { ...visitor, anonymous: false }, lang, textSize });
        await storage.putVisitor(visitor);
        await storage.putSettings({ lang, textSize, currentVisitorId: visitor.id });
      },
      setComfort(patch) {
        const v = get().visitor;
        if (!v) return;
        const visitor = { ...v, comfort: { ...v.comfort, ...patch } };
        set({ visitor });
        if (!visitor.anonymous) {
          const { anonymous: _a, ...row } = visitor;
          void storage.putVisitor(row);
        }
      },
      startAnonymous(group) {
        set({ visitor: { id: anonymousId(group), nickname: '', group, createdAt: Date.now(), anonymous: true } });
      },
      startParticipant(visitorId, group) {
        set({ visitor: { id: visitorId, nickname: '', group, createdAt: Date.now(), anonymous: true } });
        try {
          globalThis.sessionStorage?.setItem(PARTICIPANT_KEY, JSON.stringify({ id: visitorId, group }));
        } catch {
          // a reload then ends the participant's session (staff start it again)
        }
        void storage.putSettings({ currentVisitorId: null });
      },
      async endVisit() {
        set({ visitor: null });
        try {
          globalThis.sessionStorage?.removeItem(PARTICIPANT_KEY);
        } catch {
          // nothing kept
        }
        await storage.putSettings({ currentVisitorId: null });
      },
      notify(n) {
        const same = get().notices.find((x) => x.key === n.key && JSON.stringify(x.params) === JSON.stringify(n.params));
        if (same) return;
        set({ notices: [...get().notices, { ...n, id: newId('n') }] });
      },
      dismiss(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
    },
  }));
}

/** Restores the device's saved profile and settings (a reload keeps the visitor). */
export async function restoreSession(store: SessionStore, storage: HallStorage): Promise<void> {
  const s = await storage.getSettings();
  const patch: Partial<SessionState> = { ready: true };
  if (s.lang) patch.lang = s.lang;
  if (s.textSize) patch.textSize = s.textSize;
  const participant = savedParticipant();
  if (participant) patch.visitor = { id: participant.id, nickname: '', group: participant.group, createdAt: Date.now(), anonymous: true };
  else if (s.currentVisitorId) {
    const v = await storage.getVisitor(s.currentVisitorId);
    if (v) patch.visitor = { ...v, anonymous: false };
  }
  store.setState(patch);
}
