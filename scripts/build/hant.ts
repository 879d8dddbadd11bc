// zh-Hant from zh-Hans at build time: OpenCC character conversion (cn → tw, not twp, which would
// rewrite mainland legal terms), then the reviewed phrase rules of src/i18n/zh-Hant-overrides.json
// (src/i18n/hantRules.ts). The check here runs in the build and in content:check: it fails on known
// wrong output and on any one-to-many character no rule or confirmed phrase has looked at.
import STPhrases from 'opencc-js/dict/STPhrases';
import { makeHantConverter, OVERRIDES, openccCn2Tw } from '../../src/i18n/hantConverter.ts';
import { checkHant, overridesProblems, type Convert, type HantFinding, type HantOverrides } from '../../src/i18n/hantRules.ts';

export type { Convert } from '../../src/i18n/hantRules.ts';
export { makeHantConverter, OVERRIDES, openccCn2Tw };

let words: Set<string> | null = null;
/** A word OpenCC's phrase dictionary knows (for suggesting the phrase to review). */
export function isDictionaryWord(s: string): boolean {
  words ??= new Set(STPhrases.split('|').map((l) => l.slice(0, l.indexOf(' '))));
  return words.has(s);
}

/** Every localized object ({ "zh-Hans", "en" }) without a hand-written zh-Hant gets a converted one. */
export function fillHant<T>(value: T, convert: Convert): T {
  if (Array.isArray(value)) return value.map((v) => fillHant(v, convert)) as T;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = fillHant(v, convert);
    if (typeof o['zh-Hans'] === 'string' && typeof o.en === 'string' && typeof o['zh-Hant'] !== 'string')
      out['zh-Hant'] = convert(o['zh-Hans'] as string);
    return out as T;
  }
  return value;
}

/** The UI string tree converted leaf by leaf. */
export function convertTree<T>(tree: T, convert: Convert): T {
  if (typeof tree === 'string') return convert(tree) as T;
  if (tree && typeof tree === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(tree)) out[k] = convertTree(v, convert);
    return out as T;
  }
  return tree;
}

// ---------------------------------------------------------------- the check

export interface HantProblem extends HantFinding {
  file: string;
  /** field path in the file (`questions[3].prompt.zh-Hans`, or a UI string key) */
  path: string;
}

const join = (path: string, k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);

/**
 * Findings for a content value: each { "zh-Hans", "en" } object is checked — fully when its zh-Hant
 * is generated, for known-wrong text only when a zh-Hant is written by hand.
 */
export function contentHantProblems(file: string, json: unknown, overrides: HantOverrides = OVERRIDES): HantProblem[] {
  const base = openccCn2Tw();
  const out: HantProblem[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, join(path, i)));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['zh-Hans'] === 'string' && typeof o.en === 'string') {
        const hand = typeof o['zh-Hant'] === 'string' ? (o['zh-Hant'] as string) : undefined;
        for (const f of checkHant(o['zh-Hans'] as string, base, overrides, hand, isDictionaryWord)) out.push({ ...f, file, path: join(path, hand === undefined ? 'zh-Hans' : 'zh-Hant') });
        return;
      }
      for (const [k, x] of Object.entries(o)) if (k !== '$schema') walk(x, join(path, k));
    }
  };
  walk(json, '');
  return out;
}

/** Findings for a tree of zh-Hans UI strings (every leaf is converted). */
export function treeHantProblems(file: string, tree: unknown, overrides: HantOverrides = OVERRIDES): HantProblem[] {
  const base = openccCn2Tw();
  const out: HantProblem[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'string') for (const f of checkHant(v, base, overrides, undefined, isDictionaryWord)) out.push({ ...f, file, path });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, join(path, i)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, join(path, k));
  };
  walk(tree, '');
  return out;
}

/** The overrides file's own consistency, as problems of that file. */
export function overridesFileProblems(overrides: HantOverrides = OVERRIDES): HantProblem[] {
  return overridesProblems(overrides, openccCn2Tw()).map((message) => ({
    file: 'src/i18n/zh-Hant-overrides.json',
    path: '',
    kind: 'wrong',
    item: '',
    context: '',
    hant: '',
    message,
  }));
}

export const formatHantProblem = (p: HantProblem): string => `${p.file}: ${p.path || '(file)'}: ${p.message}`;
