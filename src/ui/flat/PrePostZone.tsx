// Pre-check before a zone, post-check after it (stores/prePost.ts). The pre-check takes the zone's
// place (the 3D stage waits hidden); the post-check opens over the zone's result, so the game summary
// or the test report stays underneath and comes back when the check is done or skipped.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { onAttemptSaved } from '../../app/attemptSaved.ts';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text, type Lang, type ZoneId } from '../../content/ids.ts';
import { DEFAULT_LEARNING } from '../../modes/prePost.ts';
import { checkScore } from '../../scoring/learning.ts';
import { learningRepo } from '../../storage/learning.ts';
import { createPrePostStore, type PrePostStore } from '../../stores/prePost.ts';
import { prePostUi } from '../../stores/prePostUi.ts';
import { ProgressBar } from './ProgressBar.tsx';

const stores = new Map<string, PrePostStore>();

function usePrePost(zone: ZoneId): PrePostStore | null {
  const services = useServices();
  const catalog = useCatalog();
  const visitor = useSession((s) => s.visitor);
  const group = catalog.groups.find((g) => g.id === visitor?.group);
  const key = visitor && group ? `${visitor.id}:${group.id}:${zone}` : null;
  let store = key ? stores.get(key) : undefined;
  if (key && !store && group) {
    store = createPrePostStore({
      loadBank: services.loadBank,
      settings: () => services.storage.getSettings().then((s) => ({ ...DEFAULT_LEARNING, ...s.learning })),
      save: (r) => learningRepo().put(r),
      zone,
      group,
      lang: () => services.session.getState().lang,
    });
    stores.set(key, store);
  }
  useEffect(() => {
    if (!store) return;
    void store.getState().actions.init();
    const s = store;
    const visitorId = visitor?.id;
    return onAttemptSaved((a) => {
      if (a.zone === zone && a.visitorId === visitorId) s.getState().actions.zoneFinished();
    });
  }, [store, zone, visitor?.id]);
  return store ?? null;
}

const LETTERS = 'ABCDEF';

function CheckCard({ store, lang, post }: { store: PrePostStore; lang: Lang; post: boolean }) {
  const { t } = useTranslation();
  const check = useStore(store, (s) => s.check)!;
  const bank = useStore(store, (s) => s.bank);
  const [picked, setPicked] = useState<string[]>([]);
  const item = check.items[check.index];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setPicked([]);
    heading.current?.focus();
  }, [check.index]);
  const q = item && bank.find((x) => x.id === item.id);
  if (!item || !q) return <ProgressBar label={t('app.loading')} />;
  const multiple = q.kind === 'multiple';
  const choose = (id: string) => {
    if (multiple) setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
    else void store.getState().actions.answer([id]);
  };
  return (
    <section className="card test prepost-check" data-testid={post ? 'post-check' : 'pre-check'} data-question={q.id}>
      <p className="test-progress" data-testid="check-progress">
        {t(post ? 'prePost.postProgress' : 'prePost.preProgress', { n: check.index + 1, total: check.items.length })}
      </p>
      <h2 ref={heading} tabIndex={-1} data-testid="check-prompt">
        {text(q.prompt, lang)}
      </h2>
      <p className="hint">{multiple ? t('test.chooseAll') : t('test.chooseOne')}</p>
      <ol className="choices" role="list">
        {item.choices.map((id, i) => {
          const c = q.choices.find((x) => x.id === id);
          return (
            <li key={id}>
              <button type="button" className={`choice ${picked.includes(id) ? 'picked' : ''}`} data-testid={`check-choice-${id}`} aria-pressed={multiple ? picked.includes(id) : undefined} onClick={() => choose(id)}>
                <span className="letter">{LETTERS[i]}</span> {c ? text(c.text, lang) : id}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        {multiple && (
          <button type="button" className="primary" data-testid="check-submit" disabled={!picked.length} onClick={() => void store.getState().actions.answer(picked)}>
            {t('test.submit')}
          </button>
        )}
        <button type="button" className="link" data-testid="check-skip" onClick={() => void (post ? store.getState().actions.skipPost() : store.getState().actions.skipPre())}>
          {t('prePost.skip')}
        </button>
      </div>
    </section>
  );
}

function Offer({ store, post }: { store: PrePostStore; post: boolean }) {
  const { t } = useTranslation();
  const n = useStore(store, (s) => s.check?.items.length ?? 0);
  return (
    <section className={`card prepost-offer${post ? ' prepost-float' : ''}`} data-testid={post ? 'post-offer' : 'pre-offer'} role={post ? 'dialog' : undefined} aria-labelledby="prepost-offer-title">
      <h2 id="prepost-offer-title">{t(post ? 'prePost.postOfferTitle' : 'prePost.offerTitle')}</h2>
      <p>{t(post ? 'prePost.postOfferBody' : 'prePost.offerBody', { n })}</p>
      <div className="actions">
        <button type="button" className="primary" data-testid={post ? 'post-start' : 'pre-start'} autoFocus onClick={() => (post ? store.getState().actions.startPost() : store.getState().actions.startPre())}>
          {t(post ? 'prePost.postStart' : 'prePost.start')}
        </button>
        <button type="button" data-testid={post ? 'post-skip' : 'pre-skip'} onClick={() => void (post ? store.getState().actions.skipPost() : store.getState().actions.skipPre())}>
          {t('prePost.skip')}
        </button>
      </div>
    </section>
  );
}

function Done({ store, onClose }: { store: PrePostStore; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useStore(store, (s) => s.record);
  if (!record?.pre || !record.post) return null;
  const n = record.items.length;
  const pre = record.pre.filter(Boolean).length;
  const post = record.post.filter(Boolean).length;
  return (
    <section className="card prepost-float" role="dialog" aria-labelledby="prepost-done-title" data-testid="check-done" data-pre={checkScore(record.pre)} data-post={checkScore(record.post)}>
      <h2 id="prepost-done-title">{t('prePost.doneTitle')}</h2>
      <p data-testid="check-done-line">{t('prePost.doneLine', { pre, post, n })}</p>
      <p>{post > pre ? t('prePost.doneUp') : t('prePost.doneSame')}</p>
      <button type="button" className="primary" data-testid="check-done-ok" autoFocus onClick={onClose}>
        {t('prePost.ok')}
      </button>
    </section>
  );
}

export default function PrePostZone({ zone, children }: { zone: ZoneId; children: React.ReactNode }) {
  const store = usePrePost(zone);
  const lang = useSession((s) => s.lang);
  const phase = useStore(store ?? fallback, (s) => s.phase);
  const record = useStore(store ?? fallback, (s) => s.record);
  // the done card closed for THIS check: the next visitor's check in the same zone (the screen stays
  // mounted when only the route's group changes) shows its own
  const [doneSeenFor, setDoneSeenFor] = useState<unknown>(null);
  const covers = phase === 'loading' || phase === 'offer' || phase === 'pre';
  useEffect(() => {
    prePostUi.setState({ coversZone: covers });
  }, [covers]);
  useEffect(() => () => prePostUi.setState({ coversZone: false }), []);
  const { t } = useTranslation();
  if (!store) return <>{children}</>;
  if (phase === 'loading') return <ProgressBar label={t('app.loading')} />;
  if (phase === 'offer') return <Offer store={store} post={false} />;
  if (phase === 'pre') return <CheckCard key="pre" store={store} lang={lang} post={false} />;
  return (
    <>
      {children}
      {phase === 'postOffer' && (
        <div className="prepost-overlay">
          <Offer store={store} post />
        </div>
      )}
      {phase === 'post' && (
        <div className="prepost-overlay" role="dialog" aria-label={t('prePost.postOfferTitle')}>
          <CheckCard key="post" store={store} lang={lang} post />
        </div>
      )}
      {phase === 'done' && record?.post && doneSeenFor !== record && (
        <div className="prepost-overlay">
          <Done store={store} onClose={() => setDoneSeenFor(record)} />
        </div>
      )}
    </>
  );
}

// a store for the hook's rule of always subscribing (no visitor yet: nothing to show)
const fallback = createPrePostStore({
  loadBank: async () => ({ ok: false, problems: [] }),
  settings: async () => DEFAULT_LEARNING,
  save: async () => undefined,
  zone: 'crossing',
  group: { id: '-' } as never,
  lang: () => 'zh-Hans',
});
