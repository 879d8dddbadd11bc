// Reads shared/docs/facts.md and writes src/content/facts-index.json: every item id with its status
// label, so content checks can refuse citations of missing or UNCONFIRMED items without the doc.
// Run: npm run facts:index [path/to/facts.md]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFactsIndex } from '../src/content/facts.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = process.argv[2] ?? `${root}../shared/docs/facts.md`;
const index = parseFactsIndex(readFileSync(src, 'utf8'));
writeFileSync(`${root}src/content/facts-index.json`, JSON.stringify(index, null, 1) + '\n');
console.log(`facts index: ${Object.keys(index.items).length} items from ${src}`);
