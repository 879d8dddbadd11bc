import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/useRoute.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

/** The fault screen inside the headset: a zone crashed; back to the hall or try again. */
export function FaultPanel3D({ keep }: { keep: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <Panel3D name="panel:fault" title={t('errors.faultTitle')} width={1} height={0.7}>
      <Body3D position={[0, 0.18, 0]} width={0.9}>
        {t('errors.faultBody')}
      </Body3D>
      <Button3D id="fault-hall" label={t('zone.backToHall')} width={0.42} position={[-0.23, -0.24, 0]} onClick={() => navigate({ name: 'hall' }, keep)} />
      <Button3D id="fault-retry" label={t('app.retry')} width={0.3} position={[0.24, -0.24, 0]} onClick={() => window.location.reload()} />
    </Panel3D>
  );
}
