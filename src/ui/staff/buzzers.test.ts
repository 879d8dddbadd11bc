import { describe, expect, it } from 'vitest';
import { clampIdle, MIN_IDLE_SECONDS } from '../kiosk/kioskSettings.ts';
import { keyLabel, keyProblem, shortcutOf, watchGamepads } from './buzzers.ts';

describe('buzzer keys and host shortcuts', () => {
  it('keeps the host shortcuts away from buzzers', () => {
    expect(shortcutOf('Enter')).toBe('continue');
    expect(shortcutOf('KeyP')).toBe('pause');
    expect(keyProblem('KeyP', 'buzz')).toBe('reserved');
    expect(keyProblem('Space', 'all')).toBe('reserved');
    expect(keyProblem('Digit1', 'buzz')).toBeNull();
  });

  it("reserves A–F for the host's answer in buzz mode only", () => {
    expect(keyProblem('KeyA', 'buzz')).toBe('reserved');
    expect(keyProblem('KeyA', 'all')).toBeNull();
  });

  it('refuses keys a kiosk needs for itself or a setup cannot hold', () => {
    expect(keyProblem('Escape', 'buzz')).toBe('invalid');
    expect(keyProblem('F5', 'all')).toBe('invalid');
    expect(keyProblem('Semicolon', 'buzz')).toBeNull();
  });

  it('names keys as printed on them', () => {
    expect(keyLabel('Digit4')).toBe('4');
    expect(keyLabel('KeyQ')).toBe('Q');
    expect(keyLabel('Numpad7')).toBe('Num 7');
  });

  it('keeps the idle time within bounds', () => {
    expect(clampIdle(1)).toBe(MIN_IDLE_SECONDS);
    expect(clampIdle(Number.NaN)).toBe(90);
    expect(clampIdle(120.4)).toBe(120);
  });
});

describe('gamepad buttons (the flaky gamepad-learn browser test)', () => {
  /** A pad, frames that never come (a loaded or hidden page), and a timer the test fires by hand. */
  function rig() {
    const pad = { index: 0, buttons: Array.from({ length: 8 }, () => ({ pressed: false })) };
    let tick: () => void = () => {};
    const clock = {
      getGamepads: () => [pad, null],
      requestFrame: () => 1,
      cancelFrame: () => {},
      every: (_ms: number, fn: () => void) => {
        tick = fn;
        return () => (tick = () => {});
      },
    };
    return { pad, clock, tick: () => tick() };
  }

  it('a press made after the capture began counts even when no animation frame comes before it ends', () => {
    const r = rig();
    const presses: string[] = [];
    const stop = watchGamepads(r.clock, (i, b) => presses.push(`${i}:${b}`));
    // the visitor presses right after the prompt; the first read after that already sees it
    r.pad.buttons[3]!.pressed = true;
    r.tick();
    r.pad.buttons[3]!.pressed = false;
    r.tick();
    expect(presses).toEqual(['0:3']);
    stop();
    r.pad.buttons[2]!.pressed = true;
    r.tick();
    expect(presses).toEqual(['0:3']);
  });

  it('a button already held when watching starts does not count until it is pressed again', () => {
    const r = rig();
    r.pad.buttons[5]!.pressed = true;
    const presses: number[] = [];
    watchGamepads(r.clock, (_i, b) => presses.push(b));
    r.tick();
    expect(presses).toEqual([]);
    r.pad.buttons[5]!.pressed = false;
    r.tick();
    r.pad.buttons[5]!.pressed = true;
    r.tick();
    expect(presses).toEqual([5]);
  });
});
