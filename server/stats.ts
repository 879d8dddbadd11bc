// Hall statistics on the server: the same pure functions the staff console uses on a device
// (src/scoring/stats.ts), over every device's uploaded attempts. Which events count as unsafe comes
// from the zones' scoring tables (scenes/<zone>.json), as on the device.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StatsPeriod } from '../src/hall/protocol.ts';
import { hallStats, lastDays, unsafeKindsFromScoring, windowPeriod, type HallStats, type Period, type UnsafeRule } from '../src/scoring/stats.ts';
import type { Attempt } from '../src/storage/types.ts';

const scoringOnly = z.object({ scoring: z.object({ events: z.record(z.string(), z.object({ points: z.number() })) }).optional() });

/** Unsafe event kinds: those that cost points in some zone's scoring table. */
export function unsafeRuleFromScenes(scenesDir: string): UnsafeRule {
  const kinds = new Set<string>();
  for (const f of readdirSync(scenesDir).filter((n) => n.endsWith('.json') && n !== 'hall.json')) {
    const r = scoringOnly.safeParse(JSON.parse(readFileSync(join(scenesDir, f), 'utf8')));
    if (r.success && r.data.scoring) unsafeKindsFromScoring(r.data.scoring).forEach((k) => kinds.add(k));
  }
  return { unsafe: [...kinds].sort() };
}

/** The staff console's periods, cut at the hall's local midnight (UTC+8). */
export function statsPeriod(period: StatsPeriod, now: number): Period {
  return period === 'days30' ? lastDays(30, now) : windowPeriod(period, now);
}

/** HallStats with its open period ends as null (JSON has no Infinity). */
export type HallStatsJson = Omit<HallStats, 'period'> & { period: { from: number | null; to: number | null } };

export function statsJson(attempts: readonly Attempt[], period: Period, unsafe: UnsafeRule, mode?: Attempt['mode']): HallStatsJson {
  const s = hallStats(attempts, { period, mode, unsafe, top: 10 });
  return { ...s, period: { from: Number.isFinite(period.from) ? period.from : null, to: Number.isFinite(period.to) ? period.to : null } };
}
