// Consequence replays: overlapping serious events are one replay about the worse one; a replay is
// shown once, only when recorded to its end; its clock slows down around the moment.
import { describe, expect, it } from 'vitest';
import { ConsequenceQueue, replayDuration, replayOver, replayTime, SLOW_MOTION } from './consequence.ts';
import type { ReplayWindow, ScoredEvent } from './types.ts';

const L = (s: string) => ({ 'zh-Hans': s, en: s });
const win = (at: number, focusAgent = 5): ReplayWindow => ({ from: at - 4, to: at + 1.5, at, focusAgent, target: 1, viewpoint: 'driver' });
const ev = (kind: string, points: number, w?: ReplayWindow, serious = true): ScoredEvent => ({
  kind,
  t: w?.at ?? 0,
  points,
  serious,
  task: null,
  details: {},
  feedback: { message: L(kind), rule: L('r'), source: { facts: ['1.1'], law: L('law') } },
  ...(w ? { replay: w } : {}),
});
const always = () => true;

describe('ConsequenceQueue', () => {
  it('queues only serious events with a replay window', () => {
    const q = new ConsequenceQueue();
    q.offer([ev('entered_on_red', -20), ev('near_miss', -20, undefined), ev('odd', -5, win(3), false)]);
    expect(q.size).toBe(0);
    q.offer([ev('near_miss', -20, win(10))]);
    expect(q.size).toBe(1);
  });

  it('merges a hit right after a near miss into one replay about the hit, covering both', () => {
    const q = new ConsequenceQueue();
    q.offer([ev('near_miss', -20, win(41.6))]);
    q.offer([ev('collision', -40, win(43.1))]);
    expect(q.size).toBe(1);
    const c = q.next(always)!;
    expect(c.event.kind).toBe('collision');
    expect(c.replay.from).toBeCloseTo(37.6);
    expect(c.replay.to).toBeCloseTo(44.6);
    expect(c.replay.at).toBeCloseTo(43.1);
  });

  it('keeps the worse event when a milder one follows, and separate moments apart', () => {
    const q = new ConsequenceQueue();
    q.offer([ev('collision', -40, win(10)), ev('near_miss', -20, win(11))]);
    q.offer([ev('near_miss', -20, win(30))]);
    expect(q.size).toBe(2);
    expect(q.next(always)!.event.kind).toBe('collision');
    expect(q.next(always)!.event.t).toBe(30);
    expect(q.next(always)).toBeNull();
  });

  it('waits until the window is recorded, and shows a moment only once', () => {
    const q = new ConsequenceQueue();
    q.offer([ev('near_miss', -20, win(10))]);
    let worldTime = 10.5;
    const ready = (w: ReplayWindow) => worldTime >= w.to;
    expect(q.next(ready)).toBeNull();
    worldTime = 11.6;
    expect(q.next(ready)!.event.kind).toBe('near_miss');
    // the same moment reported again (a late detector) is not replayed twice
    q.offer([ev('near_miss', -20, win(11))]);
    expect(q.size).toBe(0);
    q.clear();
    expect(q.next(always)).toBeNull();
  });
});

describe('replay clock', () => {
  const w = win(10); // 6 .. 11.5
  it('runs at real speed, then slowly through the moment, then at real speed', () => {
    expect(replayTime(w, 0)).toBe(6);
    expect(replayTime(w, 2.5)).toBeCloseTo(8.5);
    // 1 s of watching inside the slow part shows SLOW_MOTION s of the world
    expect(replayTime(w, 3.5) - replayTime(w, 2.5)).toBeCloseTo(SLOW_MOTION);
    const d = replayDuration(w);
    expect(d).toBeCloseTo(2.5 + 2 / SLOW_MOTION + 1);
    expect(replayTime(w, d)).toBeCloseTo(11.5);
    expect(replayTime(w, d + 5)).toBe(11.5);
    expect(replayOver(w, d - 0.1)).toBe(false);
    expect(replayOver(w, d)).toBe(true);
  });

  it('copes with a window cut short by the buffer', () => {
    const short: ReplayWindow = { ...w, from: 9.5 };
    expect(replayTime(short, 0)).toBe(9.5);
    expect(replayDuration(short)).toBeCloseTo(1 / SLOW_MOTION + 1);
    expect(replayTime(short, replayDuration(short))).toBeCloseTo(11.5);
  });
});
