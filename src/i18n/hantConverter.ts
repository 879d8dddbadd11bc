// The one zh-Hans → zh-Hant converter: OpenCC's cn → tw preset (character conversion that keeps
// mainland legal terms) followed by the reviewed phrase rules of zh-Hant-overrides.json. The build
// uses it for every UI string and content file; the staff console loads it lazily (≈ 1 MB of
// dictionaries, in the staff chunk only) to give the questions staff add the same Traditional text.
import { ConverterBuilder } from 'opencc-js/core';
import * as cn2t from 'opencc-js/preset/cn2t';
import overridesFile from './zh-Hant-overrides.json' with { type: 'json' };
import { makeConverter, type Convert, type HantOverrides } from './hantRules.ts';

export const OVERRIDES: HantOverrides = overridesFile as unknown as HantOverrides;

let cn2tw: Convert | null = null;
/** OpenCC alone (building its dictionaries takes a moment: made once). */
export function openccCn2Tw(): Convert {
  cn2tw ??= ConverterBuilder(cn2t as unknown as Parameters<typeof ConverterBuilder>[0])({ from: 'cn', to: 'tw' });
  return cn2tw;
}

/** OpenCC, then the rules. */
export function makeHantConverter(overrides: Pick<HantOverrides, 'rules'> = OVERRIDES): Convert {
  return makeConverter(openccCn2Tw(), overrides);
}
