// The intro's controls help is generated from the zone's action map: what it says is what the
// devices are bound to (a key moved in the map moves in the help).
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { walkControls } from '../../zones/crossing/controls.ts';
import { rideControls } from '../../zones/ebike/controls.ts';
import { controlsHelp, keyName } from './controlsHelp.ts';

const i18n = i18next.createInstance();
void i18n.init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

describe('controls help', () => {
  it('names keys as printed on them', () => {
    expect(keyName('KeyW', t)).toBe('W');
    expect(keyName('Digit3', t)).toBe('3');
    expect(keyName('ArrowLeft', t)).toBe('Left arrow');
    expect(keyName('F13', t)).toBe('F13');
  });

  it('walking: one item per action and direction, in the order of the keys', () => {
    expect(controlsHelp(walkControls, 'keys', t)).toEqual([
      'W / Up arrow: walk forward',
      'S / Down arrow: walk back',
      'A: step left',
      'D: step right',
      'Left arrow / Q: turn left',
      'Right arrow / E: turn right',
      'Shift: run (hold)',
      'P: take out or put away the phone',
      'drag with the mouse to look around',
    ]);
    expect(controlsHelp(walkControls, 'touch', t)).toEqual(['hold the buttons: walk forward, walk back, turn left, turn right', 'tap “Phone”: take out or put away the phone', 'drag on the picture to look around']);
    expect(controlsHelp(walkControls, 'hands', t)).toEqual(['left pinch held: walk forward and back', 'right pinch held: take out or put away the phone']);
  });

  it('riding: the pedals and steering as bound, on every device', () => {
    expect(controlsHelp(rideControls, 'keys', t).slice(0, 3)).toEqual(['W / Up arrow: Accelerate', 'S / Down arrow / Space: Brake', 'A / Left arrow: steer left']);
    expect(controlsHelp(rideControls, 'controllers', t)).toEqual([
      'right trigger: Accelerate',
      'left trigger: Brake',
      'left stick left/right: steer',
      'right A button: take out or put away the phone',
      'turn your head to look',
    ]);
    expect(controlsHelp(rideControls, 'hands', t)[0]).toBe('both hands on the handlebar, turned: steer');
  });

  it('follows the map: a key bound elsewhere is helped elsewhere', () => {
    const moved = { ...walkControls, keys: walkControls.keys.map((k) => (k.code === 'KeyP' ? { ...k, code: 'KeyF' } : k)) };
    expect(controlsHelp(moved, 'keys', t)).toContain('F: take out or put away the phone');
    expect(controlsHelp(moved, 'keys', t).join()).not.toContain('P:');
  });
});
