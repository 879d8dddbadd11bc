// The flat skin of a zone game: onboarding with the controls of this device, the tasks, hints and
// feedback in the moment, touch buttons, and the summary with every event's rule and source.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { text, type Lang } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import { controls, restartZoneGame, zoneGameStore } from '../../zones/session.ts';
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

function useKeyboard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const down = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
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
    const up = (e: KeyboardEvent) => KEYS[e.code]?.(false);
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
  }, [active]);
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

export function ZoneGameHud({ zone }: { zone: ZoneDef }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const view = useStore(zoneGameStore);
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const startRef = useRef<HTMLButtonElement>(null);
  useKeyboard(view.status === 'playing');
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

  return (
    <section className="card game-hud" data-testid="game-hud">
      {view.status === 'intro' && (
        <div className="game-intro" data-testid="game-intro">
          <h2>{text(zone.title, lang)}</h2>
          <p>{text(zone.summary, lang)}</p>
          <p>{coarse ? t('game.controlsTouch') : t('game.controlsKeys')}</p>
          <button ref={startRef} type="button" className="primary" data-testid="game-start" onClick={() => zoneGameStore.setState({ status: 'playing' })}>
            {t('game.start')}
          </button>
        </div>
      )}
      {view.status === 'playing' && (
        <>
          <div className="game-status">
            <span data-testid="game-time">{t('game.timeLeft', { s: view.secondsLeft })}</span>
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
          {view.phoneRinging && !view.phoneOut && <p className="notice notice-warning">{t('game.phoneRinging')}</p>}
          <ol className="events recent" aria-live="polite">
            {view.recent.map((e, i) => (
              <EventLine key={`${e.t}-${i}`} e={e} lang={lang} />
            ))}
          </ol>
          <div className="touch-controls">
            <HoldButton id="move-forward" label={t('game.forward')} onHold={(d) => (controls.forward = d ? 1 : 0)}>
              {arrow(0)}
            </HoldButton>
            <HoldButton id="move-back" label={t('game.back')} onHold={(d) => (controls.forward = d ? -1 : 0)}>
              {arrow(180)}
            </HoldButton>
            <HoldButton id="turn-left" label={t('game.turnLeft')} onHold={(d) => (controls.turn = d ? -1 : 0)}>
              {arrow(-90)}
            </HoldButton>
            <HoldButton id="turn-right" label={t('game.turnRight')} onHold={(d) => (controls.turn = d ? 1 : 0)}>
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
