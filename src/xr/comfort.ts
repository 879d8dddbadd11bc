// Effective comfort settings: the visitor's own choices over their group's preset.
import type { Group } from '../content/schema.ts';
import type { Comfort } from '../storage/types.ts';

export const DEFAULT_COMFORT: Comfort = { snapDegrees: 45, vignette: false, seated: false, smoothMove: false };

/** Standing eye height the hall is laid out for, and how much a seated visitor is lifted. */
export const SEATED_LIFT_M = 0.45;

export function effectiveComfort(group: Group | undefined, own: Partial<Comfort> | undefined): Comfort {
  const preset = group ? { ...DEFAULT_COMFORT, ...group.defaults.comfort } : DEFAULT_COMFORT;
  return { ...preset, ...own };
}
