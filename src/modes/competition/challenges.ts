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
// The one built in here, 'safe-to-cross', is the crossing zone's decision under time pressure:
// "is it safe to cross now?" Each situation's answer comes from the rules of facts.md Zone 1
// (1.5 signals, 1.3/1.4 where and how to cross, 1.1/1.9 turning vehicles must give way, 1.13 judging
// by arrival time, not distance) and is re-checked by decideSafeToCross, a rule function that does not
// know which template built the situation: an item whose template and rule disagree is never made.
import { z } from 'zod';
import type { LocalizedText, ZoneId } from '../../content/ids.ts';
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
type Texts = { 'zh-Hans': string; 'zh-Hant': string; en: string };

const fill = (t: Texts, vars: Vars): LocalizedText => {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? `{${k}}`));
  return { 'zh-Hans': sub(t['zh-Hans']), 'zh-Hant': sub(t['zh-Hant']), en: sub(t.en) };
};

const LAW = {
  art39: { 'zh-Hans': '《道路交通安全法实施条例》第三十九条', 'zh-Hant': '《道路交通安全法實施條例》第三十九條', en: 'Implementing Regulations of the Road Traffic Safety Law, Art. 39' },
  art38: { 'zh-Hans': '《道路交通安全法实施条例》第三十八条', 'zh-Hant': '《道路交通安全法實施條例》第三十八條', en: 'Implementing Regulations of the Road Traffic Safety Law, Art. 38' },
  art75: { 'zh-Hans': '《道路交通安全法实施条例》第七十五条', 'zh-Hant': '《道路交通安全法實施條例》第七十五條', en: 'Implementing Regulations of the Road Traffic Safety Law, Art. 75' },
  law47: { 'zh-Hans': '《中华人民共和国道路交通安全法》第四十七条', 'zh-Hant': '《中華人民共和國道路交通安全法》第四十七條', en: 'Road Traffic Safety Law of the PRC, Art. 47' },
  law62: { 'zh-Hans': '《中华人民共和国道路交通安全法》第六十二条', 'zh-Hant': '《中華人民共和國道路交通安全法》第六十二條', en: 'Road Traffic Safety Law of the PRC, Art. 62' },
  child: { 'zh-Hans': '儿童行人安全研究', 'zh-Hant': '兒童行人安全研究', en: 'Child-pedestrian safety research' },
} satisfies Record<string, Texts>;

const joinLaw = (...parts: Texts[]): LocalizedText => ({
  'zh-Hans': parts.map((p) => p['zh-Hans']).join('；'),
  'zh-Hant': parts.map((p) => p['zh-Hant']).join('；'),
  en: parts.map((p) => p.en).join('; '),
});

const CHOICES: ChallengeChoice[] = [
  { id: 'cross', text: { 'zh-Hans': '现在过', 'zh-Hant': '現在過', en: 'Cross now' } },
  { id: 'wait', text: { 'zh-Hans': '先不过', 'zh-Hant': '先不過', en: "Don't cross yet" } },
];

const TITLE: LocalizedText = { 'zh-Hans': '现在能过马路吗？', 'zh-Hant': '現在能過馬路嗎？', en: 'Safe to cross now?' };

// Prompts with the numbers the player needs; the explanation says why, in the words of the rule.
const PROMPT_GAP: Texts = {
  'zh-Hans': '这里的人行横道没有信号灯。马路宽{w}米，你每秒约走{s}米。最近的一辆车在{d}米外，车速约{v}公里/小时。现在可以过马路吗？',
  'zh-Hant': '這裡的人行橫道沒有信號燈。馬路寬{w}米，你每秒約走{s}米。最近的一輛車在{d}米外，車速約{v}公里/小時。現在可以過馬路嗎？',
  en: 'This zebra crossing has no signals. The road is {w} m wide and you walk about {s} m per second. The nearest car is {d} m away, doing about {v} km/h. Is it safe to cross now?',
};

interface TemplateDef {
  facts: string[];
  law: LocalizedText;
  approx?: boolean;
  prompt: Texts;
  explanation: Texts;
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
    facts: ['1.5'],
    law: LAW.art39,
    answer: 'wait',
    prompt: {
      'zh-Hans': '行人信号灯是红灯，路上看不到一辆车。现在可以过马路吗？',
      'zh-Hant': '行人信號燈是紅燈，路上看不到一輛車。現在可以過馬路嗎？',
      en: 'The pedestrian signal is red and there is no car in sight. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '不可以。红灯亮时禁止行人进入人行横道，路上没车也一样。等绿灯亮了再走。',
      'zh-Hant': '不可以。紅燈亮時禁止行人進入人行橫道，路上沒車也一樣。等綠燈亮了再走。',
      en: 'No. On red, pedestrians must not step onto the crossing, even when the road is empty. Wait for green.',
    },
    build: (_rng, b) => ({ situation: { signal: 'red', crossing: 'zebra', ...b, vehicles: [] }, vars: {} }),
  },
  'red-far-car': {
    facts: ['1.5'],
    law: LAW.art39,
    answer: 'wait',
    prompt: {
      'zh-Hans': '行人信号灯是红灯。最近的一辆车在{d}米外，车速约{v}公里/小时。现在可以过马路吗？',
      'zh-Hant': '行人信號燈是紅燈。最近的一輛車在{d}米外，車速約{v}公里/小時。現在可以過馬路嗎？',
      en: 'The pedestrian signal is red. The nearest car is {d} m away, doing about {v} km/h. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '不可以。红灯亮时禁止行人进入人行横道，车离得再远也要等。绿灯亮了再走。',
      'zh-Hant': '不可以。紅燈亮時禁止行人進入人行橫道，車離得再遠也要等。綠燈亮了再走。',
      en: 'No. On red you must not step onto the crossing, however far away the cars are. Wait for green.',
    },
    build: (rng, b) => {
      const d = 150 + 10 * Math.floor(rng.next() * 16);
      const v = pickOf(rng, [30, 40, 50]);
      return { situation: { signal: 'red', crossing: 'zebra', ...b, vehicles: [car('straight', d, v)] }, vars: { d, v } };
    },
  },
  'green-clear': {
    facts: ['1.5', '1.3'],
    law: joinLaw(LAW.art39, LAW.law62),
    answer: 'cross',
    prompt: {
      'zh-Hans': '行人信号灯是绿灯，没有车驶来。现在可以过马路吗？',
      'zh-Hant': '行人信號燈是綠燈，沒有車駛來。現在可以過馬路嗎？',
      en: 'The pedestrian signal is green and no vehicle is coming. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '可以。绿灯亮时准许行人通过。走人行横道，边走边留意转弯的车辆。',
      'zh-Hant': '可以。綠燈亮時准許行人通過。走人行橫道，邊走邊留意轉彎的車輛。',
      en: 'Yes. Green means you may cross. Stay on the zebra crossing and keep an eye out for turning vehicles as you go.',
    },
    build: (_rng, b) => ({ situation: { signal: 'green', crossing: 'zebra', ...b, vehicles: [] }, vars: {} }),
  },
  'green-turn-stopped': {
    facts: ['1.5', '1.9', '1.1'],
    law: joinLaw(LAW.art39, LAW.art38, LAW.law47),
    answer: 'cross',
    prompt: {
      'zh-Hans': '行人信号灯是绿灯。一辆右转的汽车已经在人行横道前停下，等行人先过。现在可以过马路吗？',
      'zh-Hant': '行人信號燈是綠燈。一輛右轉的汽車已經在人行橫道前停下，等行人先過。現在可以過馬路嗎？',
      en: 'The pedestrian signal is green. A car turning right has stopped before the crossing to let pedestrians go first. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '可以。绿灯亮时准许行人通过；转弯车辆不得妨碍行人，遇行人通过应当停车让行，这辆车就是这样做的。走人行横道过去，同时留意其他车辆。',
      'zh-Hant': '可以。綠燈亮時准許行人通過；轉彎車輛不得妨礙行人，遇行人通過應當停車讓行，這輛車就是這樣做的。走人行橫道過去，同時留意其他車輛。',
      en: 'Yes. Green means you may cross, and turning vehicles must not get in the way of pedestrians: they must stop and give way, as this car is doing. Walk across on the crossing and watch for other vehicles.',
    },
    build: (rng, b) => ({
      situation: { signal: 'green', crossing: 'zebra', ...b, vehicles: [car('right-turn', pickOf(rng, [2, 3, 4]), 0, true)] },
      vars: {},
    }),
  },
  'green-turn-coming': {
    facts: ['1.9', '1.1'],
    law: joinLaw(LAW.art38, LAW.law47),
    approx: true,
    answer: 'wait',
    prompt: {
      'zh-Hans': '行人信号灯是绿灯。一辆右转的汽车正开过来，约{t}秒后到人行横道，没有减速。现在可以过马路吗？',
      'zh-Hant': '行人信號燈是綠燈。一輛右轉的汽車正開過來，約{t}秒後到人行橫道，沒有減速。現在可以過馬路嗎？',
      en: 'The pedestrian signal is green. A car turning right is coming and will reach the crossing in about {t} s. It is not slowing down. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '先不要走。转弯车辆不得妨碍行人通行，遇行人应当停车让行；但这辆车没有减速，约{t}秒就到。等它停下或开过去再走：有路权也挡不住车。',
      'zh-Hant': '先不要走。轉彎車輛不得妨礙行人通行，遇行人應當停車讓行；但這輛車沒有減速，約{t}秒就到。等它停下或開過去再走：有路權也擋不住車。',
      en: "Not yet. Turning vehicles must not get in the way of pedestrians and must stop for them, but this car is not slowing down and will be there in about {t} s. Wait until it stops or has passed: being in the right won't stop a car.",
    },
    build: (rng, b) => {
      const v = pickOf(rng, [15, 20]);
      const d = Math.round(mps(v) * pickOf(rng, [1.5, 2, 2.5, 3]));
      const c = car('right-turn', d, v);
      return { situation: { signal: 'green', crossing: 'zebra', ...b, vehicles: [c] }, vars: { d, v, t: sec(c.etaSec) } };
    },
  },
  'zebra-car-close': {
    facts: ['1.4', '1.3', '1.1'],
    law: joinLaw(LAW.art75, LAW.law62, LAW.law47),
    approx: true,
    answer: 'wait',
    prompt: {
      'zh-Hans': '这里的人行横道没有信号灯。一辆车在{d}米外，车速约{v}公里/小时。现在可以过马路吗？',
      'zh-Hant': '這裡的人行橫道沒有信號燈。一輛車在{d}米外，車速約{v}公里/小時。現在可以過馬路嗎？',
      en: 'This zebra crossing has no signals. A car is {d} m away, doing about {v} km/h. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '不可以。这辆车约{t}秒就到。没有信号灯时要确认安全后再走，不能在车辆临近时突然加速横穿。司机应当减速让行，但不一定来得及停下。等车过去再走。',
      'zh-Hant': '不可以。這輛車約{t}秒就到。沒有信號燈時要確認安全後再走，不能在車輛臨近時突然加速橫穿。司機應當減速讓行，但不一定來得及停下。等車過去再走。',
      en: 'No. The car will be there in about {t} s. Without signals, cross only once you are sure it is safe, and never dash out when a car is close. Drivers must slow down for the crossing, but this one may not be able to stop in time. Let it pass first.',
    },
    build: (rng, b) => {
      const v = pickOf(rng, [30, 40, 50]);
      const d = Math.round(mps(v) * pickOf(rng, [1.5, 2, 2.5]));
      const c = car('straight', d, v);
      return { situation: { signal: 'none', crossing: 'zebra', ...b, vehicles: [c] }, vars: { d, v, t: sec(c.etaSec) } };
    },
  },
  'zebra-wide-gap': {
    facts: ['1.3', '1.4'],
    law: joinLaw(LAW.law62, LAW.art75),
    approx: true,
    answer: 'cross',
    prompt: PROMPT_GAP,
    explanation: {
      'zh-Hans': '可以。走过去约需{c}秒，车约{t}秒后才到，时间充足。没有信号灯时，看清来往车辆、确认安全后，沿人行横道直行通过，边走边留意车辆。',
      'zh-Hant': '可以。走過去約需{c}秒，車約{t}秒後才到，時間充足。沒有信號燈時，看清來往車輛、確認安全後，沿人行橫道直行通過，邊走邊留意車輛。',
      en: 'Yes. Crossing takes you about {c} s and the car needs about {t} s to get here: plenty of time. Without signals, look both ways, make sure it is safe, then walk straight across on the crossing, still watching the traffic.',
    },
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
    facts: ['1.13', '1.4'],
    law: joinLaw(LAW.child, LAW.art75),
    approx: true,
    answer: 'wait',
    prompt: {
      'zh-Hans': '这里的人行横道没有信号灯。马路宽{w}米，你每秒约走{s}米。一辆车在{d}米外，看起来还远，但车速约{v}公里/小时。现在可以过马路吗？',
      'zh-Hant': '這裡的人行橫道沒有信號燈。馬路寬{w}米，你每秒約走{s}米。一輛車在{d}米外，看起來還遠，但車速約{v}公里/小時。現在可以過馬路嗎？',
      en: 'This zebra crossing has no signals. The road is {w} m wide and you walk about {s} m per second. A car {d} m away looks far off, but it is doing about {v} km/h. Is it safe to cross now?',
    },
    explanation: {
      'zh-Hans': '不可以。走过去约需{c}秒，这辆车约{t}秒就到。判断来车要看它多快到，不能只看它有多远；车辆临近时不能突然加速横穿。等车过去再走。',
      'zh-Hant': '不可以。走過去約需{c}秒，這輛車約{t}秒就到。判斷來車要看它多快到，不能只看它有多遠；車輛臨近時不能突然加速橫穿。等車過去再走。',
      en: 'No. Crossing takes you about {c} s, but this car will be there in about {t} s. Judge a car by how soon it will arrive, not just by how far away it is, and never dash out when a car is close. Let it pass first.',
    },
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
    facts: ['1.4', '1.3'],
    law: joinLaw(LAW.art75, LAW.law62),
    approx: true,
    answer: 'wait',
    prompt: PROMPT_GAP,
    explanation: {
      'zh-Hans': '不可以。走过去约需{c}秒，车约{t}秒就到，时间不够。没有信号灯时要确认安全后再走，不能在车辆临近时突然加速横穿，也不能走到一半往回退。等车过去再走。',
      'zh-Hant': '不可以。走過去約需{c}秒，車約{t}秒就到，時間不夠。沒有信號燈時要確認安全後再走，不能在車輛臨近時突然加速橫穿，也不能走到一半往回退。等車過去再走。',
      en: 'No. Crossing takes you about {c} s, but the car will be there in about {t} s: not enough time. Without signals, cross only when you are sure it is safe; never dash out when a car is close, and never turn back halfway. Let it pass first.',
    },
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
    facts: ['1.4'],
    law: LAW.art75,
    answer: 'wait',
    prompt: {
      'zh-Hans': '你站在路边，这里没有人行横道；{b}米外有一座过街天桥。路上暂时没有车。现在可以从这里横穿马路吗？',
      'zh-Hant': '你站在路邊，這裡沒有人行橫道；{b}米外有一座過街天橋。路上暫時沒有車。現在可以從這裡橫穿馬路嗎？',
      en: 'You are at the kerb where there is no zebra crossing, and there is a footbridge {b} m away. No cars are coming at the moment. Is it safe to cross here now?',
    },
    explanation: {
      'zh-Hans': '不可以。横过机动车道要优先走天桥、地道等过街设施，其次走人行横道。附近有天桥就走天桥，暂时没车也不能随意横穿。',
      'zh-Hant': '不可以。橫過機動車道要優先走天橋、地道等過街設施，其次走人行橫道。附近有天橋就走天橋，暫時沒車也不能隨意橫穿。',
      en: 'No. To cross the carriageway, use a footbridge or underpass first, then a zebra crossing. With a footbridge this close, use it: an empty road is no reason to cross anywhere.',
    },
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

/** One item of the given template (exported for tests and for the crossing zone's own previews). */
export function makeSafeToCrossItem(template: SafeToCrossTemplate, rng: Rng, opts: { walkSpeed?: number; roadWidthM?: number } = {}): ChallengeItem {
  const walkSpeed = opts.walkSpeed ?? 1;
  const roadWidthM = opts.roadWidthM ?? 10;
  const def = TEMPLATES[template];
  const { situation, vars } = def.build(rng, { walkSpeed, roadWidthM, crossSec: roadWidthM / walkSpeed });
  const decided = decideSafeToCross(situation);
  // a safety quiz must never teach a wrong answer: refuse an item whose story and rule disagree
  if (decided !== def.answer) throw new Error(`safe-to-cross: template ${template} built a situation the rule decides as "${decided}"`);
  return {
    id: `safe-to-cross-${template}`,
    prompt: fill(def.prompt, vars),
    choices: CHOICES.map((c) => ({ id: c.id, text: { ...c.text } })),
    answer: [def.answer],
    explanation: fill(def.explanation, vars),
    source: { facts: [...def.facts], law: { ...def.law } },
    ...(def.approx ? { approx: true } : {}),
    situation: situation as unknown as Record<string, unknown>,
  };
}

export const safeToCross: Challenge = {
  id: 'safe-to-cross',
  zone: 'crossing',
  title: TITLE,
  paramsProblems: paramsProblemsOf,
  makeItems(params, rng, count) {
    const r = paramsSchema.safeParse(params);
    if (!r.success) throw new Error(`safe-to-cross: ${paramsProblemsOf(params).join('; ')}`);
    const templates = r.data.templates ?? [...SAFE_TO_CROSS_TEMPLATES];
    // every kind of situation once (in random order) before any comes twice
    const order: SafeToCrossTemplate[] = [];
    while (order.length < count) order.push(...shuffleWith(templates, rng));
    return order.slice(0, count).map((t) => makeSafeToCrossItem(t, rng, r.data));
  },
};

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
