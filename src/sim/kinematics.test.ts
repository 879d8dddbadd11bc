import { describe, expect, it } from 'vitest';
import { straightRoad } from './fixtures/straightRoad.ts';
import { idmAccel, integrate, stoppingDistance } from './kinematics.ts';
import { createWorld } from './world.ts';

// facts.md 5.16, as printed: speed, reaction distance at 1.0 s and 1.5 s, braking distance on dry
// road (a = 7 m/s²), and the wet total (a = 4, 1.5 s) where given.
const TABLE = [
  { kmh: 25, r10: 6.9, r15: 10.4, brake: 3.4, wet: null },
  { kmh: 30, r10: 8.3, r15: 12.5, brake: 5.0, wet: 21 },
  { kmh: 50, r10: 13.9, r15: 20.8, brake: 13.8, wet: 45 },
  { kmh: 60, r10: 16.7, r15: 25.0, brake: 19.8, wet: 60 },
  { kmh: 80, r10: 22.2, r15: 33.3, brake: 35.3, wet: 95 },
  { kmh: 100, r10: 27.8, r15: 41.7, brake: 55.1, wet: null },
  { kmh: 120, r10: 33.3, r15: 50.0, brake: 79.4, wet: null },
] as const;

const within = (actual: number, expected: number, rel: number) => Math.abs(actual - expected) / expected <= rel;

/** Drive a car at `kmh` down a straight road, brake it hard at t = 1 s, return metres to standstill. */
function simulatedStop(kmh: number, reaction: number, decel: number): number {
  const world = createWorld(
    {
      layout: straightRoad({ length: 500, speedLimit: 130 }),
      actors: [{ type: 'named', id: 'car', kind: 'car', route: ['e-1'], speed: kmh, startAt: 20 }],
      script: [{ at: 1, do: [{ type: 'brake_hard', actor: 'car', decel, reaction }] }],
    },
    1,
    { player: false },
  );
  let startX = NaN;
  for (let i = 0; i < 60 * 30; i++) {
    world.step(1 / 60);
    for (const e of world.drainEvents()) if (e.kind === 'hard_braking') startX = e.x;
    const car = world.agents[0]!;
    if (!Number.isNaN(startX) && car.speed === 0) return car.x - startX;
  }
  throw new Error('the car never stopped');
}

describe('stoppingDistance (facts 5.16: v·t + v²/(2a))', () => {
  it('is the reaction distance plus the braking distance', () => {
    expect(stoppingDistance(60, 1, 7)).toBeCloseTo(16.667 + 19.841, 2);
    expect(stoppingDistance(50, 0, 7)).toBeCloseTo(13.78, 2);
    expect(stoppingDistance(0, 1.5, 7)).toBe(0);
  });

  it.each(TABLE)('matches the printed table at $kmh km/h within 2 %', (row) => {
    expect(within(stoppingDistance(row.kmh, 1.0, 7), row.r10 + row.brake, 0.02)).toBe(true);
    expect(within(stoppingDistance(row.kmh, 1.5, 7), row.r15 + row.brake, 0.02)).toBe(true);
    if (row.wet !== null) expect(within(stoppingDistance(row.kmh, 1.5, 4), row.wet, 0.02)).toBe(true);
  });

  it('quadruples the braking distance when the speed doubles', () => {
    expect(stoppingDistance(100, 0, 7) / stoppingDistance(50, 0, 7)).toBeCloseTo(4, 6);
  });
});

describe('simulated braking reproduces the table', () => {
  it.each(TABLE)('a car braking from $kmh km/h stops where the table says (1.0 s and 1.5 s, dry)', (row) => {
    for (const [reaction, printed] of [[1.0, row.r10 + row.brake], [1.5, row.r15 + row.brake]] as const) {
      const d = simulatedStop(row.kmh, reaction, 7);
      expect(within(d, printed, 0.02), `${row.kmh} km/h, ${reaction} s: simulated ${d.toFixed(2)} m vs table ${printed} m`).toBe(true);
      // and the integration itself is exact, not merely close
      expect(d).toBeCloseTo(stoppingDistance(row.kmh, reaction, 7), 1);
    }
  });

  it.each(TABLE.filter((r) => r.wet !== null))('wet road (a = 4 m/s², 1.5 s) from $kmh km/h', (row) => {
    const d = simulatedStop(row.kmh, 1.5, 4);
    expect(within(d, row.wet!, 0.02)).toBe(true);
  });

  it('an extra 0.5 s of reaction (drink, distraction) adds about 7 m at 50 km/h and 8 m at 60 (facts 5.17)', () => {
    expect(simulatedStop(50, 1.5, 7) - simulatedStop(50, 1.0, 7)).toBeCloseTo(6.94, 1);
    expect(simulatedStop(60, 1.5, 7) - simulatedStop(60, 1.0, 7)).toBeCloseTo(8.33, 1);
  });
});

describe('integrate', () => {
  it('stops exactly at v²/(2a) when the speed reaches zero inside a step', () => {
    const m = { ds: 0, v: 0 };
    integrate(1, -7, 1, m);
    expect(m.v).toBe(0);
    expect(m.ds).toBeCloseTo(1 / 14, 10);
  });
});

describe('IDM', () => {
  const p = { v0: 15, T: 1.4, s0: 2, a: 1.5, b: 2.5 };
  it('accelerates on a free road and holds the desired speed', () => {
    expect(idmAccel(0, Infinity, 0, p)).toBeCloseTo(1.5);
    expect(idmAccel(15, Infinity, 0, p)).toBeCloseTo(0);
  });
  it('brakes for a standing obstacle, harder when closer', () => {
    const far = idmAccel(10, 60, 0, p);
    const near = idmAccel(10, 15, 0, p);
    expect(near).toBeLessThan(far);
    expect(near).toBeLessThan(-2.5);
  });
});
