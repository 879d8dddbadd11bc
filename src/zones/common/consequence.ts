// Consequence replays: which serious events get one, and the replay's clock. A near miss followed a
// second later by a hit with the same car is one story, so events whose windows overlap are shown
// as one replay (the worse event's explanation, the union of the windows). The clock runs at real
// speed up to shortly before the moment, in slow motion through it, and at real speed after.
import type { ReplayWindow, ScoredEvent } from './types.ts';

/** slow-motion speed around the moment (0.3 = a second takes 3.3 s) */
export const SLOW_MOTION = 0.3;
/** slow motion starts this long before the moment and ends this long after it, world s */
export const SLOW_BEFORE = 1.5;
export const SLOW_AFTER = 0.5;

export interface Consequence {
  /** the event the explanation is about (the worst of those merged) */
  event: ScoredEvent;
  /** the stretch to replay (windows of merged events joined) */
  replay: ReplayWindow;
}

export class ConsequenceQueue {
  private pending: Consequence[] = [];
  /** world time up to which a replay was already shown */
  private shownUntil = -Infinity;

  /** Take a frame's fresh events; serious ones with a replay window are queued (or merged). */
  offer(events: readonly ScoredEvent[]): void {
    for (const e of events) {
      const w = e.replay;
      if (!e.serious || !w || w.at <= this.shownUntil) continue;
      const last = this.pending[this.pending.length - 1];
      if (last && w.at <= last.replay.to) {
        const worse = e.points < last.event.points;
        last.replay = {
          ...(worse ? w : last.replay),
          from: Math.min(last.replay.from, w.from),
          to: Math.max(last.replay.to, w.to),
        };
        if (worse) last.event = e;
      } else this.pending.push({ event: e, replay: { ...w } });
    }
  }

  /** The next consequence whose window is fully recorded, or null; it leaves the queue. */
  next(ready: (w: ReplayWindow) => boolean): Consequence | null {
    const c = this.pending[0];
    if (!c || !ready(c.replay)) return null;
    this.pending.shift();
    this.shownUntil = c.replay.to;
    return c;
  }

  get size(): number {
    return this.pending.length;
  }

  clear(): void {
    this.pending = [];
  }
}

/** How long the replay of a window takes to watch, real seconds. */
export function replayDuration(w: ReplayWindow): number {
  const a = Math.max(w.from, Math.min(w.to, w.at - SLOW_BEFORE));
  const b = Math.max(a, Math.min(w.to, w.at + SLOW_AFTER));
  return a - w.from + (b - a) / SLOW_MOTION + (w.to - b);
}

/** The world time shown after watching the replay of `w` for `elapsed` real seconds (clamped to its end). */
export function replayTime(w: ReplayWindow, elapsed: number): number {
  const a = Math.max(w.from, Math.min(w.to, w.at - SLOW_BEFORE));
  const b = Math.max(a, Math.min(w.to, w.at + SLOW_AFTER));
  let left = Math.max(0, elapsed);
  if (left <= a - w.from) return w.from + left;
  left -= a - w.from;
  if (left <= (b - a) / SLOW_MOTION) return a + left * SLOW_MOTION;
  left -= (b - a) / SLOW_MOTION;
  return Math.min(w.to, b + left);
}

/** Is the replay played to its end? */
export function replayOver(w: ReplayWindow, elapsed: number): boolean {
  return elapsed >= replayDuration(w) - 1e-9;
}
