// A new screen in the single-page app behaves like a new page: it opens at its top, focus moves to
// its heading (or to the action it marks with data-screen-focus) (keyboard and screen-reader users start there, not on a button left over from the last
// screen) and its name is announced in a live region. A screen that puts focus somewhere itself (a
// game's start button, a dialog) keeps it; its name is still announced.

type Announce = (text: string) => void;
let announce: Announce = () => undefined;

/** The app's live region (App.tsx) registers itself here. */
export function setScreenAnnouncer(fn: Announce): void {
  announce = fn;
}

/**
 * Waits (six seconds at most: content may still be loading) for the screen's h1 inside <main>,
 * then scrolls to the top, focuses it and announces it. `focusedBefore` is what had focus before the
 * new screen rendered (an autofocus in the new screen is then told apart from a leftover). Returns a
 * cancel function.
 */
export function focusScreenHeading(focusedBefore: Element | null = document.activeElement): () => void {
  // timers, not animation frames: frames come slowly while a 3D view renders in software
  let timer = 0;
  let tries = 0;
  const run = () => {
    const main = document.querySelector('main');
    // a heading still on screen: while the next screen loads, React keeps the last one in the DOM, hidden
    const h = [...(main?.querySelectorAll<HTMLElement>('h1') ?? [])].find((x) => x.getClientRects().length > 0);
    if (!main || !h) {
      if (tries++ < 200) timer = window.setTimeout(run, 30);
      return;
    }
    const a = document.activeElement;
    const placed = a && a !== document.body && a !== focusedBefore && a.isConnected && main.contains(a);
    if (!placed) {
      window.scrollTo(0, 0);
      // a screen may name its first action instead (the start screen's "start" on a kiosk)
      const first = [...main.querySelectorAll<HTMLElement>('[data-screen-focus]')].find((x) => x.getClientRects().length > 0);
      if (first) first.focus({ preventScroll: true });
      else {
        if (!h.hasAttribute('tabindex')) h.tabIndex = -1;
        h.focus({ preventScroll: true });
      }
    }
    announce((h.textContent ?? '').trim());
  };
  timer = window.setTimeout(run, 0);
  return () => clearTimeout(timer);
}
