import { describe, expect, it } from 'vitest';
import { hashFor, parseHash } from './routes.ts';

describe('hash routes', () => {
  it('parses the fixed routes', () => {
    expect(parseHash('').route).toEqual({ name: 'start' });
    expect(parseHash('#/').route).toEqual({ name: 'start' });
    expect(parseHash('#/hall').route).toEqual({ name: 'hall' });
    expect(parseHash('#/staff').route).toEqual({ name: 'staff' });
    expect(parseHash('#/join?code=ab3def')).toEqual({ route: { name: 'join' }, params: { code: 'ab3def' } });
    expect(hashFor({ name: 'join' }, { code: 'AB3DEF' })).toBe('#/join?code=AB3DEF');
    expect(parseHash('#/zone/crossing?mode=test').route).toEqual({ name: 'zone', zoneId: 'crossing', mode: 'test' });
  });

  it('reads deep-link parameters on any route', () => {
    const p = parseHash('#/zone/ebike?mode=test&group=teen&lang=en');
    expect(p.route).toEqual({ name: 'zone', zoneId: 'ebike', mode: 'test' });
    expect(p.params).toMatchObject({ group: 'teen', lang: 'en' });
    expect(parseHash('#/hall?group=child').params).toEqual({ group: 'child' });
  });

  it('keeps unknown ids so the screen can name them', () => {
    expect(parseHash('#/zone/moon?mode=fly').route).toEqual({ name: 'zone', zoneId: 'moon', mode: 'fly' });
    expect(parseHash('#/nowhere/at/all').route).toEqual({ name: 'notFound', path: '/nowhere/at/all' });
  });

  it('a broken escape or an unknown lab view is not found, never an exception', () => {
    for (const h of ['#/zone/%E0%A4%A', '#/zone/%', '#/%', '#/zone/%E0%A4%A?mode=test', '#/hall/%zz'])
      expect(parseHash(h).route, h).toEqual({ name: 'notFound', path: h.slice(1).replace(/\?.*$/, '') });
    expect(parseHash('#/zone/ebike?mode=%&group=%E0%A4%A').params.mode).toBe('%');
    expect(parseHash('#/lab/x').route).toEqual({ name: 'notFound', path: '/lab/x' });
    expect(parseHash('#/lab/junction').route).toEqual({ name: 'lab', id: 'junction' });
  });

  it('round-trips through hashFor', () => {
    const h = hashFor({ name: 'zone', zoneId: 'signals', mode: 'competition' }, { lang: 'zh-Hant' });
    expect(h).toBe('#/zone/signals?mode=competition&lang=zh-Hant');
    expect(parseHash(h).route).toEqual({ name: 'zone', zoneId: 'signals', mode: 'competition' });
  });
});
