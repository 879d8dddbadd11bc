// The blindspot zone's module (the registry lists it): its rules module and the UI parts it owns —
// the stage with its markers and time (status), one line of what to do or what went wrong (notices),
// the same as lines on the headset's slab, and its 3D scene (markers, blind zones, sweeps, the cab
// with its mirrors). Kept small: the shared HUD lays it out.
import type { TFunction } from 'i18next';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { text, type Lang } from '../../content/ids.ts';
import { defineZoneModule } from '../module.ts';
import { blindspotRules, type BlindspotHud } from './module.ts';

/** The markers set on the walk round and the time left in the stage (one line). */
export function statusLine(h: BlindspotHud, t: TFunction): string {
  const left = t('blindspot.stageLeft', { s: h.stageLeft });
  return h.stage === 'walkaround' ? `${t('blindspot.markers', { n: h.markersSet, max: h.markersMax })} · ${left}` : left;
}

const mirrorOf = (h: BlindspotHud, t: TFunction): string => (h.mirror ? t('blindspot.looking', { mirror: t(`blindspot.mirror.${h.mirror}`) }) : '');

/**
 * What to do now (the zone file's words for the stage), or what went wrong with the last marker;
 * in the cab, what the markers turned out to be; the mirror being looked at. One line.
 */
export function noticeLine(h: BlindspotHud, t: TFunction, lang: Lang): string {
  const help = h.help ? text(h.help, lang) : '';
  if (h.stage === 'walkaround') return h.problem ? t(`blindspot.problem.${h.problem}`) : help;
  const parts = h.stage === 'cab' ? [t(h.short ? 'blindspot.cabResultShort' : 'blindspot.cabResult', { hidden: h.hidden, seen: h.seen }), help] : [help];
  return [...parts, mirrorOf(h, t)].filter(Boolean).join(' ');
}

function Status({ hud }: { hud: BlindspotHud }) {
  const { t } = useTranslation();
  return (
    <span className="blindspot-status" data-testid="blindspot-status" data-stage={hud.stage} data-markers={hud.markersSet}>
      {statusLine(hud, t)}
    </span>
  );
}

function Notices({ hud, lang }: { hud: BlindspotHud; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <p className={`notice ${hud.problem && hud.stage === 'walkaround' ? 'notice-warning' : ''}`} data-testid="blindspot-notice">
      {noticeLine(hud, t, lang)}
    </p>
  );
}

export default defineZoneModule(blindspotRules, {
  parts: {
    Status,
    Notices,
    lines: (hud, t, lang) => [statusLine(hud, t), noticeLine(hud, t, lang)],
  },
  Scene: lazy(() => import('./Scene.tsx')),
});
