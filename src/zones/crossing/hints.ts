// Hints for groups that get them (child, senior): what to do next, in the zone file's own words —
// the `instead` (else the `rule`) of the feedback for the mistake about to be made, or the task's
// title when the visitor still has to walk to the crossing.
import { hintFromFeedback, hintFromTitle } from '../common/hints.ts';
import type { Feedback, Hint } from '../common/types.ts';
import type { CrossTask } from './tasks.ts';
import type { Observation } from './watch.ts';

export interface HintState {
  task: CrossTask | null;
  o: Observation;
  /** the task's pedestrian signal now, null when unsignalised */
  signal: string | null;
  phoneRinging: boolean;
  peekDone: boolean;
}

export function crossingHint(feedback: Record<string, Feedback>, s: HintState): Hint | null {
  const { task, o } = s;
  if (!task) return null;
  if (s.phoneRinging && o.onRoad) return hintFromFeedback(feedback, 'phone_while_crossing');
  if (o.onRoad) {
    const peek = task.challenge.params.peek;
    if (peek && !s.peekDone && o.progress < 0.5 * task.length) return hintFromFeedback(feedback, 'checked_past_van');
    return null;
  }
  if (!o.atKerb) return hintFromTitle(task.challenge.title);
  if (s.signal !== null && s.signal !== 'green') return hintFromFeedback(feedback, 'entered_on_red');
  if (!o.lookedBoth) return hintFromFeedback(feedback, 'crossed_without_looking');
  return null;
}
