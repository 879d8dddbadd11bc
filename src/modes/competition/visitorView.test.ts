import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizFileSchema, type Question } from '../../content/schema.ts';
import { CHALLENGES } from './challenges.ts';
import { initialState, nextAction, reduce, type Action, type ActionInput, type CompetitionContext } from './log.ts';
import { parseSetup } from './setup.ts';
import { joinProblem, outcomeLine, stateLine, visitorView } from './visitorView.ts';

const bank = (zone: string): Question[] => quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;
const CTX: CompetitionContext = { banks: { crossing: bank('crossing') }, challenges: CHALLENGES };

function play(answering: 'all' | 'buzz', steps: (log: Action[]) => ActionInput[]): Action[] {
  const setup = parseSetup({
    id: 'r1', title: '直播赛', seed: 5, live: true, answering,
    players: [{ id: 'p1', name: '红队', group: 'adult' }, { id: 'v1', name: '小明', group: 'teen' }, { id: 'v2', name: '小红', group: 'adult' }],
    rounds: [{ kind: 'quiz', zone: 'crossing', count: 2, timeLimitSec: 30 }],
    scoring: { correct: 10, wrongBuzz: 5 },
  });
  if (!setup.ok) throw new Error(setup.errors.join('; '));
  const log: Action[] = [];
  const push = (a: ActionInput) => log.push(nextAction(log, a, 1000 + log.length));
  push({ type: 'setup', setup: setup.value });
  push({ type: 'start' });
  push({ type: 'showQuestion' });
  for (const a of steps(log)) push(a);
  return log;
}

describe("a visitor's view of a live room", () => {
  it('waits before the start, then answers once; scored and revealed, it shows the outcome and points', () => {
    expect(visitorView(initialState(), CTX, 'v1')).toMatchObject({ stage: 'waiting', points: 0, question: null });
    let log = play('all', () => []);
    const s0 = reduce(log, CTX);
    const right = s0.plan[0]!.answer[0]!;
    const wrong = s0.plan[0]!.choices.find((c) => c !== right)!;
    expect(visitorView(s0, CTX, 'v1')).toMatchObject({ stage: 'answer', q: 0, total: 2, myAnswer: null });
    expect(visitorView(s0, CTX, 'v1').choices).toEqual(s0.plan[0]!.choices);
    log = play('all', () => [{ type: 'answer', player: 'v1', q: 0, choices: [right], atMs: 500 }]);
    expect(visitorView(reduce(log, CTX), CTX, 'v1')).toMatchObject({ stage: 'wait', myAnswer: [right] });
    // the other two answer: scored and locked, then revealed
    log = play('all', () => [
      { type: 'answer', player: 'v1', q: 0, choices: [right], atMs: 500 },
      { type: 'answer', player: 'v2', q: 0, choices: [wrong], atMs: 600 },
      { type: 'answer', player: 'p1', q: 0, choices: [wrong], atMs: 700 },
      { type: 'reveal', phase: 'locked' },
    ]);
    const s = reduce(log, CTX);
    expect(visitorView(s, CTX, 'v1')).toMatchObject({ stage: 'revealed', outcome: 'correct', delta: 10, points: 10, rank: 1, players: 3, name: '小明', group: 'teen' });
    expect(visitorView(s, CTX, 'v2')).toMatchObject({ stage: 'revealed', outcome: 'wrong', delta: 0, points: 0, rank: 2 });
  });

  it('buzz mode: buzz, then the holder answers and the others wait with the holder named', () => {
    const log = play('buzz', () => [{ type: 'buzz', player: 'v2', q: 0, atMs: 300 }]);
    const s = reduce(log, CTX);
    expect(visitorView(reduce(play('buzz', () => []), CTX), CTX, 'v1').stage).toBe('buzz');
    expect(visitorView(s, CTX, 'v2').stage).toBe('holder');
    expect(visitorView(s, CTX, 'v1')).toMatchObject({ stage: 'wait', holder: '小红' });
    // the line both skins show: what to do now, whom the floor is with
    expect(stateLine(visitorView(reduce(play('buzz', () => []), CTX), CTX, 'v1'))).toEqual({ key: 'live.buzzHint' });
    expect(stateLine(visitorView(s, CTX, 'v2'))).toEqual({ key: 'live.holderNow' });
    expect(stateLine(visitorView(s, CTX, 'v1'))).toEqual({ key: 'live.holderOther', values: { name: '小红' } });
  });

  it('says how a scored question went, and nothing about what to do once it is revealed', () => {
    expect(stateLine({ stage: 'revealed', holder: null, myAnswer: ['a'] })).toBeNull();
    expect(stateLine({ stage: 'wait', holder: null, myAnswer: ['a'] })).toEqual({ key: 'live.answered' });
    expect(stateLine({ stage: 'wait', holder: null, myAnswer: null })).toEqual({ key: 'live.out' });
    expect(outcomeLine({ outcome: 'correct', delta: 10 })).toEqual({ key: 'live.right', values: { n: 10 } });
    expect(outcomeLine({ outcome: 'wrongBuzz', delta: -5 })).toEqual({ key: 'live.wrongBuzz', values: { n: -5 } });
    expect(outcomeLine({ outcome: null, delta: 0 })).toEqual({ key: 'live.noAnswer' });
  });

  it('names why a join was refused from the server answer', () => {
    expect(joinProblem(404, 'no live competition has this code')).toBe('wrongCode');
    expect(joinProblem(409, 'this nickname is taken in this room: choose another')).toBe('nicknameTaken');
    expect(joinProblem(409, 'this competition has already started')).toBe('started');
    expect(joinProblem(409, 'the room is full (48 players)')).toBe('full');
    expect(joinProblem(410, 'this competition has ended')).toBe('ended');
    expect(joinProblem(400, 'join.code: not a join code')).toBe('codeFormat');
    expect(joinProblem(429, 'too many join attempts')).toBe('tooMany');
    expect(joinProblem(0, 'Failed to fetch')).toBe('noServer');
  });
});
