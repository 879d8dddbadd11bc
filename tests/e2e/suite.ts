// The scaffolding of a browser-test file (kept apart from browser.ts, which the benchmark imports
// outside vitest).
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, onTestFailed } from 'vitest';
import { guardedPage, launch, type Guarded } from './browser.ts';
import { mark, resetTrail, trailText } from './trail.ts';

export type PageOptions = Parameters<typeof guardedPage>[1];

/**
 * A browser for the test file (launched before its tests, closed after them) and a guarded page
 * per test: after each test its problems must be none, and its context is closed either way.
 */
export function browserSuite(): { page(opts?: PageOptions): Promise<Guarded>; readonly browser: Browser } {
  let browser: Browser | undefined;
  let current: Guarded | null = null;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const g = current;
    current = null;
    if (!g) return;
    try {
      // no test may have sent a request off this origin or logged a page or console error
      expect(g.problems).toEqual([]);
    } finally {
      await g.context.close();
    }
  });
  return {
    async page(opts) {
      if (!browser) throw new Error('browserSuite: the browser is not launched yet (call page() inside a test)');
      resetTrail();
      current = await guardedPage(browser, opts);
      const g = current;
      g.page.on('crash', () => mark('the page crashed'));
      onTestFailed(({ task }) => {
        // the error too: a test that passes on its second run shows no error of its first in the report
        // (vitest keeps every run's errors on the task; this run's is the last)
        const error = task.result?.errors?.at(-1);
        const errors = error ? String(error.message ?? error).split('\n').slice(0, 6).join('\n') : '';
        console.error(`\n${task.name}: failed (run ${(task.result?.retryCount ?? 0) + 1})\n${errors}\nwhat it was doing (last steps):\n${trailText()}\n${g.page.isClosed() ? '' : `page at ${g.page.url()}`}`);
      });
      return current;
    },
    get browser() {
      if (!browser) throw new Error('browserSuite: the browser is not launched yet');
      return browser;
    },
  };
}
