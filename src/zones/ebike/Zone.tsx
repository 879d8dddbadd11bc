// The e-bike zone's module (the registry lists it): its rules module and the UI parts it owns — the
// pre-ride checklist (flat and in the headset), speed against the lane's limit, the phone with its
// pop-up, and the handlebar in view while riding.
import { lazy } from 'react';
import { PhoneNotice, phoneLine, SpeedReadout, speedLine } from '../../ui/flat/zoneHudParts.tsx';
import { defineZoneModule } from '../module.ts';
import { Checklist } from './Checklist.tsx';
import { ebikeRules } from './module.ts';

export default defineZoneModule(ebikeRules, {
  parts: {
    Setup: Checklist,
    Status: ({ hud }) => <SpeedReadout speed={hud} />,
    Notices: ({ hud, lang }) => <PhoneNotice phone={hud} lang={lang} />,
    lines: (hud, t, lang) => [speedLine(hud, t), phoneLine(hud, t, lang)],
  },
  Setup3D: lazy(() => import('./Checklist3D.tsx')),
  Scene: lazy(() => import('./Scene.tsx')),
});
