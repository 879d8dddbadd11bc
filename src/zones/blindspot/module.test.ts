// The blindspot module through the zone-game store in Node, as the devices drive it: the keys walk
// the right way (forward along the facing, D to its right), a press of the act button sets one
// marker 1.2 m ahead (holding it sets no more), the last marker opens the cab, the eye sits at the
// driver's seat of the walked-round truck (2.5 m up, left side), a press goes on only after the
// cab's first seconds, a driver's forward is the accelerator and act held brakes; the rehearsal
// reaches the cab; a whole visit by the controls alone reaches the summary and saves the attempt.
import { describe, expect, it } from 'vitest';
import { viewpoint } from '../common/controls.ts';
import { zoneRun } from '../../stores/zoneRun.ts';
import { cabEye } from './controls.ts';
import { cabOf } from './markers.ts';
import { blindspotRules } from './module.ts';
import { CAB_AT_LEAST, MARK_AHEAD, type BlindspotGame } from './rules.ts';

const SLOW = { timeout: 60_000 };

function harness(groupId: string) {
  const { store, saved, frames, game, key } = zoneRun(blindspotRules, 'blindspot', groupId);
  /** hold a key until the condition holds (or `max` seconds) */
  const hold = (code: string, until: (g: BlindspotGame) => boolean, max = 30) => {
    key(code, true);
    const ok = frames(max, until);
    key(code, false);
    return ok;
  };
  const tap = (code: string) => {
    key(code, true);
    frames(0.1);
    key(code, false);
    frames(0.1);
  };
  store.getState().actions.start();
  return { store, saved, frames, game, key, hold, tap };
}

describe('blindspot module: the devices drive the game', SLOW, () => {
  it('walks along the facing, sets one marker ahead per press, and the last one opens the cab at the driver\'s eye', () => {
    const h = harness('child');
    const g = h.game();
    const p0 = { x: g.world.player!.x, z: g.world.player!.z };
    // facing +x (the spawn's heading): W walks +x, A steps to the left (−z)
    h.hold('KeyW', () => false, 1);
    const p1 = { x: g.world.player!.x, z: g.world.player!.z };
    expect(p1.x - p0.x).toBeGreaterThan(0.8);
    expect(Math.abs(p1.z - p0.z)).toBeLessThan(0.05);
    expect(h.hold('KeyA', (x) => x.world.player!.z <= 9.05)).toBe(true);
    expect(h.hold('KeyW', (x) => x.world.player!.x >= -23.2)).toBe(true);
    // held for a second: one marker, 1.2 m ahead of the feet
    h.key('Space', true);
    h.frames(1);
    h.key('Space', false);
    h.frames(0.1);
    expect(g.markers).toHaveLength(1);
    const p = g.world.player!;
    expect(g.markers[0]!.x - p.x).toBeCloseTo(MARK_AHEAD, 1);
    expect(g.markers[0]!.z).toBeCloseTo(p.z, 1);
    h.frames(0.5);
    expect(h.store.getState().hud).toMatchObject({ stage: 'walkaround', markersSet: 1, markersMax: 3, problem: null });
    // further than the blind zones reach (4 m from the body) is refused, with the problem on the HUD
    h.hold('KeyD', (x) => x.world.player!.z >= 10.9);
    h.tap('Space');
    h.frames(0.5); // the HUD is published a few times a second
    expect(g.markers).toHaveLength(1);
    expect(h.store.getState().hud.problem).toBe('too-far');
    h.hold('KeyA', (x) => x.world.player!.z <= 9.05);
    h.hold('KeyW', (x) => x.world.player!.x >= -21.2);
    h.tap('Space');
    h.hold('KeyW', (x) => x.world.player!.x >= -20.4);
    h.tap('Space');
    expect(g.stage).toBe('cab');
    expect(g.verdicts.map((v) => v.hidden)).toEqual([true, true, true]);
    // the eye: the driver's seat of the truck walked round (left of its middle, 2.5 m up); the rig turned with it
    const vp = h.store.getState().reader.viewpoint(g, viewpoint());
    const eye = cabEye(g.standTruck, { x: 0, z: 0, y: 0 });
    expect(vp).toMatchObject({ x: eye.x, z: eye.z, eye: cabOf('truck').eyeHeight, rigYaw: g.standTruck.heading });
    // heading 0: the driver's left is −z, so the left seat is on the −z side of the middle
    expect(eye.z).toBeLessThan(g.standTruck.z);
    // looking right (the right turn key) reaches the right-hand mirrors: both glasses of the arm
    h.hold('ArrowRight', (x) => x.mirrorsLooked.includes('right-main'), 3);
    expect(g.mirrorsLooked).toEqual(expect.arrayContaining(['right-main', 'right-wide']));
    expect(g.mirrorsLooked.some((m) => m.startsWith('left'))).toBe(false);
  });

  it('goes on from the cab only after its first seconds; the rehearsal reaches the cab', () => {
    const h = harness('adult');
    h.store.getState().actions.rehearse();
    const g = h.game();
    expect(g.stage).toBe('cab');
    expect(g.verdicts).toHaveLength(2);
    h.tap('KeyN');
    expect(g.stage).toBe('cab');
    h.frames(CAB_AT_LEAST + 0.5);
    expect(h.store.getState().hud.canGoOn).toBe(true);
    // the first press rises from the seat to the view from above: out to the truck's right, high, looking down at it
    h.tap('KeyN');
    expect(g.stage).toBe('cab');
    expect(g.fromAbove).toBe(true);
    const vp = h.store.getState().reader.viewpoint(g, viewpoint());
    expect(vp.eye).toBeGreaterThan(10);
    expect(vp.pitch).toBeLessThan(-0.5);
    expect(vp.z).toBeGreaterThan(g.standTruck.z + 5);
    expect(h.store.getState().game.world.agents.some((a) => a.id === g.standTruck.id)).toBe(true);
    h.tap('KeyN');
    expect(g.stage).toBe('cab');
    h.frames(CAB_AT_LEAST);
    h.tap('KeyN');
    expect(g.stage).toBe('turn');
  });

  it('driving (pro): forward is the accelerator and the act button held brakes', () => {
    const h = harness('pro');
    h.store.getState().actions.rehearse();
    h.frames(CAB_AT_LEAST);
    h.tap('KeyN');
    h.frames(CAB_AT_LEAST);
    h.tap('KeyN');
    const g = h.game();
    expect(g.stage).toBe('turn');
    const p = g.world.player!;
    const x0 = p.x;
    h.hold('KeyW', () => false, 3);
    expect(p.speed).toBeGreaterThan(1);
    // heading +x along the approach: forward is forward
    expect(p.x).toBeGreaterThan(x0 + 1);
    const v = p.speed;
    h.hold('Space', () => false, 1);
    expect(p.speed).toBeLessThan(v - 1);
  });

  it('a whole visit by the controls alone: markers, cab, waiting clear of the sweep, summary and the attempt saved', () => {
    const h = harness('child');
    const g = h.game();
    h.hold('KeyA', (x) => x.world.player!.z <= 9.05);
    for (const x of [-23.2, -21.2, -20.4]) {
      h.hold('KeyW', (y) => y.world.player!.x >= x);
      h.tap('Space');
    }
    expect(g.stage).toBe('cab');
    h.frames(CAB_AT_LEAST);
    h.tap('KeyN');
    h.frames(CAB_AT_LEAST);
    h.tap('KeyN');
    expect(g.stage).toBe('turn');
    h.hold('KeyD', (x) => x.world.player!.z >= 14.4);
    h.hold('KeyW', (x) => x.world.player!.x >= -14.2);
    h.frames(120, () => h.store.getState().status === 'summary');
    expect(h.store.getState().status).toBe('summary');
    const kinds = g.events.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['marker_hidden', 'blind_zone_found', 'waited_safely', 'kept_clear']));
    expect(g.events.filter((e) => e.points < 0).map((e) => e.kind)).toEqual([]);
    return new Promise<void>((r) => setTimeout(r, 0)).then(() => {
      expect(h.saved).toHaveLength(1);
      expect(h.saved[0]).toMatchObject({ zone: 'blindspot', mode: 'game', group: 'child' });
    });
  });
});
