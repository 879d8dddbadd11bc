// A competition's setup on the kiosk: 2–8 players or teams (name + audience group), the rounds
// (quiz rounds from any zone's bank, challenge rounds), time per question, answering (buzz / all),
// scoring, and the buzzer mapping (keys, gamepad buttons, on-screen buttons) with a "press your
// buzzer" check. What the setup cannot do (too few questions for these groups…) is listed before
// the start.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useCatalog, useServices, useSession } from '../../app/context.tsx';
import { text, ZONE_IDS, type Lang, type ZoneId } from '../../content/ids.ts';
import type { Question } from '../../content/schema.ts';
import { CHALLENGE_LIST, CHALLENGES } from '../../modes/competition/challenges.ts';
import {
  MAX_PLAYERS,
  MIN_PLAYERS,
  parseSetup,
  resolveInput,
  setupProblems,
  type Buzzer,
  type CompetitionSetup,
  type CompetitionSetupInput,
  type Round,
} from '../../modes/competition/setup.ts';
import type { CompetitionStore } from '../../stores/competition.ts';
import { isTyping, keyLabel, keyProblem, useGamepadPresses } from './buzzers.ts';
import { useNames } from './common.tsx';

const CHOICE_KEYS = 4;
const LETTERS = 'ABCDEF';

interface DraftPlayer {
  name: string;
  group: string;
  keys: string[];
  gamepad?: { index: number; button: number; choiceButtons?: number[] };
}

interface Draft {
  title: string;
  entrants: 'players' | 'teams';
  count: number;
  players: DraftPlayer[];
  rounds: Round[];
  answering: 'buzz' | 'all';
  correct: number;
  wrongBuzz: number;
  streak: boolean;
  streakAfter: number;
  streakPoints: number;
}

type Capture = { player: number; kind: 'key' | 'pad'; step: number } | null;

const playerId = (i: number) => `p${i + 1}`;

function defaultName(t: (k: string, o?: Record<string, unknown>) => string, entrants: Draft['entrants'], i: number): string {
  if (entrants === 'teams') {
    const names = t('competition.setup.teamNames').split(/[,，]/);
    return names[i]?.trim() || t('competition.setup.team', { n: i + 1 });
  }
  return t('competition.setup.player', { n: i + 1 });
}

/** Visitors who joined a live room (they answer on their own devices: no buzzers). */
export interface LiveEntrants {
  visitors: { id: string; name: string; group: string }[];
}

/** The setup as the log will hold it (validated by parseSetup); in a live room with its visitors. */
function toSetupInput(d: Draft, id: string, seed: number, lang: Lang, live?: LiveEntrants): CompetitionSetupInput {
  const players = d.players.slice(0, d.count);
  const buzzers: Record<string, Buzzer> = {};
  players.forEach((p, i) => {
    const b: Buzzer = { onScreen: true };
    if (p.keys.length) b.keys = p.keys;
    if (p.gamepad) b.gamepad = p.gamepad;
    buzzers[playerId(i)] = b;
  });
  return {
    id,
    title: d.title,
    seed,
    entrants: d.entrants,
    players: [...players.map((p, i) => ({ id: playerId(i), name: p.name, group: p.group })), ...(live?.visitors ?? [])],
    ...(live ? { live: true as const } : {}),
    rounds: d.rounds,
    lang,
    answering: d.answering,
    scoring: {
      correct: d.correct,
      wrongBuzz: d.answering === 'buzz' ? d.wrongBuzz : 0,
      ...(d.streak ? { streakBonus: { after: d.streakAfter, points: d.streakPoints } } : {}),
    },
    buzzers,
  };
}

function NumberField({ label, value, onChange, min, max, testid }: { label: string; value: number; onChange: (n: number) => void; min: number; max: number; testid: string }) {
  return (
    <label className="inline-field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        data-testid={testid}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (Number.isFinite(n)) onChange(n);
        }}
      />
    </label>
  );
}

/**
 * `live`: the setup of a hall server's live room — the players listed here are the teams on site
 * (this kiosk's buzzers, none is fine), the room adds every visitor who joined; the room's title
 * is the one it was created with.
 */
export function SetupForm({ store, live }: { store: CompetitionStore; live?: LiveEntrants }) {
  const { t } = useTranslation();
  const catalog = useCatalog();
  const names = useNames();
  const { loadBank } = useServices();
  const groups = catalog.groups;
  const defaultGroup = groups.find((g) => g.id === 'adult')?.id ?? groups[0]?.id ?? 'adult';
  const zones = catalog.zones.filter((z) => z.ok).map((z) => z.id);

  const [draft, setDraft] = useState<Draft>(() => ({
    title: t('competition.setup.defaultTitle'),
    entrants: 'teams',
    count: live ? 0 : 4,
    players: Array.from({ length: MAX_PLAYERS }, (_, i) => ({ name: defaultName(t, 'teams', i), group: defaultGroup, keys: [`Digit${i + 1}`] })),
    rounds: [{ kind: 'quiz', zone: zones[0] ?? 'crossing', count: 5, timeLimitSec: 20 }],
    answering: 'buzz',
    correct: 10,
    wrongBuzz: 5,
    streak: false,
    streakAfter: 3,
    streakPoints: 5,
  }));
  const [ids] = useState(() => ({ id: `c-${Date.now().toString(36)}`, seed: Math.floor(Math.random() * 0xffffffff) }));
  const [capture, setCapture] = useState<Capture>(null);
  const [captureNote, setCaptureNote] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Record<string, number>>({});
  const [banks, setBanks] = useState<Partial<Record<ZoneId, Question[]>>>({});
  const [starting, setStarting] = useState(false);
  const startProblems = useStore(store, (s) => s.problems);

  const patch = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const patchPlayer = (i: number, p: Partial<DraftPlayer>) => setDraft((d) => ({ ...d, players: d.players.map((x, j) => (j === i ? { ...x, ...p } : x)) }));
  const patchRound = (i: number, r: Round) => setDraft((d) => ({ ...d, rounds: d.rounds.map((x, j) => (j === i ? r : x)) }));

  // the banks of the chosen zones, for the "enough questions for these groups" check
  const wantedZones = useMemo(() => [...new Set(draft.rounds.flatMap((r) => (r.kind === 'quiz' ? [r.zone] : [])))], [draft.rounds]);
  useEffect(() => {
    let live = true;
    for (const z of wantedZones) {
      if (banks[z]) continue;
      void loadBank(z).then((r) => {
        if (live && r.ok) setBanks((b) => ({ ...b, [z]: r.questions }));
      });
    }
    return () => {
      live = false;
    };
  }, [wantedZones, banks, loadBank]);

  const lang = useSession((s) => s.lang);
  const input = useMemo(() => toSetupInput(draft, ids.id, ids.seed, lang, live), [draft, ids, lang, live]);
  const parsed = useMemo(() => parseSetup(input), [input]);
  const problems = useMemo(() => {
    if (!parsed.ok) return [];
    const loaded = Object.fromEntries(wantedZones.filter((z) => banks[z]).map((z) => [z, banks[z]!]));
    const all = setupProblems(parsed.value, { groups: groups.map((g) => g.id), banks: loaded, challenges: CHALLENGES });
    // a bank still loading is not a problem yet
    return all.filter((p) => !/no question bank loaded/.test(p));
  }, [parsed, wantedZones, banks, groups]);

  // key capture for the mapping (takes every key while it runs)
  useEffect(() => {
    if (!capture || capture.kind !== 'key') return;
    const onKey = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopPropagation();
      if (e.code === 'Escape') {
        setCapture(null);
        return;
      }
      const problem = keyProblem(e.code, draft.answering);
      if (problem) {
        setCaptureNote(t(problem === 'reserved' ? 'competition.setup.reserved' : 'competition.setup.invalidKey', { key: keyLabel(e.code) }));
        return;
      }
      const owner = draft.players.slice(0, draft.count).findIndex((p, j) => j !== capture.player && p.keys.includes(e.code));
      if (owner >= 0) {
        setCaptureNote(t('competition.setup.taken', { key: keyLabel(e.code), name: draft.players[owner]!.name }));
        return;
      }
      setCaptureNote(null);
      const p = draft.players[capture.player]!;
      if (draft.answering === 'buzz') {
        patchPlayer(capture.player, { keys: [e.code] });
        setCapture(null);
      } else {
        const keys = [...p.keys.slice(0, capture.step), e.code];
        if (new Set(keys).size !== keys.length) return setCaptureNote(t('competition.setup.taken', { key: keyLabel(e.code), name: p.name }));
        patchPlayer(capture.player, { keys });
        if (capture.step + 1 >= CHOICE_KEYS) setCapture(null);
        else setCapture({ ...capture, step: capture.step + 1 });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [capture, draft, t]);

  // gamepad capture
  useGamepadPresses(capture?.kind === 'pad', (index, button) => {
    if (!capture || capture.kind !== 'pad') return;
    const p = draft.players[capture.player]!;
    if (draft.answering === 'buzz') {
      patchPlayer(capture.player, { gamepad: { index, button } });
      setCapture(null);
      return;
    }
    const choices = [...(capture.step === 0 ? [] : (p.gamepad?.choiceButtons ?? []).slice(0, capture.step)), button];
    // the buzz button is unused in 'all' mode: park it on a button no choice uses
    let spare = 31;
    while (choices.includes(spare)) spare--;
    patchPlayer(capture.player, { gamepad: { index, button: spare, choiceButtons: choices } });
    if (capture.step + 1 >= CHOICE_KEYS) setCapture(null);
    else setCapture({ ...capture, step: capture.step + 1 });
  });

  // the buzzer check: every press lights its player's tile
  const flash = (player: string) => setChecked((c) => ({ ...c, [player]: Date.now() }));
  useEffect(() => {
    if (!checking || capture || !parsed.ok) return;
    const setup = parsed.value;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.repeat) return;
      const who = resolveInput(setup, { kind: 'key', code: e.code });
      if (who) {
        e.preventDefault();
        flash(who.player);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [checking, capture, parsed]);
  useGamepadPresses(checking && !capture && parsed.ok, (index, button) => {
    if (!parsed.ok) return;
    const who = resolveInput(parsed.value, { kind: 'gamepad', index, button });
    if (who) flash(who.player);
  });

  async function start() {
    if (!parsed.ok) return;
    setStarting(true);
    setChecking(false);
    try {
      // a live room adds its visitors itself: it is sent the teams on site only
      const local = new Set(live?.visitors.map((v) => v.id));
      const setup = live ? { ...parsed.value, players: parsed.value.players.filter((p) => !local.has(p.id)) } : parsed.value;
      await store.getState().actions.create(setup as CompetitionSetup);
    } finally {
      setStarting(false);
    }
  }

  const players = draft.players.slice(0, draft.count);
  const allChecked = players.every((_, i) => checked[playerId(i)]);
  const zoneTitle = (z: string) => names.zone(z);

  return (
    <section className="staff-tab setup" data-testid="setup">
      {!live && <h2>{t('competition.setup.title')}</h2>}
      <div className="panel">
        {live && <p className="hint">{t('live.host.localHint')}</p>}
        {!live && (
          <label className="field">
            <span>{t('competition.setup.name')}</span>
            <input value={draft.title} maxLength={60} data-testid="setup-title" onChange={(e) => patch({ title: e.target.value })} />
          </label>
        )}
        <div className="row wrap">
          <div className="inline-field">
            <span>{t('competition.setup.entrants')}</span>
            <div className="segmented" role="group" aria-label={t('competition.setup.entrants')}>
              {(['players', 'teams'] as const).map((e) => (
                <button
                  key={e}
                  type="button"
                  aria-pressed={draft.entrants === e}
                  data-testid={`setup-entrants-${e}`}
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      entrants: e,
                      players: d.players.map((p, i) => (p.name === defaultName(t, d.entrants, i) ? { ...p, name: defaultName(t, e, i) } : p)),
                    }))
                  }
                >
                  {t(`competition.setup.${e}`)}
                </button>
              ))}
            </div>
          </div>
          <div className="inline-field">
            <span>{t('competition.setup.count')}</span>
            <div className="stepper">
              <button type="button" aria-label={t('competition.setup.fewer')} data-testid="setup-fewer" disabled={draft.count <= (live ? 0 : MIN_PLAYERS)} onClick={() => patch({ count: draft.count - 1 })}>
                −
              </button>
              <output data-testid="setup-count">{draft.count}</output>
              <button type="button" aria-label={t('competition.setup.more')} data-testid="setup-more" disabled={draft.count >= MAX_PLAYERS} onClick={() => patch({ count: draft.count + 1 })}>
                +
              </button>
            </div>
          </div>
          <div className="inline-field">
            <span>{t('competition.setup.answering')}</span>
            <div className="segmented" role="group" aria-label={t('competition.setup.answering')}>
              {(['buzz', 'all'] as const).map((a) => (
                <button
                  key={a}
                  type="button"
                  aria-pressed={draft.answering === a}
                  data-testid={`setup-answering-${a}`}
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      answering: a,
                      // a buzz key is one key; choice keys are a set per player: start the mapping afresh
                      players: d.players.map((p, i) => ({ ...p, keys: a === 'buzz' ? [`Digit${i + 1}`] : [], gamepad: undefined })),
                    }))
                  }
                >
                  {t(`competition.setup.${a}`)}
                </button>
              ))}
            </div>
          </div>
        </div>
        <p className="hint">{draft.answering === 'buzz' ? t('competition.setup.buzzHint') : t('competition.setup.allHint')}</p>
      </div>

      <div className="panel">
        <h3>{draft.entrants === 'teams' ? t('competition.setup.teamsList') : t('competition.setup.playersList')}</h3>
        <table className="table players-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('competition.setup.playerName')}</th>
              <th scope="col">{t('competition.setup.group')}</th>
              <th scope="col">{draft.answering === 'buzz' ? t('competition.setup.key') : t('competition.setup.keys')}</th>
              <th scope="col">{t('competition.setup.gamepad')}</th>
            </tr>
          </thead>
          <tbody>
            {players.map((p, i) => {
              const capturing = capture?.player === i ? capture : null;
              return (
                <tr key={i} data-testid={`setup-player-${i + 1}`}>
                  <td>{i + 1}</td>
                  <td>
                    <input
                      value={p.name}
                      maxLength={24}
                      aria-label={t('competition.setup.playerName')}
                      data-testid={`setup-name-${i + 1}`}
                      onChange={(e) => patchPlayer(i, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <select value={p.group} aria-label={t('competition.setup.group')} data-testid={`setup-group-${i + 1}`} onChange={(e) => patchPlayer(i, { group: e.target.value })}>
                      {groups.map((g) => (
                        <option key={g.id} value={g.id}>
                          {text(g.name, names.lang)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className={capturing?.kind === 'key' ? 'capturing' : ''}
                      data-testid={`setup-key-${i + 1}`}
                      onClick={() => {
                        setCaptureNote(null);
                        setCapture(capturing?.kind === 'key' ? null : { player: i, kind: 'key', step: 0 });
                      }}
                    >
                      {capturing?.kind === 'key'
                        ? draft.answering === 'buzz'
                          ? t('competition.setup.pressKey')
                          : t('competition.setup.pressChoiceKey', { letter: LETTERS[capturing.step] })
                        : p.keys.length
                          ? p.keys.map((k, j) => (draft.answering === 'all' ? `${LETTERS[j]}:${keyLabel(k)}` : keyLabel(k))).join(' ')
                          : t('competition.setup.none')}
                    </button>
                    {p.keys.length > 0 && (
                      <button type="button" className="link" aria-label={t('competition.setup.clearKeys')} onClick={() => patchPlayer(i, { keys: [] })}>
                        ×
                      </button>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className={capturing?.kind === 'pad' ? 'capturing' : ''}
                      data-testid={`setup-pad-${i + 1}`}
                      onClick={() => setCapture(capturing?.kind === 'pad' ? null : { player: i, kind: 'pad', step: 0 })}
                    >
                      {capturing?.kind === 'pad'
                        ? draft.answering === 'buzz'
                          ? t('competition.setup.pressPad')
                          : t('competition.setup.pressChoicePad', { letter: LETTERS[capturing.step] })
                        : p.gamepad
                          ? draft.answering === 'all'
                            ? t('competition.setup.padChoices', { index: p.gamepad.index + 1, buttons: (p.gamepad.choiceButtons ?? []).join(' ') })
                            : t('competition.setup.pad', { index: p.gamepad.index + 1, button: p.gamepad.button })
                          : t('competition.setup.none')}
                    </button>
                    {p.gamepad && (
                      <button type="button" className="link" aria-label={t('competition.setup.clearPad')} onClick={() => patchPlayer(i, { gamepad: undefined })}>
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {capture && <p className="hint">{t('competition.setup.captureHint')}</p>}
        {captureNote && (
          <p className="error" role="alert" data-testid="capture-note">
            {captureNote}
          </p>
        )}
        <p className="hint">{t('competition.setup.onScreenHint')}</p>
      </div>

      <div className="panel buzzer-check" data-testid="buzzer-check">
        <h3>{t('competition.setup.check')}</h3>
        <p className="hint">{t('competition.setup.checkHint')}</p>
        <button type="button" data-testid="check-toggle" aria-pressed={checking} onClick={() => (checking ? setChecking(false) : (setChecked({}), setChecking(true)))}>
          {checking ? t('competition.setup.checkStop') : t('competition.setup.checkStart')}
        </button>
        {checking && (
          <ul className="check-tiles">
            {players.map((p, i) => {
              const id = playerId(i);
              const ok = !!checked[id];
              return (
                <li key={id}>
                  <button type="button" className={`check-tile${ok ? ' ok' : ''}`} data-testid={`check-${id}`} data-checked={ok} onClick={() => flash(id)}>
                    <strong>{p.name}</strong>
                    <span>
                      {ok ? (
                        <>
                          <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
                            <path d="M4 12l5 5L20 6" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
                          </svg>{' '}
                          {t('competition.setup.checked')}
                        </>
                      ) : (
                        t('competition.setup.waiting')
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {checking && allChecked && (
          <p className="ok-note" data-testid="check-all-ok">
            {t('competition.setup.checkAllOk')}
          </p>
        )}
      </div>

      <div className="panel">
        <h3>{t('competition.setup.rounds')}</h3>
        <ol className="rounds">
          {draft.rounds.map((r, i) => (
            <li key={i} data-testid={`setup-round-${i + 1}`}>
              <strong>{r.kind === 'quiz' ? t('competition.setup.quiz') : t('competition.setup.challenge')}</strong>
              {r.kind === 'quiz' ? (
                <select value={r.zone} aria-label={t('competition.setup.zone')} data-testid={`round-zone-${i + 1}`} onChange={(e) => patchRound(i, { ...r, zone: e.target.value as ZoneId })}>
                  {ZONE_IDS.filter((z) => zones.includes(z)).map((z) => (
                    <option key={z} value={z}>
                      {zoneTitle(z)}
                    </option>
                  ))}
                </select>
              ) : (
                <select value={r.challenge} aria-label={t('competition.setup.challenge')} data-testid={`round-challenge-${i + 1}`} onChange={(e) => patchRound(i, { ...r, challenge: e.target.value })}>
                  {CHALLENGE_LIST.map((c) => (
                    <option key={c.id} value={c.id}>
                      {text(c.title, names.lang)} · {zoneTitle(c.zone)}
                    </option>
                  ))}
                </select>
              )}
              <NumberField label={t('competition.setup.questions')} value={r.count} min={1} max={50} testid={`round-count-${i + 1}`} onChange={(n) => patchRound(i, { ...r, count: n })} />
              <NumberField label={t('competition.setup.seconds')} value={r.timeLimitSec} min={5} max={300} testid={`round-seconds-${i + 1}`} onChange={(n) => patchRound(i, { ...r, timeLimitSec: n })} />
              <button
                type="button"
                aria-label={t('competition.setup.up')}
                disabled={i === 0}
                onClick={() => setDraft((d) => ({ ...d, rounds: d.rounds.map((x, j) => (j === i - 1 ? d.rounds[i]! : j === i ? d.rounds[i - 1]! : x)) }))}
              >
                <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true">
                  <path d="M6 15l6-6 6 6" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
              </button>
              <button type="button" data-testid={`round-remove-${i + 1}`} disabled={draft.rounds.length <= 1} onClick={() => setDraft((d) => ({ ...d, rounds: d.rounds.filter((_, j) => j !== i) }))}>
                {t('competition.setup.remove')}
              </button>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button
            type="button"
            data-testid="add-quiz"
            disabled={draft.rounds.length >= 12}
            onClick={() => setDraft((d) => ({ ...d, rounds: [...d.rounds, { kind: 'quiz', zone: zones.find((z) => !wantedZones.includes(z)) ?? zones[0] ?? 'crossing', count: 5, timeLimitSec: 20 }] }))}
          >
            {t('competition.setup.addQuiz')}
          </button>
          <button
            type="button"
            data-testid="add-challenge"
            disabled={draft.rounds.length >= 12 || !CHALLENGE_LIST.length}
            onClick={() => setDraft((d) => ({ ...d, rounds: [...d.rounds, { kind: 'challenge', challenge: CHALLENGE_LIST[0]!.id, params: {}, count: 3, timeLimitSec: 15 }] }))}
          >
            {t('competition.setup.addChallenge')}
          </button>
        </div>
      </div>

      <div className="panel">
        <h3>{t('competition.setup.scoring')}</h3>
        <div className="row wrap">
          <NumberField label={t('competition.setup.correct')} value={draft.correct} min={1} max={100} testid="setup-correct" onChange={(n) => patch({ correct: n })} />
          {draft.answering === 'buzz' && (
            <NumberField label={t('competition.setup.wrongBuzz')} value={draft.wrongBuzz} min={0} max={100} testid="setup-wrong" onChange={(n) => patch({ wrongBuzz: n })} />
          )}
          <label className="check">
            <input type="checkbox" checked={draft.streak} onChange={(e) => patch({ streak: e.target.checked })} />
            <span>{t('competition.setup.streak')}</span>
          </label>
          {draft.streak && (
            <>
              <NumberField label={t('competition.setup.streakAfter')} value={draft.streakAfter} min={2} max={20} testid="setup-streak-after" onChange={(n) => patch({ streakAfter: n })} />
              <NumberField label={t('competition.setup.streakPoints')} value={draft.streakPoints} min={1} max={100} testid="setup-streak-points" onChange={(n) => patch({ streakPoints: n })} />
            </>
          )}
        </div>
      </div>

      {(!parsed.ok || problems.length > 0 || startProblems.length > 0) && (
        <div className="panel problems-panel" role="status" data-testid="setup-problems">
          <h3>{t('competition.setup.problems')}</h3>
          <ul className="problems">
            {[...(parsed.ok ? [] : parsed.errors), ...problems, ...startProblems].map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions sticky-actions">
        <button type="button" className="primary big" data-testid="setup-start" disabled={!parsed.ok || starting} onClick={() => void start()}>
          {starting ? t('competition.setup.loadingBanks') : t('competition.setup.start')}
        </button>
        {!allChecked && <span className="hint">{t('competition.setup.checkFirst')}</span>}
      </div>
      <CaptureFocusGuard active={!!capture} />
    </section>
  );
}

/** While a key is being captured, the focused button must not also react to Enter/Space. */
function CaptureFocusGuard({ active }: { active: boolean }) {
  const prev = useRef<Element | null>(null);
  useEffect(() => {
    if (!active) return;
    prev.current = document.activeElement;
    (document.activeElement as HTMLElement | null)?.blur?.();
    return () => {
      (prev.current as HTMLElement | null)?.focus?.();
    };
  }, [active]);
  return null;
}
