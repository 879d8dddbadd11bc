import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas, SCHEMA_DIR } from './json-schemas.ts';

describe('editor JSON Schemas', () => {
  it('are the ones generated from the zod schemas (run `npm run schemas` after changing them)', () => {
    for (const [file, text] of Object.entries(jsonSchemas())) expect(readFileSync(SCHEMA_DIR + file, 'utf8'), file).toBe(text);
  });
});
