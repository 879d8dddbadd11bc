// Issue 15: a new version is applied only when no visit runs (or staff accept it) — never mid-game or
// mid-competition. The browser test (tests/e2e/reliability.e2e.ts) shows the worker waiting during a
// game and staff applying it; this is the rule for "no visit".
import { describe, expect, it } from 'vitest';
import { QUIET_MS, visitIdle } from './updates.ts';

describe('when a waiting version may be applied by itself', () => {
  const now = 1_000_000;
  const quiet = now - QUIET_MS;
  it('only on the start screen, nobody signed in, left alone for the quiet period', () => {
    expect(visitIdle('', false, quiet, now)).toBe(true);
    expect(visitIdle('#/', false, quiet, now)).toBe(true);
    expect(visitIdle('#/?lang=en', false, quiet, now)).toBe(true);
  });
  it('never during a visit: a zone (game, test, competition), the hall, the staff console, a signed-in visitor, or someone typing', () => {
    for (const h of ['#/zone/crossing?mode=game', '#/zone/ebike?mode=test', '#/zone/signals?mode=competition', '#/hall', '#/staff'])
      expect(visitIdle(h, false, quiet, now), h).toBe(false);
    expect(visitIdle('#/', true, quiet, now)).toBe(false);
    expect(visitIdle('#/', false, now - 2000, now)).toBe(false);
  });
});
