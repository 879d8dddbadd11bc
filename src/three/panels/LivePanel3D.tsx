// A live competition inside the headset (#/join in VR): the join code typed on a 3D keypad, the
// visitor's own nickname and group from their profile (a random nickname for an anonymous visitor,
// re-rollable when it is taken), then the room as this player sees it — the question, a button per
// choice (or the buzzer), how it went, points and place. The same store as the flat join screen
// (app/useLiveVisitor.ts). Why a keypad rather than a list of open rooms: the join code is the room's
// only secret (the server cannot tell a visitor in the hall from anyone else on its network), so the
// server does not list open rooms; 31 large keys on one plane are easy to hit with a ray (≈ 5° each
// at arm's length), and a code is six presses.
import { Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useSession } from '../../app/context.tsx';
import { useLiveRoom, useLiveVisitor } from '../../app/useLiveVisitor.ts';
import { navigate, useRoute } from '../../app/useRoute.ts';
import { text } from '../../content/ids.ts';
import { hallServerHint } from '../../hall/hint.ts';
import { CODE_ALPHABET, CODE_LENGTH } from '../../hall/live.ts';
import { randomNickname } from '../../modes/profile.ts';
import type { LiveVisitorStore } from '../../stores/liveVisitor.ts';
import { outcomeLine, stateLine } from '../../modes/competition/visitorView.ts';
import { Button3D } from '../ui/Button3D.tsx';
import { codeKeypad, typeKey } from '../ui/keypad.ts';
import { Keypad3D } from '../ui/Keypad3D.tsx';
import { NameText3D } from '../ui/NameText3D.tsx';
import { Body3D, Panel3D } from '../ui/Panel3D.tsx';

const LETTERS = 'ABCDEF';

function JoinCode3D({ store }: { store: LiveVisitorStore }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const draft = useStore(store, (s) => s.draft);
  const step = useStore(store, (s) => s.step);
  const problem = useStore(store, (s) => s.problem);
  const detail = useStore(store, (s) => s.detail);
  const layout = useMemo(() => codeKeypad(CODE_ALPHABET), []);
  const { setDraft, join } = store.getState().actions;
  // a visitor who came by a deep link has no nickname yet: give them one (as the 3D profile does)
  useEffect(() => {
    if (!store.getState().draft.nickname) setDraft({ nickname: randomNickname(lang) });
  }, [store, lang, setDraft]);
  const code = draft.code.replace(/[\s-]/g, '');
  const shown = Array.from({ length: CODE_LENGTH }, (_, i) => code[i] ?? '_').join(' ');
  return (
    <Panel3D name="panel:live-join" title={t('live.joinTitle')} width={1.2} height={1.12}>
      <Body3D position={[0, 0.42, 0]} width={1.1} color="#ffd43b" scale={2.1} anchorY="middle">
        {shown}
      </Body3D>
      <Keypad3D id="live-code" layout={layout} position={[0, 0.07, 0]} onKey={(k) => setDraft({ code: typeKey(code, k, CODE_LENGTH) })} />
      <Suspense fallback={null}>
        <NameText3D position={[-0.14, -0.23, 0]} width={0.8} lang={lang} name="live-nickname">
          {`${t('live.nickname')}：${draft.nickname}`}
        </NameText3D>
      </Suspense>
      <Button3D id="live-reroll" label={t('live.anotherName')} width={0.26} position={[0.42, -0.23, 0]} onClick={() => setDraft({ nickname: randomNickname(lang) })} />
      {problem && (
        <Body3D position={[0, -0.33, 0]} width={1.1} color="#ffa94d" anchorY="middle">
          {t(`live.problems.${problem}`, { detail })}
        </Body3D>
      )}
      <Button3D id="live-back" label={t('live.back')} width={0.34} position={[-0.3, -0.47, 0]} onClick={() => navigate({ name: 'hall' })} />
      <Button3D
        id="live-join"
        label={step === 'joining' ? t('live.joining') : t('live.join')}
        width={0.4}
        height={0.1}
        position={[0.28, -0.47, 0]}
        disabled={code.length !== CODE_LENGTH || step === 'joining' || !hallServerHint()}
        onClick={() => void join()}
      />
    </Panel3D>
  );
}

function Play3D({ store }: { store: LiveVisitorStore }) {
  const { t } = useTranslation();
  const lang = useSession((s) => s.lang);
  const { room, view: v } = useLiveRoom(store);
  if (!room) return null;
  const { answer, buzz, leave } = store.getState().actions;
  const title = `${room.title} · ${t('live.points', { n: v?.points ?? 0 })}`;
  const status = room.status !== 'open' ? (room.status === 'connecting' ? t('live.connecting') : t('live.reconnecting')) : v?.paused ? t('live.paused') : '';
  if (!v || v.stage === 'waiting' || v.stage === 'roundIntro' || v.stage === 'scoreboard' || v.stage === 'podium' || !v.question) {
    const line = !v
      ? t('live.connecting')
      : v.stage === 'waiting'
        ? `${t('live.waiting')}\n${t('live.joined', { n: room.roster.filter((r) => r.kind !== 'local').length })}`
        : v.stage === 'roundIntro'
          ? t('live.roundIntro')
          : v.stage === 'scoreboard'
            ? t('live.scoreboard', { rank: v.rank ?? '—', n: v.players })
            : v.stage === 'podium'
              ? t('live.podium', { rank: v.rank ?? '—', points: v.points, correct: v.correct })
              : t('live.locked');
    return (
      <Panel3D name="panel:live" title={title} width={1.1} height={0.6}>
        <Body3D position={[0, 0.12, 0]} width={1} color="#ffffff" scale={1.15} anchorY="middle">
          {status ? `${status}\n${line}` : line}
        </Body3D>
        {v?.stage === 'podium' && (
          <Button3D
            id="live-leave"
            label={t('live.leave')}
            width={0.4}
            position={[0, -0.2, 0]}
            onClick={() => {
              leave();
              navigate({ name: 'hall' });
            }}
          />
        )}
      </Panel3D>
    );
  }
  const q = v.question;
  const choosing = (v.stage === 'answer' || v.stage === 'holder') && !v.paused;
  const rows = v.stage === 'buzz' ? 1 : v.choices.length;
  const height = 0.62 + rows * 0.11;
  const top = height / 2;
  // while the question is open, what to do; once scored, how it went
  const line = stateLine(v) ?? outcomeLine(v);
  const state = t(line.key, line.values);
  return (
    <Panel3D name="panel:live" title={`${t('live.question', { n: v.q + 1, total: v.total })} · ${title}`} width={1.2} height={height}>
      <Body3D position={[0, top - 0.14, 0]} width={1.1} color="#ffffff" scale={1.1}>
        {text(q.prompt, lang)}
      </Body3D>
      {v.stage === 'buzz' ? (
        <Button3D id="live-buzz" label={t('live.buzzNow')} width={0.6} height={0.1} position={[0, top - 0.42, 0]} disabled={v.paused} onClick={() => buzz()} />
      ) : (
        v.choices.map((id, i) => {
          const c = q.choices.find((x) => x.id === id);
          const mine = !!v.myAnswer?.includes(id);
          const right = v.stage === 'revealed' && q.planned.answer.includes(id);
          return (
            <Button3D
              key={id}
              id={`live-choice-${id}`}
              label={`${LETTERS[i]}. ${c ? text(c.text, lang) : id}`}
              width={1.05}
              height={0.09}
              position={[0, top - 0.42 - i * 0.11, 0]}
              selected={mine || right}
              disabled={!choosing && !mine && !right}
              onClick={() => choosing && answer(id)}
            />
          );
        })
      )}
      <Body3D position={[0, -top + 0.1, 0]} width={1.1} color={v.outcome === 'correct' ? '#74c0fc' : '#ffd43b'} anchorY="middle">
        {status ? `${status} ${state}` : state}
      </Body3D>
    </Panel3D>
  );
}

/** #/join in the headset: the join panel, then the room. */
export function LivePanel3D() {
  const { t } = useTranslation();
  const code = useRoute().params.code;
  const visitor = useSession((s) => s.visitor);
  const groups = useCatalog().groups;
  const store = useLiveVisitor(code);
  const step = useStore(store, (s) => s.step);
  if (step === 'room') return <Play3D store={store} />;
  if (!visitor || !groups.some((g) => g.id === visitor.group))
    return (
      <Panel3D name="panel:live-join" title={t('live.joinTitle')} width={1} height={0.5}>
        <Body3D position={[0, 0.1, 0]} width={0.9} anchorY="middle">
          {t('live.needProfile')}
        </Body3D>
        <Button3D id="live-profile" label={t('live.toProfile')} width={0.4} position={[0, -0.14, 0]} onClick={() => navigate({ name: 'start' })} />
      </Panel3D>
    );
  return <JoinCode3D store={store} />;
}
