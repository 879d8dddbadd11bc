import { describe, expect, it } from 'vitest';
import { clampIdle, MIN_IDLE_SECONDS } from '../kiosk/kioskSettings.ts';
import { keyLabel, keyProblem, shortcutOf } from './buzzers.ts';

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
