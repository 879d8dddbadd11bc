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

describe('the nickname filter sees through disguises (issue 15 item 8)', () => {
  it('refuses separators, digits for letters, repeated letters, case and Traditional characters', () => {
    for (const nick of ['f_u_c_k', 'F U C K', 'f-u-c-k', 'sh1t', 'SH1T', 'fuuuck', 'b1tch', '他媽的', '他妈的', '你媽', '滾蛋', '管理員', 'st4ff', 'a d m i n', 'sb', 'SB'])
      expect(nicknameProblem(nick), nick).toBe('nicknameBlocked');
  });
  it("allows the product's own words that contain a listed character", () => {
    for (const nick of ['死角', '视线死角', '大车死角', '視線死角', '操场小将', '体操冠军', 'Sbarro', 'Classy', 'Scunthorpe'])
      expect(nicknameProblem(nick), nick).toBe(nick === 'Scunthorpe' ? 'nicknameBlocked' : null);
    // taking an allowed word out does not hide what is around it
    expect(nicknameProblem('去死吧死角')).toBe('nicknameBlocked');
  });
  it('the Traditional table covers every listed word as the build\'s converter (OpenCC) writes it', async () => {
    const OpenCC = (await import('opencc-js')) as unknown as { Converter(o: { from: string; to: string }): (s: string) => string };
    const { NICKNAME_BLOCKLIST, NICKNAME_ALLOWLIST } = await import('../i18n/nicknames.ts');
    const { foldNickname } = await import('./nicknameFilter.ts');
    for (const to of ['tw', 'hk', 't']) {
      const hant = OpenCC.Converter({ from: 'cn', to });
      for (const w of [...NICKNAME_BLOCKLIST, ...NICKNAME_ALLOWLIST].filter((x) => /\p{Script=Han}/u.test(x)))
        expect(foldNickname(hant(w)), `${w} → ${hant(w)} (${to})`).toContain(w);
    }
  });
});
