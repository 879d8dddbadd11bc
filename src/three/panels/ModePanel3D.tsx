import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { offeredModes } from '../../modes/offers.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

/** The immersive twin of the flat ModePicker: same store, same navigation. */
export function ModePanel3D({ keep }: { keep: Record<string, string> }) {
  const { t } = useTranslation();
  const { hallUi } = useServices();
  const picked = useStore(hallUi, (s) => s.pickedZone);
  const lang = useSession((s) => s.lang);
  const slot = useCatalog().zones.find((z) => z.id === picked);
  if (!slot?.ok) return null;
  const zone = slot.zone;
  const modes = offeredModes(zone.id);
  return (
    <Panel3D name="panel:modes" title={`${text(zone.title, lang)} · ${t('modes.title')}`} width={0.9} height={0.66} position={[0, 0, 0.02]}>
      {modes.map((m, i) => (
        <group key={m} position={[0, 0.16 - i * 0.14, 0]}>
          <Button3D id={`mode-${m}`} label={t(`modes.${m}`)} width={0.5} height={0.1} position={[-0.17, 0, 0]} onClick={() => {
            hallUi.getState().actions.close();
            navigate({ name: 'zone', zoneId: zone.id, mode: m }, keep);
          }} />
          <Body3D position={[0.27, 0, 0]} width={0.3} anchorY="middle" scale={0.8}>
            {t(`modes.${m}Desc`)}
          </Body3D>
        </group>
      ))}
      {!modes.includes('game') && (
        <Body3D position={[0, 0.16 - modes.length * 0.14, 0]} width={0.8} anchorY="middle" scale={0.85} color="#ffd43b">
          {t('modes.noGame')}
        </Body3D>
      )}
      <Button3D id="mode-back" label={t('app.back')} position={[0, -0.26, 0]} onClick={() => hallUi.getState().actions.close()} />
    </Panel3D>
  );
}
