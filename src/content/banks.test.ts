// The shipped question banks, held to the rules of the self-test issue: valid, sourced from confirmed
// facts, big enough for every main audience group of each zone, with scene questions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS } from './factsIndex.ts';
import { ZONE_IDS } from './ids.ts';
import { groupsFileSchema, zoneSchema } from './schema.ts';
import { checkQuiz } from './validate.ts';

const groups = groupsFileSchema.parse(JSON.parse(readFileSync('quizzes/groups.json', 'utf8'))).groups.map((g) => g.id);

describe.each(ZONE_IDS)('question bank %s', (zone) => {
  const file = `quizzes/${zone}.json`;
  const r = checkQuiz(file, readFileSync(file, 'utf8'), { facts: FACTS, groupIds: groups });
  const zoneDef = zoneSchema.parse(JSON.parse(readFileSync(`scenes/${zone}.json`, 'utf8')));

  it('is valid and cites only existing, confirmed facts', () => {
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('has ≥ 25 questions, ≥ 10 for each main audience group, ≥ 3 scene questions', () => {
    if (!r.ok) throw new Error('invalid bank');
    const qs = r.value.questions;
    expect(qs.length).toBeGreaterThanOrEqual(25);
    for (const g of zoneDef.audience) expect(qs.filter((q) => q.groups.includes(g)).length, `${zone}/${g}`).toBeGreaterThanOrEqual(10);
    expect(qs.filter((q) => q.kind === 'scene').length).toBeGreaterThanOrEqual(3);
  });

  it('marks every figure taken from a calculation as approximate', () => {
    if (!r.ok) throw new Error('invalid bank');
    for (const q of r.value.questions) {
      const figures = /\d/.test(JSON.stringify([q.prompt, q.choices, q.explanation]));
      if (figures && q.source.facts.some((id) => FACTS.items[id]?.status === 'calc')) expect(q.approx, q.id).toBe(true);
    }
  });
});
