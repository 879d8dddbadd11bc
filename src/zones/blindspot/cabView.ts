// Looking out of the cab: where the mirrors hang (the same spots the 3D cab draws them at), which one
// the driver is looking at from the head's yaw and pitch, and how long each has been looked at. The
// mirrors' fields of view are the sim's (CabSpec.mirrors); only their mounting heights are added
// here, so main and wide-angle mirrors on the same arm can be told apart by looking up or down.
import type { CabSpec } from '../../sim/geometry/blindZone.ts';

export interface MirrorMount {
  name: string;
  /** cab frame: metres ahead of the front bumper (≤ 0), to the right of the middle, above the ground */
  u: number;
  v: number;
  y: number;
}

/** main mirrors (class II) sit above the wide-angle ones (class IV) on each arm, m below the eye */
const DROP: Record<string, number> = { 'left-main': 0.2, 'right-main': 0.2, 'left-wide': 0.8, 'right-wide': 0.8 };

export function mirrorMounts(cab: CabSpec): MirrorMount[] {
  return cab.mirrors.map((m) => ({ name: m.name, u: -m.back, v: m.lateral, y: cab.eyeHeight - (DROP[m.name] ?? 0.4) }));
}

export interface LookTarget {
  name: string;
  /** from the driver's eye, relative to the truck's heading: yaw (+ right) and pitch (+ up), rad */
  yaw: number;
  pitch: number;
}

export function lookTargets(cab: CabSpec): LookTarget[] {
  const eu = -cab.eyeBack, ev = cab.eyeLateral;
  return mirrorMounts(cab).map((m) => {
    const du = m.u - eu, dv = m.v - ev, dy = m.y - cab.eyeHeight;
    return { name: m.name, yaw: Math.atan2(dv, du), pitch: Math.atan2(dy, Math.hypot(du, dv)) };
  });
}

/** angle between two directions given as yaw and pitch, rad */
export function angleBetween(yaw0: number, pitch0: number, yaw1: number, pitch1: number): number {
  const c0 = Math.cos(pitch0), c1 = Math.cos(pitch1);
  const dot = c0 * c1 * Math.cos(yaw0 - yaw1) + Math.sin(pitch0) * Math.sin(pitch1);
  return Math.acos(Math.max(-1, Math.min(1, dot)));
}

/** a mirror is looked at when the gaze is within this of it (and nearer it than any other), rad */
export const LOOK_CONE = (12 * Math.PI) / 180;

/**
 * The mirror the driver is looking at, from the gaze relative to the truck (yaw + right, pitch +
 * up), or null. An unknown pitch (NaN: a screen that only turns) counts as level.
 */
export function lookingAt(targets: readonly LookTarget[], yaw: number, pitch: number): string | null {
  if (Number.isNaN(yaw)) return null;
  const p = Number.isNaN(pitch) ? 0 : pitch;
  let best: string | null = null;
  let bestAngle = LOOK_CONE;
  for (const t of targets) {
    // with no pitch known, only the direction counts (a main and a wide mirror share an arm)
    const a = Number.isNaN(pitch) ? Math.abs(Math.atan2(Math.sin(yaw - t.yaw), Math.cos(yaw - t.yaw))) : angleBetween(yaw, p, t.yaw, t.pitch);
    if (a <= bestAngle) {
      bestAngle = a;
      best = t.name;
    }
  }
  return best;
}

/**
 * Every mirror the gaze is on: with a pitch, the one `lookingAt` finds; with none (a screen, or a
 * headset whose pitch is not read) both glasses of the arm the gaze is on, since the eye takes in
 * a main mirror and the wide one under it in one glance. `out` is refilled.
 */
export function lookedAt(targets: readonly LookTarget[], yaw: number, pitch: number, out: string[] = []): string[] {
  out.length = 0;
  if (Number.isNaN(yaw)) return out;
  if (!Number.isNaN(pitch)) {
    const one = lookingAt(targets, yaw, pitch);
    if (one) out.push(one);
    return out;
  }
  for (const t of targets) if (Math.abs(Math.atan2(Math.sin(yaw - t.yaw), Math.cos(yaw - t.yaw))) <= LOOK_CONE) out.push(t.name);
  return out;
}

/** looked at this long, s, a mirror counts as checked */
export const CHECK_DWELL = 0.4;

/** Per mirror: how long it has been looked at in one go, and when it was last checked. */
export class MirrorChecks {
  private readonly dwell = new Map<string, number>();
  private readonly checked = new Map<string, number>();
  private current: string[] = [];

  constructor(readonly names: readonly string[]) {}

  /** The gaze rested on `name` (or nothing) for dt seconds, ending at time t. */
  update(t: number, dt: number, name: string | null): void {
    this.updateAll(t, dt, name ? [name] : []);
  }

  /** The gaze rested on these mirrors (maybe none) for dt seconds, ending at time t. */
  updateAll(t: number, dt: number, names: readonly string[]): void {
    for (const n of this.current) if (!names.includes(n)) this.dwell.set(n, 0);
    this.current = [...names];
    for (const name of names) {
      const d = (this.dwell.get(name) ?? 0) + dt;
      this.dwell.set(name, d);
      if (d >= CHECK_DWELL) this.checked.set(name, t);
    }
  }

  /** when the mirror was last checked, NaN never */
  lastChecked(name: string): number {
    return this.checked.get(name) ?? NaN;
  }

  /** mirrors checked at or after time t */
  checkedSince(t: number): string[] {
    return this.names.filter((n) => (this.checked.get(n) ?? -Infinity) >= t);
  }

  /** the mirror looked at (the first, when the gaze takes in an arm's two) */
  get looking(): string | null {
    return this.current[0] ?? null;
  }

  /** every mirror looked at now */
  get lookingAll(): readonly string[] {
    return this.current;
  }
}
