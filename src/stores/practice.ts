// One visitor's competition practice in one zone (modes/competition/practice.ts): the store both
// skins render. Not saved: a practice is not a competition. The clock runs on wall time; the skins
// call tick() a few times a second and the store turns an expired question into "time's up".
import { createStore } from 'zustand/vanilla';
import type { Group, ZoneId } from '../content/schema.ts';
import type { ContentProblem } from '../content/validate.ts';
import { CHALLENGE_LIST, type Challenge } from '../modes/competition/challenges.ts';
import * as P from '../modes/competition/practice.ts';
import type { SelfTestDeps } from './selfTest.ts';

export interface PracticeDeps {
  loadBank: SelfTestDeps['loadBank'];
  zone: ZoneId;
  group: Group;
  challenges?: readonly Challenge[];
  now?: () => number;
  seed?: () => number;
}

export interface PracticeStoreState {
  status: 'loading' | 'ready' | 'error';
  problems: ContentProblem[];
  /** 'intro' until the visitor presses start; the clock only runs while 'running' */
  stage: 'intro' | 'running';
  practice: P.PracticeState | null;
  /** when the current question was shown (wall clock) */
  shownAt: number;
  result: P.PracticeResult | null;
  actions: {
    load(): Promise<void>;
    begin(): void;
    answer(choiceIds: string[]): void;
    tick(): void;
    next(): void;
    /** a new round (another seed), straight into the questions */
    again(): void;
  };
}

export type PracticeStore = ReturnType<typeof createPracticeStore>;

export function createPracticeStore(deps: PracticeDeps) {
  const now = deps.now ?? (() => Date.now());
  const seed = deps.seed ?? (() => Math.floor(Math.random() * 2 ** 31));
  const challenges = deps.challenges ?? CHALLENGE_LIST;
  return createStore<PracticeStoreState>()((set, get) => {
    let loading: Promise<void> | null = null;
    let bank: Parameters<typeof P.createPractice>[0]['bank'] = [];
    const fresh = () => P.createPractice({ zone: deps.zone, group: deps.group, bank, challenges, seed: seed() });
    const settle = (practice: P.PracticeState) => set({ practice, result: practice.phase === 'finished' ? P.practiceResult(practice) : null });
    return {
      status: 'loading',
      problems: [],
      stage: 'intro',
      practice: null,
      shownAt: 0,
      result: null,
      actions: {
        load() {
          loading ??= (async () => {
            // a zone with a challenge needs no question bank
            if (!challenges.some((c) => c.zone === deps.zone)) {
              const r = await deps.loadBank(deps.zone);
              if (!r.ok) {
                set({ status: 'error', problems: r.problems });
                return;
              }
              bank = r.questions;
            }
            set({ status: 'ready', practice: fresh(), stage: 'intro', result: null });
          })();
          return loading;
        },
        begin() {
          if (get().status !== 'ready') return;
          set({ stage: 'running', shownAt: now() });
        },
        answer(choiceIds) {
          const { practice, stage, shownAt } = get();
          if (!practice || stage !== 'running') return;
          settle(P.answerPractice(practice, choiceIds, now() - shownAt));
        },
        tick() {
          const { practice, stage, shownAt } = get();
          if (!practice || stage !== 'running' || practice.phase !== 'question') return;
          if (now() - shownAt > practice.timeLimitSec * 1000) settle(P.timeUp(practice));
        },
        next() {
          const { practice } = get();
          if (!practice) return;
          settle(P.nextPractice(practice));
          set({ shownAt: now() });
        },
        again() {
          if (get().status !== 'ready') return;
          settle(fresh());
          set({ stage: 'running', shownAt: now() });
        },
      },
    };
  });
}
