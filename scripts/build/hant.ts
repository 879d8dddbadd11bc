// zh-Hant from zh-Hans at build time: OpenCC character conversion (cn → tw, not twp, which would
// rewrite mainland legal terms), then a reviewed list of replacements for what it gets wrong.
import * as OpenCC from 'opencc-js';
import overridesFile from '../../src/i18n/zh-Hant-overrides.json' with { type: 'json' };

export type Convert = (s: string) => string;

export function makeHantConverter(replacements: Record<string, string> = overridesFile.replacements): Convert {
  const cn2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const pairs = Object.entries(replacements).filter(([from, to]) => from !== to);
  return (s) => {
    let out = cn2tw(s);
    for (const [from, to] of pairs) out = out.split(from).join(to);
    return out;
  };
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
