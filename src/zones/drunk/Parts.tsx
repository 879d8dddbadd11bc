// The drunk zone's small HUD parts on a screen: the level choice before the drives, the run and
// the speed while driving, and the pause before the second drive. Words are the zone file's.
import { text } from '../../content/ids.ts';
import type { ZoneHudProps } from '../module.ts';
import type { DrunkActions, DrunkHud } from './module.ts';
import { fill } from './words.ts';

export function LevelChoice({ hud, actions, lang }: ZoneHudProps<DrunkHud, DrunkActions>) {
  const items = hud.choice;
  if (!items) return null;
  const complete = items.every((it) => it.chosen !== null);
  return (
    <div className="game-checklist drunk-level" data-testid="drunk-level">
      {items.map((it) => (
        <fieldset key={it.id} className="checklist-item">
          <legend>{text(it.prompt, lang)}</legend>
          <div className="options">
            {it.options.map((o) => (
              <label key={o.id} className={`option ${it.chosen === o.id ? 'chosen' : ''}`}>
                <input type="radio" name={`level-${it.id}`} value={o.id} data-testid={`level-${o.id}`} checked={it.chosen === o.id} onChange={() => actions.choose(it.id, o.id)} />
                {text(o.label, lang)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="button" className="primary" data-testid="drive-off" disabled={!complete} onClick={() => actions.startDriving()}>
        {text(hud.texts.start, lang)}
      </button>
    </div>
  );
}

/** Which drive this is, and the speed against the limiter. */
export function DriveStatus({ hud, lang }: ZoneHudProps<DrunkHud, DrunkActions>) {
  const run = hud.stage === 'sober' ? 'sober' : hud.stage === 'drunk' || hud.stage === 'interlude' ? 'drunk' : null;
  if (!run) return null;
  return (
    <>
      <strong className={`drunk-run ${run}`} data-testid="drunk-run" data-run={run}>
        {fill(hud.texts.stage[run], lang, { level: hud.level ? text(hud.level, lang) : '' })}
      </strong>
      <span className="speed" data-testid="game-speed">
        {fill(hud.texts.kmh, lang, { v: Math.round(hud.speedKmh) })}
      </span>
    </>
  );
}

/** The pause before the second drive: what comes next, and that it is a demonstration. */
export function Interlude({ hud, lang }: ZoneHudProps<DrunkHud, DrunkActions>) {
  if (hud.stage !== 'interlude') return null;
  return (
    <p className="notice notice-warning" data-testid="drunk-interlude">
      {fill(hud.texts.interlude, lang, { level: hud.level ? text(hud.level, lang) : '' })} ({hud.interludeLeft})
    </p>
  );
}

/** The headset slab's lines: the drive and the speed, or the pause's notice. */
export function drunkLines(hud: DrunkHud, lang: ZoneHudProps<DrunkHud, DrunkActions>['lang']): string[] {
  const level = hud.level ? text(hud.level, lang) : '';
  if (hud.stage === 'interlude') return [`${fill(hud.texts.interlude, lang, { level })} (${hud.interludeLeft})`];
  if (hud.stage !== 'sober' && hud.stage !== 'drunk') return [];
  return [`${fill(hud.texts.stage[hud.stage], lang, { level })} · ${fill(hud.texts.kmh, lang, { v: Math.round(hud.speedKmh) })}`];
}
