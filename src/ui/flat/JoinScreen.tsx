// #/join?code=… — a visitor joins a live competition from a phone or a desktop (the big screen's QR
// opens it with the code filled in): code, nickname (the profile's rules), audience group; then the
// visitor's own view of the room: the question, their answer buttons (or the buzzer), how it went,
// their points and place. Everything is the live-visitor store (app/useLiveVisitor.ts), which the
// headset's 3D panels render too. A lazy chunk: the room client and zod load only here.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalog, useSession } from '../../app/context.tsx';
import { loadGlyphCoverage } from '../../app/glyphs.ts';
import { useLiveRoom, useLiveVisitor } from '../../app/useLiveVisitor.ts';
import { navigate } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { hallServerHint } from '../../hall/hint.ts';
import { CODE_LENGTH } from '../../hall/live.ts';
import { outcomeLine, stateLine, type VisitorView } from '../../modes/competition/visitorView.ts';
import { undrawableChars } from '../../modes/nicknameGlyphs.ts';
import { NICKNAME_MAX, nicknameProblem, randomNickname } from '../../modes/profile.ts';
import { useStore } from 'zustand';
import type { LiveVisitorStore } from '../../stores/liveVisitor.ts';

const LETTERS = 'ABCDEF';

function JoinForm({ store }: { store: LiveVisitorStore }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const lang = useSession((s) => s.lang);
  const draft = useStore(store, (s) => s.draft);
  const step = useStore(store, (s) => s.step);
  const problem = useStore(store, (s) => s.problem);
  const detail = useStore(store, (s) => s.detail);
  const [error, setError] = useState<string | null>(null);
  const set = store.getState().actions.setDraft;
  // a static copy of the app has no server to join through (an unreachable server may come back: try again)
  const staticCopy = !hallServerHint();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const nick = nicknameProblem(draft.nickname);
    if (nick) return setError(t(`profile.errors.${nick}`, { max: NICKNAME_MAX }));
    // the big screen and the headsets draw names with the bundled fonts only
    const undrawable = undrawableChars(draft.nickname, await loadGlyphCoverage());
    if (undrawable.length) return setError(t('profile.errors.nicknameGlyphs', { chars: undrawable.join('') }));
    if (!draft.group) return setError(t('profile.errors.groupMissing'));
    await store.getState().actions.join();
  }

  const shown = error ?? (problem ? t(`live.problems.${problem}`, { detail }) : null);
  return (
    <form className="card join-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="join-title" data-testid="join-form">
      <h1 id="join-title">{t('live.joinTitle')}</h1>
      <p className="hint">{t('live.joinHint')}</p>
      <label className="field">
        <span>{t('live.code')}</span>
        <input
          className="join-code-input"
          data-testid="join-code"
          value={draft.code}
          maxLength={CODE_LENGTH + 2}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={t('live.codePlaceholder')}
          onChange={(e) => set({ code: e.target.value.toUpperCase() })}
        />
      </label>
      <label className="field">
        <span>{t('live.nickname')}</span>
        <span className="row">
          <input data-testid="join-nickname" value={draft.nickname} maxLength={NICKNAME_MAX * 2} autoComplete="off" onChange={(e) => set({ nickname: e.target.value })} />
          <button type="button" data-testid="join-random" onClick={() => set({ nickname: randomNickname(lang) })}>
            {t('profile.randomNickname')}
          </button>
        </span>
      </label>
      <fieldset className="field">
        <legend>{t('live.group')}</legend>
        <div className="join-groups">
          {catalog.groups.map((g) => (
            <label key={g.id} className={`chip-choice${draft.group === g.id ? ' selected' : ''}`} data-testid={`join-group-${g.id}`}>
              <input type="radio" name="join-group" value={g.id} checked={draft.group === g.id} onChange={() => set({ group: g.id })} />
              {text(g.name, lang)}
            </label>
          ))}
        </div>
      </fieldset>
      {shown && (
        <p className="error" role="alert" data-testid="join-error" data-problem={error ? 'form' : (problem ?? '')}>
          {shown}
        </p>
      )}
      <button type="submit" className="primary big" data-testid="join-submit" disabled={step === 'joining' || staticCopy}>
        {step === 'joining' ? t('live.joining') : t('live.join')}
      </button>
    </form>
  );
}

function Outcome({ v }: { v: VisitorView }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const q = v.question;
  const right = q?.choices.filter((c) => q.planned.answer.includes(c.id)).map((c) => text(c.text, lang)).join('；') ?? '';
  const o = outcomeLine(v);
  const line = t(o.key, o.values);
  return (
    <div className={`live-outcome ${v.outcome === 'correct' ? 'right' : 'wrong'}`} role="status" data-testid="live-outcome" data-outcome={v.outcome ?? 'none'}>
      <strong>{line}</strong>
      {v.stage === 'revealed' && q && (
        <>
          <p>{t('live.answerWas', { answer: right })}</p>
          <p className="hint">{text(q.explanation, lang)}</p>
        </>
      )}
    </div>
  );
}

function Play({ store }: { store: LiveVisitorStore }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const catalog = useCatalog();
  const { room, view: v } = useLiveRoom(store);
  if (!room) return null;
  const groupName = (id: string) => {
    const g = catalog.groups.find((x) => x.id === id);
    return g ? text(g.name, lang) : id;
  };
  const { answer, buzz, leave } = store.getState().actions;
  const q = v?.question ?? null;
  const choosing = v?.stage === 'answer' || v?.stage === 'holder';
  // on a screen the buzz button says what to do itself
  const state = v && v.stage !== 'buzz' ? stateLine(v) : null;
  return (
    <section className="live-play" data-testid="live-play" data-stage={v?.stage ?? 'connecting'} data-points={v?.points ?? 0} data-q={v?.q ?? -1} data-status={room.status}>
      <header className="live-bar">
        <div>
          <h1>{room.title}</h1>
          {v && <p className="hint">{t('live.you', { name: v.name || store.getState().seat?.nickname, group: groupName(v.group || store.getState().seat?.group || '') })}</p>}
        </div>
        <strong className="live-points" data-testid="live-points">
          {t('live.points', { n: v?.points ?? 0 })}
        </strong>
      </header>
      {room.status !== 'open' && (
        <p className="notice notice-warning" role="status" data-testid="live-reconnecting">
          {room.status === 'connecting' ? t('live.connecting') : t('live.reconnecting')}
        </p>
      )}
      {v?.paused && (
        <p className="notice notice-info" role="status" data-testid="live-paused">
          {t('live.paused')}
        </p>
      )}
      {v && v.stage === 'waiting' && (
        <div className="live-wait" data-testid="live-waiting">
          <p>{t('live.waiting')}</p>
          <p className="hint">{t('live.joined', { n: room.roster.filter((r) => r.kind !== 'local').length })}</p>
        </div>
      )}
      {v?.stage === 'roundIntro' && <p className="live-wait">{t('live.roundIntro')}</p>}
      {q && v && v.stage !== 'scoreboard' && v.stage !== 'podium' && (
        <div className="live-question" data-testid="live-question" data-question={q.planned.id}>
          <p className="hint">{t('live.question', { n: v.q + 1, total: v.total })}</p>
          <h2 data-testid="live-prompt">{text(q.prompt, lang)}</h2>
          {v.stage === 'buzz' ? (
            <>
              <button type="button" className="primary live-buzz" data-testid="live-buzz" disabled={v.paused} onClick={() => buzz()}>
                {t('live.buzzNow')}
              </button>
              <p className="hint">{t('live.buzzHint')}</p>
            </>
          ) : (
            <ol className="live-choices">
              {v.choices.map((id, i) => {
                const c = q.choices.find((x) => x.id === id);
                const mine = !!v.myAnswer?.includes(id);
                const isRight = v.stage === 'revealed' && q.planned.answer.includes(id);
                return (
                  <li key={id}>
                    <button
                      type="button"
                      className={`live-choice${mine ? ' mine' : ''}${isRight ? ' right' : ''}`}
                      data-testid={`live-choice-${id}`}
                      disabled={!choosing || v.paused}
                      aria-pressed={mine}
                      onClick={() => answer(id)}
                    >
                      <span className="letter">{LETTERS[i]}</span>
                      <span>{c ? text(c.text, lang) : id}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
          <p className="live-state" role="status" data-testid="live-state">
            {state ? t(state.key, state.values) : ''}
          </p>
          {v.stage === 'revealed' && <Outcome v={v} />}
        </div>
      )}
      {v?.stage === 'scoreboard' && (
        <div className="live-wait" data-testid="live-scoreboard">
          <Outcome v={v} />
          <p>{t('live.scoreboard', { rank: v.rank ?? '—', n: v.players })}</p>
        </div>
      )}
      {v?.stage === 'podium' && (
        <div className="live-wait live-podium" data-testid="live-podium" data-rank={v.rank ?? ''}>
          <p>{t('live.podium', { rank: v.rank ?? '—', points: v.points, correct: v.correct })}</p>
        </div>
      )}
      {(!v || v.stage === 'waiting' || v.stage === 'podium') && (
        <div className="actions">
          <button
            type="button"
            data-testid="live-leave"
            onClick={() => {
              leave();
              navigate({ name: 'hall' });
            }}
          >
            {t('live.leave')}
          </button>
        </div>
      )}
    </section>
  );
}

export default function JoinScreen({ code }: { code?: string }) {
  const store = useLiveVisitor(code);
  const step = useStore(store, (s) => s.step);
  return <div className="join-screen">{step === 'room' ? <Play store={store} /> : <JoinForm store={store} />}</div>;
}
