// The flat skin of a zone game: onboarding with the controls of this device, a ride zone's pre-ride
// checklist, the tasks, hints and feedback in the moment, touch buttons (walking or riding), the
// consequence replay's banner and explanation, and the summary with every event's rule and source.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { text, type Lang } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import { controls, restartZoneGame, zoneActions, zoneGameStore } from '../../zones/session.ts';
import type { ChecklistView, ConsequenceView } from '../../stores/zoneGame.ts';
import type { ScoredEvent } from '../../zones/common/types.ts';
import { ResultActions } from './ResultActions.tsx';
import { Stars } from './Stars.tsx';

const KEYS: Record<string, (down: boolean) => void> = {
  KeyW: (d) => (controls.forward = d ? 1 : 0),
  ArrowUp: (d) => (controls.forward = d ? 1 : 0),
  KeyS: (d) => (controls.forward = d ? -1 : 0),
  ArrowDown: (d) => (controls.forward = d ? -1 : 0),
  KeyA: (d) => (controls.strafe = d ? -1 : 0),
  KeyD: (d) => (controls.strafe = d ? 1 : 0),
  ArrowLeft: (d) => (controls.turn = d ? -1 : 0),
  KeyQ: (d) => (controls.turn = d ? -1 : 0),
  ArrowRight: (d) => (controls.turn = d ? 1 : 0),
  KeyE: (d) => (controls.turn = d ? 1 : 0),
  ShiftLeft: (d) => (controls.run = d),
  ShiftRight: (d) => (controls.run = d),
};

/** riding: Space brakes too */
const RIDE_KEYS: Record<string, (down: boolean) => void> = {
  Space: (d) => (controls.forward = d ? -1 : 0),
};

function useKeyboard(active: boolean, ride: boolean) {
  useEffect(() => {
    if (!active) return;
    const down = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      const r = ride ? RIDE_KEYS[e.code] : undefined;
      if (r) {
        r(true);
        e.preventDefault();
        return;
      }
      if (e.code === 'KeyP' && !e.repeat) {
        controls.phoneOut = !controls.phoneOut;
        zoneGameStore.setState({ phoneOut: controls.phoneOut });
        return;
      }
      const k = KEYS[e.code];
      if (k) {
        k(true);
        e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => (ride ? (RIDE_KEYS[e.code] ?? KEYS[e.code]) : KEYS[e.code])?.(false);
    const blur = () => Object.assign(controls, { forward: 0, strafe: 0, turn: 0, run: false });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      blur();
    };
  }, [active, ride]);
}

/** A button held down (mouse or touch) sets a control; letting go clears it. */
function HoldButton({ id, label, onHold, children }: { id: string; label: string; onHold: (down: boolean) => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="hold"
      data-testid={id}
      aria-label={label}
      onPointerDown={(e) => {
        onHold(true);
        // keep receiving the release even if the finger slides off the button
        try {
          e.currentTarget.setPointerCapture(e.pointerId);
        } catch {
          // a synthetic or already-released pointer cannot be captured; the hold still works
        }
      }}
      onPointerUp={() => onHold(false)}
      onPointerCancel={() => onHold(false)}
      onContextMenu={(e) => e.preventDefault()}
    >
      {children}
    </button>
  );
}

const arrow = (rotate: number) => (
  <svg viewBox="0 0 24 24" width="1.6em" height="1.6em" aria-hidden="true" style={{ transform: `rotate(${rotate}deg)` }}>
    <path d="M12 4l8 10h-5v6H9v-6H4z" fill="currentColor" />
  </svg>
);

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

/** A ride zone's checklist before setting off: one answer per item, changeable until confirmed. */
function ChecklistCard({ items, lang }: { items: ChecklistView[]; lang: Lang }) {
  const { t } = useTranslation();
  const complete = items.every((it) => it.chosen !== null);
  return (
    <div className="game-checklist" data-testid="game-checklist">
      <h2>{t('game.checklistTitle')}</h2>
      <p className="hint">{t('game.checklistHint')}</p>
      {items.map((it) => (
        <fieldset key={it.id} className="checklist-item" data-testid={`check-${it.id}`}>
          <legend>{text(it.prompt, lang)}</legend>
          <div className="options">
            {it.options.map((o) => (
              <label key={o.id} className={`option ${it.chosen === o.id ? 'chosen' : ''}`}>
                <input type="radio" name={`check-${it.id}`} value={o.id} data-testid={`check-${it.id}-${o.id}`} checked={it.chosen === o.id} onChange={() => zoneActions.choose?.(it.id, o.id)} />
                {text(o.label, lang)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="button" className="primary" data-testid="ride-off" disabled={!complete} onClick={() => zoneActions.rideOff?.()}>
        {t('game.rideOff')}
      </button>
    </div>
  );
}

/** The replay of a serious moment (a banner while it plays) and then its explanation, until dismissed. */
function ConsequenceCard({ c, lang }: { c: ConsequenceView; lang: Lang }) {
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
        <button type="button" data-testid="replay-skip" onClick={() => zoneGameStore.setState({ consequence: { ...c, stage: 'explain', progress: 1 } })}>
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
      <button ref={continueRef} type="button" className="primary" data-testid="consequence-continue" onClick={() => zoneGameStore.setState({ consequence: null })}>
        {t('game.continue')}
      </button>
    </div>
  );
}

export function ZoneGameHud({ zone }: { zone: ZoneDef }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const view = useStore(zoneGameStore);
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const ride = view.controlsKind === 'ride';
  const startRef = useRef<HTMLButtonElement>(null);
  useKeyboard(view.status === 'playing' && !view.checklist && !view.consequence, ride);
  useEffect(() => {
    if (view.status === 'intro') startRef.current?.focus();
  }, [view.status]);
  // leaving the zone starts the next visit fresh
  useEffect(() => () => restartZoneGame(), []);

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
        <ol className="events">
          {s.events.map((e, i) => (
            <EventLine key={i} e={e} lang={lang} full />
          ))}
        </ol>
        <ResultActions againId="game-again" againLabel={t('game.again')} onAgain={restartZoneGame} />
      </section>
    );
  }

  const controlsText = ride ? (coarse ? t('game.controlsRideTouch') : t('game.controlsRideKeys')) : coarse ? t('game.controlsTouch') : t('game.controlsKeys');
  return (
    <section className={`card game-hud ${view.textSize === 'large' ? 'text-large' : ''}`} data-testid="game-hud" data-kind={view.controlsKind}>
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
          <p>{controlsText}</p>
          <button ref={startRef} type="button" className="primary" data-testid="game-start" onClick={() => zoneGameStore.setState({ status: 'playing' })}>
            {t('game.start')}
          </button>
        </div>
      )}
      {view.status === 'playing' && view.checklist && <ChecklistCard items={view.checklist} lang={lang} />}
      {view.status === 'playing' && view.consequence && <ConsequenceCard c={view.consequence} lang={lang} />}
      {view.status === 'playing' && !view.checklist && !view.consequence && (
        <>
          <div className="game-status">
            <span data-testid="game-time">{t('game.timeLeft', { s: view.secondsLeft })}</span>
            {ride && (
              <span className={`speed ${view.limitKmh !== null && view.speedKmh > view.limitKmh + 0.5 ? 'over' : ''}`} data-testid="game-speed">
                {t('game.speed', { v: Math.round(view.speedKmh) })}
                {view.limitKmh !== null && <small> · {t('game.limit', { v: view.limitKmh })}</small>}
              </span>
            )}
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
          {view.phoneRinging && !view.phoneOut && (
            <p className="notice notice-warning" data-testid="phone-ringing">
              {t('game.phoneRinging')}
              {view.phonePopup && <span className="phone-popup"> {text(view.phonePopup, lang)}</span>}
            </p>
          )}
          <ol className="events recent" aria-live="polite">
            {view.recent.map((e, i) => (
              <EventLine key={`${e.t}-${i}`} e={e} lang={lang} />
            ))}
          </ol>
          <div className="touch-controls">
            <HoldButton id="move-forward" label={ride ? t('game.throttle') : t('game.forward')} onHold={(d) => (controls.forward = d ? 1 : 0)}>
              {ride ? t('game.throttle') : arrow(0)}
            </HoldButton>
            <HoldButton id="move-back" label={ride ? t('game.brake') : t('game.back')} onHold={(d) => (controls.forward = d ? -1 : 0)}>
              {ride ? t('game.brake') : arrow(180)}
            </HoldButton>
            <HoldButton id="turn-left" label={ride ? t('game.steerLeft') : t('game.turnLeft')} onHold={(d) => (controls.turn = d ? -1 : 0)}>
              {arrow(-90)}
            </HoldButton>
            <HoldButton id="turn-right" label={ride ? t('game.steerRight') : t('game.turnRight')} onHold={(d) => (controls.turn = d ? 1 : 0)}>
              {arrow(90)}
            </HoldButton>
            <button
              type="button"
              data-testid="phone"
              aria-pressed={view.phoneOut}
              onClick={() => {
                controls.phoneOut = !controls.phoneOut;
                zoneGameStore.setState({ phoneOut: controls.phoneOut });
              }}
            >
              {view.phoneOut ? t('game.phoneAway') : t('game.phoneOut')}
            </button>
            <button type="button" data-testid="game-quit" onClick={() => zoneGameStore.setState({ quit: true })}>
              {t('game.quit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
