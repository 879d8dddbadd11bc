// The blindspot zone's module (the registry lists it): its rules module and the UI parts it owns —
// the stage with its markers and time (status), one line of what to do or what went wrong (notices),
// the same as lines on the headset's slab, and its 3D scene (markers, blind zones, sweeps, the cab
// with its mirrors). Kept small: the shared HUD lays it out.
import type { TFunction } from 'i18next';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { defineZoneModule } from '../module.ts';
import { blindspotRules, type BlindspotHud } from './module.ts';

/** The stage, and on the walk round the markers set (one line). */
export function statusLine(h: BlindspotHud, t: TFunction): string {
  const stage = t(`blindspot.stage.${h.stage}`);
  const left = t('blindspot.stageLeft', { s: h.stageLeft });
  return h.stage === 'walkaround' ? `${stage} · ${t('blindspot.markers', { n: h.markersSet, max: h.markersMax })} · ${left}` : `${stage} · ${left}`;
}

/** What to do now, or what went wrong (one line; children get the shortest words). */
export function noticeLine(h: BlindspotHud, t: TFunction): string {
  if (h.stage === 'walkaround') return h.problem ? t(`blindspot.problem.${h.problem}`) : t(h.short ? 'blindspot.walkHelpShort' : 'blindspot.walkHelp');
  if (h.stage === 'cab') {
    const result = t(h.short ? 'blindspot.cabResultShort' : 'blindspot.cabResult', { hidden: h.hidden, seen: h.seen });
    const looking = h.mirror ? ` ${t('blindspot.looking', { mirror: t(`blindspot.mirror.${h.mirror}`) })}` : '';
    return h.short ? `${result}${looking}` : `${result} ${t('blindspot.cabHelp')}${looking}`;
  }
  if (h.role === 'driver') return `${t('blindspot.driveHelp')}${h.mirror ? ` ${t('blindspot.looking', { mirror: t(`blindspot.mirror.${h.mirror}`) })}` : ''}`;
  return t(h.short ? 'blindspot.waitHelpShort' : 'blindspot.waitHelp');
}

function Status({ hud }: { hud: BlindspotHud }) {
  const { t } = useTranslation();
  return (
    <span className="blindspot-status" data-testid="blindspot-status" data-stage={hud.stage} data-markers={hud.markersSet}>
      {statusLine(hud, t)}
    </span>
  );
}

function Notices({ hud }: { hud: BlindspotHud }) {
  const { t } = useTranslation();
  return (
    <p className={`notice ${hud.problem && hud.stage === 'walkaround' ? 'notice-warning' : ''}`} data-testid="blindspot-notice">
      {noticeLine(hud, t)}
    </p>
  );
}

export default defineZoneModule(blindspotRules, {
  parts: {
    Status,
    Notices,
    lines: (hud, t) => [statusLine(hud, t), noticeLine(hud, t)],
  },
  Scene: lazy(() => import('./Scene.tsx')),
});
