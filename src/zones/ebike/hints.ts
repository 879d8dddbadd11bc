// Hints for groups that get them (teens): what to do next, in the zone file's own words — the
// `instead` (else the `rule`) of the feedback for the mistake about to be made, or the ride's title.
import type { Localized } from '../../content/schema.ts';
import { hintFromFeedback, hintFromTitle } from '../common/hints.ts';
import type { Feedback, Hint } from '../common/types.ts';
import type { RideObservation } from './ride.ts';

export interface RideHintState {
  o: RideObservation;
  title: Localized;
  phoneRinging: boolean;
  /** the lane kind under the rider, null in a junction */
  laneKind: string | null;
  /** km/h over the lane's limit (≤ 0 within it) */
  overLimit: number;
  /** the colour of the rider's signal */
  signal: string;
  /** the truck that will turn is ahead and close */
  truckClose: boolean;
}

export function rideHint(feedback: Record<string, Feedback>, s: RideHintState): Hint | null {
  if (s.phoneRinging) return hintFromFeedback(feedback, 'phone_while_riding');
  if (s.laneKind === 'motor' || s.laneKind === 'sidewalk') return hintFromFeedback(feedback, 'wrong_lane');
  if (s.overLimit > 0) return hintFromFeedback(feedback, 'speeding');
  if (s.truckClose) return hintFromFeedback(feedback, 'truck_inside');
  if (s.o.inApproach && s.signal !== 'green') return hintFromFeedback(feedback, 'entered_on_red');
  return hintFromTitle(s.title);
}
