// Whole scripted visits of the signals zone on the real scene file: stations from data per group,
// scoring on accuracy and time, the officer's rounds with the trap, ordering or performing a
// signal, the breakdown procedure with the triangle's distance measured along the road; the
// summary and the attempt; children see no article numbers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { SIGNS } from '../../sim/catalogue.ts';
import { kindsOf, playGame } from '../common/testing.ts';
import { signalsTuning } from './tuning.ts';
import { createGame, SIGNALS_KINDS, type SignalsGame } from './rules.ts';
import { CARELESS, CAREFUL, scriptedVisitor, type Visitor } from './scripted.ts';
import { stationsFor } from './stations.ts';
import { signalsReader } from './controls.ts';
import { ControlState, viewpoint } from '../common/controls.ts';
import { signalsControls } from './controls.ts';
import { signalsRules } from './module.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/signals.json', import.meta.url), 'utf8')));
const groups = JSON.parse(readFileSync(new URL('../../../quizzes/groups.json', import.meta.url), 'utf8')).groups as { id: string; defaults: Record<string, unknown> }[];
const groupInfo = (id: string) => groups.find((g) => g.id === id)!;
const SLOW = { timeout: 30_000 };

/** the right option of a question: the zone file's answer for a sign; the signal itself for the officer */
const answerOf = (g: SignalsGame, id: string): string => {
  const s = g.station!;
  if (s.kind === 'signs') return s.params.items.find((i) => i.id === id)!.answer;
  return g.currentQuestion!.signal!;
};

function visit(group: string, v: Visitor, seed = 6000) {
  const game = createGame(zone, groupInfo(group) as never, seed);
  const events = playGame(game, game.timeLimit + 1, scriptedVisitor(v, answerOf));
  return { game, events, kinds: kindsOf(game.events) };
}

describe('signals zone: the scene file', () => {
  it('scores and explains every kind the game can produce, citing facts', () => {
    for (const k of SIGNALS_KINDS) {
      expect(zone.scoring!.events[k], k).toBeDefined();
      expect(zone.feedback![k]!.source.facts.length, k).toBeGreaterThan(0);
    }
  });

  it('draws the street\'s signs from the catalogue, one per sign item, facing the visitor', () => {
    const signs = zone.layout!.signs;
    const items = stationsFor(zone, 'driver').find((s) => s.kind === 'signs')!.params.items;
    for (const it of items.filter((i) => i.sign)) {
      expect(it.sign! in SIGNS).toBe(true);
      const placed = signs.find((s) => s.sign === it.sign)!;
      expect(placed.facing).toBe(180);
      // the family the item is scored by is the catalogue's
      expect(it.category).toBe(SIGNS[it.sign!]!.category);
    }
  });

  it('stations per group: children fewer (no markings, no breakdown), drivers all three with the markings', () => {
    const of = (g: string) => stationsFor(zone, g).map((s) => (s.kind === 'signs' ? `signs:${s.params.items.length}` : s.kind));
    expect(of('child')).toEqual(['signs:3', 'police']);
    expect(of('teen')).toEqual(['signs:7', 'police']);
    expect(of('adult')).toEqual(['signs:5', 'police', 'breakdown']);
    expect(of('driver')).toEqual(['signs:7', 'police', 'breakdown']);
    expect(of('pro')).toEqual(['signs:7', 'police', 'breakdown']);
    expect(signalsTuning(zone, 'child').policeRounds).toBeLessThan(signalsTuning(zone, 'driver').policeRounds);
    expect(signalsTuning(zone, 'child').textSize).toBe('large');
    expect(signalsTuning(zone, 'driver').walk).toBe(false);
    // a group the file does not list still resolves
    expect(signalsTuning(zone, { id: 'visitor' }).walk).toBe(true);
  });

  it('children see no article numbers in any feedback they can meet', () => {
    const child = createGame(zone, 'child', 1);
    const reachable = SIGNALS_KINDS.filter((k) => !k.startsWith('breakdown_') && k !== 'marking_wrong');
    for (const k of reachable) {
      const f = zone.feedback![k]!;
      const all = [f.message, f.rule, f.instead, f.source.law].filter(Boolean).flatMap((l) => [l!['zh-Hans'], l!.en]).join(' ');
      expect(all, k).not.toMatch(/第\s*\d+\s*条|Art\.|Article/);
    }
    expect(child.stations.some((s) => s.kind === 'breakdown')).toBe(false);
  });
});

describe('signals zone: whole visits', () => {
  it.each(['child', 'teen', 'adult', 'senior', 'driver', 'pro'])('%s, careful: every station done, ≥ 85, 3 stars, passed, ½–5 min', SLOW, (group) => {
    const { game, kinds } = visit(group, CAREFUL);
    const s = game.summary();
    expect(kinds.filter((k) => game.events.find((e) => e.kind === k)!.points < 0)).toEqual([]);
    expect(s.tasks.every((t) => t.state === 'done')).toBe(true);
    expect(s.score).toBeGreaterThanOrEqual(85);
    expect(s.stars).toBe(3);
    expect(s.passed).toBe(true);
    expect(s.durationSec).toBeGreaterThan(30);
    expect(s.durationSec).toBeLessThan(300);
    expect(kinds).toContain('steps_ordered');
    if (game.stations.some((x) => x.kind === 'breakdown')) expect(kinds).toContain('breakdown_correct');
  });

  it('careless driver: wrong signs explained by their family, the trap, misordered movements, the breakdown done wrong; < 50, no stars', SLOW, () => {
    const { game, kinds } = visit('driver', CARELESS);
    for (const k of ['sign_wrong_warning', 'sign_wrong_prohibition', 'sign_wrong_indication', 'marking_wrong', 'steps_misordered', 'breakdown_hazard_late', 'breakdown_evacuate_late', 'breakdown_call_early', 'breakdown_triangle_short'])
      expect(kinds, k).toContain(k);
    expect(kinds.some((k) => k === 'no_right_turn_waiting' || k === 'hand_signal_wrong')).toBe(true);
    for (const e of game.events) expect(e.feedback).toBe(zone.feedback![e.kind]);
    const short = game.events.find((e) => e.kind === 'breakdown_triangle_short')!;
    expect(short.details).toMatchObject({ distance: 40, required: 150 });
    expect(short.feedback.source.law.en).toContain('Art. 68');
    expect(short.feedback.source.law['zh-Hans']).toContain('第60条');
    const s = game.summary();
    expect(s.score).toBeLessThan(50);
    expect(s.stars).toBe(0);
    expect(s.passed).toBe(false);
  });

  it('the trap: "right-turn waiting" is offered beside the turns and scored as no such signal', SLOW, () => {
    let seenTrap = false;
    for (let seed = 1; seed < 12 && !seenTrap; seed++) {
      const { kinds } = visit('driver', CARELESS, seed);
      seenTrap = kinds.includes('no_right_turn_waiting');
    }
    expect(seenTrap).toBe(true);
  });

  it('time counts: a right answer after the group\'s quick time scores less', SLOW, () => {
    const slow = visit('teen', { ...CAREFUL, think: 16 });
    expect(kindsOf(slow.game.events)).toContain('sign_correct_slow');
    expect(slow.game.summary().points).toBeLessThan(visit('teen', CAREFUL).game.summary().points);
    // children get longer to answer quickly
    expect(kindsOf(visit('child', { ...CAREFUL, think: 16 }).game.events)).not.toContain('sign_correct_slow');
  });

  it('in a headset the visitor gives the signal with both arms instead of ordering', SLOW, () => {
    const { kinds, game } = visit('teen', { ...CAREFUL, show: 'perform' });
    expect(kinds).toContain('signal_performed');
    expect(kinds).not.toContain('steps_ordered');
    expect(game.summary().passed).toBe(true);
  });

  it('the triangle\'s distance is measured along the road from the car\'s rear', SLOW, () => {
    const { game } = visit('driver', { ...CAREFUL, triangle: 151 });
    const e = game.events.find((x) => x.kind === 'breakdown_correct')!;
    expect(e.details.distance).toBeGreaterThanOrEqual(151);
    expect(e.details.distance).toBeLessThan(153);
  });

  it('same seed and visitor, same events; another seed, another order of signals', SLOW, () => {
    const a = visit('adult', CAREFUL, 42).game.events.map((e) => [e.kind, e.t, e.points, e.details.item ?? '']);
    const b = visit('adult', CAREFUL, 42).game.events.map((e) => [e.kind, e.t, e.points, e.details.item ?? '']);
    const c = visit('adult', CAREFUL, 43).game.events.map((e) => e.details.item ?? '');
    expect(a).toEqual(b);
    expect(c).not.toEqual(a.map((x) => x[3]));
  });

  it('an idle visitor: every station missed at the time limit; the attempt is a game attempt', SLOW, () => {
    const game = createGame(zone, 'adult', 5);
    playGame(game, game.timeLimit + 1, () => ({ move: 0, lookYaw: NaN }));
    expect(game.phase).toBe('done');
    expect(game.summary().tasks.map((t) => t.state)).toEqual(['missed', 'missed', 'missed']);
    expect(kindsOf(game.events)).toEqual(['task_missed', 'task_missed', 'task_missed']);
    const a = game.toAttempt({ id: 'a1', visitorId: 'v1', startedAt: 1000, appVersion: 't', device: 'desktop' });
    expect(a).toMatchObject({ zone: 'signals', mode: 'game', group: 'adult' });
    expect(Math.abs(a.endedAt! - a.startedAt - game.time * 1000)).toBeLessThan(100);
  });
});

describe('signals zone: controls', () => {
  it('W walks forward along the route; the camera turns to what a question is about', () => {
    const game = createGame(zone, 'adult', 1);
    const reader = signalsReader(game);
    const c = new ControlState(signalsControls);
    c.set('move', 'key:KeyW', 1);
    const x0 = game.pos.x;
    const look = { dt: 1 / 60, headYaw: NaN, drag: 0 };
    for (let i = 0; i < 60; i++) game.step(1 / 60, reader.read(c, look, game));
    expect(game.pos.x).toBeGreaterThan(x0 + 2);
    // walk on to the first sign: it stands at the kerb, ahead and to the left of the pavement's middle (−z)
    for (let i = 0; i < 600 && !game.currentQuestion; i++) game.step(1 / 60, reader.read(c, look, game));
    expect(game.currentQuestion?.id).toBe('watch-children');
    for (let i = 0; i < 120; i++) game.step(1 / 60, reader.read(c, look, game));
    const vp = reader.viewpoint(game, viewpoint());
    expect(vp.yaw).toBeLessThan(-0.05);
    expect(vp.rigYaw).toBe(0);
    // a stationary question: W does not walk past it
    const x = game.pos.x;
    for (let i = 0; i < 60; i++) game.step(1 / 60, reader.read(c, look, game));
    expect(game.pos.x).toBe(x);
    expect(signalsRules.rehearsal).toEqual([]);
  });
});
