// The pre-ride checklist: a challenge of kind 'checklist' in scenes/ebike.json lists items (helmet,
// passenger, the bike itself), each with options; every option names the event kind it scores
// (and another for a rider aged 16–17 where the passenger rules differ, facts 2.4). The visitor
// picks one option per item, may change their mind, and confirms; then the choices are scored.
import { z } from 'zod';
import type { Localized, ZoneDef } from '../../content/schema.ts';
import { localizedSchema } from '../../content/schema.ts';
import { challengesOf, type Challenge } from '../common/challenges.ts';

const kind = z.string().regex(/^[a-z_]+$/, 'event kinds are snake_case');

export const checklistSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: z.string().min(1),
            prompt: localizedSchema,
            options: z
              .array(
                z
                  .object({
                    id: z.string().min(1),
                    label: localizedSchema,
                    /** the event kind this choice scores */
                    event: kind,
                    /** the kind instead when the visitor plays a rider aged 16–17 */
                    minorEvent: kind.optional(),
                  })
                  .strict(),
              )
              .min(2),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ChecklistParams = z.infer<typeof checklistSchema>;

export const CHECKLIST_KIND = 'checklist';
/** the child's game: the same shape, from the passenger's and pedestrian's side */
export const PASSENGER_KIND = 'passenger-checklist';

export interface ChecklistItemView {
  id: string;
  prompt: Localized;
  options: { id: string; label: Localized }[];
  /** the option chosen so far, or null */
  chosen: string | null;
}

export function readChecklist(zone: ZoneDef, kind: string = CHECKLIST_KIND): Challenge<ChecklistParams> {
  const c = challengesOf(zone, kind, checklistSchema)[0];
  if (!c) throw new Error(`scenes/${zone.id}.json: challenges: no challenge of kind "${kind}"`);
  return c;
}

export class Checklist {
  private readonly chosen = new Map<string, string>();

  constructor(readonly challenge: Challenge<ChecklistParams>) {}

  get items(): ChecklistItemView[] {
    return this.challenge.params.items.map((it) => ({
      id: it.id,
      prompt: it.prompt,
      options: it.options.map((o) => ({ id: o.id, label: o.label })),
      chosen: this.chosen.get(it.id) ?? null,
    }));
  }

  get complete(): boolean {
    return this.challenge.params.items.every((it) => this.chosen.has(it.id));
  }

  /** Pick an option (again, to change one's mind); throws on unknown ids. */
  choose(itemId: string, optionId: string): void {
    const item = this.challenge.params.items.find((it) => it.id === itemId);
    if (!item) throw new Error(`checklist: unknown item "${itemId}"`);
    if (!item.options.some((o) => o.id === optionId)) throw new Error(`checklist: item "${itemId}" has no option "${optionId}"`);
    this.chosen.set(itemId, optionId);
  }

  /** The event kind each item's choice scores, in item order. */
  outcome(minorRider: boolean): { item: string; option: string; kind: string }[] {
    return this.challenge.params.items.map((it) => {
      const id = this.chosen.get(it.id);
      const o = it.options.find((x) => x.id === id);
      if (!o) throw new Error(`checklist: item "${it.id}" has no choice yet`);
      return { item: it.id, option: o.id, kind: minorRider && o.minorEvent ? o.minorEvent : o.event };
    });
  }

  /** Every event kind an option can score (the zone file must score and explain each). */
  allKinds(): string[] {
    return [...new Set(this.challenge.params.items.flatMap((it) => it.options.flatMap((o) => [o.event, ...(o.minorEvent ? [o.minorEvent] : [])])))];
  }
}
