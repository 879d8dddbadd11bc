import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH } from '../../hall/live.ts';
import { BACKSPACE, codeKeypad, keyAt, keyRects, typeKey } from './keypad.ts';

describe('the join-code keypad', () => {
  const pad = codeKeypad(CODE_ALPHABET);
  it('holds every code character once, and backspace, in rows of 8', () => {
    expect(pad.rows.flat()).toEqual([...CODE_ALPHABET, BACKSPACE]);
    expect(pad.rows.map((r) => r.length)).toEqual([8, 8, 8, 8]);
  });
  it('resolves a hit at each key centre to that key, and a hit in a gap to none', () => {
    for (const k of keyRects(pad)) expect(keyAt(pad, k.x / pad.width + 0.5, k.y / pad.height + 0.5)).toBe(k.key);
    // top-left key '2'; backspace ends the bottom row
    expect(keyAt(pad, 0.5 / 8, 1 - 0.5 / 4)).toBe('2');
    expect(keyAt(pad, 7.5 / 8, 0.5 / 4)).toBe(BACKSPACE);
    expect(keyAt(pad, 6.5 / 8, 0.5 / 4)).toBe('Z');
    // the border between the first two keys
    expect(keyAt(pad, 1 / 8, 1 - 0.5 / 4)).toBeNull();
    // off the pad
    expect(keyAt(pad, 1.2, 0.5)).toBeNull();
  });
  it('types up to the code length and backspaces', () => {
    let c = '';
    for (const k of 'ABCDEFGH') c = typeKey(c, k, CODE_LENGTH);
    expect(c).toBe('ABCDEF');
    expect(typeKey(c, BACKSPACE, CODE_LENGTH)).toBe('ABCDE');
    expect(typeKey('', BACKSPACE, CODE_LENGTH)).toBe('');
  });
});
