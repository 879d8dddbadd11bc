// One visitor's self-test in one zone: the store both skins render. Every step is saved as progress
// (reload resumes the same test); the finished test is saved as an attempt and its progress removed.
import { createStore } from 'zustand/vanilla';
import { availableIn, type Lang } from '../content/ids.ts';
import type { Group, Localized, Question, ZoneId } from '../content/schema.ts';
import type { ContentProblem } from '../content/validate.ts';
import * as T from '../modes/selfTest.ts';
import type { Attempt, HallStorage } from '../storage/types.ts';

export { APP_VERSION } from '../app/version.ts';
import { APP_VERSION } from '../app/version.ts';

export interface SelfTestDeps {
  storage: HallStorage;
  loadBank: (zone: ZoneId) => Promise<{ ok: true; questions: Question[]; topics: Record<string, Localized> } | { ok: false; problems: ContentProblem[] }>;
  zone: ZoneId;
  group: Group;
  visitorId: string;
  device: () => Attempt['device'];
  now?: () => number;
  seed?: () => number;
  /** the visitor's language: a staff question without English is not drawn for English */
  lang?: () => Lang;
}

export interface SelfTestState {
  status: 'loading' | 'ready' | 'error';
  problems: ContentProblem[];
  bank: Question[];
  topics: Record<string, Localized>;
  test: T.TestState | null;
  result: T.TestResult | null;
  startedAt: number;
  /** when the current question was shown, for the answer's time */
  shownAt: number;
  savedAttemptId: string | null;
  actions: {
    start(): Promise<void>;
    answer(choiceIds: string[]): void;
    next(): Promise<void>;
    restart(): Promise<void>;
    /** the visitor switched language: unanswered questions not written in it leave the test */
    languageChanged(lang: Lang): Promise<void>;
    /** the bank has nothing for the visitor's group: take the zone's questions for all ages instead */
    startAllAges(): Promise<void>;
  };
}

export function progressKey(visitorId: string, zone: string): string {
  return `${visitorId}:${zone}:test`;
}

export function createSelfTestStore(deps: SelfTestDeps) {
  const now = deps.now ?? (() => Date.now());
  const seed = deps.seed ?? (() => Math.floor(Math.random() * 2 ** 31));
  const key = progressKey(deps.visitorId, deps.zone);

  return createStore<SelfTestState>()((set, get) => {
    // both skins may ask to start at once: one start only
    let starting: Promise<void> | null = null;
    const save = (test: T.TestState) =>
      void deps.storage.putProgress({ key, updatedAt: now(), state: { test, startedAt: get().startedAt } });

    async function finish(test: T.TestState) {
      const result = T.result(test, deps.group);
      const attempt: Attempt = {
        id: `a-${deps.visitorId}-${deps.zone}-${get().startedAt}`,
        visitorId: deps.visitorId,
        group: deps.group.id,
        zone: deps.zone,
        mode: 'test',
        startedAt: get().startedAt,
        endedAt: now(),
        score: result.score,
        stars: result.stars,
        passed: result.passed,
        answers: T.toAttemptAnswers(test),
        appVersion: APP_VERSION,
        device: deps.device(),
      };
      set({ result, savedAttemptId: attempt.id });
      await deps.storage.putAttempt(attempt);
      await deps.storage.deleteProgress(key);
    }

    async function load() {
      const loaded = await deps.loadBank(deps.zone);
      if (!loaded.ok) {
        set({ status: 'error', problems: loaded.problems });
        return;
      }
      set({ status: 'ready', bank: loaded.questions, topics: loaded.topics });
      const saved = await deps.storage.getProgress(key);
      const l = lang();
      const kept = saved ? T.restoreTest((saved.state as { test?: unknown }).test) : null;
      // a test saved in another language: questions not written in this one leave it
      const restored =
        kept &&
        T.dropItems(kept, (id) => {
          const q = loaded.questions.find((x) => x.id === id);
          return !q || availableIn(q, l);
        });
      // a saved test whose questions left the bank cannot resume: start a new one
      if (restored && restored.group === deps.group.id && restored.items.every((i) => loaded.questions.some((q) => q.id === i.id))) {
        set({ test: restored, startedAt: (saved!.state as { startedAt?: number }).startedAt ?? now(), shownAt: now() });
        if (T.isFinished(restored)) await finish(restored);
      } else fresh(loaded.questions);
    }

    const lang = deps.lang ?? (() => 'zh-Hans' as Lang);

    function fresh(bank: Question[], pool: T.TestPool = 'group') {
      const l = lang();
      const test = T.createTest({ bank: bank.filter((q) => availableIn(q, l)), group: deps.group, seed: seed(), pool });
      const t = now();
      set({ test, result: null, startedAt: t, shownAt: t, savedAttemptId: null });
      save(test);
    }

    return {
      status: 'loading',
      problems: [],
      bank: [],
      topics: {},
      test: null,
      result: null,
      startedAt: 0,
      shownAt: 0,
      savedAttemptId: null,
      actions: {
        start() {
          starting ??= load();
          return starting;
        },
        answer(choiceIds) {
          const { test, shownAt } = get();
          if (!test || test.phase !== 'question') return;
          const next = T.answer(test, choiceIds, Math.max(0, now() - shownAt));
          set({ test: next });
          save(next);
        },
        async next() {
          const { test } = get();
          if (!test || test.phase !== 'feedback') return;
          const next = T.next(test);
          set({ test: next, shownAt: now() });
          if (T.isFinished(next)) await finish(next);
          else save(next);
        },
        async restart() {
          await deps.storage.deleteProgress(key);
          // the bank again: questions hall staff added since count at once
          const loaded = await deps.loadBank(deps.zone);
          if (loaded.ok) set({ bank: loaded.questions, topics: loaded.topics });
          fresh(get().bank, get().test?.pool ?? 'group');
        },
        async startAllAges() {
          await deps.storage.deleteProgress(key);
          fresh(get().bank, 'all-ages');
        },
        async languageChanged(l) {
          const { test, bank } = get();
          if (!test || T.isFinished(test)) return;
          const keep = (id: string) => {
            const q = bank.find((x) => x.id === id);
            return !q || availableIn(q, l);
          };
          // the feedback of a question not written in the new language is not shown in it: move on
          const moved = test.phase === 'feedback' && !keep(test.items[test.index]!.id) ? T.next(test) : test;
          const next = T.dropItems(moved, keep);
          if (next === test) return;
          set({ test: next, shownAt: now() });
          if (T.isFinished(next)) await finish(next);
          else save(next);
        },
      },
    };
  });
}
export type SelfTestStore = ReturnType<typeof createSelfTestStore>;
