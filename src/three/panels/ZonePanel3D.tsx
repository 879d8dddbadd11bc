import { useTranslation } from 'react-i18next';
import { useCatalog, useSession } from '../../app/context.tsx';
import { isMode } from '../../app/routes.ts';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';
import { hasGame } from '../../modes/offers.ts';
import { PracticePanel3D } from './PracticePanel3D.tsx';
import { SelfTestPanel3D } from './SelfTestPanel3D.tsx';

/**
 * The zone route inside the headset: the self-test, the competition practice, or, for a zone whose
 * game does not exist yet, the ways on (self-test, practice, a zone with a game) and the way back.
 */
export function ZonePanel3D({ zoneId, mode, keep }: { zoneId: string; mode: string; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const catalog = useCatalog();
  const slot = catalog.zones.find((z) => z.id === zoneId);
  const back = <Button3D id="zone-back" label={t('zone.backToHall')} width={0.42} position={[0, -0.4, 0]} onClick={() => navigate({ name: 'hall' }, keep)} />;
  if (!slot || !slot.ok || !isMode(mode))
    return (
      <Panel3D name="panel:zone" title={!slot ? t('errors.unknownZone', { id: zoneId, list: '' }) : !isMode(mode) ? t('errors.unknownMode', { id: mode }) : t('hall.zoneBroken')} width={1} height={0.98}>
        {back}
      </Panel3D>
    );
  const zone = slot.zone;
  if (mode === 'test') return <SelfTestPanel3D zone={zone.id} keep={keep} />;
  if (mode === 'competition') return <PracticePanel3D zone={zone.id} keep={keep} />;
  const points = zone.learningPoints.map((p, i) => `${i + 1}. ${text(p, lang)}`).join('\n');
  const games = catalog.zones.filter((z) => z.ok && hasGame(z.id));
  return (
    <Panel3D name="panel:zone" title={`${text(zone.title, lang)} · ${t('zone.noGameTitle')}`} width={1.2} height={0.98}>
      <Body3D position={[0, 0.36, 0]} width={1.1} color="#ffd43b">
        {t('zone.noGameBody')}
      </Body3D>
      <Button3D id="no-game-test" label={t('modes.test')} width={0.36} position={[-0.38, 0.22, 0]} onClick={() => navigate({ name: 'zone', zoneId: zone.id, mode: 'test' }, keep)} />
      <Button3D id="no-game-competition" label={t('modes.competition')} width={0.36} position={[0, 0.22, 0]} onClick={() => navigate({ name: 'zone', zoneId: zone.id, mode: 'competition' }, keep)} />
      {games.slice(0, 1).map((z) => (
        <Button3D key={z.id} id={`no-game-play-${z.id}`} label={z.ok ? t('zone.playIn', { zone: text(z.zone.title, lang) }) : z.id} width={0.36} position={[0.38, 0.22, 0]} onClick={() => navigate({ name: 'zone', zoneId: z.id, mode: 'game' }, keep)} />
      ))}
      <Body3D position={[0, 0.12, 0]} width={1.1}>
        {`${t('zone.learningPoints')}\n${points}`}
      </Body3D>
      {back}
    </Panel3D>
  );
}
