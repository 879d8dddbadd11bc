import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fillHant, makeHantConverter } from '../../../scripts/build/hant.ts';
import { citationProblem } from '../../content/facts.ts';
import { FACTS } from '../../content/factsIndex.ts';
import { questionSchema } from '../../content/schema.ts';
import { Rng } from '../../sim/rng.ts';
import {
  CHALLENGES,
  GAP_MARGIN_S,
  SAFE_TO_CROSS_TEMPLATES,
  challengeRegistry,
  createSafeToCross,
  decideSafeToCross,
  makeSafeToCrossItem,
  safeToCross,
  safeToCrossTexts,
  type ChallengeItem,
  type CrossingSituation,
} from './challenges.ts';

const sit = (over: Partial<CrossingSituation>): CrossingSituation => ({
  signal: 'green',
  crossing: 'zebra',
  roadWidthM: 10,
  walkSpeed: 1,
  crossSec: 10,
  vehicles: [],
  ...over,
});
const car = (etaSec: number, stopped = false) => ({ movement: 'straight' as const, distanceM: etaSec * 10, speedKmh: 36, etaSec, stopped });

/** Every template over many seeds and the whole range of walking speeds and road widths. */
function allItems(): { item: ChallengeItem; walkSpeed: number; roadWidthM: number }[] {
  const out: { item: ChallengeItem; walkSpeed: number; roadWidthM: number }[] = [];
  for (const walkSpeed of [0.5, 0.97, 1.1, 1.25, 1.6])
    for (const roadWidthM of [6, 10, 14.5, 30])
      for (let seed = 0; seed < 25; seed++)
        for (const t of SAFE_TO_CROSS_TEMPLATES) out.push({ item: makeSafeToCrossItem(t, new Rng(seed * 7919 + 1), { walkSpeed, roadWidthM }), walkSpeed, roadWidthM });
  return out;
}
const ITEMS = allItems();

describe('decideSafeToCross (the rule, facts 1.1, 1.3, 1.4, 1.5, 1.9)', () => {
  it('red means wait, however empty the road (1.5)', () => {
    expect(decideSafeToCross(sit({ signal: 'red' }))).toBe('wait');
    expect(decideSafeToCross(sit({ signal: 'red', vehicles: [car(60)] }))).toBe('wait');
  });
  it('green with nothing coming, or with a turning car stopped for you, means cross', () => {
    expect(decideSafeToCross(sit({}))).toBe('cross');
    expect(decideSafeToCross(sit({ vehicles: [{ ...car(0, true), movement: 'right-turn' }] }))).toBe('cross');
  });
  it('a moving car arriving before the walk across plus the margin means wait, even on green', () => {
    expect(decideSafeToCross(sit({ vehicles: [car(2)] }))).toBe('wait');
    expect(decideSafeToCross(sit({ signal: 'none', vehicles: [car(10 + GAP_MARGIN_S - 0.01)] }))).toBe('wait');
    expect(decideSafeToCross(sit({ signal: 'none', vehicles: [car(10 + GAP_MARGIN_S)] }))).toBe('cross');
  });
  it('a slower walker needs a longer gap (crossSec)', () => {
    const gap = [car(12)];
    expect(decideSafeToCross(sit({ signal: 'none', crossSec: 8, vehicles: gap }))).toBe('cross');
    expect(decideSafeToCross(sit({ signal: 'none', crossSec: 10.3, vehicles: gap }))).toBe('wait');
  });
  it('with a footbridge near and no crossing here, use the bridge (1.4)', () => {
    expect(decideSafeToCross(sit({ signal: 'none', crossing: 'none', footbridgeM: 30 }))).toBe('wait');
  });
});

describe('safe-to-cross items', () => {
  it('every generated item has the answer the rule gives for its situation', () => {
    expect(ITEMS.length).toBe(5 * 4 * 25 * SAFE_TO_CROSS_TEMPLATES.length);
    for (const { item } of ITEMS) expect(item.answer).toEqual([decideSafeToCross(item.situation as unknown as CrossingSituation)]);
  });

  it('situations stay far from the gap threshold, so no item hinges on the margin', () => {
    for (const { item } of ITEMS) {
      const s = item.situation as unknown as CrossingSituation;
      for (const v of s.vehicles.filter((x) => !x.stopped && s.signal !== 'red')) {
        const slack = v.etaSec - (s.crossSec + GAP_MARGIN_S);
        expect(Math.abs(slack), `${item.id} eta ${v.etaSec} crossSec ${s.crossSec}`).toBeGreaterThan(1.5);
      }
    }
  });

  it('covers both answers, and the answer is a template property', () => {
    const byId = new Map<string, Set<string>>();
    for (const { item } of ITEMS) byId.set(item.id, new Set([...(byId.get(item.id) ?? []), item.answer[0]!]));
    for (const answers of byId.values()) expect(answers.size).toBe(1);
    const answers = [...byId.values()].map((s) => [...s][0]);
    expect(answers.filter((a) => a === 'cross').length).toBeGreaterThanOrEqual(3);
    expect(answers.filter((a) => a === 'wait').length).toBeGreaterThanOrEqual(5);
    expect(byId.get('safe-to-cross-red-empty')).toEqual(new Set(['wait']));
    expect(byId.get('safe-to-cross-green-clear')).toEqual(new Set(['cross']));
    expect(byId.get('safe-to-cross-green-turn-coming')).toEqual(new Set(['wait']));
    expect(byId.get('safe-to-cross-footbridge-nearby')).toEqual(new Set(['wait']));
  });

  it('cites Zone 1 facts that exist and are not unconfirmed', () => {
    for (const { item } of ITEMS) {
      expect(item.source.facts.length).toBeGreaterThan(0);
      for (const f of item.source.facts) {
        expect(f).toMatch(/^1\.\d+$/);
        expect(citationProblem(FACTS, f)).toBeNull();
      }
    }
    // red → the signal rule; a turning car → the turning rule
    expect(makeSafeToCrossItem('red-empty', new Rng(1)).source.facts).toContain('1.5');
    expect(makeSafeToCrossItem('green-turn-coming', new Rng(1)).source.facts).toEqual(expect.arrayContaining(['1.9', '1.1']));
    expect(makeSafeToCrossItem('footbridge-nearby', new Rng(1)).source.facts).toContain('1.4');
  });

  it('is a valid quiz question as far as the content schema can tell (ids, choices, answer, facts, approx wording)', () => {
    for (const { item } of ITEMS.slice(0, 200)) {
      const r = questionSchema.safeParse({
        id: item.id,
        zone: 'crossing',
        groups: ['adult'],
        difficulty: 1,
        kind: 'truefalse',
        topic: 'signals',
        prompt: item.prompt,
        choices: item.choices,
        answer: item.answer,
        explanation: item.explanation,
        source: item.source,
        ...(item.approx ? { approx: true } : {}),
      });
      expect(r.success, r.success ? '' : JSON.stringify(r.error.issues)).toBe(true);
    }
  });

  it('fills every placeholder, in both source languages (zh-Hant: below)', () => {
    const bad: string[] = [];
    for (const { item } of ITEMS)
      for (const l of [item.prompt, item.explanation, item.source.law, ...item.choices.map((c) => c.text)])
        for (const lang of ['zh-Hans', 'en'] as const) {
          const t = l[lang];
          if (!t || /[{}]|undefined|NaN|Infinity/.test(t)) bad.push(`${item.id} ${lang}: ${t}`);
        }
    expect(bad).toEqual([]);
  });

  it('its texts are the crossing zone file\'s, with no hand-written zh-Hant; the build\'s zh-Hant reaches every item', () => {
    const file = JSON.parse(readFileSync(new URL('../../../scenes/crossing.json', import.meta.url), 'utf8'));
    const texts = file.competition['safe-to-cross'];
    expect(JSON.stringify(texts)).not.toContain('zh-Hant');
    expect(safeToCross.title).toEqual(texts.title);
    expect(makeSafeToCrossItem('red-empty', new Rng(1)).prompt).toEqual(texts.items['red-empty'].prompt);
    // built as the app is: zh-Hant generated from zh-Hans (the build's OpenCC), figures filled in after
    const convert = makeHantConverter();
    const built = safeToCrossTexts(fillHant(texts, convert));
    for (const t of SAFE_TO_CROSS_TEMPLATES) {
      const item = makeSafeToCrossItem(t, new Rng(3), {}, built);
      for (const l of [item.prompt, item.explanation, item.source.law, ...item.choices.map((c) => c.text)]) {
        expect(l['zh-Hant']).toBe(convert(l['zh-Hans']));
        expect(l['zh-Hant']).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
    expect(createSafeToCross(built).title['zh-Hant']).toBe(convert(texts.title['zh-Hans']));
  });

  it('a zone file missing a template\'s texts is refused, naming the path', () => {
    const file = JSON.parse(readFileSync(new URL('../../../scenes/crossing.json', import.meta.url), 'utf8'));
    const texts = structuredClone(file.competition['safe-to-cross']);
    delete texts.items['gap-too-short'];
    delete texts.choices.wait;
    expect(() => safeToCrossTexts(texts)).toThrow('scenes/crossing.json: competition.safe-to-cross.items.gap-too-short: missing\nscenes/crossing.json: competition.safe-to-cross.choices.wait: missing');
    expect(() => safeToCrossTexts({ ...texts, title: 'x' })).toThrow(/competition\.safe-to-cross\.title: /);
  });

  it('quotes the figures of its own situation', () => {
    for (const { item, walkSpeed, roadWidthM } of ITEMS.filter((x) => x.item.id === 'safe-to-cross-gap-too-short' || x.item.id === 'safe-to-cross-zebra-wide-gap')) {
      const s = item.situation as unknown as CrossingSituation;
      const v = s.vehicles[0]!;
      expect(s.walkSpeed).toBe(walkSpeed);
      expect(s.roadWidthM).toBe(roadWidthM);
      expect(s.crossSec).toBeCloseTo(roadWidthM / walkSpeed, 9);
      expect(item.prompt.en).toContain(`${v.distanceM} m away, doing about ${v.speedKmh} km/h`);
      expect(item.prompt.en).toContain(`${roadWidthM} m wide and you walk about ${walkSpeed} m per second`);
      expect(item.prompt['zh-Hans']).toContain(`${v.distanceM}米外`);
      const eta = v.etaSec < 10 ? Math.round(v.etaSec * 10) / 10 : Math.round(v.etaSec);
      expect(item.explanation.en).toContain(`about ${eta} s`);
      expect(item.explanation['zh-Hans']).toContain(`约${eta}秒`);
      expect(v.etaSec).toBeCloseTo(v.distanceM / (v.speedKmh / 3.6), 9);
    }
  });
});

describe('safeToCross challenge', () => {
  it('is registered for the crossing zone', () => {
    expect(CHALLENGES['safe-to-cross']).toBe(safeToCross);
    expect(safeToCross.zone).toBe('crossing');
  });

  it('makes the same items from the same rng state, others from another', () => {
    const a = safeToCross.makeItems({}, new Rng(5), 8);
    expect(safeToCross.makeItems({}, new Rng(5), 8)).toEqual(a);
    expect(safeToCross.makeItems({}, new Rng(6), 8)).not.toEqual(a);
    expect(a).toHaveLength(8);
  });

  it('uses every kind of situation once before repeating one', () => {
    const n = SAFE_TO_CROSS_TEMPLATES.length;
    const items = safeToCross.makeItems({}, new Rng(11), n + 3);
    expect(new Set(items.slice(0, n).map((i) => i.id)).size).toBe(n);
    expect(items).toHaveLength(n + 3);
  });

  it('limits itself to the templates asked for, with the given walking speed', () => {
    const items = safeToCross.makeItems({ templates: ['gap-too-short', 'red-empty'], walkSpeed: 0.97 }, new Rng(2), 6);
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(['safe-to-cross-gap-too-short', 'safe-to-cross-red-empty']));
    for (const i of items) expect((i.situation as unknown as CrossingSituation).walkSpeed).toBe(0.97);
  });

  it('refuses bad params with a clear message', () => {
    expect(safeToCross.paramsProblems!({})).toEqual([]);
    expect(safeToCross.paramsProblems!({ walkSpeed: 5 })[0]).toMatch(/^walkSpeed: /);
    expect(safeToCross.paramsProblems!({ templates: ['nope'] })[0]).toMatch(/^templates\.0: /);
    expect(safeToCross.paramsProblems!({ speed: 1 }).length).toBe(1);
    expect(() => safeToCross.makeItems({ walkSpeed: 5 }, new Rng(1), 2)).toThrow(/safe-to-cross: walkSpeed/);
  });

  it('a registry refuses two challenges with one id', () => {
    expect(() => challengeRegistry(safeToCross, safeToCross)).toThrow(/duplicate challenge id "safe-to-cross"/);
    expect(Object.keys(challengeRegistry(safeToCross, { ...safeToCross, id: 'other' }))).toEqual(['safe-to-cross', 'other']);
  });
});
