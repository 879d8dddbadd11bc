// Handles for browser tests and the benchmark (window.__zoneGame, __hall3d …). They let a console
// user rewrite a score, so a production build has none: they exist in the dev server and in builds
// made with VITE_HALL_TEST_HOOKS=1 (the browser tests and `npm run bench` build that way). The flag
// is decided when the app is built, and every call site is guarded by it, so a production build
// does not even carry the handles' names (a page's ?emulate cannot turn them on).

/** Whether this build exposes test handles (a constant of the build: dead code in production). */
export const testHooksEnabled: boolean = import.meta.env.DEV || import.meta.env.VITE_HALL_TEST_HOOKS === '1';

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
