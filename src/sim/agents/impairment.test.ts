import { describe, expect, it } from 'vitest';
import { ImpairedControls, impairedAdapter, SOBER, type ImpairmentParams } from './impairment.ts';
import { blankInput } from './player.ts';

const DT = 1 / 60;
const only = (p: Partial<ImpairmentParams>): ImpairmentParams => ({ ...SOBER, ...p });

/** feed `ask(t)` step by step and return what comes out, one entry per step */
function play(f: ImpairedControls, seconds: number, ask: (t: number) => { throttle?: number; brake?: number; steer?: number }) {
  const out: { t: number; throttle: number; brake: number; steer: number }[] = [];
  for (let i = 0; i < Math.round(seconds / DT); i++) {
    const t = i * DT;
    const inp = { ...blankInput(), ...ask(t) };
    f.apply(inp);
    out.push({ t, throttle: inp.throttle, brake: inp.brake, steer: inp.steer });
  }
  return out;
}

/** first time from `from` on that the output brake reaches half */
const brakeAt = (rows: { t: number; brake: number }[], from = 0) => rows.find((r) => r.t >= from && r.brake >= 0.5)?.t ?? NaN;

describe('impaired controls (the drunk zone demonstration model)', () => {
  it('sober: passes the input through unchanged', () => {
    const f = new ImpairedControls(SOBER, 1, DT);
    expect(f.sober).toBe(true);
    const rows = play(f, 2, (t) => ({ throttle: 0.4, brake: t > 1 ? 1 : 0, steer: Math.sin(t) }));
    expect(rows[90]).toMatchObject({ throttle: 0.4, brake: 1, steer: Math.sin(90 * DT) });
  });

  it('a fixed delay: the brake acts that much later, and nothing acts before the start', () => {
    const f = new ImpairedControls(only({ delay: 0.5 }), 1, DT);
    const rows = play(f, 3, (t) => ({ brake: t >= 1 ? 1 : 0, throttle: 1 }));
    expect(brakeAt(rows)).toBeCloseTo(1.5, 1);
    // the throttle pressed from the first step arrives half a second late too
    expect(rows[10]!.throttle).toBe(0);
    expect(rows[40]!.throttle).toBe(1);
  });

  it('a wandering delay: later on average, and different from one moment to the next', () => {
    const f = new ImpairedControls(only({ delay: 0.5, delayJitter: 0.25, delayEvery: 1 }), 7, DT);
    const lags: number[] = [];
    // press the brake again and again (1 s off, 2 s on), see when it acts each time
    for (let k = 0; k < 12; k++) lags.push(brakeAt(play(f, 3, (t) => ({ brake: t >= 1 ? 1 : 0 })), 1) - 1);
    for (const l of lags) {
      expect(l).toBeGreaterThanOrEqual(0.25 - 0.02);
      expect(l).toBeLessThanOrEqual(0.75 + 0.02);
    }
    expect(Math.max(...lags) - Math.min(...lags)).toBeGreaterThan(0.1);
  });

  it('the delay never moves so fast that the controls replay the past backwards', () => {
    const f = new ImpairedControls(only({ delay: 0.6, delayJitter: 0.6, delayEvery: 0.2 }), 3, DT);
    // a ramp in: a ramp out that never goes down
    const rows = play(f, 10, (t) => ({ throttle: Math.min(1, t / 10) }));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.throttle).toBeGreaterThanOrEqual(rows[i - 1]!.throttle - 1e-12);
  });

  it('steering drifts by itself around zero, and the wheel follows the hands sluggishly', () => {
    const drift = play(new ImpairedControls(only({ steerDrift: 0.06, driftTime: 1.5 }), 5, DT), 60, () => ({}));
    const sd = Math.sqrt(drift.reduce((s, r) => s + r.steer * r.steer, 0) / drift.length);
    expect(sd).toBeGreaterThan(0.02);
    expect(sd).toBeLessThan(0.15);
    const mean = drift.reduce((s, r) => s + r.steer, 0) / drift.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);

    const lag = play(new ImpairedControls(only({ steerLag: 0.4 }), 5, DT), 2, (t) => ({ steer: t >= 0.5 ? 1 : 0 }));
    const at = (t: number) => lag[Math.round(t / DT)]!.steer;
    // a first-order lag: about 63 % of the way after one time constant, in the right direction
    expect(at(0.9)).toBeGreaterThan(0.55);
    expect(at(0.9)).toBeLessThan(0.72);
    expect(at(1.9)).toBeGreaterThan(0.95);
  });

  it('brake pressure wavers below what the foot asks, never above', () => {
    const rows = play(new ImpairedControls(only({ brakeNoise: 0.2 }), 9, DT), 5, () => ({ brake: 1 }));
    for (const r of rows) {
      expect(r.brake).toBeLessThanOrEqual(1);
      expect(r.brake).toBeGreaterThanOrEqual(0.8 - 1e-9);
    }
    expect(new Set(rows.map((r) => r.brake.toFixed(3))).size).toBeGreaterThan(10);
  });

  it('is deterministic for a seed, and another seed wanders differently', () => {
    const p = only({ delay: 0.5, delayJitter: 0.2, delayEvery: 1, steerDrift: 0.05, steerLag: 0.3, brakeNoise: 0.1 });
    const ask = (t: number) => ({ throttle: t < 3 ? 1 : 0, brake: t > 5 ? 1 : 0, steer: Math.sin(t) * 0.3 });
    const a = play(new ImpairedControls(p, 42, DT), 10, ask);
    expect(play(new ImpairedControls(p, 42, DT), 10, ask)).toEqual(a);
    expect(play(new ImpairedControls(p, 43, DT), 10, ask)).not.toEqual(a);
  });

  it('rejects a jitter larger than the delay (a negative delay)', () => {
    expect(() => new ImpairedControls(only({ delay: 0.2, delayJitter: 0.3 }), 1, DT)).toThrow(/delayJitter/);
  });

  it('wraps an input adapter; a null filter leaves it alone', () => {
    let filter: ImpairedControls | null = null;
    const a = impairedAdapter({ read: (_t, out) => void (out.brake = 1) }, () => filter);
    const out = blankInput();
    a.read(0, out);
    expect(out.brake).toBe(1);
    filter = new ImpairedControls(only({ delay: 0.5 }), 1, DT);
    a.read(0, out);
    expect(out.brake).toBe(0);
  });
});
