// The visitor's input in the seat-belt zone, whatever the device. In the crash stations the visitor
// acts through the game's calls (buckle, choose, go, next), not through this; on the road the car
// holds its speed (and, before anything happens, its distance to the car ahead) by itself, so the
// visitor's part is what the lessons are about: the brake, and whether the eyes go to the phone.
//   Desktop:      Space / S / ↓ brake; hold P to look at the phone; the camera's yaw → lookYaw.
//   Touch kiosk:  a held Brake pedal button; a held phone button.
//   Controllers:  either trigger brakes (analog); holding the phone up (a grip) and looking down at it.
//   Hands:        a pinch on either hand brakes; looking down at the phone in the hand.
//   Headset:      looking down (head pitch) counts as eyes on the phone while the phone is held.

export interface SeatbeltInput {
  /** brake pedal 0..1 */
  brake: number;
  /** the eyes are on the phone, not on the road */
  phoneLook: boolean;
  /** where the head or camera looks, rad in the sim's convention; NaN when unknown */
  lookYaw: number;
}

/** A neutral input: foot off the brake, eyes on the road. */
export function seatbeltInput(): SeatbeltInput {
  return { brake: 0, phoneLook: false, lookYaw: NaN };
}

/** the visitor's brake counts as pressed (the reaction is timed) from this much pedal */
export const BRAKE_ON = 0.3;

export const clampPedal = (v: number): number => (v > 1 ? 1 : v > 0 ? v : 0);
