import { defineConfig } from 'vitest/config';

// Unit and component tests live next to their modules; browser tests (tests/e2e) run separately
// against the built app because they need a server and Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // a few tests do real work (90 s of a busy junction twice, a 60,000-row import): on a loaded
    // 2-core CI machine they take several times their quiet time, and a 5 s default failed one
    testTimeout: 30_000,
  },
});
