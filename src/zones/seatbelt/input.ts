// The visitor's input in the seat-belt zone, whatever the device. In the crash stations the visitor
// acts through the game's calls (buckle, choose, go, next), not through this; on the road the car
// holds its speed (and, before anything happens, its distance to the car ahead) by itself, so the
// visitor's part is what the lessons are about: the brake, and whether the eyes go to the phone.
//   Desktop:      Space / S / ↓ brake; hold P to look at the phone; B fastens or unfastens the belt.
//   Touch kiosk:  a held Brake pedal button; a held phone button; the station panel's belt button.
//   Controllers:  either trigger brakes (analog); the belt is reached for and pulled (beltGesture.ts).
//   Hands:        a pinch on either hand brakes; the belt as with controllers (a pinch grips it).
//   Headset:      looking down at the phone by the wheel counts as eyes on the phone (controls.ts).

export interface SeatbeltInput {
  /** brake pedal 0..1 */
  brake: number;
  /** the eyes are on the phone, not on the road */
  phoneLook: boolean;
  /** where the head or camera looks, rad in the sim's convention; NaN when unknown */
  lookYaw: number;
  /** the belt key was pressed this frame (crash test, before the crash: fastens or unfastens it) */
  beltPress: boolean;
}

/** A neutral input: foot off the brake, eyes on the road. */
export function seatbeltInput(): SeatbeltInput {
  return { brake: 0, phoneLook: false, lookYaw: NaN, beltPress: false };
}

/** the visitor's brake counts as pressed (the reaction is timed) from this much pedal */
export const BRAKE_ON = 0.3;

export const clampPedal = (v: number): number => (v > 1 ? 1 : v > 0 ? v : 0);
