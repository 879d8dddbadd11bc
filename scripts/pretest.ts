// `npm test` on a fresh machine: make sure what the tests need is here before they start, or say
// in one line how to get it. Debian's Chromium for the browser tests and PostgreSQL for the hall
// server's tests (installed and started when we are root). Never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensurePostgres } from './postgres.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function apt(packages: string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (!isRoot) {
    console.error(`pretest: Chromium is missing at ${CHROMIUM}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then npm test again`);
    process.exit(1);
  }
  console.log("pretest: installing Debian's chromium for the browser tests");
  apt(['chromium']);
  if (!existsSync(CHROMIUM)) {
    console.error(`pretest: apt-get installed chromium but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}

function ensurePostgresOrSay(): void {
  try {
    ensurePostgres();
  } catch (e) {
    console.error(`pretest: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

if (!process.env.HALL_SKIP_PRETEST) {
  ensureChromium();
  ensurePostgresOrSay();
}
