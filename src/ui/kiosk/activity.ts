// When did anyone last touch this screen? Kept for the start screen's "continue" offer (handover.ts):
// listeners on the window from the first screen on, and a copy in localStorage (written at most every
// few seconds) so a reload does not make an old visit look fresh.
const KEY = 'hall.lastActivity';
const EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
const WRITE_EVERY_MS = 5000;

let last: number | null = null;
let written = 0;
let installed = false;

function read(): number | null {
  try {
    const v = Number(globalThis.localStorage?.getItem(KEY));
    return Number.isFinite(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function bump(): void {
  last = Date.now();
  if (last - written < WRITE_EVERY_MS) return;
  written = last;
  try {
    globalThis.localStorage?.setItem(KEY, String(last));
  } catch {
    // private mode or full: the in-memory time still works for this page
  }
}

/** Starts watching (idempotent) and returns the time of the last touch, click or key, if any. */
export function lastActivity(): number | null {
  if (!installed && typeof window !== 'undefined') {
    installed = true;
    last = read();
    for (const e of EVENTS) window.addEventListener(e, bump, { passive: true, capture: true });
  }
  return last;
}

/** A visit starts now (a profile was just made or resumed). */
export function markActivity(): void {
  lastActivity();
  written = 0;
  bump();
}
