// The crossing zone's module (the registry lists it): its rules module and the HUD parts it owns —
// the current crossing's pedestrian light (large), the phone — and its own 3D: the current task's
// goal marker on the far kerb. The shared skeleton draws the street, and the visitor is the camera
// (or, in a headset, themselves).
import { lazy } from 'react';
import { PhoneNotice, phoneLine } from '../../ui/flat/zoneHudParts.tsx';
import { defineZoneModule } from '../module.ts';
import { crossingRules } from './module.ts';
import { PedLight } from './PedLight.tsx';

export default defineZoneModule(crossingRules, {
  parts: {
    Status: ({ hud }) => <PedLight light={hud.light} />,
    Notices: ({ hud, lang }) => <PhoneNotice phone={hud} lang={lang} />,
    lines: (hud, t, lang) => [hud.light === null ? '' : hud.light === 'green' ? t('game.lightWalk') : hud.light === 'none' ? t('game.lightNone') : t('game.lightStop'), phoneLine(hud, t, lang)],
  },
  Scene: lazy(() => import('./Scene.tsx')),
});
