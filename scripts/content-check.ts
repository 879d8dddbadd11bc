// npm run content:check [paths…] — validates scenes/, quizzes/ and the groups file.
// Exit 0 when everything is valid; exit 1 with one `file: field.path: problem` line per problem.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACTS as factsIndex } from '../src/content/factsIndex.ts';
import { checkContentFile } from '../src/content/checkFile.ts';
import { glyphProblems } from './build/glyphCheck.ts';
import { codeHantProblems, fileHantProblems } from './build/hantCheck.ts';
import { formatProblem, type ContentProblem } from '../src/content/validate.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Files as the user named them (so messages name them the same way); folders expand to their JSON files. */
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
const targets = (args.length ? args : [relative(process.cwd(), join(root, 'scenes')) || 'scenes', relative(process.cwd(), join(root, 'quizzes')) || 'quizzes']).flatMap(listJson);

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
  const file = path;
  if (!existsSync(path)) {
    problems.push({ file, path: '', message: 'file not found' });
    continue;
  }
  checked++;
  const text = readFileSync(path, 'utf8');
  problems.push(...checkContentFile(file, text, { facts: factsIndex, groupIds }));
  try {
    problems.push(...glyphProblems(file, JSON.parse(text)));
  } catch {
    // not JSON: already reported by the schema check
  }
  // the zh-Hant the build will generate from this file (the build fails on the same problems)
  problems.push(...fileHantProblems(file, text));
}
// the UI strings' zh-Hant and the overrides file itself, when the whole content is checked
if (!args.length) problems.push(...codeHantProblems());

for (const p of problems) console.log(formatProblem(p));
if (problems.length) {
  console.error(`content:check: ${problems.length} problem(s) in ${checked} file(s)`);
  process.exit(1);
}
console.log(`content:check: ${checked} file(s) valid`);
