import { describe, expect, it } from 'vitest';
import { adultGroupFor, CODE_EPOCH, decodeHomeCode, encodeHomeCode, homeLink, retestDue, retestFrom, type HomeVisit } from './homeCode.ts';

const GROUPS = ['child', 'teen', 'adult', 'senior', 'rider', 'driver', 'pro'];
const DAY = 86_400_000;
const visit: HomeVisit = { day: CODE_EPOCH + 337 * DAY, zones: ['crossing', 'seatbelt'], group: 'child', lang: 'zh-Hans', retestDays: 7, serial: 12 };

describe('home practice code', () => {
  it('round-trips every field and reads what people type', () => {
    const code = encodeHomeCode(visit, GROUPS);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(decodeHomeCode(code, GROUPS)).toEqual({ ok: true, visit });
    expect(decodeHomeCode(` ${code.toLowerCase().replace('-', ' ')} `, GROUPS)).toEqual({ ok: true, visit });
    const last = { ...visit, zones: ['crossing', 'ebike', 'drunk', 'blindspot', 'seatbelt', 'signals'] as HomeVisit['zones'], group: 'pro', lang: 'en' as const, retestDays: 127, serial: 63, day: CODE_EPOCH + 32_767 * DAY };
    expect(decodeHomeCode(encodeHomeCode(last, GROUPS), GROUPS)).toEqual({ ok: true, visit: last });
  });

  it('tells a mistyped code from another pupil\'s, and refuses codes it cannot hold', () => {
    const a = encodeHomeCode(visit, GROUPS);
    const b = encodeHomeCode({ ...visit, serial: 13 }, GROUPS);
    expect(a).not.toBe(b);
    // one character changed: the check character catches it
    const typo = a.slice(0, 2) + (a[2] === '7' ? '8' : '7') + a.slice(3);
    expect(decodeHomeCode(typo, GROUPS)).toEqual({ ok: false, problem: 'check' });
    expect(decodeHomeCode('ABC', GROUPS)).toEqual({ ok: false, problem: 'length' });
    expect(decodeHomeCode('ABCD-EFGU!', GROUPS).ok).toBe(false);
    // a group this hall does not have (fewer groups than the code's index)
    expect(decodeHomeCode(encodeHomeCode({ ...visit, group: 'pro' }, GROUPS), ['child'])).toEqual({ ok: false, problem: 'content' });
    expect(() => encodeHomeCode({ ...visit, serial: 64 }, GROUPS)).toThrow();
    expect(() => encodeHomeCode({ ...visit, zones: [] }, GROUPS)).toThrow();
  });

  it('offers the retest from local midnight N days after the visit', () => {
    const at = retestFrom(visit);
    expect(at).toBe(visit.day + 7 * DAY);
    expect(retestDue(visit, at - 1)).toBe(false);
    expect(retestDue(visit, at)).toBe(true);
  });

  it('links to the hall route with group and language', () => {
    expect(homeLink('https://hall.lan:4173', 'ABCD-EFGHJ', visit)).toBe('https://hall.lan:4173/#/hall?group=child&lang=zh-Hans&home=ABCDEFGHJ');
  });

  it('picks the grown-up\'s group for the family challenge from the zone\'s audience', () => {
    expect(adultGroupFor(['child', 'senior', 'adult', 'teen'], GROUPS)).toBe('adult');
    expect(adultGroupFor(['driver', 'pro', 'adult'], GROUPS)).toBe('adult');
    expect(adultGroupFor(['driver', 'pro'], GROUPS)).toBe('driver');
    expect(adultGroupFor(['child', 'teen'], GROUPS)).toBe('adult');
  });
});
