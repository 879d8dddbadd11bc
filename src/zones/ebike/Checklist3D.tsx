// The e-bike's pre-ride checklist in the headset: one item at a time; picking an answer moves on;
// at the end a summary of the answers, Back, and Ride off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { text } from '../../content/ids.ts';
import { Button3D } from '../../three/ui/Button3D.tsx';
import { Body3D, Panel3D } from '../../three/ui/Panel3D.tsx';
import type { ZoneHudProps } from '../module.ts';
import type { EbikeActions, EbikeHud } from './module.ts';

export default function Checklist3D({ hud, actions, lang }: ZoneHudProps<EbikeHud, EbikeActions>) {
  const { t } = useTranslation();
  const [k, setK] = useState(0);
  const items = hud.checklist;
  if (!items) return null;
  const done = k >= items.length;
  const item = items[Math.min(k, items.length - 1)]!;
  const complete = items.every((it) => it.chosen !== null);
  if (done)
    return (
      <Panel3D name="panel:game-checklist" title={t('game.checklistTitle')} width={1.1} height={0.6}>
        <Body3D position={[0, 0.17, 0]} width={1}>
          {items.map((it) => `${text(it.prompt, lang)} ${text(it.options.find((o) => o.id === it.chosen)?.label ?? { 'zh-Hans': '?', en: '?' }, lang)}`).join('\n')}
        </Body3D>
        <Button3D id="check-back" label={t('app.back')} width={0.2} position={[-0.3, -0.22, 0]} onClick={() => setK(items.length - 1)} />
        <Button3D id="ride-off" label={t('game.rideOff')} width={0.34} position={[0.12, -0.22, 0]} disabled={!complete} onClick={() => actions.rideOff()} />
      </Panel3D>
    );
  const height = 0.26 + item.options.length * 0.085;
  return (
    <Panel3D name="panel:game-checklist" title={`${t('game.checklistTitle')} ${k + 1}/${items.length}`} width={1.1} height={height}>
      <Body3D position={[0, height / 2 - 0.14, 0]} width={1}>
        {text(item.prompt, lang)}
      </Body3D>
      {item.options.map((o, i) => (
        <Button3D
          key={o.id}
          id={`check-${item.id}-${o.id}`}
          label={text(o.label, lang)}
          width={1}
          height={0.072}
          selected={item.chosen === o.id}
          position={[0, height / 2 - 0.25 - i * 0.085, 0]}
          onClick={() => {
            actions.choose(item.id, o.id);
            setK(k + 1);
          }}
        />
      ))}
    </Panel3D>
  );
}
