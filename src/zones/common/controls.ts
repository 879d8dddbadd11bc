// Controls as data. A zone names its actions (walk forward, steer, brake, take the phone out …) and
// binds every device to them in one action map: keys, touch buttons, controller buttons and sticks,
// hand gestures. One input layer reads the devices into a ControlState (keyboard and touch in the
// flat HUD, controllers and hands in the 3D skeleton); the zone's input reader turns the actions'
// values into its game input once per frame; the controls help on the intro (flat and headset) is
// generated from the same map, so the help cannot drift from what the devices do.
//
// Conventions (the sim's, see docs/ARCHITECTURE.md "Facing convention"): heading 0 = +x, growing
// towards +z, which is clockwise seen from above; so "right" (turning, steering) is +.

/** An axis runs −1..1 (forward/back, left/right); a button 0..1 (a trigger is analog, a key is 0 or 1). */
export type ActionKind = 'axis' | 'button';

export interface ActionDef {
  kind: ActionKind;
  /** i18n key (src/i18n) naming the action as a whole, e.g. 'controls.walk' */
  label: string;
  /** axes: i18n keys for the − and + directions (a key or a touch button does one of them) */
  dir?: readonly [string, string];
}

/** One key (KeyboardEvent.code) held sets the action to `value` (default 1); with `toggle`, each press flips a button. */
export interface KeyBinding<A extends string> {
  code: string;
  action: A;
  value?: number;
  toggle?: boolean;
}

/** An on-screen button (test id `id`), held like a key or, with `toggle`, flipping a button. */
export interface TouchBinding<A extends string> {
  id: string;
  action: A;
  value?: number;
  toggle?: boolean;
  /** i18n key of its text (or, with an icon, its accessible name) */
  label: string;
  icon?: 'up' | 'down' | 'left' | 'right';
}

export type ControllerInput = 'thumbstick-x' | 'thumbstick-y' | 'trigger' | 'squeeze' | 'a-button' | 'b-button' | 'x-button' | 'y-button';

/**
 * A controller input read every frame: the value (stick −1..1, WebXR's y is −1 pushed forward;
 * trigger 0..1; a face button 0 or 1) times `scale` (default 1).
 */
export interface ControllerBinding<A extends string> {
  hand: 'left' | 'right';
  input: ControllerInput;
  action: A;
  scale?: number;
}

/**
 * Bare hands: a pinch held on one hand (value 1 × scale), or both hands gripping a handlebar or a
 * wheel in front of the body (its turn −1..1 × scale, + = right; see `handlebarSteer`).
 */
export type HandGesture = 'pinch-left' | 'pinch-right' | 'handlebar';
export interface HandBinding<A extends string> {
  gesture: HandGesture;
  action: A;
  scale?: number;
}

export interface ActionMap<A extends string> {
  actions: Record<A, ActionDef>;
  keys: readonly KeyBinding<A>[];
  touch: readonly TouchBinding<A>[];
  controller: readonly ControllerBinding<A>[];
  hands: readonly HandBinding<A>[];
  /** on a screen, dragging the picture turns the view (mouse or finger) */
  dragLook: boolean;
}

/** Declares a zone's action map (typed: every binding names one of its actions). */
export function defineActionMap<const A extends string>(map: ActionMap<A>): ActionMap<A> {
  return map;
}

/** What is wrong with an action map (empty when nothing): each line names the binding. */
export function actionMapProblems<A extends string>(map: ActionMap<A>): string[] {
  const out: string[] = [];
  const known = (a: string) => Object.prototype.hasOwnProperty.call(map.actions, a);
  const check = (where: string, action: string, toggle?: boolean) => {
    if (!known(action)) out.push(`${where}: unknown action "${action}"`);
    else if (toggle && map.actions[action as A].kind !== 'button') out.push(`${where}: only a button can toggle ("${action}" is an axis)`);
  };
  const codes = new Set<string>();
  for (const k of map.keys) {
    check(`keys ${k.code}`, k.action, k.toggle);
    if (codes.has(k.code)) out.push(`keys ${k.code}: bound twice`);
    codes.add(k.code);
  }
  const ids = new Set<string>();
  for (const b of map.touch) {
    check(`touch ${b.id}`, b.action, b.toggle);
    if (ids.has(b.id)) out.push(`touch ${b.id}: two buttons with this id`);
    ids.add(b.id);
  }
  for (const c of map.controller) check(`controller ${c.hand} ${c.input}`, c.action);
  for (const h of map.hands) check(`hands ${h.gesture}`, h.action);
  for (const [a, d] of Object.entries(map.actions) as [A, ActionDef][]) {
    if (d.kind === 'axis' && !d.dir) out.push(`actions ${a}: an axis needs its two directions (dir)`);
    const bound = map.keys.some((k) => k.action === a) || map.touch.some((t) => t.action === a) || map.controller.some((c) => c.action === a) || map.hands.some((h) => h.action === a);
    if (!bound) out.push(`actions ${a}: no device is bound to it`);
  }
  return out;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : Number.isFinite(v) ? v : 0);

/**
 * The actions' values now, written by every device (each under its own source name, e.g.
 * `key:KeyW`, `xr:left:thumbstick-y`), read by the zone's input reader. An action's value is the sum
 * of its sources clamped to its range (W and ↑ together are still 1; W and S cancel), plus 1 for a
 * button toggled on. Allocates nothing once every source has been seen.
 */
export class ControlState<A extends string = string> {
  private readonly held = new Map<A, Map<string, number>>();
  private readonly toggledOn = new Set<A>();

  constructor(readonly map: ActionMap<A>) {}

  /** a source holds the action at `value` (0 lets go) */
  set(action: A, source: string, value: number): void {
    let m = this.held.get(action);
    if (!m) this.held.set(action, (m = new Map()));
    m.set(source, value);
  }

  /** a toggle press: flips the button; returns whether it is on now */
  toggle(action: A): boolean {
    if (this.toggledOn.has(action)) this.toggledOn.delete(action);
    else this.toggledOn.add(action);
    return this.toggledOn.has(action);
  }

  toggled(action: A): boolean {
    return this.toggledOn.has(action);
  }

  value(action: A): number {
    let v = this.toggledOn.has(action) ? 1 : 0;
    const m = this.held.get(action);
    if (m) for (const x of m.values()) v += x;
    return this.map.actions[action].kind === 'axis' ? clamp(v, -1, 1) : clamp(v, 0, 1);
  }

  /** a button counts as pressed above half way (a trigger squeezed past its middle) */
  on(action: A): boolean {
    return this.value(action) > 0.5;
  }

  /** every source whose name starts with `prefix` lets go (the window lost focus: all keys are up) */
  release(prefix: string): void {
    for (const m of this.held.values()) for (const k of m.keys()) if (k.startsWith(prefix)) m.set(k, 0);
  }

  /** nothing held, nothing toggled (a new round) */
  reset(): void {
    this.held.clear();
    this.toggledOn.clear();
  }
}

/** The look of one frame, from the devices the input layer does not bind to actions. */
export interface FrameLook {
  /** real seconds of this frame (capped by the caller) */
  dt: number;
  /** in a headset: where the head looks, sim yaw (rad); NaN on a screen */
  headYaw: number;
  /** on a screen: yaw dragged this frame, rad (+ = turning right) */
  drag: number;
}

/**
 * Where the camera (on a screen) or the rig (in a headset) goes this frame: the eye over the
 * ground at (x, z), looking along sim yaw `yaw`, pitched by `pitch` (rad, − = down). In a headset
 * the head is the visitor's own: the rig moves to (x, z), and turns to `rigYaw` when the visitor
 * rides a vehicle (NaN: the rig keeps its turn, the visitor turns their body).
 */
export interface Viewpoint {
  x: number;
  z: number;
  eye: number;
  yaw: number;
  pitch: number;
  rigYaw: number;
}

export const viewpoint = (): Viewpoint => ({ x: 0, z: 0, eye: 1.6, yaw: 0, pitch: 0, rigYaw: NaN });

/** Fill a viewpoint: the eye `eye` m over (x, z), looking along `yaw` pitched by `pitch`; the rig turned to `rigYaw` (NaN: not). */
export function setViewpoint(out: Viewpoint, p: { x: number; z: number }, eye: number, yaw: number, pitch = 0, rigYaw = NaN): Viewpoint {
  out.x = p.x;
  out.z = p.z;
  out.eye = eye;
  out.yaw = yaw;
  out.pitch = pitch;
  out.rigYaw = rigYaw;
  return out;
}

/** A point in the headset rig's own space (x right, y up, z back: the rig faces −z). */
export interface RigPoint {
  x: number;
  y: number;
  z: number;
}

/** the handlebar (or wheel) turned this far is full lock, rad */
export const HANDLEBAR_LOCK = Math.PI / 6;

/**
 * Steering from two hands on a handlebar: turning the bar right brings the right grip back and the
 * left one forward. −1..1 (+ = right); 0 when the hands are too close together to be on a bar.
 */
export function handlebarSteer(left: RigPoint, right: RigPoint): number {
  const dx = right.x - left.x;
  const dz = right.z - left.z;
  if (Math.hypot(dx, dz) < 0.1) return 0;
  return clamp(Math.atan2(dz, dx) / HANDLEBAR_LOCK, -1, 1);
}

/**
 * Ground movement relative to where the visitor looks: `forward` along the sim yaw `look`, `right`
 * to its right. Sim frame: yaw h looks along (cos h, sin h); its right-hand side is (−sin h, cos h).
 */
export function alongLook(look: number, forward: number, right: number, out: { x: number; z: number }): void {
  const c = Math.cos(look);
  const s = Math.sin(look);
  out.x = c * forward - s * right;
  out.z = s * forward + c * right;
}

/** The value a held key or touch button gives its action. */
export const pressValue = (b: { value?: number }): number => b.value ?? 1;

/** The value a controller input or hand gesture gives its action, from the device's raw reading. */
export const deviceValue = (b: { scale?: number }, raw: number): number => raw * (b.scale ?? 1);

/** The source name a binding writes under (one per key, button, controller input, gesture). */
export const sourceOf = {
  key: (code: string) => `key:${code}`,
  touch: (id: string) => `touch:${id}`,
  controller: (hand: string, input: string) => `xr:${hand}:${input}`,
  hand: (gesture: string) => `hand:${gesture}`,
};
