// The zone run in Node, on the real zone modules and scene files: controls move the visitor the
// right way (stick forward goes forward along the facing, turning right turns clockwise seen from
// above, i.e. the sim heading grows), a serious moment is queued, replayed with the game's clock
// stopped and resumed, and the end (quit, or the time running out) shows the summary and saves the
// attempt.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../content/schema.ts';
import type { Attempt } from '../storage/types.ts';
import { deviceValue, sourceOf, type FrameLook } from '../zones/common/controls.ts';
import type { GroupInfo } from '../zones/common/types.ts';
import { crossingRules } from '../zones/crossing/module.ts';
import { scriptedWalker, walkTo } from '../zones/crossing/scripted.ts';
import { fillRider, riderInput } from '../zones/ebike/input.ts';
import { ebikeRules } from '../zones/ebike/module.ts';
import { blankInput } from '../sim/agents/player.ts';
import { createZoneGameStore, type Cue } from './zoneGame.ts';

const scene = (id: string): ZoneDef => zoneSchema.parse(JSON.parse(readFileSync(new URL(`../../scenes/${id}.json`, import.meta.url), 'utf8')));
const groups = JSON.parse(readFileSync(new URL('../../quizzes/groups.json', import.meta.url), 'utf8')).groups as GroupInfo[];
const group = (id: string) => groups.find((g) => g.id === id)!;
const SLOW = { timeout: 60_000 };

function harness<R extends typeof crossingRules | typeof ebikeRules>(rules: R, zoneId: string, groupId = 'adult') {
  const saved: Attempt[] = [];
  const cues: Cue[] = [];
  let ms = 1_000_000;
  const store = createZoneGameStore({
    rules: rules as typeof crossingRules,
    zone: scene(zoneId),
    group: group(groupId),
    visitorId: 'v1',
    storage: { putAttempt: async (a) => void saved.push(a) },
    device: () => 'desktop',
    now: () => ms,
    cue: (c) => cues.push(c),
  });
  let clock = 0;
  const look: FrameLook = { dt: 1 / 30, headYaw: NaN, drag: 0 };
  /** `seconds` of frames at 30 Hz (the real clock moves with them) */
  const frames = (seconds: number, o: { headYaw?: number; until?: () => boolean } = {}) => {
    look.headYaw = o.headYaw ?? NaN;
    for (let i = 0; i < Math.round(seconds * 30); i++) {
      clock += look.dt;
      ms += 1000 / 30;
      store.getState().actions.tick(look, clock);
      if (o.until?.()) return true;
    }
    return false;
  };
  const player = () => store.getState().game.world.player!;
  return { store, saved, cues, frames, player };
}

/** the unit vector a sim heading looks along */
const along = (h: number) => ({ x: Math.cos(h), z: Math.sin(h) });

describe('zone-game store: controls move the visitor the right way', SLOW, () => {
  it('crossing: the left stick pushed forward walks along the facing; the right turn key turns clockwise seen from above', () => {
    const { store, frames, player } = harness(crossingRules, 'crossing');
    const s = store.getState();
    s.actions.start();
    const h0 = player().heading;
    const stick = crossingRules.controls.controller.find((b) => b.input === 'thumbstick-y')!;
    // WebXR: a stick pushed forward reads y = −1
    s.controls.set(stick.action, sourceOf.controller(stick.hand, stick.input), deviceValue(stick, -1));
    const a = { x: player().x, z: player().z };
    frames(1);
    const d1 = { x: player().x - a.x, z: player().z - a.z };
    const len1 = Math.hypot(d1.x, d1.z);
    expect(len1).toBeGreaterThan(0.8);
    expect((d1.x * along(h0).x + d1.z * along(h0).z) / len1).toBeGreaterThan(0.99);
    s.controls.set(stick.action, sourceOf.controller(stick.hand, stick.input), 0);

    // → held half a second: the facing turns right (the sim heading grows, clockwise seen from above)
    s.controls.set('turn', sourceOf.key('ArrowRight'), 1);
    frames(0.5);
    s.controls.set('turn', sourceOf.key('ArrowRight'), 0);
    const vp = store.getState().reader.viewpoint(store.getState().game, { x: 0, z: 0, eye: 0, yaw: 0, pitch: 0, rigYaw: NaN });
    expect(vp.yaw - h0).toBeCloseTo(0.95, 1);
    s.controls.set('forward', sourceOf.key('KeyW'), 1);
    const b = { x: player().x, z: player().z };
    frames(1);
    const d2 = { x: player().x - b.x, z: player().z - b.z };
    const len2 = Math.hypot(d2.x, d2.z);
    expect((d2.x * along(vp.yaw).x + d2.z * along(vp.yaw).z) / len2).toBeGreaterThan(0.99);
    // right of the old direction: the 2D cross product old × new is positive in the sim's frame
    expect(along(h0).x * d2.z - along(h0).z * d2.x).toBeGreaterThan(0);
  });

  it('crossing in a headset: the head decides where the visitor walks', () => {
    const { store, frames, player } = harness(crossingRules, 'crossing');
    store.getState().actions.start();
    store.getState().controls.set('forward', sourceOf.hand('pinch-left'), 1);
    const a = { x: player().x, z: player().z };
    // the head looks east (+x)
    frames(1, { headYaw: 0 });
    expect(player().x - a.x).toBeGreaterThan(0.8);
    expect(Math.abs(player().z - a.z)).toBeLessThan(0.05);
  });

  it('ebike: the rehearsal answers the checklist; the right trigger rides forward, steering right turns the heading clockwise', () => {
    const { store, frames, player } = harness(ebikeRules, 'ebike', 'rider');
    const s = store.getState();
    s.actions.start();
    expect(store.getState().phase).toBe('setup');
    expect(store.getState().hud).toMatchObject({ checklist: expect.any(Array) });
    s.actions.rehearse();
    expect(store.getState().phase).toBe('play');
    expect(store.getState().hud).toMatchObject({ checklist: null });
    expect(store.getState().game.events.map((e) => e.kind)).toEqual(['helmet_on', 'passenger_ok', 'bike_original']);
    const h0 = player().heading;
    const a = { x: player().x, z: player().z };
    s.controls.set('throttle', sourceOf.controller('right', 'trigger'), 1);
    frames(3);
    const d = { x: player().x - a.x, z: player().z - a.z };
    expect(Math.hypot(d.x, d.z)).toBeGreaterThan(3);
    expect((d.x * along(h0).x + d.z * along(h0).z) / Math.hypot(d.x, d.z)).toBeGreaterThan(0.99);
    const stick = ebikeRules.controls.controller.find((b) => b.input === 'thumbstick-x')!;
    s.controls.set('steer', sourceOf.controller(stick.hand, stick.input), deviceValue(stick, 1));
    frames(0.6);
    expect(player().heading - h0).toBeGreaterThan(0.02);
  });

  it('ebike: the rider input is clamped before it reaches the sim, NaN never passes', () => {
    const out = blankInput();
    fillRider({ ...riderInput(), throttle: 3, brake: -1, steer: NaN }, out);
    expect(out).toMatchObject({ throttle: 1, brake: 0, steer: 0, moveX: 0, moveZ: 0, hasPose: false });
  });
});

describe('zone-game store: the run', SLOW, () => {
  it('replays a hit with the game stopped, explains it, resumes; quitting saves the attempt', async () => {
    const script = scriptedWalker([walkTo(20, -8.8, { run: true }), walkTo(50, -8.8, { run: true }), walkTo(50, 8)]);
    // the same module with a scripted reader: a careless walk behind the van, out into the hidden car's lane
    const scripted = { ...crossingRules, reader: (g: Parameters<typeof crossingRules.reader>[0]) => ({ ...crossingRules.reader(g), read: () => script(g) }) };
    const { store, saved, cues, frames } = harness(scripted as typeof crossingRules, 'crossing');
    const s = store.getState();
    expect(s.status).toBe('intro');
    s.actions.tick({ dt: 0.1, headYaw: NaN, drag: 0 }, 1);
    expect(store.getState().game.time).toBe(0);
    s.actions.start();
    expect(frames(120, { until: () => store.getState().consequence !== null })).toBe(true);
    const c = store.getState().consequence!;
    expect(['collision', 'near_miss']).toContain(c.event.kind);
    expect(c.stage).toBe('replay');
    expect(c.focusKind).not.toBeNull();
    expect(store.getState().view.hide).toBe(c.replay.focusAgent);
    expect(cues).toContain('serious');
    expect(store.getState().recent.some((e) => e.kind === c.event.kind)).toBe(true);
    // the game waits while the replay and its explanation are on screen
    const t = store.getState().game.time;
    frames(1);
    expect(store.getState().game.time).toBe(t);
    s.actions.replayProgress(0.5);
    expect(store.getState().consequence).toMatchObject({ stage: 'replay', progress: 0.5 });
    s.actions.skipReplay();
    expect(store.getState().consequence).toMatchObject({ stage: 'explain', progress: 1 });
    s.actions.resume();
    expect(store.getState().consequence).toBeNull();
    expect(store.getState().view.hide).toBe(-1);
    frames(0.5);
    expect(store.getState().game.time).toBeGreaterThan(t + 0.4);
    // the same moment is not replayed again
    expect(store.getState().consequence).toBeNull();

    s.actions.quit();
    const end = store.getState();
    expect(end.status).toBe('summary');
    expect(end.summary!.events.map((e) => e.kind)).toContain(c.event.kind);
    expect(end.tasks.some((x) => x.state === 'missed')).toBe(true);
    await Promise.resolve();
    expect(store.getState().saved).toBe(true);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ zone: 'crossing', mode: 'game', group: 'adult', visitorId: 'v1', device: 'desktop' });
    expect(saved[0]!.events!.map((e) => e.kind)).toEqual(expect.arrayContaining([c.event.kind, 'task_missed']));
    expect(saved[0]!.endedAt - saved[0]!.startedAt).toBeGreaterThan(10_000);

    // play again: a new round from the intro, a new game, nothing carried over
    s.actions.restart();
    const again = store.getState();
    expect(again).toMatchObject({ status: 'intro', round: 1, summary: null, saved: false, consequence: null, recent: [] });
    expect(again.game).not.toBe(end.game);
    expect(again.game.seed).toBe(end.game.seed + 1);
  });

  it('an idle visitor: when the time is up, every task is missed and the attempt saved', async () => {
    const { store, saved, frames } = harness(crossingRules, 'crossing');
    store.getState().actions.start();
    frames(310, { until: () => store.getState().status === 'summary' });
    expect(store.getState().status).toBe('summary');
    expect(store.getState().tasks.every((t) => t.state === 'missed')).toBe(true);
    expect(store.getState().secondsLeft).toBe(0);
    await Promise.resolve();
    expect(saved.map((a) => a.events!.filter((e) => e.kind === 'task_missed').length)).toEqual([3]);
  });

  it('a toggle press turns the phone out at once (the HUD shows it), and again puts it away', () => {
    const { store } = harness(crossingRules, 'crossing');
    store.getState().actions.toggle('phone');
    expect(store.getState().toggles.phone).toBe(true);
    expect(store.getState().controls.on('phone')).toBe(true);
    store.getState().actions.toggle('phone');
    expect(store.getState().toggles.phone).toBe(false);
    store.getState().actions.toggle('jump');
    expect(store.getState().toggles).toEqual({ phone: false });
  });
});
