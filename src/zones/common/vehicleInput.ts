// What riding and driving zones share of their input: pedals, a wheel or handlebar, where the head
// looks, and the step into the sim's PlayerInput with every value clamped (NaN never reaches the
// sim). A zone's own input adds its extras (the e-bike's phone) and its device mapping.
import type { PlayerInput } from '../../sim/agents/player.ts';
import type { FrameLook } from './controls.ts';

export interface VehicleInput {
  /** accelerator / throttle, 0..1 */
  throttle: number;
  /** 0..1 */
  brake: number;
  /** −1..1, + = right */
  steer: number;
  /** where the head or camera looks, rad in the sim's convention (0 = +x, growing towards +z); NaN when unknown */
  lookYaw: number;
}

export const clampInput = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : Number.isFinite(v) ? v : 0);

export function fillVehicle(inp: VehicleInput, out: PlayerInput): void {
  out.throttle = clampInput(inp.throttle, 0, 1);
  out.brake = clampInput(inp.brake, 0, 1);
  out.steer = clampInput(inp.steer, -1, 1);
  out.lookYaw = inp.lookYaw;
  out.moveX = 0;
  out.moveZ = 0;
  out.hasPose = false;
}

/** The actions every vehicle zone binds (a ControlState of a map that has them). */
export interface VehicleControlState {
  value(action: 'throttle' | 'brake' | 'steer'): number;
}

/**
 * A vehicle's controls read each frame: pedals as the actions give them, steering eased towards
 * what the controls ask at `steerRate` per s (an on/off key does not jerk the wheel or the bar), the
 * look from the head in a headset or, on a screen, dragged relative to the vehicle's heading.
 */
export class VehicleControls {
  /** where the visitor looks relative to the vehicle's heading (drag to look), rad */
  lookOffset = 0;
  private steer = 0;

  constructor(private readonly steerRate: number) {}

  read(c: VehicleControlState, f: FrameLook, heading: number, out: VehicleInput): void {
    this.lookOffset += f.drag;
    const step = this.steerRate * f.dt;
    this.steer += Math.max(-step, Math.min(step, c.value('steer') - this.steer));
    out.throttle = c.value('throttle');
    out.brake = c.value('brake');
    out.steer = this.steer;
    out.lookYaw = Number.isFinite(f.headYaw) ? f.headYaw : heading + this.lookOffset;
  }
}

/** keys and touch buttons steer this much of full lock at most (a full keyboard lock would tip a bike and swerve a car) */
export const KEY_STEER = 0.3;
/** how fast steering moves towards what the controls ask, per s */
export const STEER_RATE = 2.5;

/** The pedals and the steering of an action map, and their bindings on every device (a zone adds its own). */
export const vehicleBindings = {
  actions: {
    throttle: { kind: 'button', label: 'controls.throttle' },
    brake: { kind: 'button', label: 'controls.brake' },
    steer: { kind: 'axis', label: 'controls.steer', dir: ['controls.steerLeft', 'controls.steerRight'] },
  },
  keys: [
    { code: 'KeyW', action: 'throttle' },
    { code: 'ArrowUp', action: 'throttle' },
    { code: 'KeyS', action: 'brake' },
    { code: 'ArrowDown', action: 'brake' },
    { code: 'Space', action: 'brake' },
    { code: 'KeyA', action: 'steer', value: -KEY_STEER },
    { code: 'ArrowLeft', action: 'steer', value: -KEY_STEER },
    { code: 'KeyD', action: 'steer', value: KEY_STEER },
    { code: 'ArrowRight', action: 'steer', value: KEY_STEER },
  ],
  touch: [
    // steering under the left thumb, the pedals under the right (as on a phone game)
    { id: 'move-forward', action: 'throttle', label: 'controls.throttle', thumb: 'right' },
    { id: 'move-back', action: 'brake', label: 'controls.brake', thumb: 'right' },
    { id: 'turn-left', action: 'steer', value: -KEY_STEER, label: 'controls.steerLeft', icon: 'left', thumb: 'left' },
    { id: 'turn-right', action: 'steer', value: KEY_STEER, label: 'controls.steerRight', icon: 'right', thumb: 'left' },
  ],
  controller: [
    { hand: 'right', input: 'trigger', action: 'throttle' },
    { hand: 'left', input: 'trigger', action: 'brake' },
    { hand: 'left', input: 'thumbstick-x', action: 'steer', scale: 0.5 },
  ],
  pinches: [
    { gesture: 'pinch-right', action: 'throttle' },
    { gesture: 'pinch-left', action: 'brake' },
  ],
} as const;
