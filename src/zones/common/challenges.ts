// A zone's `challenges` are its tasks (and what competitions may run alone): each has an id, a
// kind, a localised title and kind-specific params. A zone reads the challenges of a kind with a
// zod schema for their params, so a bad one is reported as `challenges[i].params.<field>: problem`.
import type { z } from 'zod';
import type { Localized, ZoneDef } from '../../content/schema.ts';

export interface Challenge<P> {
  id: string;
  kind: string;
  title: Localized;
  params: P;
}

export function challengesOf<P>(zone: ZoneDef, kind: string, schema: z.ZodType<P>): Challenge<P>[] {
  const out: Challenge<P>[] = [];
  const problems: string[] = [];
  (zone.challenges ?? []).forEach((c, i) => {
    if (c.kind !== kind) return;
    const r = schema.safeParse(c.params ?? {});
    if (r.success) out.push({ id: c.id, kind: c.kind, title: c.title, params: r.data });
    else
      for (const issue of r.error.issues)
        problems.push(`scenes/${zone.id}.json: challenges[${i}].params${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`);
  });
  if (problems.length) throw new Error(problems.join('\n'));
  return out;
}

/** [xMin, zMin, xMax, zMax] contains (x, z) */
export const inRect = (r: readonly [number, number, number, number], x: number, z: number): boolean =>
  x >= r[0] && x <= r[2] && z >= r[1] && z <= r[3];
