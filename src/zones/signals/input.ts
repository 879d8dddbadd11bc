// The visitor's input in the signals zone, whatever the device: how far to go along the route
// (forward and back; the stations stop the visitor), and where the head or camera looks. Answers,
// steps and the arms' pose come through the zone's actions (module.ts), not per-frame input.
export interface SignalsInput {
  /** −1..1: back … forward along the route (or back along the shoulder with the triangle) */
  move: number;
  /** where the head or camera looks, rad in the sim's convention; NaN unknown */
  lookYaw: number;
}

export const signalsInput = (): SignalsInput => ({ move: 0, lookYaw: NaN });
