// Hints are texts the zone file already has: a feedback kind's `instead` (else its `rule`), or a
// task's title. The same hint is the same object every frame (no allocation per frame, and the UI
// can tell a new hint by identity).
import type { Localized } from '../../content/schema.ts';
import type { Feedback, Hint } from './types.ts';

const byFeedback = new WeakMap<Record<string, Feedback>, Map<string, Hint | null>>();
const byTitle = new WeakMap<Localized, Hint>();

export function hintFromFeedback(feedback: Record<string, Feedback>, kind: string): Hint | null {
  let m = byFeedback.get(feedback);
  if (!m) byFeedback.set(feedback, (m = new Map()));
  let h = m.get(kind);
  if (h === undefined) {
    const f = feedback[kind];
    h = f ? { kind, text: f.instead ?? f.rule } : null;
    m.set(kind, h);
  }
  return h;
}

export function hintFromTitle(title: Localized): Hint {
  let h = byTitle.get(title);
  if (!h) byTitle.set(title, (h = { kind: 'task', text: title }));
  return h;
}
