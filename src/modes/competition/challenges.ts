// Challenge rounds: a zone's mechanics turned into timed competition items. A challenge is a small
// object a zone can provide (registered in CHALLENGES or passed to the competition's context):
//
//   { id, zone, title, paramsProblems?(params), makeItems(params, rng, count) }
//
// makeItems must be deterministic for a given rng state (the competition replays its log, so the
// same seed must give the same items) and returns items shaped like quiz questions: a localized
// prompt, choices, the answer, an explanation and its source (facts.md ids + the rule in words).
// `situation` is plain data for the kiosk to draw the scene (signal, vehicles, distances).
//
// The one built in here, 'safe-to-cross', is the crossing zone's decision under time pressure
// (its texts are the crossing zone file's `competition.safe-to-cross`; the logic stays here):
// "is it safe to cross now?" Each situation's answer comes from the rules of facts.md Zone 1
// (1.5 signals, 1.3/1.4 where and how to cross, 1.1/1.9 turning vehicles must give way, 1.13 judging
// by arrival time, not distance) and is re-checked by decideSafeToCross, a rule function that does not
// know which template built the situation: an item whose template and rule disagree is never made.
import { z } from 'zod';
import { competition as crossingCompetition } from '../../../scenes/crossing.json';
import type { LocalizedText, ZoneId } from '../../content/ids.ts';
import { challengeTextsSchema, type ChallengeTexts } from '../../content/schema.ts';
import type { Rng } from '../../sim/rng.ts';

export interface ChallengeChoice {
  id: string;
  text: LocalizedText;
}

export interface ChallengeItem {
  /** stable per kind of situation (statistics group "most missed" by it), e.g. 'safe-to-cross-red-empty' */
  id: string;
  prompt: LocalizedText;
  choices: ChallengeChoice[];
  answer: string[];
  explanation: LocalizedText;
  /** facts.md item ids and the rule in words, like a bank question's source */
  source: { facts: string[]; law: LocalizedText };
  /** the explanation quotes estimated figures (约 / about) */
  approx?: boolean;
  /** plain data for drawing the situation */
  situation?: Record<string, unknown>;
}

export interface Challenge {
  id: string;
  /** the zone whose mechanics it reuses (results of challenge questions count for this zone) */
  zone: ZoneId;
  title: LocalizedText;
  /** what is wrong with a round's params, for the setup screen; empty when they are fine */
  paramsProblems?(params: Record<string, unknown>): string[];
  /** `count` items, deterministic for the rng's state; throws on params paramsProblems refuses */
  makeItems(params: Record<string, unknown>, rng: Rng, count: number): ChallengeItem[];
}

/** Fisher–Yates with the competition's seeded rng. */
export function shuffleWith<T>(list: readonly T[], rng: Rng): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------- safe to cross

export const SAFE_TO_CROSS_TEMPLATES = [
  'red-empty',
  'red-far-car',
  'green-clear',
  'green-turn-stopped',
  'green-turn-coming',
  'zebra-car-close',
  'zebra-wide-gap',
  'fast-car-looks-far',
  'gap-too-short',
  'footbridge-nearby',
] as const;
export type SafeToCrossTemplate = (typeof SAFE_TO_CROSS_TEMPLATES)[number];

/** Seconds of spare time a gap must leave beyond the walk across (a safety figure, not a legal one).
 * Generated situations stay far from it on either side, so no item hinges on it. */
export const GAP_MARGIN_S = 3;

export interface Vehicle {
  movement: 'straight' | 'right-turn';
  distanceM: number;
  speedKmh: number;
  /** seconds until it reaches the crossing at its speed (0 when stopped) */
  etaSec: number;
  stopped: boolean;
}

export interface CrossingSituation {
  signal: 'red' | 'green' | 'none';
  /** where the pedestrian stands: at a zebra crossing, or at a place without one */
  crossing: 'zebra' | 'none';
  /** distance to a footbridge, when one is near */
  footbridgeM?: number;
  roadWidthM: number;
  walkSpeed: number;
  /** seconds the pedestrian needs to walk across */
  crossSec: number;
  vehicles: Vehicle[];
}

export type CrossDecision = 'cross' | 'wait';

/**
 * The rule, independent of how a situation was made:
 * - a footbridge nearby and no crossing here → use the bridge (facts 1.4: bridge/underpass first);
 * - red pedestrian signal → do not enter, whatever the traffic (1.5);
 * - any moving vehicle arriving before the walk across plus GAP_MARGIN_S → wait (1.4: never dash out
 *   when a car is close; on green a turning car must give way (1.9, 1.1), but one that is not slowing
 *   is still a car about to arrive);
 * - otherwise → cross (1.5 green / 1.3 no signals: after making sure it is safe).
 */
export function decideSafeToCross(s: CrossingSituation): CrossDecision {
  if (s.footbridgeM !== undefined && s.crossing === 'none') return 'wait';
  if (s.signal === 'red') return 'wait';
  for (const v of s.vehicles) if (!v.stopped && v.etaSec < s.crossSec + GAP_MARGIN_S) return 'wait';
  return 'cross';
}

const paramsSchema = z
  .object({
    /** metres per second the players should assume they walk (default 1.0: between a senior's 0.97 and a child's 1.1, facts 1.15) */
    walkSpeed: z.number().min(0.5).max(1.6).optional(),
    roadWidthM: z.number().min(6).max(30).optional(),
    /** only these kinds of situation (default: all) */
    templates: z.array(z.enum(SAFE_TO_CROSS_TEMPLATES)).min(1).optional(),
  })
  .strict();

type Vars = Record<string, string | number>;

/** A text with its `{name}` figures filled in, in every language it has (zh-Hant when the build made it). */
const fill = (t: LocalizedText, vars: Vars): LocalizedText => {
  const sub = (x: string) => x.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));
  return { 'zh-Hans': sub(t['zh-Hans']), en: sub(t.en), ...(t['zh-Hant'] !== undefined ? { 'zh-Hant': sub(t['zh-Hant']) } : {}) };
};

/** How a kind of situation is built and what it must be answered (its texts are the zone file's). */
interface TemplateDef {
  answer: CrossDecision;
  /** the situation and the numbers quoted in the texts */
  build(rng: Rng, base: { walkSpeed: number; roadWidthM: number; crossSec: number }): { situation: CrossingSituation; vars: Vars };
}

const pickOf = <T,>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
/** seconds as read aloud: one decimal below 10 s (2.5, 3), whole seconds above */
const sec = (x: number): string => (x < 10 ? String(Math.round(x * 10) / 10) : String(Math.round(x)));
const mps = (kmh: number) => kmh / 3.6;

function car(movement: Vehicle['movement'], distanceM: number, speedKmh: number, stopped = false): Vehicle {
  return { movement, distanceM, speedKmh: stopped ? 0 : speedKmh, etaSec: stopped ? 0 : distanceM / mps(speedKmh), stopped };
}

const TEMPLATES: Record<SafeToCrossTemplate, TemplateDef> = {
  'red-empty': {
    answer: 'wait',
    build: (_rng, b) => ({ situation: { signal: 'red', crossing: 'zebra', ...b, vehicles: [] }, vars: {} }),
  },
  'red-far-car': {
    answer: 'wait',
    build: (rng, b) => {
      const d = 150 + 10 * Math.floor(rng.next() * 16);
      const v = pickOf(rng, [30, 40, 50]);
      return { situation: { signal: 'red', crossing: 'zebra', ...b, vehicles: [car('straight', d, v)] }, vars: { d, v } };
    },
  },
  'green-clear': {
    answer: 'cross',
    build: (_rng, b) => ({ situation: { signal: 'green', crossing: 'zebra', ...b, vehicles: [] }, vars: {} }),
  },
  'green-turn-stopped': {
    answer: 'cross',
    build: (rng, b) => ({
      situation: { signal: 'green', crossing: 'zebra', ...b, vehicles: [car('right-turn', pickOf(rng, [2, 3, 4]), 0, true)] },
      vars: {},
    }),
  },
  'green-turn-coming': {
    answer: 'wait',
    build: (rng, b) => {
      const v = pickOf(rng, [15, 20]);
      const d = Math.round(mps(v) * pickOf(rng, [1.5, 2, 2.5, 3]));
      const c = car('right-turn', d, v);
      return { situation: { signal: 'green', crossing: 'zebra', ...b, vehicles: [c] }, vars: { d, v, t: sec(c.etaSec) } };
    },
  },
  'zebra-car-close': {
    answer: 'wait',
    build: (rng, b) => {
      const v = pickOf(rng, [30, 40, 50]);
      const d = Math.round(mps(v) * pickOf(rng, [1.5, 2, 2.5]));
      const c = car('straight', d, v);
      return { situation: { signal: 'none', crossing: 'zebra', ...b, vehicles: [c] }, vars: { d, v, t: sec(c.etaSec) } };
    },
  },
  'zebra-wide-gap': {
    answer: 'cross',
    build: (rng, b) => {
      const v = pickOf(rng, [30, 35, 40]);
      const target = Math.max(2 * b.crossSec + 5, 15) + rng.next() * 8;
      const d = Math.ceil((mps(v) * target) / 10) * 10;
      const c = car('straight', d, v);
      return {
        situation: { signal: 'none', crossing: 'zebra', ...b, vehicles: [c] },
        vars: { w: b.roadWidthM, s: b.walkSpeed, d, v, c: sec(b.crossSec), t: sec(c.etaSec) },
      };
    },
  },
  'fast-car-looks-far': {
    answer: 'wait',
    build: (rng, b) => {
      const v = pickOf(rng, [60, 70]);
      const target = Math.min(0.6 * b.crossSec, 5) * (0.8 + 0.2 * rng.next());
      const d = Math.max(10, Math.floor((mps(v) * target) / 5) * 5);
      const c = car('straight', d, v);
      return {
        situation: { signal: 'none', crossing: 'zebra', ...b, vehicles: [c] },
        vars: { w: b.roadWidthM, s: b.walkSpeed, d, v, c: sec(b.crossSec), t: sec(c.etaSec) },
      };
    },
  },
  'gap-too-short': {
    answer: 'wait',
    build: (rng, b) => {
      const v = pickOf(rng, [30, 35, 40]);
      const target = b.crossSec * (0.45 + 0.15 * rng.next());
      const d = Math.max(5, Math.floor((mps(v) * target) / 5) * 5);
      const c = car('straight', d, v);
      return {
        situation: { signal: 'none', crossing: 'zebra', ...b, vehicles: [c] },
        vars: { w: b.roadWidthM, s: b.walkSpeed, d, v, c: sec(b.crossSec), t: sec(c.etaSec) },
      };
    },
  },
  'footbridge-nearby': {
    answer: 'wait',
    build: (rng, b) => {
      const bridge = pickOf(rng, [20, 30, 40]);
      return { situation: { signal: 'none', crossing: 'none', footbridgeM: bridge, ...b, vehicles: [] }, vars: { b: bridge } };
    },
  },
};

function paramsProblemsOf(params: Record<string, unknown>): string[] {
  const r = paramsSchema.safeParse(params);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`);
}

/** The zone file's texts of safe-to-cross, checked against the templates (a missing one names its path). */
export function safeToCrossTexts(raw: unknown, file = 'scenes/crossing.json'): ChallengeTexts {
  const r = challengeTextsSchema.safeParse(raw);
  if (!r.success) throw new Error(r.error.issues.map((i) => `${file}: competition.safe-to-cross.${i.path.join('.')}: ${i.message}`).join('\n'));
  const missing = [
    ...SAFE_TO_CROSS_TEMPLATES.filter((t) => !r.data.items[t]).map((t) => `items.${t}`),
    ...(['cross', 'wait'] as const).filter((c) => !r.data.choices[c]).map((c) => `choices.${c}`),
  ];
  if (missing.length) throw new Error(missing.map((m) => `${file}: competition.safe-to-cross.${m}: missing`).join('\n'));
  return r.data;
}

/** the texts of scenes/crossing.json (zh-Hant filled in by the build) */
const TEXTS: ChallengeTexts = safeToCrossTexts(crossingCompetition['safe-to-cross']);

/** One item of the given template (exported for tests and for the crossing zone's own previews). */
export function makeSafeToCrossItem(template: SafeToCrossTemplate, rng: Rng, opts: { walkSpeed?: number; roadWidthM?: number } = {}, texts: ChallengeTexts = TEXTS): ChallengeItem {
  const walkSpeed = opts.walkSpeed ?? 1;
  const roadWidthM = opts.roadWidthM ?? 10;
  const def = TEMPLATES[template];
  const words = texts.items[template]!;
  const { situation, vars } = def.build(rng, { walkSpeed, roadWidthM, crossSec: roadWidthM / walkSpeed });
  const decided = decideSafeToCross(situation);
  // a safety quiz must never teach a wrong answer: refuse an item whose story and rule disagree
  if (decided !== def.answer) throw new Error(`safe-to-cross: template ${template} built a situation the rule decides as "${decided}"`);
  return {
    id: `safe-to-cross-${template}`,
    prompt: fill(words.prompt, vars),
    choices: (['cross', 'wait'] as const).map((id) => ({ id, text: { ...texts.choices[id]! } })),
    answer: [def.answer],
    explanation: fill(words.explanation, vars),
    source: { facts: [...words.source.facts], law: { ...words.source.law } },
    ...(words.approx ? { approx: true } : {}),
    situation: situation as unknown as Record<string, unknown>,
  };
}

/** The safe-to-cross challenge with the given texts (the zone file's by default). */
export function createSafeToCross(texts: ChallengeTexts = TEXTS): Challenge {
  return {
    id: 'safe-to-cross',
    zone: 'crossing',
    title: texts.title,
    paramsProblems: paramsProblemsOf,
    makeItems(params, rng, count) {
      const r = paramsSchema.safeParse(params);
      if (!r.success) throw new Error(`safe-to-cross: ${paramsProblemsOf(params).join('; ')}`);
      const templates = r.data.templates ?? [...SAFE_TO_CROSS_TEMPLATES];
      // every kind of situation once (in random order) before any comes twice
      const order: SafeToCrossTemplate[] = [];
      while (order.length < count) order.push(...shuffleWith(templates, rng));
      return order.slice(0, count).map((t) => makeSafeToCrossItem(t, rng, r.data, texts));
    },
  };
}

export const safeToCross: Challenge = createSafeToCross();

/** The built-in challenges by id; zones add theirs with challengeRegistry(...CHALLENGE_LIST, mine). */
export const CHALLENGE_LIST: readonly Challenge[] = [safeToCross];

export function challengeRegistry(...list: Challenge[]): Record<string, Challenge> {
  const out: Record<string, Challenge> = {};
  for (const c of list) {
    if (out[c.id]) throw new Error(`challengeRegistry: duplicate challenge id "${c.id}"`);
    out[c.id] = c;
  }
  return out;
}

export const CHALLENGES: Readonly<Record<string, Challenge>> = challengeRegistry(...CHALLENGE_LIST);
