import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../../app/context.tsx';
import { useSelfTest } from '../../app/useSelfTest.ts';
import { navigate } from '../../app/useRoute.ts';
import { text, type Lang, type ZoneId } from '../../content/ids.ts';
import type { Question } from '../../content/schema.ts';
import * as T from '../../modes/selfTest.ts';
import type { SelfTestStore } from '../../stores/selfTest.ts';
import { QuestionScene } from '../scene/QuestionScene.tsx';
import { Button3D } from '../ui/Button3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

const LETTERS = 'ABCDEF';
const choiceText = (q: Question, id: string, lang: Lang) => {
  const c = q.choices.find((x) => x.id === id);
  return c ? text(c.text, lang) : id;
};

/** The self-test inside the headset: the same store as the flat screen, drawn as a 3D panel. */
export function SelfTestPanel3D({ zone, keep }: { zone: ZoneId; keep: Record<string, string> }) {
  const store = useSelfTest(zone);
  if (!store) return null;
  return <Body store={store} keep={keep} />;
}

function Body({ store, keep }: { store: SelfTestStore; keep: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const test = useStore(store, (s) => s.test);
  const bank = useStore(store, (s) => s.bank);
  const result = useStore(store, (s) => s.result);
  const topics = useStore(store, (s) => s.topics);
  const status = useStore(store, (s) => s.status);
  const [picked, setPicked] = useState<string[]>([]);
  const cur = test ? T.currentQuestion(test, bank) : null;
  useEffect(() => setPicked([]), [cur?.item.id]);
  const back = (y: number) => <Button3D id="zone-back" label={t('zone.backToHall')} width={0.4} position={[0.25, y, 0]} onClick={() => navigate({ name: 'hall' }, keep)} />;

  if (status === 'error') return <Panel3D name="panel:test" title={t('test.bankBroken')} width={1} height={0.5}>{back(-0.15)}</Panel3D>;
  if (!test) return <Panel3D name="panel:test" title={t('test.loadingBank')} width={1} height={0.3} />;
  // nothing for the visitor's group in this zone: the zone's questions for all ages instead
  if (test.items.length === 0)
    return (
      <Panel3D name="panel:test" title={t('test.empty')} width={1.1} height={0.5}>
        {bank.length > 0 && (
          <>
            <Body3D position={[0, 0.1, 0]} width={1} anchorY="middle">
              {t('test.allAgesHint')}
            </Body3D>
            <Button3D id="test-all-ages" label={t('test.allAges')} width={0.46} position={[-0.25, -0.15, 0]} onClick={() => void store.getState().actions.startAllAges()} />
          </>
        )}
        {back(-0.15)}
      </Panel3D>
    );
  if (T.isFinished(test)) {
    if (!result) return <Panel3D name="panel:test" title={t('app.loading')} width={1} height={0.3} />;
    const mastery = result.byTopic.map((m) => `${topics[m.topic] ? text(topics[m.topic]!, lang) : m.topic}: ${m.correct}/${m.asked}`).join('\n');
    return (
      <Panel3D name="panel:test-result" title={t('test.resultTitle')} width={1.1} height={0.9}>
        <Body3D position={[0, 0.3, 0]} width={1} color="#ffd43b" scale={1.4}>
          {`${t('test.score', { score: result.score })} · ${t('test.stars', { n: result.stars })}`}
        </Body3D>
        <Body3D position={[0, 0.2, 0]} width={1}>
          {`${result.passed ? t('test.passed', { mark: '' }) : t('test.notPassed', { mark: '' })}\n${t('test.mastery')}:\n${mastery}`}
        </Body3D>
        <Button3D id="test-again" label={t('test.again')} width={0.4} position={[-0.25, -0.34, 0]} onClick={() => void store.getState().actions.restart()} />
        {back(-0.34)}
      </Panel3D>
    );
  }
  if (!cur) return null;
  const { item, question: q } = cur;
  const fb = T.feedback(test);
  const multiple = q.kind === 'multiple';
  const choose = (id: string) => {
    if (fb) return;
    if (multiple) setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
    else store.getState().actions.answer([id]);
  };
  const rows = item.choices.length;
  const height = 0.5 + rows * 0.1 + (fb ? 0.3 : 0);
  const top = height / 2;
  const spec = q.kind === 'scene' ? q.scene : undefined;
  return (
    <group>
      {/* with a scene to look at, the panel steps aside to the left */}
      <group position={spec ? [-0.95, -0.1, 0.35] : [0, 0, 0]} rotation={[0, spec ? 0.6 : 0, 0]}>
      <Panel3D name="panel:test" title={t('test.progress', { n: test.index + 1, total: test.items.length })} width={1.2} height={height}>
        <Body3D position={[0, top - 0.14, 0]} width={1.1} color="#ffffff" scale={1.15}>
          {text(q.prompt, lang)}
        </Body3D>
        {item.choices.map((id, i) => (
          <Button3D
            key={id}
            id={`choice-${id}`}
            label={`${LETTERS[i]}. ${choiceText(q, id, lang)}`}
            width={1.05}
            height={0.085}
            position={[0, top - 0.36 - i * 0.1, 0]}
            selected={fb ? fb.answer.includes(id) : picked.includes(id)}
            disabled={!!fb && !fb.answer.includes(id) && !fb.chosen.includes(id)}
            onClick={() => choose(id)}
          />
        ))}
        {multiple && !fb && <Button3D id="test-submit" label={t('test.submit')} position={[0, top - 0.36 - rows * 0.1, 0]} disabled={!picked.length} onClick={() => store.getState().actions.answer(picked)} />}
        {!fb && <Button3D id="zone-back" label={t('zone.backToHall')} width={0.36} position={[-0.38, -top + 0.07, 0]} onClick={() => navigate({ name: 'hall' }, keep)} />}
        {fb && (
          <>
            <Body3D position={[0, top - 0.3 - rows * 0.1, 0]} width={1.1} color={fb.correct ? '#74c0fc' : '#ffa94d'}>
              {`${fb.correct ? t('test.correct') : t('test.wrong')} ${text(q.explanation, lang)}`}
            </Body3D>
            <Button3D id="test-next" label={test.index + 1 >= test.items.length ? t('test.finish') : t('test.next')} width={0.36} position={[0.38, -top + 0.07, 0]} onClick={() => void store.getState().actions.next()} />
          </>
        )}
      </Panel3D>
      </group>
      {spec && (
        // the authored camera is put at the visitor's head (0.2 m above and 1.3 m behind this anchor),
        // looking the authored way, so the scene appears around them at its real scale
        <group position={[0, 0.2, 1.3]} rotation={[0, Math.PI - Math.atan2(spec.camera.target[0] - spec.camera.position[0], spec.camera.target[2] - spec.camera.position[2]), 0]}>
          <group position={[-spec.camera.position[0], -spec.camera.position[1], -spec.camera.position[2]]}>
            <QuestionScene scene={spec} labels={Object.fromEntries(item.choices.map((id, i) => [id, LETTERS[i]!]))} chosen={fb ? fb.chosen : picked} reveal={fb ? { answer: fb.answer } : null} onPick={choose} />
          </group>
        </group>
      )}
    </group>
  );
}
