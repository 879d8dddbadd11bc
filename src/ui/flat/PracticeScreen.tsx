// Competition mode for a visitor (flat skin): a competition at this kiosk, if one is on, and how to
// join it; then a timed practice round alone (the zone's challenge or its questions), scored like a
// competition. Same store as the 3D panel (app/usePractice.ts).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hallServerHint } from '../../hall/hint.ts';
import { useStore } from 'zustand';
import { useCatalog, useSession } from '../../app/context.tsx';
import { useNow, usePractice, useRunningCompetition } from '../../app/usePractice.ts';
import { navigate } from '../../app/useRoute.ts';
import { text, type Lang, type ZoneId } from '../../content/ids.ts';
import * as P from '../../modes/competition/practice.ts';
import type { PracticeStore } from '../../stores/practice.ts';
import { ProgressBar } from './ProgressBar.tsx';

const LETTERS = 'ABCDEF';

export function practiceTitle(practice: P.PracticeState | null, lang: Lang, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!practice) return t('modes.competition');
  const s = practice.source;
  return s.kind === 'challenge' ? t('practice.challenge', { title: text(s.title, lang) }) : s.pool === 'group' ? t('practice.quiz') : t('practice.quizAllAges');
}

function Running() {
  const { t } = useTranslation();
  const running = useRunningCompetition();
  return (
    <>
      <p className={running ? 'notice-inline' : 'hint'} data-testid={running ? 'practice-running' : 'practice-none-running'}>
        {running ? t('practice.running', { title: running.title, players: running.players }) : t('practice.noneRunning')}
      </p>
      {/* from a hall server, a live competition is joined on this device with the big screen's code */}
      {hallServerHint() && (
        <p>
          <button type="button" data-testid="practice-join-live" onClick={() => navigate({ name: 'join' })}>
            {t('live.joinLive')}
          </button>
        </p>
      )}
    </>
  );
}

function Countdown({ store }: { store: PracticeStore }) {
  const { t } = useTranslation();
  const practice = useStore(store, (s) => s.practice)!;
  const shownAt = useStore(store, (s) => s.shownAt);
  const open = practice.phase === 'question';
  const now = useNow(open);
  const total = practice.timeLimitSec * 1000;
  // once answered, the clock stops where the answer came (not at 0, which would read "time is up")
  const answered = practice.answers[practice.index];
  const left = open ? Math.max(0, total - (now - shownAt)) : answered && !answered.late ? Math.max(0, total - answered.ms) : 0;
  const secs = Math.ceil(left / 1000);
  return (
    <div className={`countdown${open && secs <= 5 ? ' urgent' : ''}`} data-testid="practice-countdown" data-seconds={secs}>
      <div className="countdown-track" role="timer" aria-label={t('game.timeLeft', { s: secs })}>
        <div className="countdown-fill" style={{ width: `${(100 * left) / total}%` }} />
      </div>
      <span className="countdown-num" aria-hidden="true">
        {t('game.timeLeft', { s: secs })}
      </span>
    </div>
  );
}

function Question({ store, lang, sources }: { store: PracticeStore; lang: Lang; sources: boolean }) {
  const { t } = useTranslation();
  const practice = useStore(store, (s) => s.practice)!;
  const item = practice.items[practice.index]!;
  const a = practice.answers[practice.index];
  const points = practice.answers.reduce((n, x) => n + (x?.points ?? 0), 0);
  // number keys pick a choice, as on a competition's buzzers
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.target instanceof HTMLInputElement) return;
      const n = Number(e.key);
      if (n >= 1 && n <= item.choices.length) store.getState().actions.answer([item.choices[n - 1]!.id]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, item]);
  const state = (id: string) => (!a ? '' : item.answer.includes(id) ? 'right' : a.chosen.includes(id) ? 'wrong' : '');
  return (
    <div data-testid="practice-question" data-item={item.id}>
      <p className="test-progress">
        <span data-testid="practice-progress">{t('practice.question', { n: practice.index + 1, total: practice.items.length })}</span>
        <span className="chip" data-testid="practice-points">
          {t('practice.points', { n: points })}
        </span>
        {practice.streak >= 2 && <span className="chip">{t('practice.streak', { n: practice.streak })}</span>}
      </p>
      <Countdown store={store} />
      <h3 data-testid="practice-prompt">{text(item.prompt, lang)}</h3>
      <ol className="choices" role="list">
        {item.choices.map((c, i) => (
          <li key={c.id}>
            <button type="button" className={`choice ${state(c.id)}`} data-testid={`practice-choice-${c.id}`} disabled={!!a} onClick={() => store.getState().actions.answer([c.id])}>
              <span className="letter">{LETTERS[i]}</span> {text(c.text, lang)}
            </button>
          </li>
        ))}
      </ol>
      {a && (
        <div className={`feedback ${a.correct ? 'right' : 'wrong'}`} role="status" data-testid="practice-feedback">
          <strong>{a.correct ? t('practice.right', { points: a.points }) : a.late ? t('practice.late') : t('practice.wrong')}</strong>
          <p>{text(item.explanation, lang)}</p>
          {sources && <p className="source">{item.source.law ? t('test.source', { law: text(item.source.law, lang), facts: item.source.facts.join(', ') }) : t('test.sourceFacts', { facts: item.source.facts.join(', ') })}</p>}
          <button type="button" className="primary" data-testid="practice-next" autoFocus onClick={() => store.getState().actions.next()}>
            {practice.index + 1 >= practice.items.length ? t('test.finish') : t('test.next')}
          </button>
        </div>
      )}
    </div>
  );
}

export default function PracticeScreen({ zone }: { zone: ZoneId }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const visitor = useSession((s) => s.visitor);
  const group = useCatalog().groups.find((g) => g.id === visitor?.group);
  const store = usePractice(zone);
  const status = useStore(store!, (s) => s.status);
  const stage = useStore(store!, (s) => s.stage);
  const practice = useStore(store!, (s) => s.practice);
  const result = useStore(store!, (s) => s.result);
  if (!store || !group) return null;
  if (status === 'loading') return <ProgressBar label={t('test.loadingBank')} />;
  if (status === 'error' || !practice) return <p className="card" role="alert">{t('test.bankBroken')}</p>;
  const title = practiceTitle(practice, lang, t);
  return (
    <section className="card practice" data-testid="practice" aria-labelledby="practice-title">
      <h2 id="practice-title">{title}</h2>
      {stage === 'intro' || practice.items.length === 0 ? (
        <>
          <Running />
          {practice.items.length === 0 ? (
            <p data-testid="practice-empty">{t('practice.empty')}</p>
          ) : (
            <>
              <p data-testid="practice-intro">{t('practice.intro', { count: practice.items.length, seconds: practice.timeLimitSec })}</p>
              <p className="hint">{t('practice.notSaved')}</p>
              <button type="button" className="primary" data-testid="practice-start" onClick={() => store.getState().actions.begin()}>
                {t('practice.start')}
              </button>
            </>
          )}
        </>
      ) : result ? (
        <div data-testid="practice-result">
          <h3>{t('practice.resultTitle')}</h3>
          <p className="score" data-testid="practice-score">
            {t('practice.result', { points: result.points, max: result.maxPoints, correct: result.correct, total: result.asked })}
          </p>
          <p>{t('practice.bestStreak', { n: result.bestStreak })}</p>
          <p className="hint">{t('practice.notSaved')}</p>
          <div className="actions">
            <button type="button" className="primary" data-testid="practice-again" onClick={() => store.getState().actions.again()}>
              {t('practice.again')}
            </button>
            <button type="button" data-testid="practice-to-test" onClick={() => navigate({ name: 'zone', zoneId: zone, mode: 'test' })}>
              {t('modes.test')}
            </button>
            <button type="button" onClick={() => navigate({ name: 'hall' })}>
              {t('zone.backToHall')}
            </button>
          </div>
        </div>
      ) : (
        <Question key={practice.index} store={store} lang={lang} sources={P.showsSources(group)} />
      )}
    </section>
  );
}
