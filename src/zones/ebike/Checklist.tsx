// The e-bike's pre-ride checklist on a screen: one answer per item (radio groups), changeable until
// the visitor rides off (enabled once every item has an answer).
import { useTranslation } from 'react-i18next';
import { text } from '../../content/ids.ts';
import type { ZoneHudProps } from '../module.ts';
import type { EbikeActions, EbikeHud } from './module.ts';

export function Checklist({ hud, actions, lang }: ZoneHudProps<EbikeHud, EbikeActions>) {
  const { t } = useTranslation();
  const items = hud.checklist;
  if (!items) return null;
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
                <input type="radio" name={`check-${it.id}`} value={o.id} data-testid={`check-${it.id}-${o.id}`} checked={it.chosen === o.id} onChange={() => actions.choose(it.id, o.id)} />
                {text(o.label, lang)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="button" className="primary" data-testid="ride-off" disabled={!complete} onClick={() => actions.rideOff()}>
        {t('game.rideOff')}
      </button>
    </div>
  );
}
