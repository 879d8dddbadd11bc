// The committed facts.md index (regenerate with `npm run facts:index` when facts.md changes).
import json from './facts-index.json' with { type: 'json' };
import type { FactsIndex } from './facts.ts';

export const FACTS: FactsIndex = json as FactsIndex;
