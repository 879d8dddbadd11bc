import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupsFileSchema, quizFileSchema, type Group, type Question } from '../../content/schema.ts';
import { CHALLENGE_LIST } from './challenges.ts';
import { answerPractice, createPractice, currentPracticeItem, nextPractice, PRACTICE_COUNT, practiceResult, practiceTimeLimit, timeUp, type PracticeState } from './practice.ts';

const groups = groupsFileSchema.parse(JSON.parse(readFileSync('quizzes/groups.json', 'utf8'))).groups;
const group = (id: string): Group => groups.find((g) => g.id === id)!;
const bank = (zone: string): Question[] => quizFileSchema.parse(JSON.parse(readFileSync(`quizzes/${zone}.json`, 'utf8'))).questions;

function play(s: PracticeState, right: (i: number) => boolean, ms = 2000): PracticeState {
  let st = s;
  while (st.phase !== 'finished') {
    const item = currentPracticeItem(st)!;
    const wrong = item.choices.map((c) => c.id).filter((c) => !item.answer.includes(c)).slice(0, 1);
    st = nextPractice(answerPractice(st, right(st.index) ? item.answer : wrong, ms));
  }
  return st;
}

describe('competition practice', () => {
  it('the crossing zone practises its challenge, "safe to cross?", at the group\'s walking speed', () => {
    const s = createPractice({ zone: 'crossing', group: group('senior'), bank: bank('crossing'), challenges: CHALLENGE_LIST, seed: 3 });
    expect(s.source).toMatchObject({ kind: 'challenge', challenge: 'safe-to-cross' });
    expect(s.items).toHaveLength(PRACTICE_COUNT);
    expect(s.items.every((i) => i.id.startsWith('safe-to-cross-'))).toBe(true);
    expect(s.timeLimitSec).toBe(30); // seniors get the gentler limit
    // the same seed gives the same round (a reload of the page shows the same practice)
    expect(createPractice({ zone: 'crossing', group: group('senior'), bank: bank('crossing'), challenges: CHALLENGE_LIST, seed: 3 })).toEqual(s);
  });

  it('a zone without a challenge practises its single-answer and true/false questions for the group', () => {
    const b = bank('signals');
    const s = createPractice({ zone: 'signals', group: group('driver'), bank: b, challenges: CHALLENGE_LIST, seed: 5 });
    expect(s.source).toEqual({ kind: 'quiz', pool: 'group' });
    expect(s.timeLimitSec).toBe(20);
    for (const item of s.items) {
      const q = b.find((x) => x.id === item.id)!;
      expect(q.groups).toContain('driver');
      expect(['single', 'truefalse']).toContain(q.kind);
      expect(item.choices.map((c) => c.id).sort()).toEqual(q.choices.map((c) => c.id).sort());
    }
  });

  it('a group the bank has no questions for practises the zone\'s questions for all ages', () => {
    const family = { ...group('adult'), id: 'family' };
    const s = createPractice({ zone: 'signals', group: family, bank: bank('signals'), challenges: CHALLENGE_LIST, seed: 5 });
    expect(s.source).toEqual({ kind: 'quiz', pool: 'all-ages' });
    expect(s.items.length).toBeGreaterThan(0);
  });

  it('scores right answers 10, with +5 from the third in a row; a wrong one ends the run', () => {
    const s = createPractice({ zone: 'signals', group: group('driver'), bank: bank('signals'), challenges: CHALLENGE_LIST, seed: 1, count: 5 });
    // right, right, right (+5), wrong, right
    const done = play(s, (i) => i !== 3);
    expect(done.answers.map((a) => a!.points)).toEqual([10, 10, 15, 0, 10]);
    expect(practiceResult(done)).toEqual({ points: 45, maxPoints: 10 + 10 + 15 + 15 + 15, correct: 4, asked: 5, late: 0, bestStreak: 3 });
  });

  it('an answer after the time limit, or none, scores nothing and ends the run', () => {
    let s = createPractice({ zone: 'signals', group: group('teen'), bank: bank('signals'), challenges: CHALLENGE_LIST, seed: 2, count: 3 });
    const item = currentPracticeItem(s)!;
    s = answerPractice(s, item.answer, practiceTimeLimit(group('teen')) * 1000 + 1);
    expect(s.answers[0]).toMatchObject({ correct: false, late: true, points: 0 });
    // a second answer to the same item is ignored
    expect(answerPractice(s, item.answer, 10)).toBe(s);
    s = timeUp(nextPractice(s));
    expect(s.answers[1]).toMatchObject({ chosen: [], correct: false, late: true });
    expect(practiceResult(nextPractice(s)).late).toBe(2);
  });
});
