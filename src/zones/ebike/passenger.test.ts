// A child in the e-bike zone plays the passenger's and pedestrian's side (riding is 16+, facts 2.1):
// a passenger helmet, where a child may sit (one child, a safety seat under 6: facts 2.4), and
// keeping away from e-bikes at the roadside — never a rider choosing whom to carry. The choices are
// the game: safe ones pass with three stars, unsafe ones fail, each with its feedback.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { createGame } from './rules.ts';
import { ebikeRules } from './module.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/ebike.json', import.meta.url), 'utf8')));

describe('e-bike for children: the passenger and pedestrian game', { timeout: 30_000 }, () => {
  it('asks about a passenger helmet, seats and keeping away, never whom to carry', () => {
    const game = createGame(zone, 'child', 1);
    expect(game.passenger).toBe(true);
    expect(game.phase).toBe('setup');
    expect(game.checklist.map((i) => i.id)).toEqual(['helmet', 'seat', 'little', 'keep-away']);
    const text = JSON.stringify(game.checklist);
    expect(text).not.toContain('这次要带人吗');
    expect(text).not.toContain('改装');
    expect(game.tasks.map((t) => t.id)).toEqual(['passenger']);
    expect(ebikeRules.hud(game, null).passenger).toBe(true);
    // adults and teens still ride
    expect(createGame(zone, 'adult', 1).checklist.map((i) => i.id)).toEqual(['helmet', 'passenger', 'bike']);
    expect(createGame(zone, 'teen', 1).passenger).toBe(false);
  });

  it('safe choices pass with three stars; the game ends when they are made', () => {
    const game = createGame(zone, 'child', 1);
    game.choose('helmet', 'helmet');
    game.choose('seat', 'one');
    game.choose('little', 'child-seat');
    game.choose('keep-away', 'pavement');
    game.startRide();
    expect(game.phase).toBe('done');
    const s = game.summary();
    expect(s.events.map((e) => e.kind)).toEqual(['passenger_helmet_on', 'seat_one_child', 'little_child_seat', 'kept_away']);
    expect(s.stars).toBe(3);
    expect(s.passed).toBe(true);
    expect(s.endedBy).toBe('done');
    expect(s.tasks.map((t) => t.state)).toEqual(['done']);
  });

  it('unsafe choices fail, each with its own feedback from the zone file', () => {
    const game = createGame(zone, 'child', 1);
    game.choose('helmet', 'none');
    game.choose('seat', 'two');
    game.choose('little', 'footboard');
    game.choose('keep-away', 'dash');
    game.startRide();
    const s = game.summary();
    expect(s.events.map((e) => e.kind)).toEqual(['passenger_no_helmet', 'seat_two_children', 'little_no_seat', 'dashed_in_front']);
    for (const e of s.events) expect(e.feedback).toEqual(zone.feedback![e.kind]);
    expect(s.stars).toBe(0);
    expect(s.passed).toBe(false);
  });
});
