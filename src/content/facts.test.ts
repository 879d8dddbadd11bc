import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationProblem, parseFactsIndex } from './facts.ts';
import { FACTS } from './factsIndex.ts';

describe('facts index', () => {
  it('reads ids and status labels, mixed labels counting as the weakest claim', () => {
    const idx = parseFactsIndex(
      ['**1.1** [原文 PRIMARY] · D, P', 'text', '**1.2** [二手 + 计算] · D', '**2.18** [未证实 UNCONFIRMED] · E', '**5.11** [二手 SECONDARY – WHO] + [计算] · D'].join('\n'),
    );
    expect(idx.items).toEqual({
      '1.1': { status: 'primary', audience: 'D, P' },
      '1.2': { status: 'calc', audience: 'D' },
      '2.18': { status: 'unconfirmed', audience: 'E' },
      '5.11': { status: 'calc', audience: 'D' },
    });
    expect(citationProblem(idx, '1.1')).toBeNull();
    expect(citationProblem(idx, '2.18')).toMatch(/UNCONFIRMED/);
    expect(citationProblem(idx, '7.7')).toMatch(/does not exist/);
  });

  it('the committed index knows every item of the fact sheet, and its three UNCONFIRMED ones', () => {
    expect(Object.keys(FACTS.items).length).toBeGreaterThanOrEqual(100);
    expect(Object.entries(FACTS.items).filter(([, v]) => v.status === 'unconfirmed').map(([k]) => k)).toEqual(['2.18', '3.21', '4.14']);
    const sheet = '../shared/docs/facts.md';
    // where the fact sheet is beside the project (developers, CI), the index must match it
    if (existsSync(sheet)) expect(parseFactsIndex(readFileSync(sheet, 'utf8'))).toEqual(FACTS);
  });
});
