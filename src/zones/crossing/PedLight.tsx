// The current crossing's pedestrian light, large in the HUD: the heads in the street are a few
// pixels tall on a 1366 px screen, and a child must read red and green at a glance. Two lamps (the
// standing figure lit red, the walking one lit green, as on the real head) and the words beside
// them, so colour is never the only cue.
import { useTranslation } from 'react-i18next';

export function PedLight({ light }: { light: string | null }) {
  const { t } = useTranslation();
  if (light === null) return null;
  const walk = light === 'green';
  const stop = light === 'red' || light === 'yellow';
  const label = light === 'none' ? t('game.lightNone') : walk ? t('game.lightWalk') : t('game.lightStop');
  return (
    <span className={`ped-light ${light}`} data-testid="ped-light" data-state={light} role="img" aria-label={label}>
      {light !== 'none' && (
        <span className="ped-lamps" aria-hidden="true">
          <svg viewBox="0 0 24 24" className={`lamp stop ${stop ? 'lit' : ''}`}>
            <circle cx="12" cy="5" r="2.6" />
            <path d="M9 9h6v7h-1.6v6h-2.8v-6H9z" />
          </svg>
          <svg viewBox="0 0 24 24" className={`lamp walk ${walk ? 'lit' : ''}`}>
            <circle cx="13" cy="4.5" r="2.4" />
            <path d="M11 8.5l4 .5 2 4-1.6.8-1.4-2.6-1 4 3 3.4-.4 3.9h-2l.3-3.2-2.8-2.9-1.4 6.1H7.6l2-9-1.8 1.2-.9 3-1.7-.5 1.2-4z" />
          </svg>
        </span>
      )}
      <span className="ped-words">{label}</span>
    </span>
  );
}
