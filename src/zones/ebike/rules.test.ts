// Whole scripted rides of the e-bike zone on the real scene file: a careful rider (helmet, no
// passenger, original bike, in the lane at ≤ 15 km/h, stops at red, waits behind the truck) scores
// high; a careless one makes every mistake the zone teaches; riding up the inside of the truck ends
// in a conflict with a replay from the truck driver's seat; same seed and input, same events.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { ConsequenceQueue, type Consequence } from '../common/consequence.ts';
import { kindsOf, playGame } from '../common/testing.ts';
import { ReplayView } from '../../sim/replayView.ts';
import type { ScoredEvent } from '../common/types.ts';
import { Checklist, readChecklist } from './checklist.ts';
import { createGame, riderInput, type EbikeGame } from './rules.ts';
import { RIDE_KINDS } from './scoring.ts';
import { rideAlong, scriptedRider, signalIs, stopAt, waitFor, waitUntil } from './scripted.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/ebike.json', import.meta.url), 'utf8')));
/** whole runs take about a second each; give a busy machine room */
const SLOW = { timeout: 30_000 };

const groups = JSON.parse(readFileSync(new URL('../../../quizzes/groups.json', import.meta.url), 'utf8')).groups as { id: string; defaults: Record<string, unknown> }[];
const groupInfo = (id: string) => groups.find((g) => g.id === id)!;

/** the middle of the eastbound non-motor lane */
const BIKE_LANE = 8.25;
const truckHasTurned = (g: EbikeGame) => {
  const t = g.world.agentByName('truck');
  return !t || Math.abs(t.heading) > 1.3;
};

const SAFE = { helmet: 'helmet', passenger: 'none', bike: 'original' };
const UNSAFE = { helmet: 'none', passenger: 'adult', bike: 'big-battery' };

/** in the lane at 13 km/h; stops behind the truck at red; goes on green once the truck has turned and there is time to cross */
const careful = () =>
  scriptedRider([
    rideAlong(BIKE_LANE, -60, 13),
    stopAt(BIKE_LANE, -40, 13),
    waitUntil((g) => signalIs('nm-EW', 'green')(g) && truckHasTurned(g) && g.world.signalState('nm-EW').timeToChange > 12),
    rideAlong(BIKE_LANE, 130, 13),
  ]);

/** 24 km/h; into the motor lane; the phone when it buzzes; up the truck's inside and through the red; the wrong side after the junction */
const careless = () =>
  scriptedRider([
    rideAlong(BIKE_LANE, -190, 24),
    rideAlong(5.25, -160, 24, { phoneWhenRinging: true }),
    rideAlong(BIKE_LANE, -20, 24, { phoneWhenRinging: true }),
    rideAlong(BIKE_LANE, 10, 24),
    rideAlong(-8.25, 40, 24),
    rideAlong(BIKE_LANE, 130, 24),
  ]);

/** a good checklist and a calm pace, but waits beside the truck's cab and goes straight on as it turns right */
const upTheInside = () =>
  scriptedRider([
    rideAlong(BIKE_LANE, -60, 13),
    stopAt(7.9, -25.5, 13),
    waitUntil(signalIs('nm-EW', 'green')),
    waitFor(0.5),
    rideAlong(BIKE_LANE, 130, 13),
  ]);

function ride(group: string, choices: Record<string, string>, script: () => (g: EbikeGame) => ReturnType<typeof riderInput>, seed = 1, checklistSeconds = 20) {
  const game = createGame(zone, groupInfo(group), seed);
  const drive = script();
  // the visitor reads the checklist for a while: the game clock runs, the street waits
  playGame(game, checklistSeconds, () => riderInput());
  for (const [item, option] of Object.entries(choices)) game.choose(item, option);
  game.startRide();
  playGame(game, 600, drive);
  return { game, events: game.events, summary: game.summary() };
}

const unsafe = (events: readonly ScoredEvent[]) => events.filter((e) => e.points < 0);

describe('e-bike scene file', SLOW, () => {
  it('scores and explains every kind the rules and the checklist produce', () => {
    const kinds = [...RIDE_KINDS, ...new Checklist(readChecklist(zone)).allKinds()];
    for (const kind of kinds) {
      expect(zone.scoring!.events[kind], kind).toBeDefined();
      expect(zone.feedback![kind]!.source.facts.length, kind).toBeGreaterThan(0);
    }
    for (const k of ['near_miss', 'collision', 'inner_wheel_sweep']) expect(zone.scoring!.events[k]!.replay).toBe(true);
  });

  it('has a non-motor lane limited to 15 km/h (facts 2.2) leading to a signalised junction, and a truck that turns right', () => {
    const lane = zone.layout!.roads.flatMap((r) => r.lanes).find((l) => l.id === 'W-in-nm')!;
    expect(lane).toMatchObject({ kind: 'non-motor', speedLimit: 15 });
    expect(zone.layout!.stopLines.find((s) => s.lanes.includes('W-in-nm'))!.head).toBe('nm-EW');
    expect(zone.actors!.find((a) => a.id === 'truck')).toMatchObject({ type: 'named', kind: 'truck', route: ['W-in-2', 'right'] });
    // the truck gives way unless the rider comes up its inside (the script flags it then)
    expect(zone.actors!.find((a) => a.id === 'truck')!.behaviour?.noYield ?? false).toBe(false);
    expect(zone.script!.find((s) => s.id === 'truck-inside')!.do).toEqual([{ type: 'violate', actor: 'truck', rule: 'no_yield' }]);
    const game = createGame(zone, 'rider', 1);
    expect(game.world.player!.kind).toBe('ebike');
  });

  it('resolves the tuning of every audience group, and of groups it does not list', () => {
    for (const g of [...zone.audience, 'child', 'pro']) expect(() => createGame(zone, groupInfo(g), 1)).not.toThrow();
  });
});

describe('the pre-ride checklist', SLOW, () => {
  it('starts the game in the checklist with the street waiting', () => {
    const g = createGame(zone, 'rider', 1);
    expect(g.phase).toBe('setup');
    expect(g.checklist.map((i) => i.id)).toEqual(['helmet', 'passenger', 'bike']);
    playGame(g, 5, () => riderInput());
    expect(g.time).toBeCloseTo(5, 5);
    expect(g.world.time).toBe(0);
    expect(() => g.startRide()).toThrow(/every checklist item/);
    g.choose('helmet', 'none');
    g.choose('helmet', 'helmet'); // changed their mind
    expect(g.checklist[0]!.chosen).toBe('helmet');
    expect(() => g.choose('helmet', 'cap')).toThrow(/no option "cap"/);
  });

  it('scores each choice by the passenger rules of facts 2.4', () => {
    const outcome = (group: string, passenger: string) => {
      const g = createGame(zone, group, 1);
      g.choose('helmet', 'hard-hat');
      g.choose('passenger', passenger);
      g.choose('bike', 'no-limiter');
      g.startRide();
      return kindsOf(g.events);
    };
    expect(outcome('adult', 'child-seat')).toEqual(['helmet_hard_hat', 'passenger_ok', 'bike_modified']);
    expect(outcome('adult', 'child-8')).toContain('passenger_ok');
    expect(outcome('adult', 'child-no-seat')).toContain('passenger_no_child_seat');
    expect(outcome('adult', 'two-children')).toContain('passenger_too_many');
    expect(outcome('rider', 'adult')).toContain('passenger_adult');
    // a 16-year-old may carry no one at all
    expect(outcome('teen', 'child-8')).toContain('passenger_minor_rider');
    expect(outcome('teen', 'none')).toContain('passenger_ok');
  });
});

describe('a careful rider', SLOW, () => {
  it('scores high with three stars (rider): helmet, no passenger, in the lane at ≤ 15 km/h, stops at red, waits for the truck', () => {
    const { game, events, summary } = ride('rider', SAFE, careful);
    expect(unsafe(events)).toEqual([]);
    expect(kindsOf(events)).toEqual(
      expect.arrayContaining(['helmet_on', 'passenger_ok', 'bike_original', 'phone_ignored', 'stopped_at_red', 'gave_way_to_truck', 'arrived', 'stayed_in_lane', 'kept_speed_limit']),
    );
    expect(summary.score).toBeGreaterThanOrEqual(85);
    expect(summary.stars).toBe(3);
    expect(summary.passed).toBe(true);
    expect(game.tasks.every((t) => t.state === 'done')).toBe(true);
    expect(summary.durationSec).toBeGreaterThan(120);
    expect(summary.durationSec).toBeLessThan(240);
  });

  it.each(['teen', 'adult'])('scores high with three stars (%s)', (group) => {
    const { events, summary } = ride(group, SAFE, careful);
    expect(unsafe(events)).toEqual([]);
    expect(summary.stars).toBe(3);
  });

  it('stays safe on other seeds too', () => {
    for (const seed of [2, 9, 14]) expect(unsafe(ride('rider', SAFE, careful, seed).events), `seed ${seed}`).toEqual([]);
  });
});

describe('a careless rider', SLOW, () => {
  const { events, summary } = ride('rider', UNSAFE, careless);

  it('makes each mistake, and each carries the zone file feedback', () => {
    const kinds = kindsOf(events);
    for (const k of ['no_helmet', 'passenger_adult', 'bike_modified', 'speeding', 'wrong_lane', 'wrong_way', 'phone_while_riding', 'entered_on_red', 'truck_inside'])
      expect(kinds, k).toContain(k);
    expect(kinds.some((k) => k === 'near_miss' || k === 'collision')).toBe(true);
    for (const e of events) expect(e.feedback).toBe(zone.feedback![e.kind]);
    expect(events.find((e) => e.kind === 'speeding')!.details).toMatchObject({ limitKmh: 15 });
  });

  it('scores low: no stars, not passed', () => {
    expect(summary.score).toBeLessThan(50);
    expect(summary.stars).toBe(0);
    expect(summary.passed).toBe(false);
  });
});

describe('riding up the inside of the right-turning truck', SLOW, () => {
  const { game, events, summary } = ride('rider', SAFE, upTheInside);

  it('is flagged, and ends in a conflict with the truck replayed from its cab', () => {
    const kinds = kindsOf(events);
    expect(kinds).toContain('truck_inside');
    expect(kinds).not.toContain('gave_way_to_truck');
    const serious = events.filter((e) => e.serious && e.replay);
    expect(serious.length).toBeGreaterThan(0);
    const truckId = events.find((e) => e.replay)!.replay!.focusAgent;
    expect(serious.every((e) => e.replay!.focusAgent === truckId)).toBe(true);
    expect(serious.some((e) => ['near_miss', 'collision', 'inner_wheel_sweep'].includes(e.kind))).toBe(true);
    const r = serious[0]!.replay!;
    expect(r).toMatchObject({ viewpoint: 'driver', target: game.world.player!.id });
    expect(r.to - r.from).toBeLessThanOrEqual(6);
    // the replay uses world time: the checklist's 20 s come before it
    expect(serious[0]!.t - r.at).toBeCloseTo(20, 1);
    expect(summary.stars).toBeLessThan(3);
  });

  it("can be watched from the truck driver's high seat, with the rider in the recording", () => {
    const g = createGame(zone, groupInfo('rider'), 1);
    for (const [item, option] of Object.entries(SAFE)) g.choose(item, option);
    g.startRide();
    const drive = upTheInside();
    const queue = new ConsequenceQueue();
    let shown: Consequence | null = null;
    for (let i = 0; i < 60 * 300 && !shown && g.phase !== 'done'; i++) {
      queue.offer(g.step(1 / 60, drive(g)));
      shown = queue.next((w) => g.replayReady(w));
    }
    expect(shown).not.toBeNull();
    const w = shown!.replay;
    const view = new ReplayView(g.world);
    view.hide = w.focusAgent;
    expect(view.seek(w.at)).toBe(true);
    expect(view.agents.some((a) => a.isPlayer)).toBe(true);
    expect(view.agents.some((a) => a.id === w.focusAgent)).toBe(false);
    const v = view.driverView(w.focusAgent, w.target)!;
    expect(v.eye.y).toBeGreaterThan(2);
    // the rider is close beside the cab: right where its driver cannot see well
    expect(Math.hypot(v.look.x - v.eye.x, v.look.z - v.eye.z)).toBeLessThan(8);
  });

  it('while a rider who waits behind the truck is not flagged', () => {
    expect(kindsOf(ride('rider', SAFE, careful).events)).not.toContain('truck_inside');
  });
});

describe('determinism', SLOW, () => {
  it('the same seed and input give the same events', () => {
    const a = ride('adult', UNSAFE, careless, 4).events.map((e) => [e.kind, e.t, e.points]);
    const b = ride('adult', UNSAFE, careless, 4).events.map((e) => [e.kind, e.t, e.points]);
    expect(a).toEqual(b);
  });
});

describe('tuning per audience group', SLOW, () => {
  it('shows riders a delivery order on the phone, others a message', () => {
    const popupOf = (group: string) => {
      const g = createGame(zone, groupInfo(group), 1);
      for (const [k, v] of Object.entries(SAFE)) g.choose(k, v);
      g.startRide();
      const drive = careful();
      let popup = null;
      for (let i = 0; i < 60 * 60 && !popup; i++) {
        g.step(1 / 60, drive(g));
        popup = g.phone.popup;
      }
      return popup;
    };
    const challenge = zone.challenges!.find((c) => c.kind === 'ride')!;
    const popups = (challenge.params as { popups: Record<string, unknown> }).popups;
    expect(popupOf('rider')).toEqual(popups.order);
    expect(popupOf('adult')).toEqual(popups.message);
  });

  it('gives teens gentler traffic and hints', () => {
    const teen = createGame(zone, groupInfo('teen'), 1);
    const rider = createGame(zone, groupInfo('rider'), 1);
    expect(teen.tuning.trafficDensity).toBeLessThan(rider.tuning.trafficDensity);
    expect(teen.tuning.minorRider).toBe(true);
    for (const g of [teen, rider]) {
      for (const [k, v] of Object.entries(SAFE)) g.choose(k, v);
      g.startRide();
      g.step(1 / 60, riderInput());
    }
    expect(teen.hint).not.toBeNull();
    expect(rider.hint).toBeNull();
  });
});

describe('time and the saved attempt', SLOW, () => {
  it('a visitor who never finishes the checklist misses both tasks', () => {
    const g = createGame(zone, 'rider', 1);
    playGame(g, 400, () => riderInput());
    expect(g.phase).toBe('done');
    expect(g.tasks.map((t) => t.state)).toEqual(['missed', 'missed']);
    expect(kindsOf(g.events)).toEqual(['task_missed', 'task_missed']);
  });

  it('toAttempt gives a stored attempt with zone, mode, group, events and duration', () => {
    const { game, summary } = ride('rider', SAFE, careful);
    const a = game.toAttempt({ id: 'x', visitorId: 'v', startedAt: 5000, appVersion: '0.1.0', device: 'desktop' });
    expect(a).toMatchObject({ zone: 'ebike', mode: 'game', group: 'rider', score: summary.score, stars: 3, passed: true });
    expect(a.endedAt - a.startedAt).toBe(Math.round(summary.durationSec * 1000));
    expect(a.events!.map((e) => e.kind)).toEqual(summary.events.map((e) => e.kind));
    expect(a.events![0]!.details).toMatchObject({ item: 'helmet', option: 'helmet', points: 10, task: 'pre-ride' });
  });
});
