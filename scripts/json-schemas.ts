// JSON Schemas for editors, generated from the zod schemas (the only source of truth):
// schemas/zone.schema.json, quiz.schema.json, groups.schema.json, hall.schema.json, programmes.schema.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { groupsFileSchema, hallSchema, programmesSchema, quizFileSchema, zoneSchema } from '../src/content/schema.ts';

export const SCHEMA_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

export function jsonSchemas(): Record<string, string> {
  const all = { zone: zoneSchema, quiz: quizFileSchema, groups: groupsFileSchema, hall: hallSchema, programmes: programmesSchema };
  return Object.fromEntries(
    Object.entries(all).map(([name, schema]) => [`${name}.schema.json`, JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n']),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  const files = jsonSchemas();
  for (const [file, text] of Object.entries(files)) writeFileSync(SCHEMA_DIR + file, text);
  console.log(`schemas: wrote ${Object.keys(files).length} JSON Schemas to schemas/`);
}
