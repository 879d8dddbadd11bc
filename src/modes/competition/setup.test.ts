import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupsFileSchema, quizFileSchema, type Question } from '../../content/schema.ts';
import { CHALLENGES } from './challenges.ts';
import { eligibleQuestions, parseSetup, resolveInput, setupProblems, setupSchema, type CompetitionSetupInput } from './setup.ts';

const load = (zone: string): Question[] =>
  quizFileSchema.parse(JSON.parse(readFileSync(new URL(`../../../quizzes/${zone}.json`, import.meta.url), 'utf8'))).questions;
const groupIds = groupsFileSchema.parse(JSON.parse(readFileSync(new URL('../../../quizzes/groups.json', import.meta.url), 'utf8'))).groups.map((g) => g.id);
const crossing = load('crossing');

const base = (): CompetitionSetupInput => ({
  id: 'cup-2026-05-01',
  title: '周末知识赛',
  seed: 42,
  players: [
    { id: 'p1', name: '小红', group: 'child' },
    { id: 'p2', name: '小明', group: 'teen' },
    { id: 'p3', name: 'Lee', group: 'adult' },
  ],
  rounds: [
    { kind: 'quiz', zone: 'crossing', count: 4, timeLimitSec: 20 },
    { kind: 'challenge', challenge: 'safe-to-cross', count: 3, timeLimitSec: 8 },
  ],
  answering: 'buzz',
  buzzers: { p1: { keys: ['KeyA'], gamepad: { index: 0, button: 0 } }, p2: { keys: ['KeyL'] } },
});

const errorsOf = (raw: unknown) => {
  const r = parseSetup(raw);
  return r.ok ? [] : r.errors;
};

describe('setupSchema', () => {
  it('accepts a setup and fills the defaults', () => {
    const r = parseSetup(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.entrants).toBe('players');
    expect(r.value.scoring).toEqual({ correct: 10, wrongBuzz: 0 });
    expect(r.value.buzzers.p1!.onScreen).toBe(true);
    expect(r.value.rounds[1]).toMatchObject({ kind: 'challenge', params: {} });
    // JSON in, JSON out: it travels in the log
    expect(setupSchema.parse(JSON.parse(JSON.stringify(r.value)))).toEqual(r.value);
  });

  it('needs 2 to 8 players or teams', () => {
    const one = { ...base(), buzzers: {}, players: [base().players[0]!] };
    expect(errorsOf(one)).toEqual(['players: at least 2 players or teams']);
    const nine = { ...base(), buzzers: {}, players: Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, group: 'adult' })) };
    expect(errorsOf(nine)).toEqual(['players: at most 8 players or teams']);
    const eight = { ...nine, players: nine.players.slice(0, 8) };
    expect(errorsOf(eight)).toEqual([]);
  });

  it('refuses duplicate ids and names, and empty names', () => {
    const s = base();
    s.players[1] = { id: 'p1', name: ' 小红 ', group: 'teen' };
    s.players[2]!.name = '   ';
    expect(errorsOf(s)).toEqual(expect.arrayContaining(['players[2].name: must not be empty', 'players[1].id: duplicate player id "p1"', 'players[1].name: duplicate name "小红"']));
  });

  it('checks rounds: known zone, count and time limit in range', () => {
    const s = base();
    s.rounds = [
      { kind: 'quiz', zone: 'moon' as never, count: 0, timeLimitSec: 2 },
      { kind: 'challenge', challenge: 'Safe To Cross', count: 3, timeLimitSec: 8 },
    ];
    const errors = errorsOf(s);
    expect(errors.some((e) => e.startsWith('rounds[0].zone:'))).toBe(true);
    expect(errors).toContain('rounds[0].count: at least 1 question');
    expect(errors).toContain('rounds[0].timeLimitSec: at least 5 s');
    expect(errors).toContain('rounds[1].challenge: must be lower-case letters, digits and dashes');
    expect(errorsOf({ ...base(), rounds: [] })).toEqual(['rounds: at least one round']);
  });

  it('refuses a buzzer for a stranger and a key or button owned twice', () => {
    const s = base();
    s.buzzers = {
      p1: { keys: ['KeyA', 'KeyA'], gamepad: { index: 0, button: 1 } },
      p2: { keys: ['KeyA'], gamepad: { index: 0, button: 3, choiceButtons: [1, 2] } },
      ghost: { keys: ['KeyZ'] },
    };
    expect(errorsOf(s)).toEqual(
      expect.arrayContaining([
        'buzzers.p1.keys[1]: key KeyA is already used by this player',
        'buzzers.p2.keys[0]: key KeyA is already used by player "p1"',
        'buzzers.p2.gamepad.choiceButtons[0]: gamepad 0 button 1 is already used by player "p1"',
        'buzzers.ghost: "ghost" is not one of the players',
      ]),
    );
    // the same button on another gamepad is fine
    s.buzzers = { p1: { gamepad: { index: 0, button: 1 } }, p2: { gamepad: { index: 1, button: 1 } } };
    expect(errorsOf(s)).toEqual([]);
  });

  it('has sensible limits on scoring', () => {
    expect(errorsOf({ ...base(), scoring: { correct: 0 } })[0]).toMatch(/^scoring\.correct:/);
    expect(errorsOf({ ...base(), scoring: { correct: 10, wrongBuzz: -5 } })[0]).toMatch(/^scoring\.wrongBuzz:/);
    expect(errorsOf({ ...base(), scoring: { correct: 10, streakBonus: { after: 1, points: 5 } } })[0]).toMatch(/^scoring\.streakBonus\.after:/);
  });
});

describe('eligibleQuestions', () => {
  const round = { kind: 'quiz' as const, zone: 'crossing' as const, count: 5, timeLimitSec: 20 };

  it('puts questions for every group in play first, then those for some; never others', () => {
    const { all, some } = eligibleQuestions(crossing, round, ['child', 'senior', 'child']);
    expect(all.length).toBeGreaterThan(0);
    expect(some.length).toBeGreaterThan(0);
    for (const q of all) expect(q.groups).toEqual(expect.arrayContaining(['child', 'senior']));
    for (const q of some) {
      expect(q.groups.includes('child') || q.groups.includes('senior')).toBe(true);
      expect(q.groups.includes('child') && q.groups.includes('senior')).toBe(false);
    }
    const drawn = new Set([...all, ...some].map((q) => q.id));
    const others = crossing.filter((q) => q.kind !== 'multiple' && !q.groups.includes('child') && !q.groups.includes('senior'));
    expect(others.length).toBeGreaterThan(0);
    for (const q of others) expect(drawn.has(q.id)).toBe(false);
  });

  it('draws a staff question written without English only when the competition runs in Chinese', () => {
    const zhOnly: Question = { ...crossing.find((q) => q.kind === 'single' && q.groups.includes('adult'))!, id: 'crossing-staff-zh', prompt: { 'zh-Hans': '自编题', en: '' } };
    const bank = [...crossing, zhOnly];
    const ids = (lang?: 'zh-Hans' | 'zh-Hant' | 'en') => [...eligibleQuestions(bank, round, ['adult'], lang).all].map((q) => q.id);
    expect(ids('zh-Hans')).toContain('crossing-staff-zh');
    expect(ids('zh-Hant')).toContain('crossing-staff-zh');
    expect(ids('en')).not.toContain('crossing-staff-zh');
    expect(ids('en').length).toBe(ids('zh-Hans').length - 1);
    // the language is part of the setup (the log's first action), so a resume draws the same
    expect(setupSchema.safeParse({ ...base(), lang: 'en' }).success).toBe(true);
  });

  it('leaves out multiple-answer questions unless the round asks for them', () => {
    const { all, some } = eligibleQuestions(crossing, round, ['adult']);
    expect([...all, ...some].some((q) => q.kind === 'multiple')).toBe(false);
    const withMultiple = eligibleQuestions(crossing, { ...round, kinds: ['multiple'] }, ['adult', 'driver', 'pro']);
    expect([...withMultiple.all, ...withMultiple.some].every((q) => q.kind === 'multiple')).toBe(true);
    expect(withMultiple.all.length + withMultiple.some.length).toBeGreaterThan(0);
  });

  it('does not depend on the order of the bank file', () => {
    expect(eligibleQuestions([...crossing].reverse(), round, ['teen'])).toEqual(eligibleQuestions(crossing, round, ['teen']));
  });
});

describe('setupProblems', () => {
  const setup = () => {
    const r = parseSetup(base());
    if (!r.ok) throw new Error(r.errors.join());
    return r.value;
  };

  it('is empty for a setup the hall can run', () => {
    expect(setupProblems(setup(), { groups: groupIds, banks: { crossing }, challenges: CHALLENGES })).toEqual([]);
  });

  it('names unknown groups, missing banks, short banks, unknown challenges and bad params', () => {
    const s = setup();
    s.players[0]!.group = 'martian';
    s.rounds = [
      { kind: 'quiz', zone: 'ebike', count: 3, timeLimitSec: 20 },
      { kind: 'quiz', zone: 'crossing', count: 40, timeLimitSec: 20 },
      { kind: 'challenge', challenge: 'blind-spot-mark', params: {}, count: 3, timeLimitSec: 20 },
      { kind: 'challenge', challenge: 'safe-to-cross', params: { walkSpeed: 9 }, count: 3, timeLimitSec: 20 },
    ];
    const problems = setupProblems(s, { groups: groupIds, banks: { crossing }, challenges: CHALLENGES });
    expect(problems[0]).toBe('players[0].group: "martian" is not an audience group of this hall');
    expect(problems[1]).toBe('rounds[0].zone: no question bank loaded for "ebike"');
    expect(problems[2]).toMatch(/^rounds\[1\]\.count: only \d+ suitable crossing questions for these groups \(asked for 40\)$/);
    expect(problems[3]).toBe('rounds[2].challenge: unknown challenge "blind-spot-mark"');
    expect(problems[4]).toMatch(/^rounds\[3\]\.params: walkSpeed: /);
    expect(problems).toHaveLength(5);
  });

  it('counts questions used by an earlier round of the same zone', () => {
    const s = setup();
    const { all, some } = eligibleQuestions(crossing, { kind: 'quiz', zone: 'crossing', count: 1, timeLimitSec: 20 }, s.players.map((p) => p.group));
    const n = all.length + some.length;
    s.rounds = [
      { kind: 'quiz', zone: 'crossing', count: n - 2, timeLimitSec: 20 },
      { kind: 'quiz', zone: 'crossing', count: 2, timeLimitSec: 20 },
    ];
    expect(setupProblems(s, { banks: { crossing } })).toEqual([]);
    s.rounds[1]!.count = 3;
    expect(setupProblems(s, { banks: { crossing } })).toEqual([`rounds[1].count: only 2 suitable crossing questions for these groups (asked for 3)`]);
  });
});

describe('resolveInput', () => {
  const buzz = setupSchema.parse({
    ...base(),
    buzzers: { p1: { keys: ['KeyA', 'KeyS', 'KeyD'], gamepad: { index: 1, button: 0, choiceButtons: [2, 3] } }, p2: { keys: ['KeyL'] } },
  });
  const all = { ...buzz, answering: 'all' as const };

  it('buzz mode: any of a player’s keys, their gamepad buttons or their screen button buzzes', () => {
    expect(resolveInput(buzz, { kind: 'key', code: 'KeyS' })).toEqual({ player: 'p1' });
    expect(resolveInput(buzz, { kind: 'key', code: 'KeyL' })).toEqual({ player: 'p2' });
    expect(resolveInput(buzz, { kind: 'gamepad', index: 1, button: 0 })).toEqual({ player: 'p1' });
    expect(resolveInput(buzz, { kind: 'gamepad', index: 1, button: 3 })).toEqual({ player: 'p1' });
    expect(resolveInput(buzz, { kind: 'screen', player: 'p3', choice: 2 })).toEqual({ player: 'p3' });
  });

  it('all mode: the i-th key or choice button picks the i-th choice', () => {
    expect(resolveInput(all, { kind: 'key', code: 'KeyD' })).toEqual({ player: 'p1', choice: 2 });
    expect(resolveInput(all, { kind: 'gamepad', index: 1, button: 3 })).toEqual({ player: 'p1', choice: 1 });
    expect(resolveInput(all, { kind: 'gamepad', index: 1, button: 0 })).toEqual({ player: 'p1' });
    expect(resolveInput(all, { kind: 'screen', player: 'p3', choice: 0 })).toEqual({ player: 'p3', choice: 0 });
  });

  it('nobody owns an unmapped key, another gamepad or an unknown player', () => {
    expect(resolveInput(buzz, { kind: 'key', code: 'KeyQ' })).toBeNull();
    expect(resolveInput(buzz, { kind: 'gamepad', index: 0, button: 0 })).toBeNull();
    expect(resolveInput(buzz, { kind: 'screen', player: 'p9' })).toBeNull();
  });
});
