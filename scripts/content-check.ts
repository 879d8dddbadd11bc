// npm run content:check [paths…] — validates scenes/, quizzes/ and the groups file.
// Exit 0 when everything is valid; exit 1 with one `file: field.path: problem` line per problem.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import factsIndex from '../src/content/facts-index.json' with { type: 'json' };
import { checkContentFile } from '../src/content/checkFile.ts';
import { formatProblem, type ContentProblem } from '../src/content/validate.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function listJson(p: string): string[] {
  if (!existsSync(p)) return [p];
  if (statSync(p).isDirectory())
    return readdirSync(p)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(p, f));
  return [p];
}

const args = process.argv.slice(2);
const targets = (args.length ? args.map((a) => resolve(a)) : [join(root, 'scenes'), join(root, 'quizzes')]).flatMap(listJson);

const groupsRaw = readFileSync(join(root, 'quizzes', 'groups.json'), 'utf8');
let groupIds: string[] = [];
try {
  groupIds = (JSON.parse(groupsRaw) as { groups: { id: string }[] }).groups.map((g) => g.id);
} catch {
  // the groups file itself is reported below when it is among the targets
}

const problems: ContentProblem[] = [];
let checked = 0;
for (const path of targets) {
  const file = relative(process.cwd(), path) || basename(path);
  if (!existsSync(path)) {
    problems.push({ file, path: '', message: 'file not found' });
    continue;
  }
  checked++;
  problems.push(...checkContentFile(file, readFileSync(path, 'utf8'), { facts: factsIndex, groupIds }));
}

for (const p of problems) console.log(formatProblem(p));
if (problems.length) {
  console.error(`content:check: ${problems.length} problem(s) in ${checked} file(s)`);
  process.exit(1);
}
console.log(`content:check: ${checked} file(s) valid`);
