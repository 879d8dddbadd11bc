// The seat-belt zone's module (the registry lists it): its rules module and the UI parts it owns —
// the station panel (choices, Start, Skip, results with their sourced figures), speed and the phone
// while driving, the rules for drivers aged 70 and over on the summary, and its own scene (the crash
// test site with the model's occupants, the car's cabin on the road, the marks a drive leaves, the
// belt to reach for and the station panel in the headset).
import { lazy } from 'react';
import { text } from '../../content/ids.ts';
import { PhoneNotice, phoneLine, SpeedReadout, speedLine } from '../../ui/flat/zoneHudParts.tsx';
import { defineZoneModule } from '../module.ts';
import { seatbeltRules } from './module.ts';
import { SeniorNotes, StationPanel } from './StationPanel.tsx';

export default defineZoneModule(seatbeltRules, {
  parts: {
    Status: ({ hud }) => (hud.speedKmh === null ? null : <SpeedReadout speed={{ speedKmh: hud.speedKmh, limitKmh: hud.limitKmh }} />),
    Notices: (props) => (
      <>
        <PhoneNotice phone={props.hud} lang={props.lang} />
        <StationPanel {...props} />
      </>
    ),
    lines: (hud, t, lang) => [hud.speedKmh === null ? '' : speedLine({ speedKmh: hud.speedKmh, limitKmh: hud.limitKmh }, t), phoneLine(hud, t, lang)],
    Summary: SeniorNotes,
    summaryLines: (hud, t, lang) => (hud.notes.length ? [`${t('seatbelt.seniorTitle')}:`, ...hud.notes.map((n) => text(n.text, lang))] : []),
  },
  Scene: lazy(() => import('./Scene.tsx')),
});
