// The seat-belt station on a screen: the story and the choices (the belt, a speed, where and how a
// child rides) with Start, Skip during a slow-motion crash, and a result's measured lines and sourced
// figures with Next (or another try). It renders the zone's HUD state and calls the zone's actions,
// like the headset's panel (Station3D.tsx). Nothing while driving: the brake and the road are it.
import { useTranslation } from 'react-i18next';
import type { ZoneHudProps } from '../module.ts';
import { text } from '../../content/ids.ts';
import type { SeatbeltActions, SeatbeltHud } from './module.ts';
import { stationText } from './stationText.tsx';

function Choice({ id, label, chosen, onPick }: { id: string; label: string; chosen: boolean; onPick: () => void }) {
  return (
    <button type="button" className={`option ${chosen ? 'chosen' : ''}`} data-testid={id} aria-pressed={chosen} onClick={onPick}>
      {label}
    </button>
  );
}

export function StationPanel({ hud, actions, lang }: ZoneHudProps<SeatbeltHud, SeatbeltActions>) {
  const { t } = useTranslation();
  const v = hud.station;
  if (!v) return null;
  const driving = (v.kind === 'phone-drive' || v.kind === 'stopping') && v.stage === 'drive';
  if (driving) return null;
  const txt = stationText(v, t, lang);
  const speeds = (list: readonly number[], chosen: number | null) => (
    <div className="options" role="group" aria-label={t('seatbelt.speed')}>
      {list.map((s) => (
        <Choice key={s} id={`sb-speed-${s}`} label={t('seatbelt.kmh', { v: s })} chosen={chosen === s} onPick={() => actions.choose('speed', String(s))} />
      ))}
    </div>
  );
  let controls = null;
  if (v.kind === 'crash-test' && v.stage === 'setup')
    controls = (
      <>
        <div className="options">
          <Choice id="sb-belt" label={v.buckled ? t('seatbelt.buckled') : t('seatbelt.buckle')} chosen={v.buckled} onPick={() => actions.buckle(!v.buckled)} />
        </div>
        {speeds(v.speeds, v.speedKmh)}
        <button type="button" className="primary" data-testid="sb-go" disabled={v.speedKmh === null} onClick={() => actions.go()}>
          {t('seatbelt.startCrash')}
        </button>
      </>
    );
  else if (v.kind === 'child-seat' && v.stage === 'setup')
    controls = (
      <>
        {v.items.map((it) => (
          <div key={it.id} className="options" role="group" aria-label={text(it.prompt, lang)}>
            <span>{text(it.prompt, lang)}</span>
            {it.options.map((o) => (
              <Choice key={o.id} id={`sb-${it.id}-${o.id}`} label={text(o.label, lang)} chosen={it.chosen === o.id} onPick={() => actions.choose(it.id, o.id)} />
            ))}
          </div>
        ))}
        <button type="button" className="primary" data-testid="sb-go" disabled={v.items.some((i) => i.chosen === null)} onClick={() => actions.go()}>
          {t('seatbelt.startCrash')}
        </button>
      </>
    );
  else if (v.kind === 'phone-drive' && v.stage === 'ready')
    controls = (
      <button type="button" className="primary" data-testid="sb-go" onClick={() => actions.go()}>
        {t('seatbelt.drive')}
      </button>
    );
  else if (v.kind === 'stopping' && v.stage === 'setup') {
    const chosen = v.runs[v.run]!.speedKmh;
    controls = (
      <>
        {speeds(v.speeds, chosen)}
        <button type="button" className="primary" data-testid="sb-go" disabled={chosen === null} onClick={() => actions.go()}>
          {t('seatbelt.drive')}
        </button>
      </>
    );
  } else if (v.stage === 'crash')
    controls = (
      <button type="button" data-testid="sb-skip" onClick={() => actions.skip()}>
        {t('seatbelt.skip')}
      </button>
    );
  else if (v.stage === 'result')
    controls = (
      <div className="options">
        {v.kind === 'crash-test' && (
          <button type="button" data-testid="sb-again" onClick={() => actions.again()}>
            {t('seatbelt.again')}
          </button>
        )}
        <button type="button" className="primary" data-testid="sb-next" onClick={() => actions.next()}>
          {t('seatbelt.next')}
        </button>
      </div>
    );
  return (
    <div className="sb-station" data-testid="sb-station" data-kind={v.kind} data-stage={v.stage}>
      {v.stage !== 'result' && <p className="sb-lead">{txt.lead}</p>}
      {/* the buttons before the long result texts: they stay above the fold */}
      {controls}
      {txt.lines.length > 0 && (
        <ul className="sb-lines" data-testid="sb-result">
          {txt.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      {v.stage === 'result' && txt.figures.length > 0 && (
        <ul className="sb-figures" data-testid="sb-figures">
          {txt.figures.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The summary's rules for drivers aged 70 and over (groups whose tuning asks for them). */
export function SeniorNotes({ hud, lang }: ZoneHudProps<SeatbeltHud, SeatbeltActions>) {
  const { t } = useTranslation();
  if (!hud.notes.length) return null;
  return (
    <section className="sb-notes" data-testid="sb-senior-notes">
      <h3>{t('seatbelt.seniorTitle')}</h3>
      <ul>
        {hud.notes.map((n, i) => (
          <li key={i}>
            {text(n.text, lang)} <small>({t('seatbelt.source', { facts: n.facts.join(', ') })})</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
