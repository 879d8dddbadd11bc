// A zone game inside the headset: the intro (with the controls help generated from the zone's
// action map), the zone's setup panel (the e-bike checklist), a small HUD slab low in view while
// playing (the task and time, the zone's own lines, the latest feedback or the hint) with End now, a
// consequence replay's caption and its explanation, and the summary. Rides with the visitor's rig.
// It renders the zone-game store and calls its actions, like the flat HUD.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { navigate } from '../../app/useRoute.ts';
import type { ZoneGameHandle } from '../../app/useZoneGame.ts';
import { text, type Lang } from '../../content/ids.ts';
import type { ZoneDef } from '../../content/schema.ts';
import type { ConsequenceView, ZoneGameStore } from '../../stores/zoneGame.ts';
import { helpLine } from '../../ui/input/controlsHelp.ts';
import { showsCitations, summaryView } from '../../zones/common/lessons.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { PanelBatchScope } from '../ui/Label3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';
import { PanelTextContext, usePanelText } from '../ui/panelText.ts';
import { textScale } from '../text.ts';

/** A consequence replay's caption, then its explanation with the rule and a button to go on. */
function Consequence3D({ c, lang, store, cite }: { c: ConsequenceView; lang: Lang; store: ZoneGameStore; cite: boolean }) {
  const { t } = useTranslation();
  const fb = c.event.feedback;
  if (c.stage === 'replay')
    return (
      <group position={[0, 0.35, 0]}>
        <Panel3D name="panel:game-replay" width={0.9} height={0.16}>
          <Body3D position={[-0.1, 0, 0]} width={0.6} anchorY="middle" color="#ffa94d">
            {t(c.focusKind === 'pedestrian' ? 'game.replayTitleWalker' : 'game.replayTitle')}
          </Body3D>
          <Button3D id="replay-skip" label={t('game.replaySkip')} width={0.2} height={0.08} position={[0.33, 0, 0]} onClick={() => store.getState().actions.skipReplay()} />
        </Panel3D>
      </group>
    );
  const lines = [`${c.event.points} · ${text(fb.message, lang)}`, `${t('game.ruleTitle')}: ${text(fb.rule, lang)}`];
  if (fb.instead) lines.push(`${t('game.insteadTitle')}: ${text(fb.instead, lang)}`);
  if (cite) lines.push(t('test.source', { law: text(fb.source.law, lang), facts: fb.source.facts.join(', ') }));
  return (
    <Panel3D name="panel:game-explain" title={t('game.explainTitle')} width={1.3} height={0.95}>
      <Body3D position={[0, 0.36, 0]} width={1.2}>
        {lines.join('\n')}
      </Body3D>
      <Button3D id="consequence-continue" label={t('game.continue')} width={0.34} position={[0, -0.38, 0]} onClick={() => store.getState().actions.resume()} />
    </Panel3D>
  );
}

export function GamePanel3D({ handle, zone }: { handle: ZoneGameHandle; zone: ZoneDef }) {
  const panelText = usePanelText();
  const large = useStore(handle.store, (s) => s.textSize === 'large');
  // the zone's tuning may ask for larger text (children, seniors) than the visitor's own setting
  return (
    <PanelTextContext.Provider value={large ? { ...panelText, size: Math.max(panelText.size, textScale('large')) } : panelText}>
      <GamePanelBody handle={handle} zone={zone} />
    </PanelTextContext.Provider>
  );
}

function GamePanelBody({ handle, zone }: { handle: ZoneGameHandle; zone: ZoneDef }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const { module, store } = handle;
  const view = useStore(store);
  const { actions } = view;
  if (view.status === 'intro')
    return (
      <Panel3D name="panel:game-intro" title={text(zone.title, lang)} width={1.1} height={0.8}>
        <Body3D position={[0, 0.26, 0]} width={1}>
          {[
            text(zone.summary, lang),
            `${t('game.yourTasks')}: ${view.tasks.map((task) => text(task.title, lang)).join(' · ')}`,
            t('controls.device', { device: t('controls.controllers'), help: helpLine(module.controls, 'controllers', t) }),
            t('controls.device', { device: t('controls.hands'), help: helpLine(module.controls, 'hands', t) }),
          ].join('\n')}
        </Body3D>
        <Button3D id="game-start" label={t('game.start')} width={0.3} height={0.09} position={[0, -0.32, 0]} onClick={() => actions.start()} />
      </Panel3D>
    );
  if (view.status === 'summary' && view.summary) {
    const s = view.summary;
    // the visitor's words (lessons.ts): unfinished tasks named, never a time-up that did not happen
    const sv = summaryView(s);
    const zoneLines = module.parts.summaryLines?.(view.hud, t, lang) ?? [];
    const lines = [
      ...sv.items
        .slice(-(6 - Math.min(3, zoneLines.length)))
        .map((i) =>
          i.unfinished
            ? t(sv.endedBy === 'time' ? 'game.unfinishedTimeUp' : 'game.unfinished', { task: text(i.unfinished, lang) })
            : `${i.safe ? '+' : ''}${i.points} ${text(i.lesson, lang)}`,
        ),
      ...zoneLines,
    ].join('\n');
    const Own = module.Summary3D;
    return (
      <>
      {Own && (
        <Suspense fallback={null}>
          <Own hud={view.hud} actions={actions.zone} lang={lang} />
        </Suspense>
      )}
      <Panel3D name="panel:game-summary" title={`${t('game.summaryTitle')}: ${t('test.score', { score: s.score })} · ${t('test.stars', { n: s.stars })}`} width={1.2} height={0.8}>
        <Body3D position={[0, 0.25, 0]} width={1.1}>
          {lines}
        </Body3D>
        <Button3D id="game-again" label={t('game.again')} width={0.36} position={[-0.22, -0.32, 0]} onClick={() => actions.restart()} />
        <Button3D id="zone-back" label={t('zone.backToHall')} width={0.36} position={[0.22, -0.32, 0]} onClick={() => navigate({ name: 'hall' })} />
      </Panel3D>
      </>
    );
  }
  if (view.phase === 'setup') {
    const Setup = module.Setup3D;
    return Setup ? (
      <Suspense fallback={null}>
        <Setup key={view.round} hud={view.hud} actions={actions.zone} lang={lang} />
      </Suspense>
    ) : null;
  }
  if (view.consequence) return <Consequence3D c={view.consequence} lang={lang} store={store} cite={showsCitations(view.game.group)} />;
  const last = view.recent[view.recent.length - 1];
  const task = view.tasks.find((x) => x.state === 'active');
  // top to bottom: what to do now and the time left; the zone's lines (speed, the phone); the latest feedback or the hint
  const lines = [
    task ? `${text(task.title, lang)} · ${t('game.timeLeft', { s: view.secondsLeft })}` : t('game.timeLeft', { s: view.secondsLeft }),
    ...(module.parts.lines?.(view.hud, t, lang) ?? []),
    last ? `${last.points >= 0 ? '+' : ''}${last.points} ${text(last.feedback.message, lang)}` : view.hint ? text(view.hint.text, lang) : '',
  ].filter(Boolean);
  return (
    <group position={[0, -0.55, 0.25]} rotation={[-0.5, 0, 0]}>
      {/* the quit button beside the HUD is drawn in the HUD's batch */}
      <PanelBatchScope>
        <Panel3D name="panel:game-hud" width={0.9} height={0.09 + 0.06 * Math.max(2, lines.length)}>
          <Body3D position={[0, 0, 0]} width={0.84} anchorY="middle" color={last && last.points < 0 ? '#ffa94d' : '#ffffff'}>
            {lines.join('\n')}
          </Body3D>
        </Panel3D>
        {/* ending early: unfinished tasks count as missed, and the summary follows */}
        <Button3D id="game-quit" label={t('game.quit')} width={0.2} height={0.07} position={[0.58, 0, 0]} onClick={() => actions.quit()} />
      </PanelBatchScope>
    </group>
  );
}
