// The kiosk's input layer for buzzers: keyboard keys (KeyboardEvent.code, layout-independent, USB
// buzzer boxes usually type keys too), Gamepad API buttons (polled each frame: the API has no button
// events) and the staff shortcuts that no buzzer may take.
import { useEffect, useRef } from 'react';

/** Staff shortcuts of the host view (documented on screen). No buzzer may use these keys. */
export const SHORTCUTS = {
  continue: ['Enter', 'Space', 'NumpadEnter'],
  pause: ['KeyP'],
  lock: ['KeyL'],
  skip: ['KeyS'],
  undo: ['KeyU'],
  end: ['KeyX'],
} as const;
export type Shortcut = keyof typeof SHORTCUTS;

/** In 'buzz' mode, A–F pick the answer of the player who has the floor. */
export const ANSWER_KEYS = ['KeyA', 'KeyB', 'KeyC', 'KeyD', 'KeyE', 'KeyF'] as const;

const NEVER = new Set(['Escape', 'Tab', 'F5', 'F11', 'F12', 'MetaLeft', 'MetaRight', 'AltLeft', 'AltRight', 'ControlLeft', 'ControlRight', 'ShiftLeft', 'ShiftRight', 'Backspace']);

export function shortcutOf(code: string): Shortcut | null {
  for (const [k, codes] of Object.entries(SHORTCUTS)) if ((codes as readonly string[]).includes(code)) return k as Shortcut;
  return null;
}

/** Why a key cannot be a buzzer key, or null when it can. */
export function keyProblem(code: string, answering: 'buzz' | 'all'): 'reserved' | 'invalid' | null {
  if (!/^[A-Za-z0-9]+$/.test(code) || NEVER.has(code)) return 'invalid';
  if (shortcutOf(code)) return 'reserved';
  if (answering === 'buzz' && (ANSWER_KEYS as readonly string[]).includes(code)) return 'reserved';
  return null;
}

/** "Digit1" → "1", "KeyQ" → "Q", "Numpad4" → "Num 4": what is printed on the key. */
export function keyLabel(code: string): string {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (/^Numpad\d$/.test(code)) return `Num ${code.slice(6)}`;
  if (/^Arrow/.test(code)) return code.slice(5);
  return code;
}

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA' || el.isContentEditable;
}

/** how often buttons are read besides each animation frame (frames slow down or stop on a busy or hidden page) */
export const GAMEPAD_POLL_MS = 20;

type PadLike = { index: number; buttons: readonly { pressed: boolean }[] } | null;

export interface GamepadClock {
  getGamepads(): readonly PadLike[];
  requestFrame(fn: () => void): number;
  cancelFrame(id: number): void;
  every(ms: number, fn: () => void): () => void;
}

/**
 * Watches gamepad buttons and calls `onPress(index, button)` on each press (rising edge); returns the
 * stop. Buttons already held when it starts do not count: that baseline is read at once (right after
 * the tap that started a capture), not at the next frame, so a press made after the prompt appeared
 * always counts. Buttons are read every animation frame and every GAMEPAD_POLL_MS: on a loaded kiosk
 * frames can be hundreds of ms apart (a short press fell between two of them), and they stop while
 * the page is hidden.
 */
export function watchGamepads(clock: GamepadClock, onPress: (index: number, button: number) => void): () => void {
  const held = new Map<string, boolean>();
  const read = (report: boolean) => {
    for (const pad of clock.getGamepads()) {
      if (!pad) continue;
      pad.buttons.forEach((b, i) => {
        const k = `${pad.index}:${i}`;
        const was = held.get(k) ?? false;
        held.set(k, b.pressed);
        if (report && b.pressed && !was) onPress(pad.index, i);
      });
    }
  };
  read(false);
  let raf = 0;
  const frame = () => {
    read(true);
    raf = clock.requestFrame(frame);
  };
  raf = clock.requestFrame(frame);
  const stopTimer = clock.every(GAMEPAD_POLL_MS, () => read(true));
  return () => {
    clock.cancelFrame(raf);
    stopTimer();
  };
}

/** `watchGamepads` while `active`, in a component. */
export function useGamepadPresses(active: boolean, onPress: (index: number, button: number) => void): void {
  const cb = useRef(onPress);
  cb.current = onPress;
  useEffect(() => {
    if (!active || typeof navigator === 'undefined' || typeof navigator.getGamepads !== 'function') return;
    return watchGamepads(
      {
        getGamepads: () => navigator.getGamepads(),
        requestFrame: (fn) => requestAnimationFrame(fn),
        cancelFrame: (id) => cancelAnimationFrame(id),
        every: (ms, fn) => {
          const id = setInterval(fn, ms);
          return () => clearInterval(id);
        },
      },
      (index, button) => cb.current(index, button),
    );
  }, [active]);
}
