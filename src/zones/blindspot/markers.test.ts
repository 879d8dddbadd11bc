// The markers and the cab view agree with the sim's blind-zone maths: what the game calls hidden is
// what inBlindZone says and what the polygons drawn on the ground cover; a marker seen "in a mirror"
// is in that mirror's field; the mirrors are looked at where they hang.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { DEFAULT_CAB, directSight, inBlindZone, mirrorSees } from '../../sim/geometry/blindZone.ts';
import { Rng } from '../../sim/rng.ts';
import { playGame } from '../common/testing.ts';
import { angleBetween, lookingAt, lookTargets, mirrorMounts, MirrorChecks, CHECK_DWELL } from './cabView.ts';
import { bodyOf, fromCab, judge, placeProblem, poseOf, sideOf, toCab, WalkTrack } from './markers.ts';
import { BLIND_MARGIN, createGame } from './rules.ts';
import * as S from './scripted.ts';

const zone: ZoneDef = zoneSchema.parse(JSON.parse(readFileSync(new URL('../../../scenes/blindspot.json', import.meta.url), 'utf8')));

/** even–odd point in polygon */
function inside(pts: readonly [number, number][], x: number, z: number): boolean {
  let c = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, zi] = pts[i]!;
    const [xj, zj] = pts[j]!;
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) c = !c;
  }
  return c;
}

describe('markers judged from the cab', () => {
  const game = createGame(zone, 'adult', 1);
  const truck = poseOf(game.standTruck);
  const body = bodyOf('truck');
  const sight = { cab: DEFAULT_CAB, body, height: game.tuning.markerHeight, margin: BLIND_MARGIN };
  const zones = game.blindZones();

  it('the cab frame is the bumper frame: a point ahead of the bumper is at u > 0, the right side at v > 0', () => {
    const [x, z] = fromCab(truck, 2, 3);
    expect(toCab(truck, x, z)).toEqual({ u: expect.closeTo(2, 9), v: expect.closeTo(3, 9) });
    // the truck faces +x in the kerbside lane; its right is +z, towards the kerb
    expect(z).toBeGreaterThan(truck.z);
    expect(x).toBeGreaterThan(truck.x + truck.length / 2);
  });

  it('calls hidden exactly what the sim\'s inBlindZone does, and what the zones drawn on the ground cover', () => {
    const rng = new Rng(11);
    let n = 0, drawnAgree = 0;
    for (let i = 0; i < 3000; i++) {
      const u = rng.range(-body.length - BLIND_MARGIN, BLIND_MARGIN);
      const v = rng.range(-body.width / 2 - BLIND_MARGIN, body.width / 2 + BLIND_MARGIN);
      if (u <= 0 && u >= -body.length && Math.abs(v) <= body.width / 2) continue;
      const [x, z] = fromCab(truck, u, v);
      const m = judge(truck, sight, { id: i, x, z });
      n++;
      expect(m.hidden).toBe(inBlindZone(DEFAULT_CAB, body, u, v, sight.height, BLIND_MARGIN));
      expect(m.side).toBe(sideOf(body, u, v));
      if (m.hidden === zones.some((p) => inside(p.points, x, z))) drawnAgree++;
      expect(m.mirrors).toEqual(DEFAULT_CAB.mirrors.filter((mi) => mirrorSees(mi, body, u, v)).map((mi) => mi.name));
      if (m.hidden) expect(m.mirrors).toEqual([]);
      if (!m.hidden) {
        expect(m.seenBy).not.toBeNull();
        if (m.seenBy !== 'direct') expect(mirrorSees(DEFAULT_CAB.mirrors.find((mi) => mi.name === m.seenBy)!, body, u, v)).toBe(true);
        else if (directSight(DEFAULT_CAB, body, u, v, sight.height) !== 'none') expect(DEFAULT_CAB.mirrors.some((mi) => mirrorSees(mi, body, u, v))).toBe(false);
      } else expect(m.seenBy).toBeNull();
    }
    expect(n).toBeGreaterThan(2000);
    // only points within a sampling step of an outline may differ
    expect(drawnAgree / n).toBeGreaterThan(0.97);
  });

  it('finds the zones of facts 4.3 for a 1.2 m child: in front, along the right (larger than the left), behind', () => {
    const area = (side: string) => zones.filter((p) => p.side === side).reduce((a, p) => a + p.area, 0);
    for (const side of ['front', 'right', 'left', 'rear']) expect(area(side), side).toBeGreaterThan(0);
    expect(area('right')).toBeGreaterThan(2 * area('left'));
    const at = (u: number, v: number) => judge(truck, sight, { id: 0, ...xz(u, v) });
    const xz = (u: number, v: number) => {
      const [x, z] = fromCab(truck, u, v);
      return { x, z };
    };
    expect(at(0.6, 0)).toMatchObject({ hidden: true, side: 'front', blocker: 'sill' });
    expect(at(-1.0, 3.0)).toMatchObject({ hidden: true, side: 'right' });
    expect(at(-11, 0)).toMatchObject({ hidden: true, side: 'rear', blocker: 'rear-wall' });
    expect(at(3.5, 0)).toMatchObject({ hidden: false, seenBy: 'direct' });
    expect(at(-6, 3.0)).toMatchObject({ hidden: false, seenBy: 'right-main' });
    // an adult is seen where the child is not: taller heads clear the sill
    expect(judge(truck, { ...sight, height: 1.7 }, { id: 0, ...xz(0.6, 0) }).hidden).toBe(false);
  });

  it('refuses a marker on the truck, beyond the zones\' reach, on top of another, or one too many', () => {
    const p = (u: number, v: number, markers: { id: number; x: number; z: number }[] = [], max = 5) => placeProblem(truck, body, markers, max, BLIND_MARGIN, ...fromCab(truck, u, v));
    expect(p(-4, 0)).toBe('on-truck');
    expect(p(-4, 1.3)).toBe('on-truck');
    expect(p(6, 0)).toBe('too-far');
    expect(p(-4, body.width / 2 + BLIND_MARGIN + 0.5)).toBe('too-far');
    expect(p(1, 0)).toBeNull();
    const [x, z] = fromCab(truck, 1, 0);
    expect(p(1.2, 0, [{ id: 1, x, z }])).toBe('too-close');
    expect(p(3, 0, [{ id: 1, x, z }], 1)).toBe('full');
  });

  it('lets the visitor place, move (remove and place again) and confirm markers only during the walk round', () => {
    const g = createGame(zone, 'child', 1);
    expect(g.enterCab()).toBe(false); // needs a marker
    const a = g.placeMarker(...S.cabPoint(g, 0.6, 0));
    expect(a.ok).toBe(true);
    expect(g.placeMarker(...S.cabPoint(g, -4, 0))).toEqual({ ok: false, problem: 'on-truck' });
    g.placeMarker(...S.cabPoint(g, -1, 3));
    g.placeMarker(...S.cabPoint(g, 2.5, 3.5));
    expect(g.placeMarker(...S.cabPoint(g, -11, 0))).toEqual({ ok: false, problem: 'full' });
    // changes their mind: the third goes behind the truck instead
    expect(g.removeMarker(g.markers[2]!.id)).toBe(true);
    expect(g.placeMarker(...S.cabPoint(g, -11, 0)).ok).toBe(true);
    expect(g.enterCab()).toBe(true);
    expect(g.stage).toBe('cab');
    expect(g.verdicts.map((m) => [m.side, m.hidden])).toEqual([['front', true], ['right', true], ['rear', true]]);
    expect(g.placeMarker(...S.cabPoint(g, 1, 1))).toEqual({ ok: false, problem: 'stage' });
    expect(g.removeMarker(g.markers[0]!.id)).toBe(false);
    // one world object for the UI, showing the stand world, then the turn's
    const w = g.world;
    expect(w.agents.map((a) => a.id)).toEqual(g.standWorld.agents.map((a) => a.id).filter((id) => id !== g.standTruck.id));
    // sitting in the walked-round truck: the renderers leave its body out (the cab frame is drawn instead)
    expect(w.agents.some((a) => a.id === g.standTruck.id)).toBe(false);
    expect(g.leaveCab()).toBe(true);
    expect(g.world).toBe(w);
    expect(w.agents).toBe(g.turnWorld.agents);
    expect(w.player).toBe(g.turnWorld.player);
  });
});

describe('the walk round, as the driver saw it', () => {
  it('marks each point of the visitor\'s path hidden or seen by the sim\'s maths at the markers\' height', () => {
    const g = createGame(zone, 'adult', 1);
    const route: [number, number][] = [[-11.5, 1.5], [-9, 4.5], [-2, 4.5], [1.8, 3], [1.8, -2.8], [-5, -4]];
    playGame(g, 60, S.scripted(route.map(([u, v]) => S.walkToCab(u, v))));
    const t = poseOf(g.standTruck);
    const body = bodyOf('truck');
    expect(g.track.length).toBeGreaterThan(30);
    for (const p of g.track) {
      const { u, v } = toCab(t, p.x, p.z);
      expect(p.hidden).toBe(inBlindZone(DEFAULT_CAB, body, u, v, g.tuning.markerHeight, BLIND_MARGIN));
    }
    // beside the cab on the right the driver could not see the visitor; out in front-left they could
    expect(g.track.some((p) => p.hidden)).toBe(true);
    expect(g.track.some((p) => !p.hidden)).toBe(true);
  });

  it('keeps a point every half second of walking, none while standing', () => {
    const w = new WalkTrack(0.5, 10);
    for (let i = 0; i < 40; i++) w.add(i * 0.1, i < 20 ? i * 0.1 : 2, 0, i < 10);
    // 2 s of walking (4–5 points), then standing (nothing new)
    expect(w.points.length).toBeLessThanOrEqual(5);
    // hidden from x 0 to 0.5 (the point at x 1.0 is seen already): a quarter of the 2 m
    expect(w.hiddenShare()).toBeCloseTo(0.25, 9);
  });
});

describe('looking at the mirrors', () => {
  const targets = lookTargets(DEFAULT_CAB);
  const named = (n: string) => targets.find((t) => t.name === n)!;

  it('finds the left mirrors to the left, the right ones further round to the right, the main above the wide one', () => {
    expect(targets.map((t) => t.name).sort()).toEqual(['left-main', 'left-wide', 'right-main', 'right-wide']);
    expect(named('left-main').yaw).toBeLessThan(-0.5);
    expect(named('right-main').yaw).toBeGreaterThan(1.0);
    expect(named('right-main').yaw).toBeGreaterThan(-named('left-main').yaw);
    for (const side of ['left', 'right']) expect(named(`${side}-main`).pitch).toBeGreaterThan(named(`${side}-wide`).pitch);
    // mounts are where the sim's mirrors are: at the arm's end beside the cab, below the eye
    for (const m of mirrorMounts(DEFAULT_CAB)) {
      expect(Math.abs(m.v)).toBeCloseTo(1.5, 6);
      expect(m.y).toBeLessThan(DEFAULT_CAB.eyeHeight);
    }
  });

  it('tells which mirror a gaze rests on, by yaw and pitch (or by yaw alone on a screen)', () => {
    for (const t of targets) expect(lookingAt(targets, t.yaw + 0.02, t.pitch - 0.02)).toBe(t.name);
    expect(lookingAt(targets, 0, 0)).toBeNull(); // straight ahead
    expect(lookingAt(targets, NaN, 0)).toBeNull();
    expect(['right-main', 'right-wide']).toContain(lookingAt(targets, named('right-main').yaw, NaN));
    expect(angleBetween(0, 0, Math.PI / 2, 0)).toBeCloseTo(Math.PI / 2, 9);
  });

  it('counts a mirror checked after it was looked at for a moment', () => {
    const c = new MirrorChecks(['a', 'b']);
    c.update(1, CHECK_DWELL / 2, 'a');
    c.update(1.2, CHECK_DWELL / 4, 'b');
    c.update(1.4, CHECK_DWELL / 4, 'a'); // looked away in between: starts again
    expect(c.lastChecked('a')).toBeNaN();
    c.update(1.6, CHECK_DWELL, 'a');
    expect(c.lastChecked('a')).toBe(1.6);
    expect(c.checkedSince(1.5)).toEqual(['a']);
    expect(c.checkedSince(2)).toEqual([]);
  });

  it('records what the visitor looked at from the cab', () => {
    const g = createGame(zone, 'teen', 1);
    g.placeMarker(...S.cabPoint(g, 0.6, 0));
    g.enterCab();
    playGame(g, 1.95, S.scripted([S.lookAt('right-wide', 1), S.lookAt('left-main', 1)]));
    expect([...g.mirrorsLooked].sort()).toEqual(['left-main', 'right-wide']);
    expect(g.lookingAt).toBe('left-main');
  });
});
