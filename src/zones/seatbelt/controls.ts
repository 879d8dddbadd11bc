// The seat-belt zone's controls as data. On the road the car holds its speed by itself, so the
// visitor's part is the brake and where the eyes go (the phone); before the crash test the belt.
// Choices (speed, row, child seat) and Start/Next are the station panel's buttons, not actions.
// In a headset the belt is reached for and pulled across (beltGesture.ts, in the zone's scene, which
// calls the zone's `buckle` action), and looking down at the phone by the wheel holds `phone` (the
// scene writes it under the source HEAD_DOWN): neither is a button.
import { defineActionMap, setViewpoint, type ControlState, type FrameLook, type Viewpoint } from '../common/controls.ts';
import type { InputReader } from '../common/zoneRules.ts';
import { seatbeltInput, type SeatbeltInput } from './input.ts';
import type { SeatbeltGame } from './rules.ts';
import { viewOf } from './viewpoints.ts';

export const seatbeltControls = defineActionMap({
  actions: {
    brake: { kind: 'button', label: 'controls.brake' },
    phone: { kind: 'button', label: 'controls.phoneLook' },
    belt: { kind: 'button', label: 'controls.belt' },
  },
  keys: [
    { code: 'Space', action: 'brake' },
    { code: 'KeyS', action: 'brake' },
    { code: 'ArrowDown', action: 'brake' },
    { code: 'KeyP', action: 'phone' },
    { code: 'KeyB', action: 'belt', toggle: true },
  ],
  touch: [
    { id: 'brake', action: 'brake', label: 'controls.brake' },
    { id: 'phone', action: 'phone', label: 'controls.phoneButton' },
  ],
  controller: [
    { hand: 'right', input: 'trigger', action: 'brake' },
    { hand: 'left', input: 'trigger', action: 'brake' },
  ],
  hands: [
    { gesture: 'pinch-right', action: 'brake' },
    { gesture: 'pinch-left', action: 'brake' },
  ],
  dragLook: true,
});
export type SeatbeltAction = keyof typeof seatbeltControls.actions;

/** the source under which the headset's scene holds `phone` while the head looks down at it */
export const HEAD_DOWN = 'xr:head-down';

/** The reader: the pedal, the eyes, a belt key press (each press of the toggle flips the belt once). */
export function seatbeltReader(_game: SeatbeltGame): InputReader<SeatbeltGame, SeatbeltInput, SeatbeltAction> {
  const input = seatbeltInput();
  let lookOffset = 0;
  let beltToggled = false;
  return {
    read(c: ControlState<SeatbeltAction>, f: FrameLook, g: SeatbeltGame): SeatbeltInput {
      const p = g.world.player!;
      lookOffset += f.drag;
      input.brake = c.value('brake');
      input.phoneLook = c.on('phone');
      const t = c.toggled('belt');
      input.beltPress = t !== beltToggled;
      beltToggled = t;
      input.lookYaw = Number.isFinite(f.headYaw) ? f.headYaw : p.heading + lookOffset;
      return input;
    },
    viewpoint(g: SeatbeltGame, out: Viewpoint): Viewpoint {
      const v = viewOf(g);
      // dragging looks around from the seat (on a screen); the rig turns with the car in a headset
      return setViewpoint(out, v, v.eye, v.yaw + (v.drag ? lookOffset : 0), v.pitch, v.yaw);
    },
  };
}
