// The street kit's pure parts in Node (no WebGL): geometry builders, draw-call counts, signal
// lamps and the agent matrix writer.
import { Color, Object3D, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { Agent } from '../../sim/agents/agent.ts';
import { SPECS } from '../../sim/agents/specs.ts';
import type { LayoutInput } from '../../sim/def.ts';
import { createWorld, demoJunction } from '../../sim/index.ts';
import { AGENT_POOLS, buildAgentModel, paletteIndex, POOL_PALETTES } from './agentModels.ts';
import { AgentPools, writeAgentMatrix } from './agentPools.ts';
import { dressStreet } from './dressing.ts';
import { planLayoutProps } from './layoutProps.ts';
import { planSignals } from './signalPlan.ts';
import { SignalRig } from './signalRig.ts';
import { buildStreetGeometry, STREET_Y, toLayoutDef } from './streetGeometry.ts';

/** 40 m of road along +x: one motor lane each way, a non-motor lane and a sidewalk on the right. */
const tiny = (extra: Partial<LayoutInput> = {}): LayoutInput => ({
  roads: [
    {
      id: 'r',
      centerline: [
        [0, 0],
        [40, 0],
      ],
      lanes: [
        { id: 'a', kind: 'motor', side: 'right', width: 3.5 },
        { id: 'nm', kind: 'non-motor', side: 'right', width: 2.5 },
        { id: 'sw', kind: 'sidewalk', side: 'right', width: 2 },
        { id: 'b', kind: 'motor', side: 'left', width: 3.5 },
      ],
    },
  ],
  ...extra,
});

describe('static street geometry', () => {
  it('builds the expected layers, bounds and vertices for a tiny road', () => {
    const s = buildStreetGeometry(tiny(), { extend: 0, vergeMargin: 0 });
    // two motor lanes, the non-motor lane, the sidewalk: one quad each
    expect(s.triangles).toMatchObject({ asphalt: 4, nonMotor: 2, sidewalk: 2, verge: 0, median: 0 });
    // kerbs at the carriageway's two edges (left road edge, non-motor | sidewalk): 5 faces × 2 each
    expect(s.triangles.kerb).toBe(20);
    // single solid yellow centre line (one lane each way), solid white motor | non-motor line
    expect(s.triangles.yellow).toBe(2);
    expect(s.triangles.white).toBe(2);
    const bb = s.ground.boundingBox!;
    expect(bb.min.x).toBeCloseTo(0);
    expect(bb.max.x).toBeCloseTo(40);
    expect(bb.min.z).toBeCloseTo(-3.5 - 0.2); // kerb stone outside the left edge
    expect(bb.max.z).toBeCloseTo(3.5 + 2.5 + 2);
    expect(bb.min.y).toBeCloseTo(STREET_Y.verge);
    expect(bb.max.y).toBeCloseTo(STREET_Y.kerbTop);
    // merged and indexed: the two asphalt quads share their edge; kerbs keep per-face vertices
    expect(s.ground.index).not.toBeNull();
    expect(s.ground.getAttribute('position').count).toBe(6 + 4 + 4 + 2 * 20);
    expect(s.ground.index!.count / 3).toBe(4 + 2 + 2 + 20);
    const pb = s.paint.boundingBox!;
    expect(pb.min.y).toBeCloseTo(STREET_Y.paint);
    expect(pb.max.y).toBeCloseTo(STREET_Y.paint);
  });

  it('paints zebras and stop lines, ends lines at the stop line and drops kerbs at crossings', () => {
    const s = buildStreetGeometry(
      tiny({
        crossings: [{ id: 'x', from: [30, -3.5], to: [30, 6], width: 3 }],
        stopLines: [{ id: 'stop', lanes: ['a'], fromEnd: 12 }],
      }),
      { extend: 0, vergeMargin: 0 },
    );
    // 9 stripes of 0.45 m with 0.6 m gaps fit 9.5 m; one stop bar; the white line stops at the stop line
    expect(s.triangles.white).toBe(9 * 2 + 2 + 2);
    expect(s.triangles.yellow).toBe(2);
    // each kerb is cut in two where the crossing meets it
    expect(s.triangles.kerb).toBe(40);
    const pb = s.paint.boundingBox!;
    expect(pb.max.x).toBeCloseTo(30 + 1.5);
  });

  it('extends open road ends and lays a verge around everything', () => {
    const s = buildStreetGeometry(tiny(), { extend: 100, vergeMargin: 20 });
    expect(s.triangles.verge).toBe(2);
    expect(s.ground.boundingBox!.min.x).toBeLessThanOrEqual(-120);
    expect(s.ground.boundingBox!.max.x).toBeGreaterThanOrEqual(160);
  });

  it('draws the whole demo junction in at most 10 draw calls, reaching far past its arms', () => {
    const s = buildStreetGeometry(demoJunction.layout!);
    const meshes = [s.ground, s.paint];
    expect(meshes.length).toBeLessThanOrEqual(10);
    for (const g of meshes) {
      const p = g.getAttribute('position').array;
      expect(Array.from(p).every(Number.isFinite)).toBe(true);
    }
    // four arms of 80 m from the junction's 17.5 m edge, drawn 150 m further
    const bb = s.ground.boundingBox!;
    expect(bb.max.x).toBeGreaterThan(97.5 + 150);
    expect(bb.min.z).toBeLessThan(-(97.5 + 150));
    // 4 zebras of 18 stripes and 12 stop bars at least
    expect(s.triangles.white).toBeGreaterThanOrEqual(4 * 18 * 2 + 12 * 2);
    expect(s.triangles.yellow).toBeGreaterThan(0);
    const total = (s.ground.index!.count + s.paint.index!.count) / 3;
    expect(total).toBeLessThan(5000);
  });
});

describe('signal heads', () => {
  const layout = toLayoutDef(demoJunction.layout!);

  it('places a mast per approach and a post at each end of each signalled crossing', () => {
    const plan = planSignals(layout);
    const byKind = (k: string) => plan.units.filter((u) => u.kind === k).length;
    // 4 approaches × (left-turn + through vehicle heads, one non-motor head)
    expect(byKind('vehicle')).toBe(8);
    expect(byKind('non-motor')).toBe(4);
    expect(byKind('pedestrian')).toBe(8);
    expect(plan.poles.length).toBe(4 + 8);
    expect(new Set(plan.heads)).toEqual(new Set(layout.signals[0]!.heads.map((h) => h.id)));
    // the west approach (travelling +x) sees its heads facing −x, above its lanes at the junction mouth
    const w = plan.units.find((u) => u.head === 'veh-EW' && u.x < 0)!;
    expect(w.x).toBeCloseTo(-17.5);
    expect(w.z).toBeCloseTo(5.25);
    expect(Math.cos(-w.rotationY)).toBeCloseTo(-1);
  });

  it('lights the lamps of each head from the world, changing only what changed', () => {
    const rig = new SignalRig(planSignals(layout));
    const [discs, stand, walk] = rig.lamps;
    expect([discs.count, stand.count, walk.count]).toEqual([12 * 3, 8, 8]);
    const lit = (mesh: typeof discs, hex: string) => {
      const c = new Color(hex);
      const a = mesh.instanceColor!.array;
      let n = 0;
      for (let i = 0; i < mesh.count; i++) if (Math.abs(a[i * 3]! - c.r) + Math.abs(a[i * 3 + 1]! - c.g) + Math.abs(a[i * 3 + 2]! - c.b) < 1e-4) n++;
      return n;
    };
    const states: Record<string, 'red' | 'yellow' | 'green'> = { 'veh-EW': 'green', 'nm-NS': 'yellow', 'ped-N': 'green' };
    rig.update({ signalState: (id, out = { state: 'red', timeToChange: 0, next: 'red' }) => ((out.state = states[id] ?? 'red'), out) });
    // veh-EW serves two approaches; nm-NS two; ped-N two crossing ends
    expect(lit(discs, '#2bd66b')).toBe(2);
    expect(lit(discs, '#ffc800')).toBe(2);
    expect(lit(discs, '#ff3b30')).toBe(12 - 4);
    expect(lit(walk, '#2bd66b')).toBe(2);
    expect(lit(stand, '#ff3b30')).toBe(6);
    expect(rig.shownColor('veh-EW')).toBe(2);

    // signals run on time alone: a trickle of traffic keeps this fast
    const world = createWorld(demoJunction, 7, { player: false, trafficDensity: 0.01 });
    for (const t of [0, 21, 30, 45, 61]) {
      while (world.time < t) world.step(0.1);
      rig.update(world);
      for (const id of rig.heads) expect(rig.shownColor(id)).toBe(['red', 'yellow', 'green'].indexOf(world.signalState(id).state));
    }
    rig.dispose();
  });
});

describe('agents', () => {
  it('writes a matrix that puts a +x model at (x, z) facing the heading (rotation.y = −heading)', () => {
    const out = new Float32Array(32);
    const o = new Object3D();
    for (const h of [0, 0.3, Math.PI / 2, 2.5, -1.2, Math.PI]) {
      writeAgentMatrix(out, 16, 12, 0, -7, h);
      o.position.set(12, 0, -7);
      o.rotation.set(0, -h, 0);
      o.updateMatrix();
      o.matrix.elements.forEach((e, i) => expect(out[16 + i]).toBeCloseTo(e, 6));
      // the nose of a 4.6 m car ends up 2.3 m ahead along (cos h, sin h)
      const nose = new Vector3(2.3, 0, 0).applyMatrix4(o.matrix);
      expect(nose.x).toBeCloseTo(12 + Math.cos(h) * 2.3);
      expect(nose.z).toBeCloseTo(-7 + Math.sin(h) * 2.3);
    }
    // scale along the model's own length, height and width
    writeAgentMatrix(out, 0, 0, 0, 0, Math.PI / 2, 2, 3, 4);
    expect(new Vector3(1, 1, 1).applyMatrix4(new Object3D().matrix.fromArray(out)).toArray().map((v) => +v.toFixed(6))).toEqual([-4, 3, 2]);
  });

  it('fits each model to the sim: length along +x, centred, paint marked', () => {
    for (const pool of AGENT_POOLS) {
      const g = buildAgentModel(pool);
      const bb = g.boundingBox!;
      const spec = pool === 'tractor' || pool === 'trailer' ? SPECS['semi-trailer'] : SPECS[pool];
      const length = pool === 'trailer' ? spec.trailer!.length : spec.length;
      if (pool !== 'pedestrian') expect(bb.max.x - bb.min.x).toBeCloseTo(length, 3);
      expect(bb.min.x + bb.max.x).toBeCloseTo(0, 3);
      expect(bb.min.y).toBeCloseTo(0, 3);
      const paint = g.getAttribute('paint').array;
      const marked = Array.from(paint).filter((v) => v === 1).length;
      expect(marked).toBeGreaterThan(0);
      expect(marked).toBeLessThan(paint.length);
      g.dispose();
    }
  });

  it('fills one pool per kind each frame, hiding the player and unused instances', () => {
    const base = { isPlayer: false, name: null, speed: 5, accel: 0, lane: null, state: 'moving', steer: 0, brakeLight: false, hasTrailer: false, trailerX: 0, trailerZ: 0, trailerHeading: 0, trailerLength: 0, trailerWidth: 0 } as const;
    const spec = (k: keyof typeof SPECS) => ({ length: SPECS[k].length, width: SPECS[k].width, height: SPECS[k].height });
    const agents: Agent[] = [
      { ...base, ...spec('pedestrian'), id: 1, kind: 'pedestrian', isPlayer: true, x: 0, z: 0, heading: 0 },
      { ...base, ...spec('car'), id: 5, kind: 'car', x: 10, z: -3, heading: Math.PI / 2 },
      { ...base, ...spec('car'), id: 9, kind: 'car', x: -4, z: 8, heading: 0 },
      { ...base, ...spec('semi-trailer'), id: 6, kind: 'semi-trailer', x: 30, z: 2, heading: 0, hasTrailer: true, trailerX: 20.5, trailerZ: 2.5, trailerHeading: 0.1, trailerLength: 13, trailerWidth: 2.5 },
      { ...base, ...spec('ebike'), id: 7, kind: 'ebike', x: 3, z: 3, heading: -1 },
    ];
    const pools = new AgentPools({ capacity: 8 });
    pools.update({ agents });
    expect(Object.fromEntries(AGENT_POOLS.map((p) => [p, pools.count(p)]))).toEqual({ car: 2, bus: 0, truck: 0, tractor: 1, trailer: 1, ebike: 1, pedestrian: 0 });
    const cars = pools.meshes.car.instanceMatrix.array;
    // slot 0: car 5 at (10, −3) heading +z: its +x axis maps to +z
    expect([cars[12], cars[13], cars[14]]).toEqual([10, 0, -3]);
    expect(cars[0]).toBeCloseTo(0);
    expect(cars[2]).toBeCloseTo(1);
    const trailer = pools.meshes.trailer.instanceMatrix.array;
    expect([trailer[12], trailer[14]]).toEqual([20.5, 2.5]);
    expect(trailer[2]).toBeCloseTo(Math.sin(0.1));
    // paint picked by id
    const palette = POOL_PALETTES.car;
    const c = new Color(palette[paletteIndex(9, palette.length)]);
    expect(Array.from(pools.meshes.car.instanceColor!.array.slice(3, 6))).toEqual([c.r, c.g, c.b].map((v) => Math.fround(v)));
    pools.showPlayer = true;
    pools.update({ agents: agents.slice(0, 2) });
    expect(pools.count('pedestrian')).toBe(1);
    expect(pools.count('tractor')).toBe(0);
    // seven pools: seven draw calls whatever the traffic
    expect(AGENT_POOLS.length).toBeLessThanOrEqual(20);
    pools.dispose();
  });

  it('keeps up with a running world without growing', () => {
    const world = createWorld(demoJunction, 7, { player: false });
    const pools = new AgentPools({ capacity: 128 });
    for (let i = 0; i < 40; i++) {
      world.step(0.5);
      pools.update(world);
      const drawn = AGENT_POOLS.filter((p) => p !== 'trailer').reduce((n, p) => n + pools.count(p), 0);
      expect(drawn).toBe(world.agents.length);
    }
    pools.dispose();
  });
});

describe('layout props and dressing', () => {
  const layout = toLayoutDef(demoJunction.layout!);

  it('batches props by model and variant and places signs facing their way', () => {
    const plan = planLayoutProps(layout);
    expect(plan.signs.map((s) => s.sign).sort()).toEqual(['pedestrian-crossing', 'signal-ahead', 'speed-limit-60']);
    const ped = plan.signs.find((s) => s.sign === 'pedestrian-crossing')!;
    expect(Math.cos(-ped.rotationY)).toBeCloseTo(-1); // faces 180°: towards −x, the oncoming traffic
    expect(plan.batches.reduce((n, b) => n + b.matrices.length, 0)).toBe(3);
    expect(new Set(plan.batches.map((b) => b.prop))).toEqual(new Set(['tree', 'building']));
  });

  it('dresses the street off the carriageway, deterministically and in few batches', () => {
    const a = dressStreet(layout);
    expect(a).toEqual(dressStreet(layout));
    expect(a.filter((p) => p.prop === 'tree').length).toBeGreaterThan(20);
    expect(a.filter((p) => p.prop === 'building').length).toBeGreaterThan(8);
    for (const p of a) {
      const [x, z] = p.position;
      // off every carriageway and sidewalk: beyond 12.5 m of both axes' centre lines
      expect(Math.min(Math.abs(x), Math.abs(z))).toBeGreaterThan(12.5);
    }
    const plan = planLayoutProps({ ...layout, props: [...layout.props, ...a] });
    expect(plan.batches.length).toBeLessThanOrEqual(6);
  });
});
