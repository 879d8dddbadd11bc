// The drunk zone's summary in the headset, beside the shared one: the two drives' numbers as the
// engine measured them, the chosen level's category and the legal consequences as the zone file
// words them (drug driving and the demonstration note on a second page).
import { useState } from 'react';
import { text } from '../../content/ids.ts';
import { Button3D } from '../../three/ui/Button3D.tsx';
import { Body3D, Panel3D } from '../../three/ui/Panel3D.tsx';
import type { ZoneHudProps } from '../module.ts';
import type { DrunkActions, DrunkHud } from './module.ts';
import { runNumbers } from './words.ts';

export default function Summary3D({ hud, lang }: ZoneHudProps<DrunkHud, DrunkActions>) {
  const [page, setPage] = useState(0);
  const end = hud.end;
  if (!end) return null;
  const t = hud.texts;
  const { comparison: c, legal } = end;
  const row = (r: 'sober' | 'drunk') => {
    const n = runNumbers(c.runs[r], t, lang);
    return `${text(t[r], lang)}: ${text(t.reaction, lang)} ${n.reaction} · ${text(t.stopping, lang)} ${n.stopping}`;
  };
  const level = c.level ? `${text(t.levelTitle, lang)}: ${text(c.level.label, lang)} · ${text(legal.categoryLabel, lang)}` : '';
  const pages = [
    [text(t.comparisonTitle, lang), row('sober'), row('drunk'), level, legal.risk ? text(legal.risk.text, lang) : text(legal.effects.text, lang)],
    [text(t.legalTitle, lang), ...legal.paragraphs.map((p) => `· ${text(p.text, lang)}`)],
    [text(legal.drugs.title, lang), ...legal.drugs.paragraphs.map((p) => `· ${text(p.text, lang)}`), text(legal.demoNote, lang)],
  ];
  const k = Math.min(page, pages.length - 1);
  return (
    <group position={[-1.3, 0, 0.35]} rotation={[0, 0.55, 0]}>
      <Panel3D name="panel:drunk-summary" width={1.25} height={1.15}>
        <Body3D position={[0, 0.53, 0]} width={1.15} scale={0.9}>
          {pages[k]!.join('\n')}
        </Body3D>
        <Button3D id="drunk-page" label={`${k + 1}/${pages.length} >`} width={0.26} height={0.08} position={[0, -0.5, 0]} onClick={() => setPage((k + 1) % pages.length)} />
      </Panel3D>
    </group>
  );
}
