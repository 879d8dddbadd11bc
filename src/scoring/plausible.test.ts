// Issue 15 item 5: a score written from the console (the keeper's total set, the game clock moved)
// never reaches a leaderboard: every attempt is recomputed from its events and the zone file, and
// checked against the clock. Attempts the real games and tests make pass.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });
import { zoneSchema, type ZoneDef } from '../content/schema.ts';
import type { Attempt } from '../storage/types.ts';
import { playGame } from '../zones/common/testing.ts';
import { createGame } from '../zones/crossing/rules.ts';
import { scriptedWalker, walkTo } from '../zones/crossing/scripted.ts';
import { implausible, plausibleOnly } from './plausible.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../scenes/crossing.json', import.meta.url), 'utf8')));
const T0 = Date.UTC(2026, 4, 1, 2);

/** A careless crossing of the real zone, saved the way the app saves it (wall clock = game time + a little). */
function played(tamper?: (g: ReturnType<typeof createGame>) => void): Attempt {
  const game = createGame(zone, 'adult', 7);
  playGame(game, 40, scriptedWalker([walkTo(20, 7.4), walkTo(20, -8.6)]));
  tamper?.(game);
  game.finish();
  const wallMs = Math.round(game.time * 1000) + 300;
  return game.toAttempt({ id: 'a1', visitorId: 'v1', startedAt: T0, endedAt: T0 + (tamper ? 5000 : wallMs), appVersion: 'test', device: 'desktop' });
}

describe('plausible attempts', () => {
  it('an attempt the crossing game made passes', () => {
    const a = played();
    expect(a.events!.length).toBeGreaterThan(0);
    expect(implausible(a, zone.scoring)).toBeNull();
  });

  it("the console forgeries of the issue are caught: the keeper's total set to 1000, the clock moved to the end", () => {
    const total = played((g) => Object.assign(g.keeper, { total: 1000 }));
    expect(total.score).toBe(100);
    expect(implausible(total, zone.scoring)).toMatch(/^score 100 is not base/);
    const clock = played((g) => Object.assign(g, { clock: g.timeLimit + 1 }));
    expect(implausible(clock, zone.scoring)).toMatch(/game time, but the attempt lasted 5\.0 s/);
  });

  it('edited records are caught too: a score, stars, an event the zone does not score, points it does not give', () => {
    const a = played();
    expect(implausible({ ...a, score: Math.min(100, a.score + 10) }, zone.scoring)).toMatch(/^score/);
    expect(implausible({ ...a, stars: a.stars === 3 ? 2 : a.stars + 1 }, zone.scoring)).toMatch(/stars for a score/);
    expect(implausible({ ...a, events: [...a.events!, { kind: 'bonus', t: 1 }] }, zone.scoring)).toBe('event bonus is not scored in zone crossing');
    const inflated = a.events!.map((e, i) => (i === 0 ? { ...e, details: { ...e.details, points: 50 } } : e));
    expect(implausible({ ...a, events: inflated }, zone.scoring)).toMatch(/claims 50 points/);
    expect(implausible({ ...a, endedAt: a.startedAt + 10 * 3600_000 }, zone.scoring)).toMatch(/^duration/);
  });

  it('a self-test: the score follows from the answers (unanswered questions count as wrong), and they fit in its time', () => {
    const answers = Array.from({ length: 8 }, (_, i) => ({ question: `q${i}`, chosen: ['x'], correct: i < 6, ms: 4000 }));
    const test: Attempt = { id: 't1', visitorId: 'v1', group: 'adult', zone: 'crossing', mode: 'test', startedAt: T0, endedAt: T0 + 60_000, score: 75, stars: 2, passed: true, answers, appVersion: 'test', device: 'kiosk' };
    expect(implausible(test, undefined)).toBeNull();
    // 6 right of 8 answered in a 10-question test (abandoned): 60
    expect(implausible({ ...test, score: 60 }, undefined)).toBeNull();
    expect(implausible({ ...test, score: 100 }, undefined)).toBe('score 100 does not follow from 6 right of 8 answered');
    expect(implausible({ ...test, endedAt: T0 + 5000 }, undefined)).toMatch(/answers took 32\.0 s/);
  });

  it('the leaderboard keeps the plausible ones and says why the others went', () => {
    const good = played();
    const bad = { ...good, id: 'forged', score: 100, stars: 3 };
    const r = plausibleOnly([good, bad], (z) => (z === 'crossing' ? zone.scoring : undefined));
    expect(r.kept.map((a) => a.id)).toEqual(['a1']);
    expect(r.rejected.map((x) => x.attempt.id)).toEqual(['forged']);
  });
});
