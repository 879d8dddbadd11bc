import { defineConfig } from 'vitest/config';

// Unit and component tests live next to their modules; browser tests (tests/e2e) run separately
// against the built app because they need a server and Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
