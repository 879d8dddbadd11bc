// The drunk zone's controls through the zone-game store, as the devices write them: the rehearsal
// chooses a level and drives off; the right trigger drives forward along the heading; both hands
// turning the wheel clockwise steer right (the sim heading grows); the left grip brakes to a stand;
// the driver's eye sits left of the car's middle; at the end the view overlooks where the child ran.
import { describe, expect, it } from 'vitest';
import { sourceOf, viewpoint, wheelSteer } from '../common/controls.ts';
import { zoneRun } from '../../stores/zoneRun.ts';
import { drunkRules } from './module.ts';

function harness(group: string) {
  const { store, frames, game } = zoneRun(drunkRules, 'drunk', group);
  return { store, frames, player: () => game().world.player! };
}

describe('drunk zone controls', { timeout: 60_000 }, () => {
  it('drive off, forward on the trigger, right on a clockwise wheel, to a stand on the grip', () => {
    const { store, frames, player } = harness('driver');
    const s = store.getState();
    s.actions.start();
    expect(store.getState().phase).toBe('setup');
    s.actions.zone.startDriving();
    // no level, no driving
    expect(store.getState().phase).toBe('setup');
    s.actions.rehearse();
    expect(store.getState().phase).toBe('play');
    expect(store.getState().hud).toMatchObject({ stage: 'sober', choice: null, vehicle: 'car' });

    const h0 = player().heading;
    const a = { x: player().x, z: player().z };
    s.controls.set('throttle', sourceOf.controller('right', 'trigger'), 1);
    frames(3);
    const d = { x: player().x - a.x, z: player().z - a.z };
    expect(Math.hypot(d.x, d.z)).toBeGreaterThan(3);
    expect((d.x * Math.cos(h0) + d.z * Math.sin(h0)) / Math.hypot(d.x, d.z)).toBeGreaterThan(0.99);

    // the rim turned a quarter clockwise: the right hand lower than the left
    const r = 0.18, q = 0.5;
    const turned = wheelSteer({ x: -r * Math.cos(q), y: 1 + r * Math.sin(q), z: -0.4 }, { x: r * Math.cos(q), y: 1 - r * Math.sin(q), z: -0.4 });
    expect(turned).toBeGreaterThan(0.2);
    s.controls.set('steer', sourceOf.hand('wheel'), turned);
    frames(0.6);
    expect(player().heading - h0).toBeGreaterThan(0.02);
    s.controls.set('steer', sourceOf.hand('wheel'), 0);

    s.controls.set('throttle', sourceOf.controller('right', 'trigger'), 0);
    s.controls.set('brake', sourceOf.controller('left', 'squeeze'), 1);
    frames(4);
    expect(player().speed).toBeLessThan(0.05);

    // the driver's eye: left of the car's middle (the sim's right is +z at heading 0, so left is −z)
    const p = player();
    const vp = store.getState().reader.viewpoint(store.getState().game, viewpoint());
    const lateral = -(vp.x - p.x) * Math.sin(p.heading) + (vp.z - p.z) * Math.cos(p.heading);
    expect(lateral).toBeCloseTo(-0.35, 2);

    // the end: beside the road, before the place the child ran out, looking along it
    s.actions.quit();
    const hazard = store.getState().game.comparison.hazard;
    const end = store.getState().reader.viewpoint(store.getState().game, viewpoint());
    expect(end.x).toBeLessThan(hazard.x);
    expect(Math.cos(end.yaw)).toBeGreaterThan(0.9);
    expect(store.getState().status).toBe('summary');
    expect(store.getState().hud).toMatchObject({ end: { legal: expect.any(Object), comparison: expect.any(Object) } });
  });
});
