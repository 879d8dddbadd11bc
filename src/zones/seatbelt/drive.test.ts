// The road stations' measurements against the fact sheet, through the game on the real scene file: a
// visitor who brakes exactly 1.0 or 1.5 s after the child steps out gets the reaction and braking
// distances of facts 5.16's table (dry, a = 7 m/s²; wet, a = 4) within 2 %, measured by the engine and
// marked where they happened; a 2-second glance at the phone at 60 km/h is about 33 m driven blind
// (facts 5.11); a later reaction adds what facts 5.17 says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { stoppingDistance } from '../../sim/kinematics.ts';
import { playGame } from '../common/testing.ts';
import { createGame } from './rules.ts';
import { CAREFUL, scriptedVisitor, type VisitorPlan } from './scripted.ts';
import type { PhoneView, StoppingView } from './station.ts';

const base: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/seatbelt.json', import.meta.url), 'utf8')));
/** the scene file with a bench group that plays only the given stations */
const only = (...stations: string[]): ZoneDef => ({ ...base, tuning: { ...base.tuning, bench: { stations } } });
const SLOW = { timeout: 60_000 };

// facts.md 5.16 as printed: reaction distance at 1.0 and 1.5 s, braking distance dry (a = 7), and the
// wet total (a = 4, 1.5 s)
const TABLE = [
  { kmh: 30, r10: 8.3, r15: 12.5, brake: 5.0, wet15: 21 },
  { kmh: 50, r10: 13.9, r15: 20.8, brake: 13.8, wet15: 45 },
  { kmh: 60, r10: 16.7, r15: 25.0, brake: 19.8, wet15: 60 },
] as const;
const within = (actual: number, printed: number, rel = 0.02): boolean => Math.abs(actual - printed) <= printed * rel;

function stoppingRuns(kmh: number, reaction: number): StoppingView {
  const game = createGame(only('stopping'), 'bench', 1);
  const plan: VisitorPlan = { ...CAREFUL, stoppingKmh: [kmh, kmh], reaction };
  const visitor = scriptedVisitor(plan);
  let last: StoppingView | null = null;
  playGame(game, 300, (g) => {
    const v = g.station;
    if (v?.kind === 'stopping') last = v;
    return visitor(g);
  });
  return last!;
}

describe('speed and stopping distance (facts 5.16), measured by the engine', SLOW, () => {
  it.each(TABLE)('$kmh km/h: reaction and braking distances within 2 % of the table, dry and wet', (row) => {
    for (const reaction of [1.0, 1.5]) {
      const v = stoppingRuns(row.kmh, reaction);
      const [dry, wet] = v.runs.map((r) => r.measure!);
      const printedReaction = reaction === 1 ? row.r10 : row.r15;
      for (const m of [dry!, wet!]) {
        expect(m.speedKmh).toBeCloseTo(row.kmh, 0);
        expect(m.reactionS).toBeCloseTo(reaction, 2);
        expect(within(m.reactionM!, printedReaction), `${row.kmh} km/h ${reaction} s: reaction ${m.reactionM} m vs ${printedReaction}`).toBe(true);
      }
      expect(within(dry!.brakingM!, row.brake), `dry braking ${dry!.brakingM} vs ${row.brake}`).toBe(true);
      // facts prints the wet total for 1.5 s only
      if (reaction === 1.5) expect(within(wet!.stoppingM!, row.wet15), `wet total ${wet!.stoppingM} vs ${row.wet15}`).toBe(true);
      expect(wet!.brakingM!).toBeCloseTo(stoppingDistance(row.kmh, 0, 4), 1);
      // the marks on the road: from where the child stepped out, to the brake, to the stop, along the road
      expect(dry!.brakeAt!.x - dry!.onsetAt!.x).toBeCloseTo(dry!.reactionM!, 1);
      expect(dry!.stopAt!.x - dry!.brakeAt!.x).toBeCloseTo(dry!.brakingM!, 1);
      // and the reference the result shows is facts 5.16's formula at 1.5 s on that surface
      expect(v.runs[0]!.reference!.totalM).toBeCloseTo(stoppingDistance(row.kmh, 1.5, 7), 0);
      expect(v.runs[1]!.reference!.totalM).toBeCloseTo(stoppingDistance(row.kmh, 1.5, 4), 0);
      expect(v.runs.map((r) => r.surface)).toEqual(['dry', 'wet']);
    }
  });

  it('an extra 0.5 s of reaction adds about 7 m at 50 km/h and 8 m at 60 (facts 5.17)', () => {
    for (const [kmh, extra] of [[50, 6.9], [60, 8.3]] as const) {
      const quick = stoppingRuns(kmh, 1.0).runs[0]!.measure!.stoppingM!;
      const slow = stoppingRuns(kmh, 1.5).runs[0]!.measure!.stoppingM!;
      expect(slow - quick).toBeCloseTo(extra, 0);
    }
  });

  it('whether the car stops before the crossing is the engine\'s answer: at 30 km/h it does, dry or wet; at 60 it does not', () => {
    const slow = stoppingRuns(30, 1.0).runs;
    expect(slow.every((r) => !r.measure!.hit && r.measure!.gapM! > 0)).toBe(true);
    const fast = stoppingRuns(60, 1.0).runs;
    expect(fast.every((r) => r.measure!.hit)).toBe(true);
    expect(fast[1]!.measure!.hitKmh!).toBeGreaterThan(fast[0]!.measure!.hitKmh!);
  });
});

describe('phone while driving (facts 5.11): the distance driven with the eyes on the phone', SLOW, () => {
  it('a 2-second glance at 60 km/h is about 33 m driven blind, and the car ahead is hit', () => {
    const game = createGame(only('phone'), 'bench', 1);
    const visitor = scriptedVisitor({ ...CAREFUL, glance: 2, reaction: 0.8 });
    let last: PhoneView | null = null;
    playGame(game, 300, (g) => {
      const v = g.station;
      if (v?.kind === 'phone-drive') last = v;
      return visitor(g);
    });
    const [eyes, message] = last!.drives.map((d) => d.measure!);
    expect(eyes!.blindM).toBe(0);
    expect(message!.speedKmh).toBeCloseTo(60, 0);
    expect(within(message!.blindM, 33.3), `blind ${message!.blindM} m`).toBe(true);
    expect(message!.blindS).toBeCloseTo(2, 1);
    // the car ahead braked while the eyes were down: the reaction is the glance's rest plus the driver's own
    expect(message!.blindAfterOnsetS).toBeGreaterThan(0.8);
    expect(message!.reactionS!).toBeGreaterThan(eyes!.reactionS! + 0.8);
    expect(message!.reactionM!).toBeGreaterThan(eyes!.reactionM! + 13);
    expect(eyes!.hit).toBe(false);
    expect(message!.hit).toBe(true);
    // what the result says a glance of facts 5.11's length means at the speed measured
    expect(last!.glance.seconds).toBe(2);
    expect(within(last!.glance.metres, 33.3)).toBe(true);
  });

  it('eyes on the road: the same drive ends standing behind the car ahead, reaction measured from its brake lights', () => {
    const game = createGame(only('phone'), 'bench', 1);
    const visitor = scriptedVisitor({ ...CAREFUL, reaction: 1.25 });
    let last: PhoneView | null = null;
    playGame(game, 300, (g) => {
      const v = g.station;
      if (v?.kind === 'phone-drive') last = v;
      return visitor(g);
    });
    for (const m of last!.drives.map((d) => d.measure!)) {
      expect(m.hit).toBe(false);
      expect(m.reactionS).toBeCloseTo(1.25, 2);
      // the distance kept (25 m) less what the reaction cost (the car ahead stopped as hard)
      expect(m.gapM!).toBeCloseTo(25 - m.reactionM!, 0);
    }
  });
});

describe('braking before anything happens', SLOW, () => {
  it('a tap on the brake before the car ahead brakes only slows the car; the drive and its measurement go on', () => {
    const game = createGame(only('phone'), 'bench', 1);
    const careful = scriptedVisitor({ ...CAREFUL, reaction: 1.0 });
    let last: PhoneView | null = null;
    let tapped = false;
    playGame(game, 300, (g) => {
      const v = g.station;
      if (v?.kind === 'phone-drive') last = v;
      const inp = careful(g);
      // a nervous half second on the brake early in the first drive
      if (v?.kind === 'phone-drive' && v.stage === 'drive' && v.drive === 0 && g.world.player!.x > 12 && g.world.player!.x < 20) {
        inp.brake = 1;
        tapped = true;
      }
      return inp;
    });
    expect(tapped).toBe(true);
    const m = last!.drives[0]!.measure!;
    expect(m.onsetT).not.toBeNull();
    expect(m.reactionS).toBeCloseTo(1.0, 2);
    expect(m.anticipated).toBe(false);
    // back up to speed (catching up on the car ahead a little above it)
    expect(m.speedKmh).toBeGreaterThan(57);
    expect(m.speedKmh).toBeLessThan(66.1);
    expect(m.hit).toBe(false);
  });

  it('slowing early for the child at the kerb and waiting: the car stands before the crossing, and that is scored as stopping for it', () => {
    const game = createGame(only('stopping'), 'bench', 1);
    let last: StoppingView | null = null;
    const visitor = scriptedVisitor({ ...CAREFUL, stoppingKmh: [50, 50], anticipate: true });
    playGame(game, 300, (g) => {
      const v = g.station;
      if (v?.kind === 'stopping') last = v;
      return visitor(g);
    });
    for (const r of last!.runs) {
      const m = r.measure!;
      expect(m.done).toBe(true);
      expect(m.hit).toBe(false);
      expect(m.gapM!).toBeGreaterThan(0);
    }
    expect(game.events.filter((e) => e.kind === 'stopped_before_crossing')).toHaveLength(2);
  });
});
