// The level choice in the headset: the prompt, one button per level (the chosen one marked), and
// Go once a level is chosen.
import { text } from '../../content/ids.ts';
import { Button3D } from '../../three/ui/Button3D.tsx';
import { Body3D, Panel3D } from '../../three/ui/Panel3D.tsx';
import type { ZoneHudProps } from '../module.ts';
import type { DrunkActions, DrunkHud } from './module.ts';

export default function LevelChoice3D({ hud, actions, lang }: ZoneHudProps<DrunkHud, DrunkActions>) {
  const item = hud.choice?.[0];
  if (!item) return null;
  const height = 0.36 + item.options.length * 0.085;
  return (
    <Panel3D name="panel:drunk-level" width={1.1} height={height}>
      <Body3D position={[0, height / 2 - 0.05, 0]} width={1}>
        {text(item.prompt, lang)}
      </Body3D>
      {item.options.map((o, i) => (
        <Button3D
          key={o.id}
          id={`level-${o.id}`}
          label={text(o.label, lang)}
          width={0.8}
          height={0.072}
          selected={item.chosen === o.id}
          position={[0, height / 2 - 0.2 - i * 0.085, 0]}
          onClick={() => actions.choose(item.id, o.id)}
        />
      ))}
      <Button3D id="drive-off" label={text(hud.texts.start, lang)} width={0.6} height={0.08} disabled={item.chosen === null} position={[0, -height / 2 + 0.07, 0]} onClick={() => actions.startDriving()} />
    </Panel3D>
  );
}
