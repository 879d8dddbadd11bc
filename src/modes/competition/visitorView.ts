// What one visitor's own device shows of a live competition (src/hall/live.ts): the room's log reduced
// to the state every device shares, read from this player's side — may I answer or buzz now, what did I
// answer, how did it go, my points and place. Pure: the phone's screen and the headset's 3D panel both
// render it, and it is tested in Node.
import { currentQuestionView, ranking, type CompetitionContext, type CompetitionState, type Outcome, type QuestionView } from './log.ts';

export type VisitorStage =
  /** not started yet: the host is setting up, visitors are joining */
  | 'waiting'
  | 'roundIntro'
  /** a question is open and this player may answer (everyone answers) */
  | 'answer'
  /** a question is open in buzz mode: this player may buzz */
  | 'buzz'
  /** this player holds the floor after buzzing: answer now */
  | 'holder'
  /** open, but not for this player (answered already, locked out, or another holds the floor) */
  | 'wait'
  | 'locked'
  | 'revealed'
  | 'scoreboard'
  | 'podium';

export interface VisitorView {
  stage: VisitorStage;
  paused: boolean;
  question: QuestionView | null;
  /** 0-based question index and count, for "question 2 of 5" */
  q: number;
  total: number;
  /** choice ids in the order the host shows them */
  choices: string[];
  /** what this player answered for the current question */
  myAnswer: string[] | null;
  /** the floor holder's name in buzz mode (someone else) */
  holder: string | null;
  /** how the current question went for this player, once it is scored */
  outcome: Outcome | null;
  /** points this question brought (after undo) */
  delta: number;
  points: number;
  correct: number;
  rank: number | null;
  players: number;
  name: string;
  group: string;
}

/** The order the host's screen shows the choices in (a scene question keeps its authored order). */
function choicesShown(s: CompetitionState, ctx: CompetitionContext): string[] {
  const planned = s.plan[s.q];
  if (!planned) return [];
  if (planned.source === 'quiz') {
    const q = ctx.banks[planned.zone]?.find((x) => x.id === planned.id);
    if (q?.kind === 'scene') return q.choices.map((c) => c.id).filter((id) => planned.choices.includes(id));
  }
  return planned.choices;
}

export function visitorView(s: CompetitionState, ctx: CompetitionContext, you: string | null): VisitorView {
  const me = s.players.find((p) => p.id === you);
  const rows = ranking(s);
  const mine = rows.find((r) => r.player === you);
  const rec = s.questions[s.q];
  const myAnswer = rec?.answers.filter((a) => a.player === you).at(-1)?.choices ?? null;
  const awards = s.awards.filter((w) => w.q === s.q && w.player === you && !w.voided);
  const holderId = rec?.holder ?? null;
  const holder = holderId && holderId !== you ? (s.players.find((p) => p.id === holderId)?.name ?? null) : null;
  let stage: VisitorStage;
  if (s.startedAt === null) stage = 'waiting';
  else if (s.phase === 'question' || s.phase === 'buzzed') {
    const buzzMode = s.setup?.answering === 'buzz';
    const out = !!you && !!rec?.lockedOut.includes(you);
    if (!you || !me) stage = 'wait';
    else if (!buzzMode) stage = myAnswer ? 'wait' : 'answer';
    else if (s.phase === 'buzzed') stage = holderId === you ? 'holder' : 'wait';
    else stage = out ? 'wait' : 'buzz';
  } else if (s.phase === 'setup') stage = 'waiting';
  else stage = s.phase;
  const question = stage === 'waiting' || stage === 'roundIntro' ? null : currentQuestionView(s, ctx);
  return {
    stage,
    paused: s.paused,
    question,
    q: Math.max(0, s.q),
    total: s.plan.length,
    choices: question ? choicesShown(s, ctx) : [],
    myAnswer,
    holder,
    outcome: awards.at(-1)?.outcome ?? null,
    delta: awards.reduce((n, w) => n + w.base + w.bonus, 0),
    points: me?.points ?? 0,
    correct: me?.correct ?? 0,
    rank: mine?.rank ?? null,
    players: s.players.length,
    name: me?.name ?? '',
    group: me?.group ?? '',
  };
}

/** Why a join was refused, in the words the join screen explains (from the server's status and text). */
export type JoinProblem = 'noServer' | 'codeFormat' | 'wrongCode' | 'nicknameTaken' | 'started' | 'ended' | 'full' | 'tooMany' | 'other';

export function joinProblem(status: number, error: string): JoinProblem {
  if (status === 0) return 'noServer';
  if (status === 429) return 'tooMany';
  if (status === 404) return 'wrongCode';
  if (status === 410) return 'ended';
  if (status === 400 && /code/i.test(error)) return 'codeFormat';
  if (status === 409 && /nickname/i.test(error)) return 'nicknameTaken';
  if (status === 409 && /started/i.test(error)) return 'started';
  if (status === 409 && /full/i.test(error)) return 'full';
  // an answer from something that is not a hall server (a static copy's web server: 404/405 HTML)
  if (status === 405 || status === 501) return 'noServer';
  return 'other';
}

/** A line of the visitor's screen: an i18n key under `live.` and its values. */
export interface LiveLine {
  key: string;
  values?: Record<string, string | number>;
}

/** How the scored question went for this player (the revealed question's line). */
export function outcomeLine(v: Pick<VisitorView, 'outcome' | 'delta'>): LiveLine {
  switch (v.outcome) {
    case 'correct':
      return { key: 'live.right', values: { n: v.delta } };
    case 'wrongBuzz':
      return { key: 'live.wrongBuzz', values: { n: v.delta } };
    case 'timeout':
      return { key: 'live.timeout' };
    case 'wrong':
      return { key: 'live.wrong' };
    default:
      return { key: 'live.noAnswer' };
  }
}

/**
 * What the player may do now, or is waiting for, while a question is open (null in the other
 * stages, which have screens of their own). Both skins show it: the phone under its choices, the
 * headset on the answer panel.
 */
export function stateLine(v: Pick<VisitorView, 'stage' | 'holder' | 'myAnswer'>): LiveLine | null {
  switch (v.stage) {
    case 'answer':
      return { key: 'live.answerNow' };
    case 'holder':
      return { key: 'live.holderNow' };
    case 'buzz':
      return { key: 'live.buzzHint' };
    case 'wait':
      return v.holder ? { key: 'live.holderOther', values: { name: v.holder } } : { key: v.myAnswer ? 'live.answered' : 'live.out' };
    case 'locked':
      return { key: 'live.locked' };
    default:
      return null;
  }
}
