// The pedestrian's input, whatever the device: the UI maps a thumbstick, WASD, a click-to-walk
// target or room-scale tracking onto these fields once per frame (one object, reused).
//   VR controllers: left stick → move (world frame, rotated by the rig's yaw), a grip or trigger
//                   held → run, head yaw → lookYaw, a button (or the hand raised) → phoneOut.
//   VR room-scale:  headset position over the ground → pose, head yaw → lookYaw.
//   Desktop:        WASD / arrows → move relative to the camera, Shift → run, camera yaw → lookYaw,
//                   P or a click on the phone → phoneOut.
//   Touch kiosk:    an on-screen stick → move, swipe → look, the phone button → phoneOut.

export interface WalkerInput {
  /** desired direction and pace over the ground, world x and z; length 1 = the group's walking speed (longer is cut to 1) */
  moveX: number;
  moveZ: number;
  /** the run button is held: pace up to `runFactor` × walking speed */
  run: boolean;
  /** where the head or camera looks, rad in the sim's convention (0 = +x, growing towards +z); NaN when unknown */
  lookYaw: number;
  /** the phone is in the hand and being used */
  phoneOut: boolean;
  /** room-scale VR: the tracked position over the ground (x, z); overrides move */
  pose: { x: number; z: number } | null;
}

/** A neutral input: standing still, looking nowhere in particular, phone away. */
export function walkerInput(): WalkerInput {
  return { moveX: 0, moveZ: 0, run: false, lookYaw: NaN, phoneOut: false, pose: null };
}
