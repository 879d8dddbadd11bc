import { describe, expect, it } from 'vitest';
import { NICKNAME_MAX, nicknameProblem, randomNickname } from './profile.ts';

describe('nicknames', () => {
  it('accepts Chinese and Latin nicknames', () => {
    expect(nicknameProblem('勇敢的斑马')).toBeNull();
    expect(nicknameProblem('Brave Zebra_2')).toBeNull();
  });
  it('names each problem', () => {
    expect(nicknameProblem('   ')).toBe('nicknameEmpty');
    expect(nicknameProblem('斑'.repeat(NICKNAME_MAX + 1))).toBe('nicknameTooLong');
    expect(nicknameProblem('<script>')).toBe('nicknameChars');
    expect(nicknameProblem('小笨蛋')).toBe('nicknameBlocked');
    expect(nicknameProblem('Big IDIOT')).toBe('nicknameBlocked');
  });
  it('makes valid random nicknames in each language', () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 50; i++) {
      for (const lang of ['zh-Hans', 'en'] as const) expect(nicknameProblem(randomNickname(lang, rnd))).toBeNull();
    }
    expect(randomNickname('zh-Hans', () => 0)).toBe('勇敢的斑马');
  });
});
