// The zh-Hant check over everything the app converts: UI strings, nickname words, competition
// challenge texts and the content files. The build fails on any problem (vitePlugin.ts), and
// content:check prints them in its `file: field.path: problem` form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as challenges from '../../src/modes/competition/challenges.ts';
import { NICKNAME_WORDS } from '../../src/i18n/nicknames.ts';
import { zhHans } from '../../src/i18n/zh-Hans.ts';
import { listContent } from './content.ts';
import { contentHantProblems, formatHantProblem, overridesFileProblems, treeHantProblems, type HantProblem } from './hant.ts';

/** UI strings, nickname words and challenge texts (code, not content files). */
export function codeHantProblems(): HantProblem[] {
  return [
    ...overridesFileProblems(),
    ...treeHantProblems('src/i18n/zh-Hans.ts', zhHans),
    ...treeHantProblems('src/i18n/nicknames.ts', NICKNAME_WORDS['zh-Hans']),
    ...contentHantProblems('src/modes/competition/challenges.ts', Object.values(challenges)),
  ];
}

/** One content file's text, named `file` in the messages. */
export function fileHantProblems(file: string, text: string): HantProblem[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return []; // not JSON: the schema check reports it
  }
  return contentHantProblems(file, json);
}

export function allHantProblems(root: string): HantProblem[] {
  const files = [...listContent(root, 'scenes'), ...listContent(root, 'quizzes')];
  return [...codeHantProblems(), ...files.flatMap((f) => fileHantProblems(f, readFileSync(join(root, f), 'utf8')))];
}

/** The build's failure text: every problem on its own line, then how to fix them. */
export function hantFailure(problems: readonly HantProblem[]): string {
  const unreviewed = problems.filter((p) => p.kind === 'unreviewed').length;
  return [
    `zh-Hant check: ${problems.length} problem(s)${unreviewed ? `, ${unreviewed} one-to-many character(s) or term(s) not reviewed` : ''}:`,
    ...problems.map(formatHantProblem),
    'Each line names the file, the field and the phrase. Add the phrase with its correct Traditional text and why to',
    'src/i18n/zh-Hant-overrides.json: under "confirmed" when the zh-Hant shown is right, under "rules" otherwise.',
  ].join('\n');
}
