import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog, type ContentEntry } from './catalog.ts';

const read = (rel: string): ContentEntry => ({ file: rel, json: JSON.parse(readFileSync(rel, 'utf8')) });
const scenes = () => readdirSync('scenes').filter((f) => f.endsWith('.json')).map((f) => read(`scenes/${f}`));

describe('catalog', () => {
  it('loads the shipped hall, groups and six zones', () => {
    const c = buildCatalog(scenes(), read('quizzes/groups.json'));
    expect(c.problems).toEqual([]);
    expect(c.groups.map((g) => g.id)).toEqual(['child', 'teen', 'adult', 'senior', 'rider', 'driver', 'pro']);
    expect(c.zones.map((z) => [z.id, z.ok])).toEqual([
      ['crossing', true], ['ebike', true], ['drunk', true], ['blindspot', true], ['seatbelt', true], ['signals', true],
    ]);
  });

  it('closes only the zone whose file is broken, naming file and field', () => {
    const entries = scenes().map((e): ContentEntry => {
      if (e.file.endsWith('/ebike.json')) return { file: e.file, text: '{ not json' };
      if (!e.file.endsWith('/drunk.json')) return e;
      const json = structuredClone((e as { json: Record<string, unknown> }).json);
      delete (json.title as Record<string, unknown>).en;
      return { file: e.file, json };
    });
    const c = buildCatalog(entries, read('quizzes/groups.json'));
    const drunk = c.zones.find((z) => z.id === 'drunk')!;
    expect(drunk.ok).toBe(false);
    expect(!drunk.ok && drunk.problems[0]).toMatchObject({ file: 'scenes/drunk.json', path: 'title.en' });
    const ebike = c.zones.find((z) => z.id === 'ebike')!;
    expect(!ebike.ok && ebike.problems[0]!.message).toMatch(/not valid JSON/);
    expect(c.zones.filter((z) => z.ok).map((z) => z.id)).toEqual(['crossing', 'blindspot', 'seatbelt', 'signals']);
  });
});
