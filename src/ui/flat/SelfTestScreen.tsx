// The self-test in the flat skin (desktop, classroom projector, kiosk): one question at a time,
// immediate feedback with the rule and its source, a result with mastery by topic and a review.
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { useSelfTest } from '../../app/useSelfTest.ts';
import { navigate } from '../../app/useRoute.ts';
import { availableIn, text, type Lang, type ZoneId } from '../../content/ids.ts';
import type { Question } from '../../content/schema.ts';
import * as T from '../../modes/selfTest.ts';
import type { SelfTestStore } from '../../stores/selfTest.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { ResultActions } from './ResultActions.tsx';
import { Stars } from './Stars.tsx';

const QuestionSceneCanvas = lazy(() => import('../../three/scene/QuestionSceneCanvas.tsx'));

const SPEECH_LANG: Record<Lang, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en-US' };

/** Is there a voice for this language on the device? (voices may arrive a moment after load) */
function hasVoice(lang: Lang): boolean {
  const want = lang === 'en' ? 'en' : 'zh';
  return window.speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().replace('_', '-').startsWith(want));
}

/**
 * Reads text with the browser's speech synthesis where there is one; the text is always on screen.
 * A device without a voice for the language (many kiosks and headsets) would read nothing: the button
 * then says so instead of silently doing nothing.
 */
function ReadAloud({ lines, lang }: { lines: string[]; lang: Lang }) {
  const { t } = useTranslation();
  const [noVoice, setNoVoice] = useState(false);
  useEffect(() => setNoVoice(false), [lang]);
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
  if (noVoice)
    return (
      <p className="hint read-aloud-none" role="status" data-testid="read-aloud-none">
        {lang === 'en' ? t('test.noVoiceEn') : t('test.noVoice')}
      </p>
    );
  return (
    <button
      type="button"
      className="link read-aloud"
      data-testid="read-aloud"
      onClick={() => {
        if (!hasVoice(lang)) return setNoVoice(true);
        window.speechSynthesis.cancel();
        const u = new SpeechSynthesisUtterance(lines.join('。 '));
        u.lang = SPEECH_LANG[lang];
        window.speechSynthesis.speak(u);
      }}
    >
      <svg viewBox="0 0 24 24" width="1.1em" height="1.1em" aria-hidden="true">
        <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>{' '}
      {t('test.readAloud')}
    </button>
  );
}

/** The rule and facts behind an answer; the law is left out where the fact is not a law. */
function sourceLine(q: Question, lang: Lang, t: (key: string, o: Record<string, string>) => string): string {
  const facts = q.source.facts.join(', ');
  return q.source.law ? t('test.source', { law: text(q.source.law, lang), facts }) : t('test.sourceFacts', { facts });
}

function choiceText(q: Question, id: string, lang: Lang): string {
  const c = q.choices.find((x) => x.id === id);
  return c ? text(c.text, lang) : id;
}

function QuestionCard({ store, q, item, lang }: { store: SelfTestStore; q: Question; item: T.TestItem; lang: Lang }) {
  const { t } = useTranslation();
  const test = useStore(store, (s) => s.test)!;
  const topics = useStore(store, (s) => s.topics);
  const [picked, setPicked] = useState<string[]>([]);
  const fb = T.feedback(test);
  const nextRef = useRef<HTMLButtonElement>(null);
  const multiple = q.kind === 'multiple';
  const letters = 'ABCDEF';

  useEffect(() => setPicked([]), [item.id]);
  useEffect(() => {
    if (fb) nextRef.current?.focus();
  }, [fb]);

  const choose = (id: string) => {
    if (fb) return;
    if (multiple) setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
    else store.getState().actions.answer([id]);
  };

  // number keys pick choices; Enter submits or moves on
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.altKey || e.ctrlKey || e.metaKey) return;
      const n = Number(e.key);
      if (n >= 1 && n <= item.choices.length) choose(item.choices[n - 1]!);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const state = (id: string) => {
    if (!fb) return picked.includes(id) ? 'picked' : '';
    if (fb.answer.includes(id)) return 'right';
    if (fb.chosen.includes(id)) return 'wrong';
    return '';
  };
  const topic = topics[item.topic];
  return (
    <section className="card test" aria-live="polite" data-testid="test-question" data-question={q.id}>
      <p className="test-progress">
        <span data-testid="test-progress">{t('test.progress', { n: test.index + 1, total: test.items.length })}</span>
        {topic && <span className="chip">{text(topic, lang)}</span>}
      </p>
      {test.pool === 'all-ages' && (
        <p className="hint" data-testid="test-all-ages-banner">
          {t('test.allAgesBanner')}
        </p>
      )}
      <h2 data-testid="test-prompt">{text(q.prompt, lang)}</h2>
      <ReadAloud lang={lang} lines={[text(q.prompt, lang), ...item.choices.map((id, i) => `${letters[i]}. ${choiceText(q, id, lang)}`)]} />
      {q.kind === 'scene' && q.scene && (
        <div className="scene-view" data-testid="scene-view">
          <ErrorBoundary fallback={null}>
            <Suspense fallback={<ProgressBar label={t('app.loading3d')} />}>
              <QuestionSceneCanvas
                scene={q.scene}
                labels={Object.fromEntries(item.choices.map((id, i) => [id, letters[i]!]))}
                chosen={fb ? fb.chosen : picked}
                reveal={fb ? { answer: fb.answer } : null}
                onPick={(id: string) => choose(id)}
              />
            </Suspense>
          </ErrorBoundary>
          <p className="hint">{t('test.sceneHint')}</p>
        </div>
      )}
      <p className="hint">{multiple ? t('test.chooseAll') : t('test.chooseOne')}</p>
      <ol className="choices" role="list">
        {item.choices.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              className={`choice ${state(id)}`}
              data-testid={`choice-${id}`}
              aria-pressed={multiple ? picked.includes(id) : undefined}
              disabled={!!fb}
              onClick={() => choose(id)}
            >
              <span className="letter">{letters[i]}</span> {choiceText(q, id, lang)}
            </button>
          </li>
        ))}
      </ol>
      {multiple && !fb && (
        <button type="button" className="primary" data-testid="test-submit" disabled={!picked.length} onClick={() => store.getState().actions.answer(picked)}>
          {t('test.submit')}
        </button>
      )}
      {fb && (
        <div className={`feedback ${fb.correct ? 'right' : 'wrong'}`} data-testid="test-feedback" role="status">
          <strong>{fb.correct ? t('test.correct') : t('test.wrong')}</strong>
          {!fb.correct && <p>{t('test.rightAnswer', { answer: fb.answer.map((a) => choiceText(q, a, lang)).join('；') })}</p>}
          <p data-testid="test-explanation">{text(q.explanation, lang)}</p>
          <p className="source">{sourceLine(q, lang, t)}</p>
          <button ref={nextRef} type="button" className="primary" data-testid="test-next" onClick={() => void store.getState().actions.next()}>
            {test.index + 1 >= test.items.length ? t('test.finish') : t('test.next')}
          </button>
        </div>
      )}
    </section>
  );
}

function ResultCard({ store, lang, onAgain }: { store: SelfTestStore; lang: Lang; onAgain: () => void }) {
  const { t } = useTranslation();
  const result = useStore(store, (s) => s.result)!;
  const bank = useStore(store, (s) => s.bank);
  const topics = useStore(store, (s) => s.topics);
  const catalog = useCatalog();
  const visitor = useSession((s) => s.visitor);
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  return (
    <section className="card test-result" data-testid="test-result">
      <h2>{t('test.resultTitle')}</h2>
      <p className="score" data-testid="test-score">
        {t('test.score', { score: result.score })} · <Stars n={result.stars} label={t('test.stars', { n: result.stars })} />
      </p>
      <p className={result.passed ? 'passed' : 'not-passed'} data-testid="test-passed">
        {result.passed ? t('test.passed', { mark: group?.defaults.passMark }) : t('test.notPassed', { mark: group?.defaults.passMark })}
      </p>
      <p className="hint">{t('test.saved')}</p>
      <h3>{t('test.mastery')}</h3>
      <ul className="mastery" data-testid="test-mastery">
        {result.byTopic.map((m) => {
          const name = topics[m.topic] ? text(topics[m.topic]!, lang) : m.topic;
          return (
          <li key={m.topic}>
            <span>{name}</span>
            <span className="meter" role="meter" aria-label={name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(m.mastery * 100)}>
              <span style={{ width: `${Math.round(m.mastery * 100)}%` }} />
            </span>
            <span>
              {m.correct}/{m.asked}
            </span>
          </li>
          );
        })}
      </ul>
      <h3>{t('test.review')}</h3>
      {result.wrong.length === 0 ? (
        <p>{t('test.allRight')}</p>
      ) : (
        <ol className="review" data-testid="test-review">
          {result.wrong.map((w) => {
            const q = bank.find((x) => x.id === w.questionId);
            // a staff question written in Chinese only is not reviewed in English (never half-translated)
            if (!q || !availableIn(q, lang)) return null;
            return (
              <li key={w.questionId}>
                <strong>{text(q.prompt, lang)}</strong>
                <p>{t('test.yourAnswer', { answer: w.chosen.length ? w.chosen.map((c) => choiceText(q, c, lang)).join('；') : t('test.noAnswer') })}</p>
                <p>{t('test.rightAnswer', { answer: w.answer.map((c) => choiceText(q, c, lang)).join('；') })}</p>
                <p>{text(q.explanation, lang)}</p>
                <p className="source">{sourceLine(q, lang, t)}</p>
              </li>
            );
          })}
        </ol>
      )}
      <ResultActions againId="test-again" againLabel={t('test.again')} onAgain={onAgain} />
    </section>
  );
}

/**
 * No questions for the visitor's group in this zone (a hall that added a group before writing its
 * questions): never a bare sentence, but the nearest useful things: the zone's questions for all
 * ages, and the zones that do have questions for the group.
 */
function EmptyTest({ store, zone }: { store: SelfTestStore; zone: ZoneId }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const { loadBank } = useServices();
  const { lang, visitor } = useSession((s) => ({ lang: s.lang, visitor: s.visitor }));
  const bank = useStore(store, (s) => s.bank);
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  const [others, setOthers] = useState<ZoneId[] | null>(null);
  useEffect(() => {
    let live = true;
    const candidates = catalog.zones.filter((z) => z.ok && z.id !== zone).map((z) => z.id);
    void Promise.all(candidates.map(async (id) => ((r) => (r.ok && r.questions.some((q) => q.groups.includes(visitor?.group ?? '')) ? id : null))(await loadBank(id)))).then(
      (ids) => live && setOthers(ids.filter((x): x is ZoneId => x !== null)),
    );
    return () => {
      live = false;
    };
  }, [catalog, zone, loadBank, visitor?.group]);
  return (
    <section className="card" data-testid="test-empty">
      <h2>{t('test.emptyTitle', { group: group ? text(group.name, lang) : (visitor?.group ?? '') })}</h2>
      {bank.length > 0 && (
        <>
          <p className="hint">{t('test.allAgesHint')}</p>
          <button type="button" className="primary" data-testid="test-all-ages" onClick={() => void store.getState().actions.startAllAges()}>
            {t('test.allAges')}
          </button>
        </>
      )}
      {others === null ? null : others.length ? (
        <>
          <p>{t('test.otherZones')}</p>
          <div className="actions">
            {others.map((id) => {
              const z = catalog.zones.find((x) => x.id === id);
              return (
                <button key={id} type="button" data-testid={`test-other-${id}`} onClick={() => navigate({ name: 'zone', zoneId: id, mode: 'test' })}>
                  {z?.ok ? text(z.zone.title, lang) : id}
                </button>
              );
            })}
          </div>
        </>
      ) : (
        <p className="hint">{t('test.noneAnywhere')}</p>
      )}
    </section>
  );
}

export default function SelfTestScreen({ zone }: { zone: ZoneId }) {
  const store = useSelfTest(zone);
  if (!store) return null;
  return <SelfTest store={store} zone={zone} />;
}

/** A self-test run from its store (the visitor's own, or the family challenge's two at home). */
export function SelfTest({ store, zone }: { store: SelfTestStore; zone: ZoneId }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const status = useStore(store, (s) => s.status);
  const problems = useStore(store, (s) => s.problems);
  const test = useStore(store, (s) => s.test);
  const bank = useStore(store, (s) => s.bank);
  const result = useStore(store, (s) => s.result);
  if (status === 'loading' || (status === 'ready' && !test)) return <ProgressBar label={t('test.loadingBank')} />;
  if (status === 'error')
    return (
      <section className="card message" role="alert" data-testid="test-broken">
        <h2>{t('test.bankBroken')}</h2>
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>
              <code>{`${p.file}: ${p.path || '(file)'}: ${p.message}`}</code>
            </li>
          ))}
        </ul>
      </section>
    );
  if (!test || test.items.length === 0) return <EmptyTest store={store} zone={zone} />;
  if (T.isFinished(test)) return result ? <ResultCard store={store} lang={lang} onAgain={() => void store.getState().actions.restart()} /> : <ProgressBar label={t('app.loading')} />;
  const cur = T.currentQuestion(test, bank);
  if (!cur) return <ProgressBar label={t('app.loading')} />;
  return <QuestionCard key={cur.item.id} store={store} q={cur.question} item={cur.item} lang={lang} />;
}
