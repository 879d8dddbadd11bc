// The host view on the kiosk: round intro, question with countdown, buzz-in (or everyone answers on
// their own buttons), lock, reveal with the explanation, scoreboard after each question, podium.
// Staff controls (pause, resume, skip, undo the last award, end early) are buttons and keyboard
// shortcuts, listed on screen. Buzzers: keys, gamepad buttons, and each player's on-screen button.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { text, type Lang } from '../../content/ids.ts';
import { currentQuestionView, ranking, remainingMs, type CompetitionState, type Standing } from '../../modes/competition/log.ts';
import { shownChoices, type CompetitionStore } from '../../stores/competition.ts';
import { ErrorBoundary } from '../flat/ErrorBoundary.tsx';
import { ProgressBar } from '../flat/ProgressBar.tsx';
import { ANSWER_KEYS, isTyping, keyLabel, shortcutOf, useGamepadPresses } from './buzzers.ts';
import { useNames } from './common.tsx';
import { ConfirmDialog } from './DataTab.tsx';
import { CHALLENGES } from '../../modes/competition/challenges.ts';

const QuestionSceneCanvas = lazy(() => import('../../three/scene/QuestionSceneCanvas.tsx'));
const LETTERS = 'ABCDEF';

type ContinueAction = { label: string; run: () => void } | null;

function useNow(active: boolean, ms = 100): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [active, ms]);
  return now;
}

function Countdown({ s }: { s: CompetitionState }) {
  const { t } = useTranslation();
  const planned = s.plan[s.q];
  const now = useNow(!s.paused);
  const left = remainingMs(s, now);
  if (!planned || left === null) return null;
  const total = planned.timeLimitSec * 1000;
  const secs = Math.ceil(left / 1000);
  return (
    <div className={`countdown${secs <= 5 ? ' urgent' : ''}`} data-testid="host-countdown" data-seconds={secs}>
      <div className="countdown-track" role="timer" aria-label={t('competition.host.seconds', { s: secs })}>
        <div className="countdown-fill" style={{ width: `${(100 * left) / total}%` }} />
      </div>
      <span className="countdown-num">{t('competition.host.seconds', { s: secs })}</span>
    </div>
  );
}

/** Points this question brought each player (after undo), for the scoreboard and the reveal. */
function deltas(s: CompetitionState): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of s.awards) if (w.q === s.q && !w.voided) m.set(w.player, (m.get(w.player) ?? 0) + w.base + w.bonus);
  return m;
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function ScoreTable({ rows, delta, testid }: { rows: Standing[]; delta?: Map<string, number>; testid: string }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <table className="table scoreboard" data-testid={testid}>
      <thead>
        <tr>
          <th scope="col">{t('staff.leaderboard.rank')}</th>
          <th scope="col">{t('competition.host.entrant')}</th>
          <th scope="col">{t('staff.stats.group')}</th>
          <th scope="col">{t('staff.leaderboard.score')}</th>
          {delta && <th scope="col">{t('competition.host.thisQuestion')}</th>}
          <th scope="col">{t('competition.host.correctCount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.player} data-testid={`score-${r.player}`} data-points={r.points}>
            <td className="rank">{r.rank}</td>
            <th scope="row">{r.name}</th>
            <td>{names.group(r.group)}</td>
            <td className="points">{r.points}</td>
            {delta && <td>{signed(delta.get(r.player) ?? 0)}</td>}
            <td>{r.correct}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Podium({ s, store }: { s: CompetitionState; store: CompetitionStore }) {
  const { t } = useTranslation();
  const saved = useStore(store, (x) => x.attemptsSaved);
  const none = useStore(store, (x) => x.noResults);
  const rows = ranking(s);
  const place = (rank: number) => rows.filter((r) => r.rank === rank);
  const steps = [2, 1, 3].map((rank) => ({ rank, who: place(rank) })).filter((p) => p.who.length);
  return (
    <div className="podium-screen" data-testid="podium">
      <h2>{t('competition.host.podium')}</h2>
      {s.endedEarly && <p className="hint">{t('competition.host.endedEarly')}</p>}
      <ol className="podium">
        {steps.map(({ rank, who }) => (
          <li key={rank} className={`step step-${rank}`} data-testid={`podium-${rank}`}>
            <div className="who">
              {who.map((w) => (
                <strong key={w.player}>{w.name}</strong>
              ))}
              <span>{t('competition.host.points', { n: who[0]!.points })}</span>
            </div>
            <div className="block">
              <svg viewBox="0 0 24 24" width="1.6em" height="1.6em" aria-hidden="true">
                <path d="M7 4h10v4a5 5 0 0 1-10 0zM12 13v4M8 20h8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              <span className="place">{t('competition.host.place', { n: rank })}</span>
            </div>
          </li>
        ))}
      </ol>
      <ScoreTable rows={rows} testid="final-ranking" />
      <p className={saved ? 'ok-note' : 'hint'} data-testid="results-saved">
        {saved ? t('competition.host.saved') : none ? t('competition.host.noResults') : t('app.loading')}
      </p>
      <button type="button" className="primary" data-testid="host-new" onClick={() => store.getState().actions.close()}>
        {t('competition.host.newCompetition')}
      </button>
    </div>
  );
}

function RoundIntro({ s, lang }: { s: CompetitionState; lang: Lang }) {
  const { t } = useTranslation();
  const names = useNames();
  const setup = s.setup!;
  const round = setup.rounds[s.round]!;
  const count = s.plan.filter((p) => p.round === s.round).length;
  const title =
    round.kind === 'quiz'
      ? t('competition.host.quizRound', { zone: names.zone(round.zone) })
      : t('competition.host.challengeRound', { title: CHALLENGES[round.challenge] ? text(CHALLENGES[round.challenge]!.title, lang) : round.challenge });
  return (
    <div className="round-intro" data-testid="round-intro">
      <p className="eyebrow">{t('competition.host.round', { n: s.round + 1, total: setup.rounds.length })}</p>
      <h2>{title}</h2>
      <p>{t('competition.host.roundInfo', { count, seconds: round.timeLimitSec })}</p>
      <p className="hint">{setup.answering === 'buzz' ? t('competition.setup.buzzHint') : t('competition.setup.allHint')}</p>
    </div>
  );
}

function QuestionPanel({ s, store, lang }: { s: CompetitionState; store: CompetitionStore; lang: Lang }) {
  const { t } = useTranslation();
  const ctx = useStore(store, (x) => x.ctx);
  const view = currentQuestionView(s, ctx);
  const setup = s.setup!;
  const rec = s.questions[s.q]!;
  const planned = s.plan[s.q]!;
  if (!view)
    return (
      <div className="question" data-testid="host-question-missing">
        <p className="error">{t('competition.host.questionMissing', { id: planned.id })}</p>
      </div>
    );
  const bankQuestion = planned.source === 'quiz' ? ctx.banks[planned.zone]?.find((q) => q.id === planned.id) : undefined;
  const order = shownChoices(s, ctx);
  const choices = order.map((id) => view.choices.find((c) => c.id === id)!);
  const revealed = s.phase === 'revealed' || s.phase === 'scoreboard';
  const open = s.phase === 'question' || s.phase === 'buzzed';
  const holder = rec.holder ? setup.players.find((p) => p.id === rec.holder) : undefined;
  const chosenWrong = new Set(rec.answers.filter((a) => !a.correct).flatMap((a) => a.choices));
  const inRound = s.plan.filter((p) => p.round === planned.round).length;
  const nameOf = (id: string) => setup.players.find((p) => p.id === id)?.name ?? id;
  const winner = rec.lockedBy === 'correct' ? rec.answers.find((a) => a.correct) : undefined;
  const d = deltas(s);

  const stateOf = (id: string) => {
    if (revealed) return planned.answer.includes(id) ? 'right' : setup.answering === 'buzz' && chosenWrong.has(id) ? 'wrong' : '';
    return '';
  };
  return (
    <div className="question" data-testid="host-question" data-question={planned.id} data-q={s.q}>
      <p className="eyebrow">
        <span data-testid="host-progress">{t('competition.host.question', { n: planned.n + 1, total: inRound })}</span>
        <span>{t('competition.host.round', { n: planned.round + 1, total: setup.rounds.length })}</span>
      </p>
      {open && <Countdown s={s} />}
      <h2 className="prompt" data-testid="host-prompt">
        {text(view.prompt, lang)}
      </h2>
      {bankQuestion?.kind === 'scene' && bankQuestion.scene && (
        <div className="scene-view host-scene">
          <ErrorBoundary fallback={null}>
            <Suspense fallback={<ProgressBar label={t('app.loading3d')} />}>
              <QuestionSceneCanvas
                scene={bankQuestion.scene}
                labels={Object.fromEntries(order.map((id, i) => [id, LETTERS[i]!]))}
                chosen={[]}
                reveal={revealed ? { answer: planned.answer } : null}
              />
            </Suspense>
          </ErrorBoundary>
        </div>
      )}
      <ol className="choices host-choices">
        {choices.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              className={`choice ${stateOf(c.id)}`}
              data-testid={`host-choice-${c.id}`}
              disabled={s.phase !== 'buzzed' || s.paused}
              onClick={() => store.getState().actions.answerHolder(c.id)}
            >
              <span className="letter">{LETTERS[i]}</span> {text(c.text, lang)}
            </button>
          </li>
        ))}
      </ol>
      {s.phase === 'buzzed' && holder && (
        <p className="banner holder" role="status" data-testid="host-holder">
          {t('competition.host.buzzed', { name: holder.name })} {t('competition.host.pickFor', { name: holder.name })}
        </p>
      )}
      {s.phase === 'locked' && (
        <p className="banner" role="status" data-testid="host-locked">
          {winner
            ? t('competition.host.correctBy', { name: nameOf(winner.player) })
            : t(`competition.host.lockedBy.${rec.lockedBy ?? 'staff'}`)}
        </p>
      )}
      {revealed && (
        <div className="feedback right" data-testid="host-reveal" role="status">
          <strong>{t('test.rightAnswer', { answer: planned.answer.map((a) => text(view.choices.find((c) => c.id === a)!.text, lang)).join('；') })}</strong>
          <p>{text(view.explanation, lang)}</p>
          {view.source.law && <p className="source">{t('competition.host.source', { law: text(view.source.law, lang) })}</p>}
          <ul className="outcomes">
            {setup.players.map((p) => (
              <li key={p.id}>
                {p.name}: {signed(d.get(p.id) ?? 0)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function PlayerStrip({ s, store, lang, remote }: { s: CompetitionState; store: CompetitionStore; lang: Lang; remote?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const ctx = useStore(store, (x) => x.ctx);
  const setup = s.setup!;
  const rec = s.questions[s.q];
  const planned = s.plan[s.q];
  const open = s.phase === 'question' && !s.paused;
  const view = planned ? currentQuestionView(s, ctx) : null;
  const shown = view ? shownChoices(s, ctx).map((id) => view.choices.find((c) => c.id === id)!) : [];
  return (
    <ul className={`player-strip n${setup.players.length}`} data-testid="player-strip">
      {setup.players.map((p, i) => {
        const totals = s.players.find((x) => x.id === p.id)!;
        const out = !!rec && rec.status === 'open' && rec.lockedOut.includes(p.id);
        const holder = rec?.holder === p.id;
        const answered = !!rec && rec.status === 'open' && rec.answers.some((a) => a.player === p.id);
        const keys = setup.buzzers[p.id]?.keys ?? [];
        return (
          <li key={p.id} className={`player${holder ? ' holder' : ''}${out ? ' out' : ''}`} data-testid={`player-${p.id}`} data-points={totals.points}>
            <div className="player-head">
              <strong>{p.name}</strong>
              <span className="points" data-testid={`points-${p.id}`}>
                {totals.points}
              </span>
            </div>
            {remote?.has(p.id) ? (
              // a visitor of a live room answers on their own device: no button here would act for them
              <span className="answered" data-testid={answered ? `answered-${p.id}` : `remote-${p.id}`}>
                {answered ? t('competition.host.answered') : holder ? t('competition.host.hasFloor') : out ? t('competition.host.out') : t('live.host.onDevice')}
              </span>
            ) : setup.answering === 'buzz' ? (
              <button
                type="button"
                className="buzz"
                data-testid={`buzz-${p.id}`}
                disabled={!open || out}
                onClick={() => store.getState().actions.input({ kind: 'screen', player: p.id })}
              >
                {holder ? t('competition.host.hasFloor') : out ? t('competition.host.out') : t('competition.host.buzz')}
                {keys[0] && <kbd>{keyLabel(keys[0])}</kbd>}
              </button>
            ) : (
              <div className="answer-pad" role="group" aria-label={t('competition.host.answerFor', { name: p.name })}>
                {answered ? (
                  <span className="answered" data-testid={`answered-${p.id}`}>
                    {t('competition.host.answered')}
                  </span>
                ) : (
                  shown.map((c, ci) => (
                    <button
                      key={c.id}
                      type="button"
                      data-testid={`answer-${p.id}-${c.id}`}
                      disabled={!open}
                      title={text(c.text, lang)}
                      onClick={() => store.getState().actions.answerFor(p.id, c.id)}
                    >
                      {LETTERS[ci]}
                      {keys[ci] && <kbd>{keyLabel(keys[ci]!)}</kbd>}
                    </button>
                  ))
                )}
              </div>
            )}
            <small className="player-index">{i + 1}</small>
          </li>
        );
      })}
    </ul>
  );
}

function Shortcuts({ answering }: { answering: 'buzz' | 'all' }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    ['Enter / Space', t('competition.host.kContinue')],
    ['P', t('competition.host.kPause')],
    ['L', t('competition.host.kLock')],
    ['S', t('competition.host.kSkip')],
    ['U', t('competition.host.kUndo')],
    ['X', t('competition.host.kEnd')],
    ...(answering === 'buzz' ? ([['A–F', t('competition.host.kAnswer')]] as [string, string][]) : []),
  ];
  return (
    <dl className="shortcuts" data-testid="host-shortcuts" aria-label={t('competition.host.shortcuts')}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>
            <kbd>{k}</kbd>
          </dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `remote`: players who answer on their own devices (a live room's visitors). */
export function HostView({ store, remote }: { store: CompetitionStore; remote?: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const lang = useSession((x) => x.lang);
  // what is on disk: an award shows once a crash can no longer take it back
  const s = useStore(store, (x) => x.shown);
  const saving = useStore(store, (x) => x.saving);
  const title = useStore(store, (x) => x.title);
  const resumed = useStore(store, (x) => x.resumed);
  const restoreProblems = useStore(store, (x) => x.restoreProblems);
  const lastWarnings = useStore(store, (x) => x.lastWarnings);
  const [ending, setEnding] = useState(false);
  const setup = s.setup!;
  const { actions } = store.getState();
  const dispatch = actions.dispatch;

  /** what Continue does from a state: the button follows the screen, a shortcut the latest state */
  const continueFrom = useCallback(
    (st: CompetitionState): ContinueAction => {
      if (st.paused) return null;
      switch (st.phase) {
        case 'roundIntro':
          return { label: t('competition.host.startRound'), run: () => dispatch({ type: 'next', phase: 'roundIntro' }) };
        case 'locked':
          return { label: t('competition.host.reveal'), run: () => dispatch({ type: 'reveal', phase: 'locked' }) };
        case 'revealed':
          return { label: t('competition.host.scoreboard'), run: () => dispatch({ type: 'next', phase: 'revealed' }) };
        case 'scoreboard': {
          const next = st.plan[st.q + 1];
          const label = !next ? t('competition.host.toPodium') : next.round !== st.plan[st.q]?.round ? t('competition.host.nextRound') : t('competition.host.next');
          return { label, run: () => dispatch({ type: 'next', phase: 'scoreboard' }) };
        }
        default:
          return null;
      }
    },
    [t, dispatch],
  );
  const cont = continueFrom(s);
  const canLock = !s.paused && (s.phase === 'question' || s.phase === 'buzzed');
  const canSkip = !s.paused && ['question', 'buzzed', 'locked', 'roundIntro'].includes(s.phase);
  const canUndo = s.awards.some((w) => w.voided === null);
  const live = s.phase !== 'podium';

  const run = useCallback(
    (code: string): boolean => {
      const sc = shortcutOf(code);
      // the latest state (actions may still be being written): a quick second Enter goes on from the first
      const st = store.getState().state;
      if (sc === 'continue') {
        continueFrom(st)?.run();
        return true;
      }
      if (sc === 'pause') {
        if (st.phase !== 'podium') dispatch({ type: st.paused ? 'resume' : 'pause' });
        return true;
      }
      if (sc === 'lock') {
        if (!st.paused && (st.phase === 'question' || st.phase === 'buzzed')) dispatch({ type: 'lock', phase: st.phase });
        return true;
      }
      if (sc === 'skip') {
        if (!st.paused && ['question', 'buzzed', 'locked', 'roundIntro'].includes(st.phase)) dispatch({ type: 'skip', phase: st.phase });
        return true;
      }
      if (sc === 'undo') {
        dispatch({ type: 'undo' });
        return true;
      }
      if (sc === 'end') {
        if (st.phase !== 'podium') setEnding(true);
        return true;
      }
      const ai = (ANSWER_KEYS as readonly string[]).indexOf(code);
      if (ai >= 0 && st.phase === 'buzzed' && st.setup?.answering === 'buzz') {
        const choice = shownChoices(st, store.getState().ctx)[ai];
        if (choice) actions.answerHolder(choice);
        return true;
      }
      const before = st;
      actions.input({ kind: 'key', code });
      return store.getState().state !== before;
    },
    [store, continueFrom, dispatch, actions],
  );

  useEffect(() => {
    if (ending) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      // a focused button would also take Enter/Space as a click: the shortcut wins
      if (run(e.code)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, ending]);

  useGamepadPresses(live && !ending, (index, button) => actions.input({ kind: 'gamepad', index, button }));

  const refused = lastWarnings.length > 0;
  return (
    <section className={`host phase-${s.phase}${s.paused ? ' paused' : ''}`} data-testid="host" data-phase={s.phase} data-paused={s.paused} data-saving={saving} aria-busy={saving}>
      <header className="host-head">
        <h2 data-testid="host-title">{title}</h2>
        {s.paused && (
          <span className="chip paused-chip" data-testid="host-paused">
            {t('competition.host.paused')}
          </span>
        )}
      </header>
      {resumed && s.paused && (
        <p className="notice notice-info" role="status" data-testid="host-resumed">
          {t('competition.host.resumedAfterReload')}
        </p>
      )}
      {restoreProblems.length > 0 && (
        <details className="hint">
          <summary>{t('competition.host.restoreProblems', { n: restoreProblems.length })}</summary>
          <ul>
            {restoreProblems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="host-main">
        <div className="host-stage">
          {s.phase === 'roundIntro' && <RoundIntro s={s} lang={lang} />}
          {['question', 'buzzed', 'locked', 'revealed'].includes(s.phase) && <QuestionPanel s={s} store={store} lang={lang} />}
          {s.phase === 'scoreboard' && (
            <div className="scoreboard-screen">
              <h2>{t('competition.host.scoreboard')}</h2>
              <ScoreTable rows={ranking(s)} delta={deltas(s)} testid="scoreboard" />
            </div>
          )}
          {s.phase === 'podium' && <Podium s={s} store={store} />}
          {s.paused && (
            <div className="pause-cover" data-testid="pause-cover">
              <p>{t('competition.host.paused')}</p>
              <button type="button" className="primary big" data-testid="host-resume-big" onClick={() => dispatch({ type: 'resume' })}>
                {t('competition.host.resume')}
              </button>
            </div>
          )}
        </div>
        {live && <PlayerStrip s={s} store={store} lang={lang} remote={remote} />}
      </div>
      {live && (
        <footer className="host-controls" aria-label={t('competition.host.controls')}>
          <div className="control-buttons">
            <button type="button" className="primary big" data-testid="host-continue" disabled={!cont} onClick={() => cont?.run()}>
              {cont?.label ?? t('competition.host.waiting')}
            </button>
            <button type="button" data-testid="host-lock" disabled={!canLock} onClick={() => dispatch({ type: 'lock', phase: s.phase })}>
              {t('competition.host.lock')}
            </button>
            <button type="button" data-testid="host-pause" onClick={() => dispatch({ type: s.paused ? 'resume' : 'pause' })}>
              {s.paused ? t('competition.host.resume') : t('competition.host.pause')}
            </button>
            <button type="button" data-testid="host-skip" disabled={!canSkip} onClick={() => dispatch({ type: 'skip', phase: s.phase })}>
              {t('competition.host.skip')}
            </button>
            <button type="button" data-testid="host-undo" disabled={!canUndo} onClick={() => dispatch({ type: 'undo' })}>
              {t('competition.host.undo')}
            </button>
            <button type="button" className="danger" data-testid="host-end" onClick={() => setEnding(true)}>
              {t('competition.host.endEarly')}
            </button>
          </div>
          <Shortcuts answering={setup.answering} />
          {refused && (
            <p className="hint" role="status" data-testid="host-refused" title={lastWarnings.map((w) => w.reason).join('; ')}>
              {t('competition.host.refused')}
            </p>
          )}
        </footer>
      )}
      {!live && s.awards.some((w) => w.voided === null) && (
        <button type="button" data-testid="host-undo" onClick={() => dispatch({ type: 'undo' })}>
          {t('competition.host.undo')}
        </button>
      )}
      {ending && (
        <ConfirmDialog
          title={t('competition.host.endEarly')}
          body={t('competition.host.endConfirm')}
          confirm={t('competition.host.endEarly')}
          testid="end-dialog"
          onCancel={() => setEnding(false)}
          onConfirm={() => {
            setEnding(false);
            dispatch({ type: 'endEarly' });
          }}
        />
      )}
    </section>
  );
}
