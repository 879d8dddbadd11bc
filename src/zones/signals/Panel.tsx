// The signals zone's part of the flat HUD (under the hint): the open question with its options,
// the verdict on the last answer, the movements of a signal to tap in order, and the breakdown's
// steps with the triangle's distance while it is carried back. Texts come from the zone file;
// the styles are the checklist's.
import { text } from '../../content/ids.ts';
import type { ZoneHudProps } from '../module.ts';
import type { SignalsActions, SignalsHud } from './module.ts';

export function SignalsPanel({ hud, actions, lang }: ZoneHudProps<SignalsHud, SignalsActions>) {
  const { question: q, show, breakdown: b, last } = hud;
  return (
    <div className="signals-panel" data-testid="signals-panel">
      {last && !b && (
        <p className={`event ${last.correct ? 'safe' : 'unsafe'}`} data-testid="signals-last" data-correct={last.correct}>
          {text(last.verdict, lang)} {text(last.answer, lang)}
        </p>
      )}
      {q && (
        <fieldset className="checklist-item" data-testid="signals-question" data-question={q.id}>
          <legend>
            {text(q.prompt, lang)} ({q.n}/{q.total})
          </legend>
          <div className="options">
            {q.options.map((o) => (
              <button key={o.id} type="button" className="option" data-testid={`answer-${o.id}`} onClick={() => actions.answer(o.id)}>
                {text(o.label, lang)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {show && (
        <fieldset className="checklist-item" data-testid="signals-order" data-signal={show.orderSignal}>
          <legend>
            {text(show.orderPrompt, lang)} {text(show.orderLabel, lang)}
          </legend>
          <div className="options">
            {show.steps.map((s) => (
              <button key={s.id} type="button" className={`option ${show.picked.includes(s.id) ? 'chosen' : ''}`} data-testid={`order-step-${s.id}`} disabled={show.picked.includes(s.id)} onClick={() => actions.pickStep(s.id)}>
                {show.picked.includes(s.id) ? `${show.picked.indexOf(s.id) + 1}. ` : ''}
                {text(s.label, lang)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {b && (
        <fieldset className="checklist-item" data-testid="signals-breakdown">
          <legend>{text(b.prompt, lang)}</legend>
          {b.carrying ? (
            <div className="options">
              <strong data-testid="triangle-distance" data-m={Math.round(b.distance)}>
                {text(b.distanceLabel, lang).replace('{m}', String(Math.round(b.distance)))}
              </strong>
              <span>{text(b.walkBack, lang)}</span>
              <button type="button" className="primary" data-testid="breakdown-place" onClick={() => actions.placeTriangle()}>
                {text(b.place, lang)}
              </button>
            </div>
          ) : (
            <div className="options">
              {b.steps.map((s) => (
                <button key={s.id} type="button" className={`option ${s.done ? 'chosen' : ''}`} data-testid={`breakdown-${s.id}`} disabled={s.done} onClick={() => actions.doStep(s.id)}>
                  {text(s.label, lang)}
                </button>
              ))}
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
