import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by tests/e2e/global-setup.ts, driven in Debian's Chromium.
// One file at a time: two cores, and each file runs its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
