// A child at a classroom desktop plays the crossing with the keyboard, on the first try: a scripted
// child presses the same keys a child would (arrows to turn, up to walk), through the zone's real
// action map and reader (so the easing onto the zebra's direction is what keeps them on it), sees
// only what the screen shows (the pedestrian light in the HUD, the goal marker, the cars), and
// reacts like one: a perception cycle of 0.25–0.4 s, 0.8–1.5 s before moving off on green, turns
// held for a guessed time (±25 %), never a precise angle. They must finish every task with at least
// two stars, within the child's time limit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { Rng } from '../../sim/rng.ts';
import { ControlState, type FrameLook } from '../common/controls.ts';
import type { ScoredEvent } from '../common/types.ts';
import { TURN_SPEED, walkControls, walkerReader, type WalkAction } from './controls.ts';
import { createGame, type CrossingGame } from './rules.ts';
import { gapAt } from './scripted.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/crossing.json', import.meta.url), 'utf8')));
const groups = JSON.parse(readFileSync(new URL('../../../quizzes/groups.json', import.meta.url), 'utf8')).groups as { id: string; defaults: Record<string, unknown> }[];
const child = groups.find((g) => g.id === 'child')!;

const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));
const EAST = 0;
const WEST = Math.PI;

/**
 * What the child does next: go to a point, wait for something, look one way for a while, or cross
 * at the zebra through `cx` to a point: wait while the HUD's light is red, look both ways, go if no
 * car is coming, else wait and look again.
 */
type Step =
  | { go: [number, number] }
  | { waitFor: (g: CrossingGame) => boolean; react?: boolean }
  | { look: number; seconds: number }
  | { cross: [number, number]; cx: number };

/** Where each task takes the child (the near kerb, the van's edge, the far kerb where the marker stands). */
const PLAN: Step[] = [
  { go: [20, 7.6] },
  { cross: [20, -8.6], cx: 20 },
  { go: [50, -8.6] },
  { go: [50, -7.6] },
  { look: WEST, seconds: 0.8 },
  { look: EAST, seconds: 0.8 },
  { go: [50, -4.1] },
  // at the van's edge, looking out: wait until the hidden car has gone by
  { look: EAST, seconds: 0.5 },
  { waitFor: (g) => (g.world.agentByName('hidden-car')?.x ?? Infinity) < 44, react: true },
  { cross: [50, 8.6], cx: 50 },
  { go: [90, 8.6] },
  { go: [90, 7.6] },
  { cross: [90, -8.6], cx: 90 },
];

/** Plays the plan with keys only; returns the events and the keys pressed. */
function keyboardChild(seed: number) {
  const game = createGame(zone, child, 7);
  const rng = new Rng(seed);
  const controls = new ControlState<WalkAction>(walkControls);
  const reader = walkerReader(game);
  const look: FrameLook = { dt: 1 / 60, headYaw: NaN, drag: 0 };
  const view = { x: 0, z: 0, eye: 1.6, yaw: 0, pitch: 0, rigYaw: NaN };
  const events: ScoredEvent[] = [];
  const hold = (action: WalkAction, code: string, value: number) => controls.set(action, `key:${code}`, value);
  // a crossing, as the child does it: wait for green (the HUD's light), react, look both ways, go
  // when no car is coming; a car coming after the look means waiting and looking again
  const plan: Step[] = [];
  const crossing = (to: [number, number], cx: number): Step[] => [
    { waitFor: (g) => g.currentLight !== 'red' && g.currentLight !== 'yellow', react: true },
    { look: EAST, seconds: 0.6 },
    { look: WEST, seconds: 0.6 },
    { look: Math.atan2(to[1] - game.world.player!.z, to[0] - game.world.player!.x), seconds: 0 },
    {
      waitFor: (g) => {
        const ok = g.currentLight !== 'red' && g.currentLight !== 'yellow' && gapAt(cx, 4)(g);
        if (!ok) plan.splice(step + 1, 0, ...crossing(to, cx));
        return true;
      },
    },
    { go: to },
  ];
  for (const s of PLAN) plan.push(s);
  let step = 0;
  let nextThink = 0;
  let turnUntil = 0;
  let stepStarted = -1;
  let reactAt = -1;
  const presses = { turn: 0, forward: 0 };

  /** turn towards a heading by holding ← or → for a guessed time */
  const turnToward = (want: number, facing: number, t: number, within = 12) => {
    const err = wrap(want - facing);
    if (Math.abs(err) < (within * Math.PI) / 180) return true;
    turnUntil = t + (Math.abs(err) / TURN_SPEED) * rng.range(0.75, 1.25);
    hold('turn', err > 0 ? 'ArrowRight' : 'ArrowLeft', err > 0 ? 1 : -1);
    presses.turn++;
    return false;
  };

  while (game.phase !== 'done' && game.time < game.timeLimit + 1) {
    const t = game.time;
    reader.viewpoint(game, view);
    if (t >= turnUntil) {
      hold('turn', 'ArrowRight', 0);
      hold('turn', 'ArrowLeft', 0);
    }
    if (t >= nextThink && t >= turnUntil && step < plan.length) {
      nextThink = t + rng.range(0.25, 0.4);
      let s = plan[step]!;
      if ('cross' in s) {
        plan.splice(step, 1, ...crossing(s.cross, s.cx));
        s = plan[step]!;
      }
      if (stepStarted < 0) stepStarted = t;
      const p = game.world.player!;
      if ('cross' in s) throw new Error('unreachable');
      if ('go' in s) {
        const [x, z] = s.go;
        const d = Math.hypot(x - p.x, z - p.z);
        if (d < 0.35) {
          hold('forward', 'ArrowUp', 0);
          step++;
          stepStarted = -1;
        } else {
          // face the point (roughly), then walk; a child stops walking to turn a lot
          const bearing = Math.atan2(z - p.z, x - p.x);
          const big = Math.abs(wrap(bearing - view.yaw)) > (40 * Math.PI) / 180;
          if (big) hold('forward', 'ArrowUp', 0);
          // walking, a child corrects only a clearly wrong direction (not a few degrees off)
          turnToward(bearing, view.yaw, t, big ? 12 : 30);
          if (!big) {
            if (controls.value('forward') === 0) presses.forward++;
            hold('forward', 'ArrowUp', 1);
          }
        }
      } else if ('waitFor' in s) {
        hold('forward', 'ArrowUp', 0);
        if (reactAt < 0 && s.waitFor(game)) reactAt = t + (s.react ? rng.range(0.8, 1.5) : 0);
        if (reactAt >= 0 && t >= reactAt) {
          step++;
          stepStarted = -1;
          reactAt = -1;
        }
      } else {
        hold('forward', 'ArrowUp', 0);
        if (turnToward(s.look, view.yaw, t) && t - stepStarted >= s.seconds) {
          step++;
          stepStarted = -1;
        }
      }
    }
    events.push(...game.step(look.dt, reader.read(controls, look, game)));
  }
  return { game, events, presses };
}

describe('a keyboard-only child on the first try', { timeout: 60_000 }, () => {
  it.each([1, 2, 3])('finishes every task with at least two stars (reactions seed %i)', (seed) => {
    const { game, events, presses } = keyboardChild(seed);
    const s = game.summary();
    expect(game.tasks.map((t) => t.state)).toEqual(['done', 'done', 'done']);
    expect(s.endedBy).toBe('done');
    expect(s.stars, JSON.stringify(events.map((e) => [e.kind, Math.round(e.t)]))).toBeGreaterThanOrEqual(2);
    // on the zebra and on green: the easing keeps a key-turning child on the crossing
    const kinds = events.map((e) => e.kind);
    expect(kinds).not.toContain('outside_crossing');
    expect(kinds).not.toContain('entered_on_red');
    expect(kinds).not.toContain('collision');
    expect(s.durationSec).toBeLessThan(game.timeLimit);
    expect(presses.turn).toBeGreaterThan(5);
  });
});
