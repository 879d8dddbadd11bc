import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import { text, type Lang } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import type { ChecklistView, ConsequenceView } from '../../stores/zoneGame.ts';
import { restartZoneGame, zoneActions, zoneGameStore } from '../../zones/session.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';
import { PanelTextContext, usePanelText } from '../ui/panelText.ts';
import { textScale } from '../text.ts';

/** The pre-ride checklist in the headset: one item at a time; picking an answer moves on. */
function Checklist3D({ items, lang }: { items: ChecklistView[]; lang: Lang }) {
  const { t } = useTranslation();
  const [k, setK] = useState(0);
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
        <Button3D id="ride-off" label={t('game.rideOff')} width={0.34} position={[0.12, -0.22, 0]} disabled={!complete} onClick={() => zoneActions.rideOff?.()} />
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
            zoneActions.choose?.(item.id, o.id);
            setK(k + 1);
          }}
        />
      ))}
    </Panel3D>
  );
}

/** A consequence replay's caption, then its explanation with the rule and a button to go on. */
function Consequence3D({ c, lang }: { c: ConsequenceView; lang: Lang }) {
  const { t } = useTranslation();
  const fb = c.event.feedback;
  if (c.stage === 'replay')
    return (
      <group position={[0, 0.35, 0]}>
        <Panel3D name="panel:game-replay" width={0.9} height={0.16}>
          <Body3D position={[-0.1, 0, 0]} width={0.6} anchorY="middle" color="#ffa94d">
            {t('game.replayTitle')}
          </Body3D>
          <Button3D id="replay-skip" label={t('game.replaySkip')} width={0.2} height={0.08} position={[0.33, 0, 0]} onClick={() => zoneGameStore.setState({ consequence: { ...c, stage: 'explain', progress: 1 } })} />
        </Panel3D>
      </group>
    );
  const lines = [`${c.event.points} · ${text(fb.message, lang)}`, `${t('game.ruleTitle')}: ${text(fb.rule, lang)}`];
  if (fb.instead) lines.push(`${t('game.insteadTitle')}: ${text(fb.instead, lang)}`);
  lines.push(t('test.source', { law: text(fb.source.law, lang), facts: fb.source.facts.join(', ') }));
  return (
    <Panel3D name="panel:game-explain" title={t('game.explainTitle')} width={1.3} height={0.95}>
      <Body3D position={[0, 0.36, 0]} width={1.2}>
        {lines.join('\n')}
      </Body3D>
      <Button3D id="consequence-continue" label={t('game.continue')} width={0.34} position={[0, -0.38, 0]} onClick={() => zoneGameStore.setState({ consequence: null })} />
    </Panel3D>
  );
}

/**
 * A zone game inside the headset: the start, a ride zone's checklist, the current hint or the
 * latest feedback while playing (a small slab low in view), a consequence replay and its
 * explanation, and the summary. Rides with the visitor's rig.
 */
export function GamePanel3D({ zone }: { zone: ZoneDef }) {
  const panelText = usePanelText();
  const large = useStore(zoneGameStore, (s) => s.textSize === 'large');
  // the zone's tuning may ask for larger text (children, seniors) than the visitor's own setting
  return (
    <PanelTextContext.Provider value={large ? { ...panelText, size: Math.max(panelText.size, textScale('large')) } : panelText}>
      <GamePanelBody zone={zone} />
    </PanelTextContext.Provider>
  );
}

function GamePanelBody({ zone }: { zone: ZoneDef }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const view = useStore(zoneGameStore);
  const ride = view.controlsKind === 'ride';
  if (view.status === 'intro')
    return (
      <Panel3D name="panel:game-intro" title={text(zone.title, lang)} width={1.1} height={0.8}>
        <Body3D position={[0, 0.26, 0]} width={1}>
          {[text(zone.summary, lang), `${t('game.yourTasks')}: ${view.tasks.map((task) => text(task.title, lang)).join(' · ')}`, ride ? t('xr.rideControls') : t('xr.gameControls')].join('\n')}
        </Body3D>
        <Button3D id="game-start" label={t('game.start')} width={0.3} height={0.09} position={[0, -0.32, 0]} onClick={() => zoneGameStore.setState({ status: 'playing' })} />
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
  if (view.checklist) return <Checklist3D key={view.round} items={view.checklist} lang={lang} />;
  if (view.consequence) return <Consequence3D c={view.consequence} lang={lang} />;
  const last = view.recent[view.recent.length - 1];
  const task = view.tasks.find((x) => x.state === 'active');
  // top to bottom: what to do now and the time left; speed; the phone; the latest feedback or the hint
  const lines = [
    task ? `${text(task.title, lang)} · ${t('game.timeLeft', { s: view.secondsLeft })}` : t('game.timeLeft', { s: view.secondsLeft }),
    ride ? `${t('game.speed', { v: Math.round(view.speedKmh) })}${view.limitKmh !== null ? ` · ${t('game.limit', { v: view.limitKmh })}` : ''}` : '',
    view.phoneRinging && !view.phoneOut ? `${t('game.phoneRinging')} ${view.phonePopup ? text(view.phonePopup, lang) : ''}` : '',
    last ? `${last.points >= 0 ? '+' : ''}${last.points} ${text(last.feedback.message, lang)}` : view.hint ? text(view.hint.text, lang) : '',
  ].filter(Boolean);
  const line = lines.join('\n');
  return (
    <group position={[0, -0.55, 0.25]} rotation={[-0.5, 0, 0]}>
      <Panel3D name="panel:game-hud" width={0.9} height={ride ? 0.27 : 0.21}>
        <Body3D position={[0, 0, 0]} width={0.84} anchorY="middle" color={last && last.points < 0 ? '#ffa94d' : '#ffffff'}>
          {line}
        </Body3D>
      </Panel3D>
      {/* ending early: unfinished tasks count as missed, and the summary follows */}
      <Button3D id="game-quit" label={t('game.quit')} width={0.2} height={0.07} position={[0.58, 0, 0]} onClick={() => zoneGameStore.setState({ quit: true })} />
    </group>
  );
}
