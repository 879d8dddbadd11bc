// The signals zone's module (the registry lists it): its rules module and the UI parts it owns —
// the question, ordering and breakdown panel on screens (flat HUD), its lines on the headset's HUD
// slab, and its own 3D: the animated officer, the marker over what a question is about, the
// answer panels in the headset (with the arms read as a hand signal), the expressway's guardrail,
// the hazard lights and the warning triangle.
import { lazy } from 'react';
import { text } from '../../content/ids.ts';
import { defineZoneModule } from '../module.ts';
import { signalsRules } from './module.ts';
import { SignalsPanel } from './Panel.tsx';

export default defineZoneModule(signalsRules, {
  parts: {
    Notices: SignalsPanel,
    lines: (hud, _t, lang) => {
      const b = hud.breakdown;
      if (b?.carrying) return [text(b.distanceLabel, lang).replace('{m}', String(Math.round(b.distance)))];
      return hud.last ? [`${text(hud.last.verdict, lang)} ${text(hud.last.answer, lang)}`] : [];
    },
  },
  Scene: lazy(() => import('./Scene.tsx')),
});
