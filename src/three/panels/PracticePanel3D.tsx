// Competition practice inside the headset: the same store as the flat screen (app/usePractice.ts),
// drawn as a 3D panel: whether a competition is on at this kiosk, then the timed round alone.
import { useTranslation } from 'react-i18next';
import { hallServerHint } from '../../hall/hint.ts';
import { useStore } from 'zustand';
import { useCatalog, useSession } from '../../app/context.tsx';
import { useNow, usePractice, useRunningCompetition } from '../../app/usePractice.ts';
import { navigate } from '../../app/useRoute.ts';
import { text, type ZoneId } from '../../content/ids.ts';
import * as P from '../../modes/competition/practice.ts';
import type { PracticeStore } from '../../stores/practice.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

const LETTERS = 'ABCDEF';

function SecondsLeft({ store, y }: { store: PracticeStore; y: number }) {
  const { t } = useTranslation();
  const practice = useStore(store, (s) => s.practice)!;
  const shownAt = useStore(store, (s) => s.shownAt);
  const open = practice.phase === 'question';
  const now = useNow(open, 250);
  const answered = practice.answers[practice.index];
  const spent = open ? now - shownAt : answered && !answered.late ? answered.ms : practice.timeLimitSec * 1000;
  const secs = Math.max(0, Math.ceil((practice.timeLimitSec * 1000 - spent) / 1000));
  return (
    <Body3D position={[0.4, y, 0]} width={0.3} color={secs <= 5 ? '#ffa94d' : '#ffd43b'} anchorY="middle">
      {t('game.timeLeft', { s: secs })}
    </Body3D>
  );
}

export function PracticePanel3D({ zone, keep }: { zone: ZoneId; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const visitor = useSession((s) => s.visitor);
  const group = useCatalog().groups.find((g) => g.id === visitor?.group);
  const store = usePractice(zone);
  const running = useRunningCompetition();
  const status = useStore(store!, (s) => s.status);
  const stage = useStore(store!, (s) => s.stage);
  const practice = useStore(store!, (s) => s.practice);
  const result = useStore(store!, (s) => s.result);
  if (!store || !group) return null;
  const back = (x: number, y: number) => <Button3D id="zone-back" label={t('zone.backToHall')} width={0.36} position={[x, y, 0]} onClick={() => navigate({ name: 'hall' }, keep)} />;
  if (status === 'loading') return <Panel3D name="panel:practice" title={t('test.loadingBank')} width={1} height={0.3} />;
  if (status === 'error' || !practice) return <Panel3D name="panel:practice" title={t('test.bankBroken')} width={1} height={0.5}>{back(0, -0.15)}</Panel3D>;
  const s = practice.source;
  const title = s.kind === 'challenge' ? t('practice.challenge', { title: text(s.title, lang) }) : s.pool === 'group' ? t('practice.quiz') : t('practice.quizAllAges');

  if (stage === 'intro' || practice.items.length === 0)
    return (
      <Panel3D name="panel:practice" title={title} width={1.2} height={0.8}>
        <Body3D position={[0, 0.26, 0]} width={1.1} color="#74c0fc">
          {running ? t('practice.running', { title: running.title, players: running.players }) : t('practice.noneRunning')}
        </Body3D>
        <Body3D position={[0, 0.06, 0]} width={1.1}>
          {practice.items.length ? `${t('practice.intro', { count: practice.items.length, seconds: practice.timeLimitSec })}\n${t('practice.notSaved')}` : t('practice.empty')}
        </Body3D>
        {practice.items.length > 0 && <Button3D id="practice-start" label={t('practice.start')} width={0.36} position={[0.39, -0.3, 0]} onClick={() => store.getState().actions.begin()} />}
        {hallServerHint() && <Button3D id="practice-join-live" label={t('live.joinLive')} width={0.36} position={[0, -0.3, 0]} onClick={() => navigate({ name: 'join' })} />}
        {back(-0.39, -0.3)}
      </Panel3D>
    );

  if (result)
    return (
      <Panel3D name="panel:practice-result" title={t('practice.resultTitle')} width={1.1} height={0.7}>
        <Body3D position={[0, 0.2, 0]} width={1} color="#ffd43b" scale={1.3}>
          {t('practice.result', { points: result.points, max: result.maxPoints, correct: result.correct, total: result.asked })}
        </Body3D>
        <Body3D position={[0, 0.04, 0]} width={1}>
          {`${t('practice.bestStreak', { n: result.bestStreak })}\n${t('practice.notSaved')}`}
        </Body3D>
        <Button3D id="practice-again" label={t('practice.again')} width={0.36} position={[0.22, -0.24, 0]} onClick={() => store.getState().actions.again()} />
        {back(-0.22, -0.24)}
      </Panel3D>
    );

  const item = practice.items[practice.index]!;
  const a = practice.answers[practice.index];
  const rows = item.choices.length;
  const height = 0.56 + rows * 0.1 + (a ? 0.3 : 0);
  const top = height / 2;
  const points = practice.answers.reduce((n, x) => n + (x?.points ?? 0), 0);
  return (
    <Panel3D name="panel:practice" title={`${t('practice.question', { n: practice.index + 1, total: practice.items.length })} · ${t('practice.points', { n: points })}`} width={1.2} height={height}>
      <SecondsLeft store={store} y={top - 0.13} />
      <Body3D position={[0, top - 0.19, 0]} width={1.1} color="#ffffff" scale={1.1}>
        {text(item.prompt, lang)}
      </Body3D>
      {item.choices.map((c, i) => (
        <Button3D
          key={c.id}
          id={`practice-choice-${c.id}`}
          label={`${LETTERS[i]}. ${text(c.text, lang)}`}
          width={1.05}
          height={0.085}
          position={[0, top - 0.42 - i * 0.1, 0]}
          selected={!!a && item.answer.includes(c.id)}
          disabled={!!a && !item.answer.includes(c.id) && !a.chosen.includes(c.id)}
          onClick={() => store.getState().actions.answer([c.id])}
        />
      ))}
      {a && (
        <>
          <Body3D position={[0, top - 0.36 - rows * 0.1, 0]} width={1.1} color={a.correct ? '#74c0fc' : '#ffa94d'}>
            {`${a.correct ? t('practice.right', { points: a.points }) : a.late ? t('practice.late') : t('practice.wrong')} ${text(item.explanation, lang)}`}
          </Body3D>
          <Button3D id="practice-next" label={practice.index + 1 >= practice.items.length ? t('test.finish') : t('test.next')} width={0.36} position={[0.38, -top + 0.07, 0]} onClick={() => store.getState().actions.next()} />
        </>
      )}
      {!a && back(-0.38, -top + 0.07)}
    </Panel3D>
  );
}
