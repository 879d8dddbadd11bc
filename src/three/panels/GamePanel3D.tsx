import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import { restartZoneGame, zoneGameStore } from '../../zones/session.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

/**
 * A zone game inside the headset: the start, the current hint or the latest feedback while playing
 * (a small slab low in view), and the summary. Rides with the visitor's rig.
 */
export function GamePanel3D({ zone }: { zone: ZoneDef }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const view = useStore(zoneGameStore);
  if (view.status === 'intro')
    return (
      <Panel3D name="panel:game-intro" title={text(zone.title, lang)} width={1} height={0.55}>
        <Body3D position={[0, 0.12, 0]} width={0.9}>
          {`${text(zone.summary, lang)}\n${t('xr.gameControls')}`}
        </Body3D>
        <Button3D id="game-start" label={t('game.start')} width={0.3} height={0.09} position={[0, -0.19, 0]} onClick={() => zoneGameStore.setState({ status: 'playing' })} />
      </Panel3D>
    );
  if (view.status === 'summary' && view.summary) {
    const s = view.summary;
    const lines = s.events.slice(-6).map((e) => `${e.points >= 0 ? '+' : ''}${e.points} ${text(e.feedback.message, lang)}`).join('\n');
    return (
      <Panel3D name="panel:game-summary" title={`${t('game.summaryTitle')}: ${t('test.score', { score: s.score })} · ${t('test.stars', { n: s.stars })}`} width={1.2} height={0.8}>
        <Body3D position={[0, 0.25, 0]} width={1.1}>
          {lines}
        </Body3D>
        <Button3D id="game-again" label={t('game.again')} width={0.36} position={[-0.22, -0.32, 0]} onClick={restartZoneGame} />
        <Button3D id="zone-back" label={t('zone.backToHall')} width={0.36} position={[0.22, -0.32, 0]} onClick={() => navigate({ name: 'hall' })} />
      </Panel3D>
    );
  }
  const last = view.recent[view.recent.length - 1];
  const line = last ? `${last.points >= 0 ? '+' : ''}${last.points} ${text(last.feedback.message, lang)}` : view.hint ? text(view.hint.text, lang) : t('game.timeLeft', { s: view.secondsLeft });
  return (
    <group position={[0, -0.55, 0.25]} rotation={[-0.5, 0, 0]}>
      <Panel3D name="panel:game-hud" width={0.8} height={0.16}>
        <Body3D position={[0, 0, 0]} width={0.74} anchorY="middle" color={last && last.points < 0 ? '#ffa94d' : '#ffffff'}>
          {line}
        </Body3D>
      </Panel3D>
    </group>
  );
}
