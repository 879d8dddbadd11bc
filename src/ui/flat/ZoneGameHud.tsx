// The flat skin of a zone game, for every zone: the 3D view fills the screen (the app lays the
// stage under this HUD, see styles.css `.app-game`), and the HUD is a compact overlay on it — a
// top strip (time, the current task, the zone's Status part, End now), the hint and the zone's
// Notices under it, the latest feedback as a toast that fades, and the action map's touch buttons
// at the thumbs. The intro, the zone's Setup (the e-bike checklist), a consequence's explanation
// and the summary are overlays on the paused view. Nothing here changes the size of the view: the
// overlays are positioned, never in the page's flow. It renders the zone-game store and calls its
// actions, like the headset's panel; layout is here, state is in the store.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { useZoneGame } from '../../app/useZoneGame.ts';
import { text, type Lang } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import type { ConsequenceView, ZoneGameStore } from '../../stores/zoneGame.ts';
import { showsCitations, summaryView, type SummaryItem, type SummaryView } from '../../zones/common/lessons.ts';
import type { GameSummary, ScoredEvent } from '../../zones/common/types.ts';
import { controlsHelp } from '../input/controlsHelp.ts';
import { TouchControls } from '../input/TouchControls.tsx';
import { useKeyboardControls } from '../input/useKeyboardControls.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { ResultActions } from './ResultActions.tsx';
import { Stars } from './Stars.tsx';

/** The latest feedback in the moment: one line, fading (CSS) so the street stays in view. */
function Toast({ e, lang }: { e: ScoredEvent; lang: Lang }) {
  const safe = e.points >= 0;
  return (
    <div className={`hud-toast event ${safe ? 'safe' : 'unsafe'}`} data-testid="game-event" data-kind={e.kind}>
      <strong>
        {safe ? '+' : ''}
        {e.points} · {text(e.feedback.message, lang)}
      </strong>
      {!safe && e.feedback.instead && <span>{text(e.feedback.instead, lang)}</span>}
    </div>
  );
}

/** Law and facts behind a rule, for the groups shown citations. */
function Source({ law, facts, lang }: { law: SummaryItem['why']['law']; facts: SummaryItem['why']['facts']; lang: Lang }) {
  const { t } = useTranslation();
  if (!law || !facts) return null;
  return <p className="source">{t('test.source', { law: text(law, lang), facts: facts.join(', ') })}</p>;
}

/** One summary item: the lesson first, what happened, and "why" (rule, law, facts) folded away. */
function SummaryLine({ item, view, lang }: { item: SummaryItem; view: SummaryView; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li className={`event ${item.safe ? 'safe' : 'unsafe'}`} data-testid="game-event" data-kind={item.kind}>
      {item.unfinished && (
        <strong className="unfinished" data-testid="summary-unfinished">
          {t(view.endedBy === 'time' ? 'game.unfinishedTimeUp' : 'game.unfinished', { task: text(item.unfinished, lang) })}
        </strong>
      )}
      <strong className="lesson">
        {item.unfinished ? '' : `${item.safe ? '+' : ''}${item.points} · `}
        {text(item.lesson, lang)}
      </strong>
      {item.happened && <span>{text(item.happened, lang)}</span>}
      <details className="why">
        <summary>{t('game.why')}</summary>
        <p>{text(item.why.rule, lang)}</p>
        <Source law={item.why.law} facts={item.why.facts} lang={lang} />
      </details>
    </li>
  );
}

function Summary({ s, saved, lang, onAgain, own }: { s: GameSummary; saved: boolean; lang: Lang; onAgain: () => void; own?: React.ReactNode }) {
  const { t } = useTranslation();
  const view = summaryView(s);
  return (
    <div className="game-overlay">
      <section className="card overlay-card game-summary" data-testid="game-summary">
        <h2>{t('game.summaryTitle')}</h2>
        <p className="score" data-testid="game-score">
          {t('test.score', { score: s.score })} · <Stars n={s.stars} label={t('test.stars', { n: s.stars })} />
        </p>
        <p className={s.passed ? 'passed' : 'not-passed'}>{s.passed ? t('game.passed') : t('game.notPassed')}</p>
        <p data-testid="game-ended">{view.endedBy === 'done' ? t('game.allDone') : view.endedBy === 'time' ? t('game.timeUp') : t('game.endedEarly')}</p>
        <p className="hint">{saved ? t('test.saved') : t('app.loading')}</p>
        {/* the zone's own part of the summary (drunk: both runs side by side, the consequences for the level) */}
        {own}
        <ol className="events">
          {view.items.map((item, i) => (
            <SummaryLine key={i} item={item} view={view} lang={lang} />
          ))}
        </ol>
        <ResultActions againId="game-again" againLabel={t('game.again')} onAgain={onAgain} />
      </section>
    </div>
  );
}

/** The replay of a serious moment (a banner while it plays) and then its explanation, until dismissed. */
function ConsequenceCard({ c, lang, store, group }: { c: ConsequenceView; lang: Lang; store: ZoneGameStore; group: string }) {
  const { t } = useTranslation();
  const continueRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // without scrolling: the picture behind stays as it is
    if (c.stage === 'explain') continueRef.current?.focus({ preventScroll: true });
  }, [c.stage]);
  const fb = c.event.feedback;
  if (c.stage === 'replay')
    return (
      <div className="consequence replay hud-banner" data-testid="consequence-replay" role="status">
        <strong>{t(c.focusKind === 'pedestrian' ? 'game.replayTitleWalker' : 'game.replayTitle')}</strong>
        <progress max={1} value={c.progress} aria-label={t(c.focusKind === 'pedestrian' ? 'game.replayTitleWalker' : 'game.replayTitle')} />
        <button type="button" data-testid="replay-skip" onClick={() => store.getState().actions.skipReplay()}>
          {t('game.replaySkip')}
        </button>
      </div>
    );
  return (
    <div className="game-overlay">
      <div className="consequence explain overlay-card" data-testid="consequence-explain" role="alertdialog" aria-labelledby="consequence-title">
        <h2 id="consequence-title">{t('game.explainTitle')}</h2>
        <p className="message">
          <strong>
            {c.event.points} · {text(fb.message, lang)}
          </strong>
        </p>
        {fb.instead && (
          <>
            <h3>{t('game.insteadTitle')}</h3>
            <p>{text(fb.instead, lang)}</p>
          </>
        )}
        <h3>{t('game.ruleTitle')}</h3>
        <p>{text(fb.rule, lang)}</p>
        {showsCitations(group) && <p className="source">{t('test.source', { law: text(fb.source.law, lang), facts: fb.source.facts.join(', ') })}</p>}
        <button ref={continueRef} type="button" className="primary" data-testid="consequence-continue" onClick={() => store.getState().actions.resume()}>
          {t('game.continue')}
        </button>
      </div>
    </div>
  );
}

export function ZoneGameHud({ zone }: { zone: ZoneDef }) {
  const { t } = useTranslation();
  const handle = useZoneGame(zone.id);
  if (!handle) return <ProgressBar label={t('app.loading')} />;
  return <ZoneGameHudBody zone={zone} handle={handle} />;
}

function ZoneGameHudBody({ zone, handle }: { zone: ZoneDef; handle: NonNullable<ReturnType<typeof useZoneGame>> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const { module, store } = handle;
  const view = useStore(store);
  const { actions } = view;
  const group = view.game.group;
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const startRef = useRef<HTMLButtonElement>(null);
  const inSetup = view.phase === 'setup';
  useKeyboardControls(store, module.controls, view.status === 'playing' && !inSetup && !view.consequence);
  useEffect(() => {
    if (view.status === 'intro') startRef.current?.focus({ preventScroll: true });
  }, [view.status]);
  // leaving the zone starts the next visit fresh
  useEffect(() => () => store.getState().actions.restart(), [store]);
  const parts = module.parts;
  const partProps = { hud: view.hud, actions: actions.zone, lang };
  const large = view.textSize === 'large' ? 'text-large' : '';

  if (view.status === 'summary' && view.summary)
    return (
      <section className={`game-hud ${large}`} data-testid="game-hud" data-zone={module.id}>
        <Summary s={view.summary} saved={view.saved} lang={lang} onAgain={() => actions.restart()} own={parts.Summary && <parts.Summary {...partProps} />} />
      </section>
    );

  const help = controlsHelp(module.controls, coarse ? 'touch' : 'keys', t);
  const active = view.tasks.findIndex((task) => task.state === 'active');
  const current = active >= 0 ? view.tasks[active]! : null;
  const latest = view.recent[view.recent.length - 1];
  const street = view.status === 'playing' && !inSetup && !view.consequence;
  return (
    <section className={`game-hud ${large}`} data-testid="game-hud" data-zone={module.id} aria-label={t('game.hudLabel')}>
      {view.status === 'intro' && (
        <div className="game-overlay">
          <div className="card overlay-card game-intro" data-testid="game-intro">
            <h2>{text(zone.title, lang)}</h2>
            <p>{text(zone.summary, lang)}</p>
            {view.tasks.length > 0 && (
              <>
                <h3>{t('game.yourTasks')}</h3>
                <ol className="intro-tasks" data-testid="game-intro-tasks">
                  {view.tasks.map((task) => (
                    <li key={task.id}>{text(task.title, lang)}</li>
                  ))}
                </ol>
              </>
            )}
            <p data-testid="game-controls-help">
              {t('controls.device', { device: t(coarse ? 'controls.touch' : 'controls.keyboard'), help: help.join(t('controls.sep')) })}
            </p>
            <button ref={startRef} type="button" className="primary" data-testid="game-start" onClick={() => actions.start()}>
              {t('game.start')}
            </button>
          </div>
        </div>
      )}
      {view.status === 'playing' && inSetup && parts.Setup && (
        <div className="game-overlay">
          <div className="card overlay-card">
            <parts.Setup {...partProps} />
          </div>
        </div>
      )}
      {view.status === 'playing' && view.consequence && <ConsequenceCard c={view.consequence} lang={lang} store={store} group={group} />}
      {street && (
        <>
          <div className="hud-top">
            <span className="hud-chip" data-testid="game-time">
              {t('game.timeLeft', { s: view.secondsLeft })}
            </span>
            <div className="hud-task" data-testid="game-current-task">
              {current && (
                <>
                  <small>{t('game.taskOf', { n: active + 1, total: view.tasks.length })}</small> {text(current.title, lang)}
                </>
              )}
              {/* every task's state, compact: one dot each */}
              <ol className="tasks" data-testid="game-tasks">
                {view.tasks.map((task, i) => (
                  <li key={task.id} className={`task ${task.state}`} data-state={task.state} title={text(task.title, lang)}>
                    {i + 1}
                  </li>
                ))}
              </ol>
            </div>
            {parts.Status && (
              <div className="hud-status">
                <parts.Status {...partProps} />
              </div>
            )}
            <button type="button" className="hud-quit" data-testid="game-quit" onClick={() => actions.quit()}>
              {t('game.quit')}
            </button>
          </div>
          <div className="hud-side">
            {view.hint && (
              <p className="hint game-hint" data-testid="game-hint">
                {text(view.hint.text, lang)}
              </p>
            )}
            {parts.Notices && <parts.Notices {...partProps} />}
          </div>
          <div className="hud-toasts" aria-live="polite">
            {latest && <Toast key={`${latest.t}-${latest.kind}`} e={latest} lang={lang} />}
          </div>
          <div className="touch-controls">
            <TouchControls store={store} map={module.controls} />
          </div>
        </>
      )}
    </section>
  );
}
