// The pre/post check around one zone for one visitor: offered before the zone when staff switched it
// on (hall or visiting group), the same questions after the zone's result, saved as a learning record
// (zone, group, visiting group, right/wrong per item — no visitor id). Checks show no feedback: the
// pre-check measures what the visitor knew before, and the zone does the teaching.
import { createStore } from 'zustand/vanilla';
import { availableIn, type Lang, type ZoneId } from '../content/ids.ts';
import type { Group, Question } from '../content/schema.ts';
import * as P from '../modes/prePost.ts';
import * as T from '../modes/selfTest.ts';
import type { LearningRecord } from '../scoring/learning.ts';
import type { LearningSettings } from '../storage/types.ts';
import type { SelfTestDeps } from './selfTest.ts';

export type PrePostPhase = 'loading' | 'off' | 'offer' | 'pre' | 'zone' | 'postOffer' | 'post' | 'done';

export interface PrePostDeps {
  loadBank: SelfTestDeps['loadBank'];
  settings: () => Promise<LearningSettings>;
  save: (r: LearningRecord) => Promise<void>;
  zone: ZoneId;
  group: Group;
  lang: () => Lang;
  where?: LearningRecord['where'];
  /** a check even when staff have not switched it on (the family challenge and retests at home) */
  force?: boolean;
  now?: () => number;
  seed?: () => number;
}

export interface PrePostState {
  phase: PrePostPhase;
  bank: Question[];
  check: T.TestState | null;
  record: LearningRecord | null;
  actions: {
    init(): Promise<void>;
    startPre(): void;
    skipPre(): Promise<void>;
    answer(choiceIds: string[]): Promise<void>;
    /** the zone saved its result (a game's summary, a test's report) */
    zoneFinished(): void;
    startPost(): void;
    skipPost(): Promise<void>;
  };
}

export function createPrePostStore(deps: PrePostDeps) {
  const now = deps.now ?? (() => Date.now());
  const seed = deps.seed ?? (() => Math.floor(Math.random() * 2 ** 31));
  return createStore<PrePostState>()((set, get) => {
    let initing: Promise<void> | null = null;
    const save = (record: LearningRecord) => {
      set({ record });
      return deps.save(record);
    };
    async function init() {
      const [settings, loaded] = await Promise.all([deps.settings(), deps.loadBank(deps.zone)]);
      if (!deps.force && !P.preCheckOn(settings)) return set({ phase: 'off' });
      if (!loaded.ok) return set({ phase: 'off' });
      const l = deps.lang();
      const bank = loaded.questions.filter((q) => availableIn(q, l));
      const check = P.drawCheck(bank, deps.group, seed());
      if (!check) return set({ phase: 'off' });
      const record: LearningRecord = {
        id: P.newId('lr'),
        zone: deps.zone,
        group: deps.group.id,
        visit: P.activeVisit(settings)?.id ?? null,
        where: deps.where ?? 'hall',
        createdAt: now(),
        items: check.items.map((i) => i.id),
        pre: null,
        post: null,
      };
      set({ phase: 'offer', bank, check, record });
    }
    return {
      phase: 'loading',
      bank: [],
      check: null,
      record: null,
      actions: {
        init() {
          initing ??= init();
          return initing;
        },
        startPre() {
          if (get().phase === 'offer') set({ phase: 'pre' });
        },
        async skipPre() {
          const { phase, record } = get();
          if ((phase !== 'offer' && phase !== 'pre') || !record) return;
          // a skipped pre-check is counted (staff see how many skip) but has no post-check
          set({ phase: 'zone', check: null });
          await save({ ...record, pre: null });
        },
        async answer(choiceIds) {
          const { phase, check, record } = get();
          if ((phase !== 'pre' && phase !== 'post') || !check || !record || check.phase !== 'question') return;
          const next = T.next(T.answer(check, choiceIds, 0));
          if (!T.isFinished(next)) return set({ check: next });
          if (phase === 'pre') {
            set({ phase: 'zone', check: next });
            await save({ ...record, pre: P.checkAnswers(next) });
          } else {
            set({ phase: 'done', check: next });
            await save({ ...record, post: P.checkAnswers(next), postAt: now() });
          }
        },
        zoneFinished() {
          const { phase, record } = get();
          if (phase === 'zone' && record?.pre) set({ phase: 'postOffer' });
        },
        startPost() {
          const { phase, check, bank } = get();
          if (phase !== 'postOffer' || !check) return;
          set({ phase: 'post', check: P.postCheck(check, bank, seed()) });
        },
        async skipPost() {
          const { phase, record } = get();
          if ((phase !== 'postOffer' && phase !== 'post') || !record) return;
          set({ phase: 'done', check: null });
          await save({ ...record, post: null });
        },
      },
    };
  });
}
export type PrePostStore = ReturnType<typeof createPrePostStore>;
