// Builds the app once and serves dist/ for the browser tests (on a port of its own, so a running
// `npm start` does not collide).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { writeSetupCodeFile } from '../../scripts/setup-code.ts';
import { E2E_SETUP_CODE, TEST_DIST } from './browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// HALL_E2E_PORT lets two checkouts on one machine run their browser tests side by side
export const E2E_PORT = Number(process.env.HALL_E2E_PORT ?? 4310);
let server: PreviewServer | undefined;

export async function setup() {
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))
    throw new Error('Chromium is missing: install Debian\'s package (apt-get install -y chromium) or run .ci/run');
  // the test build carries the test handles (window.__zoneGame …); a production build does not
  process.env.VITE_HALL_TEST_HOOKS = '1';
  // vitest runs with NODE_ENV=test, and Vite builds for development unless NODE_ENV says production
  // (React's development build, import.meta.env.DEV true): the browser tests must test what ships
  if (!process.env.HALL_SKIP_BUILD) {
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, logLevel: 'warn', mode: 'production', build: { outDir: TEST_DIST, emptyOutDir: true } });
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  // the deployment's setup code (a static copy carries its hash): staff type it to set the first PIN
  await writeSetupCodeFile(join(root, TEST_DIST), E2E_SETUP_CODE);
  server = await preview({ root, logLevel: 'warn', build: { outDir: TEST_DIST }, preview: { port: E2E_PORT, strictPort: true } });
  process.env.HALL_URL = `http://localhost:${E2E_PORT}`;
}

export async function teardown() {
  await server?.close();
}
