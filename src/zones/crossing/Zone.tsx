// The crossing zone's module (the registry lists it): its rules module and the HUD parts it owns,
// the phone. It draws nothing of its own: the shared skeleton draws the street, and the visitor is
// the camera (or, in a headset, themselves).
import { PhoneNotice, phoneLine } from '../../ui/flat/zoneHudParts.tsx';
import { defineZoneModule } from '../module.ts';
import { crossingRules } from './module.ts';

export default defineZoneModule(crossingRules, {
  parts: {
    Notices: ({ hud, lang }) => <PhoneNotice phone={hud} lang={lang} />,
    lines: (hud, t, lang) => [phoneLine(hud, t, lang)],
  },
});
