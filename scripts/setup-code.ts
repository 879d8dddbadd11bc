// `npm run setup-code [-- --out <dir>]`: makes a new setup code for a static copy of the app (no hall
// server) and prints it once. Only its PBKDF2 hash is written, as setup-code.json, into public/ (so
// the next build carries it) and into dist/ when a build exists (or only into --out). Staff type the
// code on a device that has no staff PIN yet; see src/staff/setupCode.ts.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSetupCode, SETUP_CODE_FILE, setupCodeFile } from '../src/staff/setupCode.ts';

/** Writes the hash of `code` as <dir>/setup-code.json. */
export async function writeSetupCodeFile(dir: string, code: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, SETUP_CODE_FILE);
  writeFileSync(path, JSON.stringify(await setupCodeFile(code)) + '\n');
  return path;
}

/** A fresh code written into each of `dirs`; returns the code (print it once, store it nowhere). */
export async function newSetupCode(dirs: string[]): Promise<{ code: string; files: string[] }> {
  const code = generateSetupCode();
  const files: string[] = [];
  for (const d of dirs) files.push(await writeSetupCodeFile(d, code));
  return { code, files };
}

export function printSetupCode(code: string, files: string[] = []): void {
  console.log('\nStaff setup code (needed once, to set the staff PIN on a device that has none):');
  console.log(`\n    ${code}\n`);
  for (const f of files) console.log(`  its hash is in ${f}`);
  console.log('  The code is shown only now: write it down for the hall staff.\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const at = process.argv.indexOf('--out');
  const dirs = at > 0 && process.argv[at + 1] ? [process.argv[at + 1]!] : [join(root, 'public'), ...(existsSync(join(root, 'dist')) ? [join(root, 'dist')] : [])];
  const { code, files } = await newSetupCode(dirs);
  printSetupCode(code, files);
}
