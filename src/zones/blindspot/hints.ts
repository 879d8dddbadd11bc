// Hints for groups that get them (children, seniors): what to do next, in the zone file's own
// words — the task's title, or the `instead` of the feedback for the mistake about to be made.
import type { Localized } from '../../content/schema.ts';
import { hintFromFeedback, hintFromTitle } from '../common/hints.ts';
import type { Feedback, Hint } from '../common/types.ts';
import type { Exposure } from './turn.ts';

export interface HintState {
  stage: 'walkaround' | 'cab' | 'turn';
  title: Localized;
  /** waiting for the trucks (pedestrian, rider): where the visitor stands now; null otherwise */
  waiting: Exposure | null;
  /** driving (pro), before the turn: has stopped, and has checked every mirror */
  driving: { stopped: boolean; allMirrors: boolean } | null;
}

export function blindspotHint(feedback: Record<string, Feedback>, s: HintState): Hint | null {
  if (s.stage === 'turn' && s.waiting) {
    if (s.waiting.sweptBy) return hintFromFeedback(feedback, 'stood_in_sweep');
    if (s.waiting.blindOf) return hintFromFeedback(feedback, 'stood_in_blind_zone');
    if (s.waiting.closeTo) return hintFromFeedback(feedback, 'stood_too_close');
  }
  if (s.stage === 'turn' && s.driving) {
    if (!s.driving.allMirrors) return hintFromFeedback(feedback, 'mirror_skipped');
    if (!s.driving.stopped) return hintFromFeedback(feedback, 'turned_without_stop_look');
  }
  return hintFromTitle(s.title);
}
