// Controls as data: the control state's arithmetic, the action maps' checks, and the handlebar.
import { describe, expect, it } from 'vitest';
import { actionMapProblems, ControlState, defineActionMap, deviceValue, handlebarSteer, HANDLEBAR_LOCK, pressValue, sourceOf } from './controls.ts';

const map = defineActionMap({
  actions: {
    forward: { kind: 'axis', label: 'a', dir: ['b', 'f'] },
    phone: { kind: 'button', label: 'p' },
  },
  keys: [
    { code: 'KeyW', action: 'forward', value: 1 },
    { code: 'ArrowUp', action: 'forward', value: 1 },
    { code: 'KeyS', action: 'forward', value: -1 },
    { code: 'KeyP', action: 'phone', toggle: true },
  ],
  touch: [{ id: 'phone', action: 'phone', toggle: true, label: 'p' }],
  controller: [{ hand: 'left', input: 'thumbstick-y', action: 'forward', scale: -1 }],
  hands: [{ gesture: 'pinch-right', action: 'phone' }],
  dragLook: false,
});

describe('ControlState', () => {
  it('adds its sources and clamps to the action range: W and ↑ are still 1, W and S cancel', () => {
    const c = new ControlState(map);
    c.set('forward', sourceOf.key('KeyW'), 1);
    c.set('forward', sourceOf.key('ArrowUp'), 1);
    expect(c.value('forward')).toBe(1);
    c.set('forward', sourceOf.key('KeyS'), -1);
    expect(c.value('forward')).toBe(1);
    c.set('forward', sourceOf.key('ArrowUp'), 0);
    expect(c.value('forward')).toBe(0);
  });

  it('reads a stick pushed forward (WebXR y = −1) as forward through the binding scale', () => {
    const c = new ControlState(map);
    const b = map.controller[0]!;
    c.set(b.action, sourceOf.controller(b.hand, b.input), deviceValue(b, -1));
    expect(c.value('forward')).toBe(1);
    expect(pressValue(map.keys[2]!)).toBe(-1);
  });

  it('a toggled button stays on until pressed again, a held one only while held; letting go of all keys keeps the rest', () => {
    const c = new ControlState(map);
    expect(c.toggle('phone')).toBe(true);
    expect(c.on('phone')).toBe(true);
    c.toggle('phone');
    expect(c.on('phone')).toBe(false);
    c.set('phone', sourceOf.hand('pinch-right'), 1);
    c.set('forward', sourceOf.key('KeyW'), 1);
    c.release('key:');
    expect(c.value('forward')).toBe(0);
    expect(c.on('phone')).toBe(true);
    c.reset();
    expect(c.on('phone')).toBe(false);
  });
});

describe('action maps', () => {
  it('name only known actions, toggle only buttons, bind every action, and bind a key once', () => {
    expect(actionMapProblems(map)).toEqual([]);
    const bad = {
      ...map,
      actions: { ...map.actions, brake: { kind: 'button' as const, label: 'b' } },
      keys: [...map.keys, { code: 'KeyW', action: 'jump' }, { code: 'KeyF', action: 'forward', toggle: true }],
    };
    expect(actionMapProblems(bad as never)).toEqual([
      'keys KeyW: unknown action "jump"',
      'keys KeyW: bound twice',
      'keys KeyF: only a button can toggle ("forward" is an axis)',
      'actions brake: no device is bound to it',
    ]);
  });
});

describe('handlebarSteer', () => {
  const grip = (x: number, z: number) => ({ x, y: 1, z });
  it('is straight with both grips level across the bar', () => {
    expect(handlebarSteer(grip(-0.27, -0.5), grip(0.27, -0.5))).toBeCloseTo(0);
  });
  it('turns right (+, the way sim headings grow) when the right grip comes back and the left goes forward', () => {
    expect(handlebarSteer(grip(-0.27, -0.55), grip(0.27, -0.45))).toBeGreaterThan(0.3);
    expect(handlebarSteer(grip(-0.27, -0.45), grip(0.27, -0.55))).toBeLessThan(-0.3);
  });
  it('reaches full lock at the lock angle and no further', () => {
    const a = HANDLEBAR_LOCK * 1.5;
    expect(handlebarSteer(grip(0, 0), grip(0.5 * Math.cos(a), 0.5 * Math.sin(a)))).toBe(1);
  });
  it('ignores hands held together (not on a bar)', () => {
    expect(handlebarSteer(grip(0, 0), grip(0.02, 0.05))).toBe(0);
  });
});
