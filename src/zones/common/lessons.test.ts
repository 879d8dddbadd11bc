// The summary in the visitor's words, on the real zone files: "End now" with time left names each
// unfinished task and says the visitor ended early (never "time is up"); items lead with the lesson
// and keep the rule, law and facts for "why"; a child's summary has no article numbers, facts ids
// or Latin-script citations, an adult's keeps them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { zoneSchema, type ZoneDef } from '../../content/schema.ts';
import { createGame as crossingGame, walkerInput } from '../crossing/rules.ts';
import { createGame as ebikeGame } from '../ebike/rules.ts';
import { summaryView, type SummaryView } from './lessons.ts';
import { playGame } from './testing.ts';

const scene = (id: string): ZoneDef => zoneSchema.parse(JSON.parse(readFileSync(new URL(`../../../scenes/${id}.json`, import.meta.url), 'utf8')));
const crossing = scene('crossing');
const ebike = scene('ebike');

/** every string a visitor reads in the summary (the "why" opened) */
const shown = (v: SummaryView): string[] =>
  v.items.flatMap((i) => [i.lesson, i.happened, i.unfinished, i.why.rule, i.why.law].flatMap((l) => (l ? [l['zh-Hans'], l.en] : [])).concat(i.why.facts ?? []));
/** what a child must not see: article numbers, facts ids, Latin-script citations */
const CITATION = /第[一二三四五六七八九十百\d]+条|\bArts?\.|\b\d+\.\d+\b|WHO|NHTSA|Knoblauch|GB \d/;

describe('the summary in the visitor’s words', { timeout: 30_000 }, () => {
  it('after End now with time left: ended early, each unfinished task named, never "time is up"', () => {
    const game = crossingGame(crossing, 'child', 1);
    playGame(game, 5, () => walkerInput());
    game.finish();
    const v = summaryView(game.summary());
    expect(v.endedBy).toBe('quit');
    const missed = v.items.filter((i) => i.unfinished);
    expect(missed.map((i) => i.unfinished!['zh-Hans'])).toEqual(crossing.challenges!.filter((c) => c.kind === 'cross').map((c) => c.title['zh-Hans']));
    // the lesson leads (what to do), and "时间到了" is nowhere
    expect(missed[0]!.lesson).toEqual(crossing.feedback!.task_missed!.instead);
    expect(JSON.stringify(v)).not.toContain('时间到了');
    expect(JSON.stringify(v)).not.toContain('Time is up');
  });

  it('at the time limit: ended by time', () => {
    const game = crossingGame(crossing, 'adult', 1);
    playGame(game, 400, () => walkerInput());
    expect(summaryView(game.summary()).endedBy).toBe('time');
  });

  it('a child sees no citations; an adult sees law and facts under "why"', () => {
    const child = crossingGame(crossing, 'child', 1);
    playGame(child, 30, () => ({ ...walkerInput(), moveZ: -1 }));
    child.finish();
    const cv = summaryView(child.summary());
    expect(cv.items.length).toBeGreaterThan(3);
    expect(shown(cv).filter((s) => CITATION.test(s))).toEqual([]);
    expect(cv.items.every((i) => i.why.law === null && i.why.facts === null)).toBe(true);

    const adult = crossingGame(crossing, 'adult', 1);
    playGame(adult, 30, () => ({ ...walkerInput(), moveZ: -1 }));
    adult.finish();
    const av = summaryView(adult.summary());
    expect(av.items.every((i) => i.why.law !== null && i.why.facts!.length > 0)).toBe(true);
  });

  it('a child in the e-bike zone: every choice of the passenger game reads without citations', () => {
    for (const pick of [0, 1, 2]) {
      const game = ebikeGame(ebike, 'child', 1);
      for (const it of game.checklist) game.choose(it.id, it.options[Math.min(pick, it.options.length - 1)]!.id);
      game.startRide();
      const v = summaryView(game.summary());
      expect(v.items.length).toBe(4);
      expect(shown(v).filter((s) => CITATION.test(s))).toEqual([]);
    }
  });
});
