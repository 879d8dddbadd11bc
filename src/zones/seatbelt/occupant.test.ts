// The crash model against the fact sheet: facts 5.8 (a 20 km/h crash test: the unbelted dummy's head
// about 22 g, the belted one's about 11 g) and 5.9 (at 50 km/h about 33 g over about 0.3 m against the
// wheel unbelted, about 16 g over about 0.6 m belted; the equivalent fall heights), each within its
// own "about"; and the behaviour the zone teaches: without a belt the body keeps the car's speed
// until it meets the wheel, with one it slows down with the car; arms cannot hold a small child.
import { describe, expect, it } from 'vitest';
import { crashOf, SEATS } from './model.ts';
import { fallHeight, sampleAt, simulateCrash, type CrashRun } from './occupant.ts';

/** within ±share of the figure */
const about = (actual: number, figure: number, share: number): boolean => Math.abs(actual - figure) <= figure * share;
const driver = (restraint: 'belt' | 'none', kmh: number): CrashRun => crashOf({ body: 'adult', seat: 'driver', restraint }, kmh);

describe('facts 5.8: crash test at 20 km/h (secondary source, "about"; held to ±30 %)', () => {
  const belted = driver('belt', 20).metrics;
  const unbelted = driver('none', 20).metrics;
  it('unbelted head about 22 g, belted about 11 g', () => {
    expect(about(unbelted.headPeakG, 22, 0.3), `unbelted ${unbelted.headPeakG} g`).toBe(true);
    expect(about(belted.headPeakG, 11, 0.3), `belted ${belted.headPeakG} g`).toBe(true);
  });
  it('the unbelted head takes far more than the belted one', () => {
    expect(unbelted.headPeakG / belted.headPeakG).toBeGreaterThan(1.5);
  });
});

describe('facts 5.9: 50 km/h (calculation, "about"; held to ±25 %)', () => {
  const v = 50 / 3.6;
  const belted = driver('belt', 50).metrics;
  const unbelted = driver('none', 50).metrics;
  it('unbelted: meets the wheel at the pre-crash speed and stops within about 0.3 m, about 33 g', () => {
    expect(unbelted.hitPart).toBe('chest');
    expect(unbelted.hitSpeed!).toBeGreaterThan(0.95 * v);
    expect(about(unbelted.hitStop!, 0.3, 0.25), `${unbelted.hitStop} m`).toBe(true);
    expect(about(unbelted.hitMeanG!, 33, 0.25), `${unbelted.hitMeanG} g`).toBe(true);
  });
  it('belted: slows with the crumple zone over about 0.6 m, about 16 g, and meets nothing', () => {
    expect(belted.hitT).toBeNull();
    expect(about(belted.chestStop, 0.6, 0.25), `${belted.chestStop} m`).toBe(true);
    expect(about(belted.chestMeanG, 16, 0.25), `${belted.chestMeanG} g`).toBe(true);
    // the average is v²/(2d), the calculation 5.9 makes
    expect(belted.chestMeanG).toBeCloseTo((v * v) / (2 * belted.chestStop) / 9.81, 0);
  });
  it('equivalent fall heights: 30 km/h ≈ 3.5 m, 50 ≈ 9.8 m, 60 ≈ 14 m', () => {
    expect(fallHeight(30)).toBeCloseTo(3.5, 1);
    expect(fallHeight(50)).toBeCloseTo(9.8, 1);
    expect(fallHeight(60)).toBeCloseTo(14.2, 1);
    expect(unbelted.fallHeight).toBe(9.83);
  });
});

describe('what the crash shows', () => {
  it('unbelted, the chest keeps the pre-crash speed over the ground until it meets the wheel (at every speed offered)', () => {
    for (const kmh of [20, 30, 50, 60]) {
      const run = driver('none', kmh);
      const v0 = kmh / 3.6;
      const hit = run.metrics.hitT!;
      expect(hit).toBeGreaterThan(0.03);
      for (const s of run.samples) if (s.t < hit) expect(s.chestV, `${kmh} km/h at ${s.t} s`).toBeGreaterThan(0.9 * v0);
      // while the car has already stopped, or nearly
      expect(sampleAt(run, hit).carV).toBeLessThan(0.35 * v0);
    }
  });

  it('belted, the chest slows down with the car: never far ahead of it in speed, and only centimetres forward in the car', () => {
    for (const kmh of [20, 30, 50]) {
      const run = driver('belt', kmh);
      const v0 = kmh / 3.6;
      let lagSum = 0;
      for (const s of run.samples) if (s.carV > 0) lagSum += s.chestV - s.carV;
      const carStops = run.samples.findIndex((s) => s.carV === 0);
      expect(lagSum / carStops, `${kmh} km/h: mean speed over the car's`).toBeLessThan(0.3 * v0);
      expect(run.metrics.chestStop - run.metrics.crush).toBeLessThan(SEATS.driver.chest * 0.75);
      expect(run.metrics.headExcursion).toBeLessThan(SEATS.driver.head);
    }
  });

  it('the car crushes in proportion to the speed, about half a metre at 50 km/h', () => {
    const c20 = driver('belt', 20).metrics.crush, c50 = driver('belt', 50).metrics.crush;
    expect(c50).toBeGreaterThan(0.4);
    expect(c50).toBeLessThan(0.65);
    expect(c50 / c20).toBeCloseTo(2.5, 1);
  });

  it('a small child held in arms: the arms let go and the child meets the seat in front at about the car\'s speed; in a child seat it meets nothing', () => {
    for (const seat of ['rear-child', 'front-child'] as const) {
      const arms = crashOf({ body: 'toddler', seat, restraint: 'arms' }, 30).metrics;
      const chair = crashOf({ body: 'toddler', seat, restraint: 'child-seat' }, 30).metrics;
      expect(arms.armsLetGo).toBe(true);
      expect(arms.hitPart).toBe('head');
      expect(arms.hitSpeed!).toBeGreaterThan(0.9 * (30 / 3.6));
      expect(chair.hitT).toBeNull();
      expect(chair.headPeakG).toBeLessThan(arms.headPeakG / 2);
    }
  });

  it('the child in the back seat, unbelted, flies into the seat in front; belted, it does not', () => {
    const none = crashOf({ body: 'child', seat: 'rear', restraint: 'none' }, 30).metrics;
    const belt = crashOf({ body: 'child', seat: 'rear', restraint: 'belt' }, 30).metrics;
    expect(none.hitPart).toBe('head');
    expect(belt.hitT).toBeNull();
  });

  it('is deterministic and samples every millisecond from the impact', () => {
    const a = driver('none', 30);
    const b = simulateCrash(a.setup);
    expect(b.samples).toEqual(a.samples);
    expect(a.sampleDt).toBeCloseTo(0.001, 9);
    expect(a.samples[0]!.t).toBe(0);
    expect(a.samples[0]!.carV).toBeCloseTo(30 / 3.6, 9);
    expect(sampleAt(a, -1)).toBe(a.samples[0]);
    expect(sampleAt(a, 99)).toBe(a.samples[a.samples.length - 1]);
    expect(sampleAt(a, 0.0505).t).toBeCloseTo(0.05, 6);
  });
});
