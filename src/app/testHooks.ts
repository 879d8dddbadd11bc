// Handles for browser tests and the benchmark (window.__zoneGame, __hall3d …). They let a console
// user rewrite a score, so a production build has none: they exist in the dev server, in builds
// made with VITE_HALL_TEST_HOOKS=1 (the browser tests and `npm run bench` build that way), and
// behind `/?emulate`, the development-only emulated headset.

function enabled(): boolean {
  if (import.meta.env?.DEV || import.meta.env?.VITE_HALL_TEST_HOOKS === '1') return true;
  return typeof location !== 'undefined' && new URLSearchParams(location.search).has('emulate');
}

/** Whether this build or page exposes test handles. */
export const testHooksEnabled: boolean = typeof window !== 'undefined' && enabled();

/**
 * Puts `value` on `window[name]` when test handles are enabled; returns the undo (which removes it
 * only while it is still this value, so a newer mount's handle survives an older unmount).
 */
export function exposeForTests(name: string, value: unknown): () => void {
  if (!testHooksEnabled) return () => {};
  const w = window as unknown as Record<string, unknown>;
  w[name] = value;
  return () => {
    if (w[name] === value) delete w[name];
  };
}
