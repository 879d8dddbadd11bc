import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quizFileSchema, type Question } from '../../content/schema.ts';
import { CHALLENGES } from './challenges.ts';
import { nextAction, reduce, type Action, type ActionInput, type CompetitionContext } from './log.ts';
import { appendAction, parseLog, restoreCompetition, serializeAction, serializeLog } from './persist.ts';

const bank = (zone: string): Question[] =>
  quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;
const CTX: CompetitionContext = { banks: { crossing: bank('crossing') }, challenges: CHALLENGES };

/** A buzzer competition, two questions in: scores p1 -5, p2 10, p3 10 and the second question open. */
function competitionLog(): Action[] {
  const log: Action[] = [];
  let t = Date.UTC(2026, 4, 1, 2);
  const act = (input: ActionInput) => log.push(nextAction(log, input, (t += 1000)));
  act({
    type: 'setup',
    setup: {
      id: 'cup-7',
      title: '亲子赛 “红绿灯”, 第1场',
      seed: 99,
      players: [
        { id: 'p1', name: '小红', group: 'child' },
        { id: 'p2', name: '爸爸', group: 'adult' },
        { id: 'p3', name: 'Grandma', group: 'senior' },
      ],
      rounds: [
        { kind: 'quiz', zone: 'crossing', count: 2, timeLimitSec: 20 },
        { kind: 'challenge', challenge: 'safe-to-cross', count: 2, timeLimitSec: 8 },
      ],
      answering: 'buzz',
      scoring: { correct: 10, wrongBuzz: 5 },
    },
  });
  act({ type: 'start' });
  act({ type: 'next' });
  const plan = reduce(log, CTX).plan;
  const wrong = (q: number) => [plan[q]!.choices.find((c) => !plan[q]!.answer.includes(c))!];
  act({ type: 'buzz', player: 'p1', q: 0, atMs: 800 });
  act({ type: 'answer', player: 'p1', q: 0, choices: wrong(0), atMs: 1500 });
  act({ type: 'buzz', player: 'p2', q: 0, atMs: 2100 });
  act({ type: 'answer', player: 'p2', q: 0, choices: plan[0]!.answer, atMs: 2600 });
  act({ type: 'reveal' });
  act({ type: 'next' });
  act({ type: 'next' });
  act({ type: 'buzz', player: 'p3', q: 1, atMs: 1900 });
  act({ type: 'answer', player: 'p3', q: 1, choices: plan[1]!.answer, atMs: 3000 });
  act({ type: 'reveal' });
  act({ type: 'next' });
  act({ type: 'next' });
  act({ type: 'next' });
  return log;
}

const points = (log: Action[]) => Object.fromEntries(reduce(log, CTX).players.map((p) => [p.id, p.points]));

describe('serializeLog / parseLog', () => {
  it('writes one action per line and reads the same actions back', () => {
    const log = competitionLog();
    const text = serializeLog(log);
    expect(text.split('\n')).toHaveLength(log.length + 1);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')[0]).toBe(JSON.stringify(log[0]));
    const back = parseLog(text);
    expect(back).toEqual({ actions: log, torn: null, problems: [] });
    expect(reduce(back.actions, CTX)).toEqual(reduce(log, CTX));
    expect(points(back.actions)).toEqual({ p1: -5, p2: 10, p3: 10 });
  });

  it('appending action by action gives the same text as writing the log at once', () => {
    const log = competitionLog();
    expect(log.reduce((text, a) => appendAction(text, a), '')).toBe(serializeLog(log));
    expect(serializeAction(log[1]!)).toBe(JSON.stringify(log[1]) + '\n');
  });

  it('reads CRLF line ends and ignores blank lines', () => {
    const log = competitionLog();
    const text = log.map((a) => JSON.stringify(a)).join('\r\n\r\n') + '\r\n';
    expect(parseLog(text)).toEqual({ actions: log, torn: null, problems: [] });
  });

  it('accepts a complete last line that lost only its newline', () => {
    const log = competitionLog();
    const text = serializeLog(log).slice(0, -1);
    expect(parseLog(text)).toEqual({ actions: log, torn: null, problems: [] });
  });
});

describe('a torn last write', () => {
  it('keeps every complete action and reports the fragment, wherever the write was cut', () => {
    const log = competitionLog();
    const complete = serializeLog(log.slice(0, -1));
    const lastLine = JSON.stringify(log.at(-1));
    const expected = reduce(log.slice(0, -1), CTX);
    for (let cut = 1; cut < lastLine.length; cut++) {
      const text = complete + lastLine.slice(0, cut);
      const r = parseLog(text);
      expect(r.actions).toEqual(log.slice(0, -1));
      expect(r.torn).toEqual({ line: log.length, text: lastLine.slice(0, cut) });
      expect(r.problems).toEqual([]);
      expect(reduce(r.actions, CTX)).toEqual(expected);
    }
  });

  it('resumes with the same scores, question order and phase as before the crash', () => {
    const log = competitionLog();
    const beforeCrash = reduce(log.slice(0, -1), CTX);
    const text = serializeLog(log.slice(0, -1)) + JSON.stringify(log.at(-1)).slice(0, 17);
    const r = restoreCompetition(text, CTX);
    expect(r.state).toEqual(beforeCrash);
    expect(r.state.plan.map((p) => p.id)).toEqual(reduce(log, CTX).plan.map((p) => p.id));
    expect(r.state.phase).toBe('roundIntro');
    expect(reduce(log, CTX).phase).toBe('question');
    expect(r.torn!.line).toBe(log.length);
    expect(parseLog(r.text)).toEqual({ actions: log.slice(0, -1), torn: null, problems: [] });
    // the kiosk re-sends the lost command on the clean text and carries on
    const again = appendAction(r.text, { ...log.at(-1)! });
    expect(restoreCompetition(again, CTX).state).toEqual(reduce(log, CTX));
  });

  it('an action appended straight after a torn fragment still gets its own line', () => {
    const log = competitionLog();
    const torn = serializeLog(log.slice(0, -1)) + '{"seq":';
    const text = appendAction(torn, log.at(-1)!);
    const r = parseLog(text);
    expect(r.actions).toEqual(log);
    expect(r.torn).toBeNull();
    expect(r.problems).toEqual([{ line: log.length, kind: 'corrupt', message: expect.stringMatching(/^not JSON/) }]);
  });
});

describe('damaged and repeated lines', () => {
  it('drops a duplicated action (a retried save) and replays as if it were written once', () => {
    const log = competitionLog();
    const lines = log.map((a) => JSON.stringify(a));
    // the award-deciding answer written twice, the second time with its keys in another order
    const answer = log[6]!;
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(answer).reverse()));
    const text = [...lines.slice(0, 7), reordered, ...lines.slice(7)].join('\n') + '\n';
    const r = parseLog(text);
    expect(r.actions).toEqual(log);
    expect(r.problems).toEqual([{ line: 8, kind: 'duplicate', message: `seq ${answer.seq} written twice` }]);
    expect(points(r.actions)).toEqual({ p1: -5, p2: 10, p3: 10 });
  });

  it('keeps the first of two different actions with one sequence number', () => {
    const log = competitionLog();
    const clash: Action = { seq: log[4]!.seq, at: log[4]!.at, type: 'lock' };
    const text = serializeLog([...log.slice(0, 5), clash, ...log.slice(5)]);
    const r = parseLog(text);
    expect(r.actions).toEqual(log);
    expect(r.problems).toEqual([{ line: 6, kind: 'conflict', message: `seq ${clash.seq} already holds a different action (answer); kept the first` }]);
  });

  it('even unfiltered, the reducer ignores a repeated sequence number', () => {
    const log = competitionLog();
    const withDup = [...log.slice(0, 7), { ...log[6]! }, ...log.slice(7)];
    const s = reduce(withDup, CTX);
    expect({ ...s, warnings: [] }).toEqual({ ...reduce(log, CTX), warnings: [] });
    expect(s.warnings).toEqual([{ seq: log[6]!.seq, type: 'answer', reason: `sequence number ${log[6]!.seq} does not follow ${log[6]!.seq} (duplicate or out of order)` }]);
  });

  it('skips a damaged line in the middle, an invalid action and an out-of-order one, reading the rest', () => {
    const log = competitionLog();
    const lines = log.map((a) => JSON.stringify(a));
    lines.splice(3, 0, '{"seq":3,"at":1,"ty\u0000pe":"lock"');
    lines.splice(6, 0, JSON.stringify({ seq: 50, at: 1, type: 'buzz', player: 'p1' }));
    lines.splice(9, 0, JSON.stringify({ ...log[1]!, at: 5 }));
    const r = parseLog(lines.join('\n') + '\n');
    expect(r.actions).toEqual(log);
    expect(r.torn).toBeNull();
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [4, 'corrupt'],
      [7, 'corrupt'],
      [10, 'conflict'],
    ]);
    expect(r.problems[1]!.message).toMatch(/^q: /);
  });

  it('reports a lower sequence number that was never seen as out of order', () => {
    const log = competitionLog().slice(0, 6);
    const gap = log.filter((a) => a.seq !== 3);
    const late = log.find((a) => a.seq === 3)!;
    const r = parseLog(serializeLog([...gap, late]));
    expect(r.actions).toEqual(gap);
    expect(r.problems).toEqual([{ line: 6, kind: 'out-of-order', message: 'seq 3 comes after seq 6' }]);
  });

  it('an empty or blank text is an empty log', () => {
    expect(parseLog('')).toEqual({ actions: [], torn: null, problems: [] });
    expect(restoreCompetition('\n\n', CTX).state.phase).toBe('setup');
  });
});
