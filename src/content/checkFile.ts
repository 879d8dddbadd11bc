// Decides what kind of content a file is by its name and checks it with the matching schema.
import type { FactsIndex } from './facts.ts';
import { checkGroups, checkHall, checkProgrammes, checkQuiz, checkZone, type ContentProblem } from './validate.ts';

export interface CheckContext {
  facts?: FactsIndex;
  groupIds?: readonly string[];
}

export function checkContentFile(file: string, text: string, ctx: CheckContext): ContentProblem[] {
  const name = file.replace(/\\/g, '/').split('/').pop() ?? file;
  const dir = file.replace(/\\/g, '/').split('/').slice(-2, -1)[0];
  let r;
  if (name === 'groups.json') r = checkGroups(file, text);
  else if (name === 'hall.json') r = checkHall(file, text);
  else if (name === 'programmes.json') r = checkProgrammes(file, text);
  else if (dir === 'quizzes') r = checkQuiz(file, text, ctx);
  else if (dir === 'scenes') r = checkZone(file, text, name.replace(/\.json$/, ''), ctx);
  else {
    // a file outside the content folders (a draft, a copy): judge it by its shape
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return [{ file, path: '', message: `not valid JSON (${(e as Error).message})` }];
    }
    const o = (json ?? {}) as Record<string, unknown>;
    if ('questions' in o) r = checkQuiz(file, json, ctx);
    else if ('groups' in o) r = checkGroups(file, json);
    else if ('learningPoints' in o) r = checkZone(file, json, undefined, ctx);
    else return [{ file, path: '', message: 'not a content file (expected a zone, a quiz bank or the groups file)' }];
  }
  return r.ok ? [] : r.problems;
}
