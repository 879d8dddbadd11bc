import { useTranslation } from 'react-i18next';
import { useCatalog, useSession } from '../../app/context.tsx';
import { isMode } from '../../app/routes.ts';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';
import { SelfTestPanel3D } from './SelfTestPanel3D.tsx';

/** The zone route inside the headset: title, mode, learning points, the way back. */
export function ZonePanel3D({ zoneId, mode, keep }: { zoneId: string; mode: string; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const slot = useCatalog().zones.find((z) => z.id === zoneId);
  const back = <Button3D id="zone-back" label={t('zone.backToHall')} width={0.42} position={[0, -0.33, 0]} onClick={() => navigate({ name: 'hall' }, keep)} />;
  if (!slot || !slot.ok || !isMode(mode))
    return (
      <Panel3D name="panel:zone" title={!slot ? t('errors.unknownZone', { id: zoneId, list: '' }) : !isMode(mode) ? t('errors.unknownMode', { id: mode }) : t('hall.zoneBroken')} width={1} height={0.8}>
        {back}
      </Panel3D>
    );
  const zone = slot.zone;
  if (mode === 'test') return <SelfTestPanel3D zone={zone.id} keep={keep} />;
  const points = zone.learningPoints.map((p, i) => `${i + 1}. ${text(p, lang)}`).join('\n');
  return (
    <Panel3D name="panel:zone" title={text(zone.title, lang)} width={1.1} height={0.86}>
      <Body3D position={[0, 0.3, 0]} width={1} color="#ffd43b">
        {`${t('zone.mode', { mode: t(`modes.${mode}`) })} — ${t('zone.comingSoon')}`}
      </Body3D>
      <Body3D position={[0, 0.2, 0]} width={1}>
        {points}
      </Body3D>
      {back}
    </Panel3D>
  );
}
