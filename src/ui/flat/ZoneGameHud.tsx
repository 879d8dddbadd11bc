// The flat skin of a zone game: onboarding with this device's controls (generated from the zone's
// action map), the zone's setup part (the e-bike checklist), the tasks, hints and feedback in the
// moment, the zone's own parts (speed, the phone), the touch buttons of its action map, the
// consequence replay's banner and explanation, and the summary with every event's rule and source.
// It renders the zone-game store and calls its actions, like the headset's panel; layout is here,
// state is in the store.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { useZoneGame } from '../../app/useZoneGame.ts';
import { text, type Lang } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import type { ConsequenceView, ZoneGameStore } from '../../stores/zoneGame.ts';
import type { ScoredEvent } from '../../zones/common/types.ts';
import { controlsHelp } from '../input/controlsHelp.ts';
import { TouchControls } from '../input/TouchControls.tsx';
import { useKeyboardControls } from '../input/useKeyboardControls.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { ResultActions } from './ResultActions.tsx';
import { Stars } from './Stars.tsx';

function EventLine({ e, lang, full }: { e: ScoredEvent; lang: Lang; full?: boolean }) {
  const { t } = useTranslation();
  const safe = e.points >= 0;
  return (
    <li className={`event ${safe ? 'safe' : 'unsafe'}`} data-testid="game-event" data-kind={e.kind}>
      <strong>
        {safe ? '+' : ''}
        {e.points} · {text(e.feedback.message, lang)}
      </strong>
      <span>{text(e.feedback.rule, lang)}</span>
      {full && e.feedback.instead && <span>{text(e.feedback.instead, lang)}</span>}
      {full && <span className="source">{t('test.source', { law: text(e.feedback.source.law, lang), facts: e.feedback.source.facts.join(', ') })}</span>}
    </li>
  );
}

/** The replay of a serious moment (a banner while it plays) and then its explanation, until dismissed. */
function ConsequenceCard({ c, lang, store }: { c: ConsequenceView; lang: Lang; store: ZoneGameStore }) {
  const { t } = useTranslation();
  const continueRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // without scrolling: the picture above stays in view
    if (c.stage === 'explain') continueRef.current?.focus({ preventScroll: true });
  }, [c.stage]);
  const fb = c.event.feedback;
  if (c.stage === 'replay')
    return (
      <div className="consequence replay" data-testid="consequence-replay" role="status">
        <strong>{t('game.replayTitle')}</strong>
        <progress max={1} value={c.progress} aria-label={t('game.replayTitle')} />
        <button type="button" data-testid="replay-skip" onClick={() => store.getState().actions.skipReplay()}>
          {t('game.replaySkip')}
        </button>
      </div>
    );
  return (
    <div className="consequence explain" data-testid="consequence-explain" role="alertdialog" aria-labelledby="consequence-title">
      <h2 id="consequence-title">{t('game.explainTitle')}</h2>
      <p className="message">
        <strong>
          {c.event.points} · {text(fb.message, lang)}
        </strong>
      </p>
      <h3>{t('game.ruleTitle')}</h3>
      <p>{text(fb.rule, lang)}</p>
      {fb.instead && (
        <>
          <h3>{t('game.insteadTitle')}</h3>
          <p>{text(fb.instead, lang)}</p>
        </>
      )}
      <p className="source">{t('test.source', { law: text(fb.source.law, lang), facts: fb.source.facts.join(', ') })}</p>
      <button ref={continueRef} type="button" className="primary" data-testid="consequence-continue" onClick={() => store.getState().actions.resume()}>
        {t('game.continue')}
      </button>
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
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const startRef = useRef<HTMLButtonElement>(null);
  const inSetup = view.phase === 'setup';
  useKeyboardControls(store, module.controls, view.status === 'playing' && !inSetup && !view.consequence);
  useEffect(() => {
    if (view.status === 'intro') startRef.current?.focus();
  }, [view.status]);
  // leaving the zone starts the next visit fresh
  useEffect(() => () => store.getState().actions.restart(), [store]);
  const parts = module.parts;
  const partProps = { hud: view.hud, actions: actions.zone, lang };

  if (view.status === 'summary' && view.summary) {
    const s = view.summary;
    return (
      <section className="card game-summary" data-testid="game-summary">
        <h2>{t('game.summaryTitle')}</h2>
        <p className="score" data-testid="game-score">
          {t('test.score', { score: s.score })} · <Stars n={s.stars} label={t('test.stars', { n: s.stars })} />
        </p>
        <p className={s.passed ? 'passed' : 'not-passed'}>{s.passed ? t('game.passed') : t('game.notPassed')}</p>
        <p className="hint">{view.saved ? t('test.saved') : t('app.loading')}</p>
        {parts.Summary && <parts.Summary {...partProps} />}
        <ol className="events">
          {s.events.map((e, i) => (
            <EventLine key={i} e={e} lang={lang} full />
          ))}
        </ol>
        <ResultActions againId="game-again" againLabel={t('game.again')} onAgain={() => actions.restart()} />
      </section>
    );
  }

  const help = controlsHelp(module.controls, coarse ? 'touch' : 'keys', t);
  return (
    <section className={`card game-hud ${view.textSize === 'large' ? 'text-large' : ''}`} data-testid="game-hud" data-zone={module.id}>
      {view.status === 'intro' && (
        <div className="game-intro" data-testid="game-intro">
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
      )}
      {view.status === 'playing' && inSetup && parts.Setup && <parts.Setup {...partProps} />}
      {view.status === 'playing' && view.consequence && <ConsequenceCard c={view.consequence} lang={lang} store={store} />}
      {view.status === 'playing' && !inSetup && !view.consequence && (
        <>
          <div className="game-status">
            <span data-testid="game-time">{t('game.timeLeft', { s: view.secondsLeft })}</span>
            {parts.Status && <parts.Status {...partProps} />}
            <ol className="tasks" data-testid="game-tasks">
              {view.tasks.map((task) => (
                <li key={task.id} className={`task ${task.state}`} data-state={task.state}>
                  {text(task.title, lang)}
                </li>
              ))}
            </ol>
          </div>
          {view.hint && (
            <p className="hint game-hint" data-testid="game-hint">
              {text(view.hint.text, lang)}
            </p>
          )}
          {parts.Notices && <parts.Notices {...partProps} />}
          <ol className="events recent" aria-live="polite">
            {view.recent.map((e, i) => (
              <EventLine key={`${e.t}-${i}`} e={e} lang={lang} />
            ))}
          </ol>
          <div className="touch-controls">
            <TouchControls store={store} map={module.controls} />
            <button type="button" data-testid="game-quit" onClick={() => actions.quit()}>
              {t('game.quit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
