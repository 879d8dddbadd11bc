// A competition's setup: who plays (2–8 players or teams, each with a nickname and an audience group),
// the rounds (quiz rounds from a zone's bank, challenge rounds from a zone's mechanics), how players
// answer (first to buzz, or everyone on their own buttons), the scoring and the buzzer mapping.
// The setup is the first action of a competition's log (see log.ts), so it is plain JSON and is
// checked here with zod; references to data (groups, banks, challenges) are checked by setupProblems.
//
// Buzzer mapping (the kiosk's input layer turns a key press / gamepad button / touch into a player):
// - keys are KeyboardEvent.code values ('KeyA', 'Digit1', 'Numpad4': layout-independent).
// - answering 'buzz': any of a player's keys, their gamepad `button`, or their on-screen button buzzes.
// - answering 'all': keys[i] picks choice i; gamepad `choiceButtons[i]` picks choice i; `button` alone
//   cannot pick a choice (the player then answers on screen). On-screen buttons always work.
import { z } from 'zod';
import type { Question } from '../../content/schema.ts';
import { availableIn, LANGS, ZONE_IDS, type Lang, type ZoneId } from '../../content/ids.ts';
import type { Challenge } from './challenges.ts';

export const MIN_PLAYERS = 2;
export const MAX_PLAYERS = 8;
/** A live room (visitors on their own devices, src/hall/live.ts) seats more: nobody needs a buzzer. */
export const MAX_LIVE_PLAYERS = 48;
/** Question kinds a quiz round uses unless it says otherwise: one pick per player suits buzzers. */
export const DEFAULT_QUIZ_KINDS = ['single', 'truefalse', 'scene'] as const;

const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const playerId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lower-case letters, digits and dashes');
const count = z.number().int('must be a whole number').min(1, 'at least 1 question').max(50, 'at most 50 questions');
const timeLimitSec = z.number().int('must be a whole number of seconds').min(5, 'at least 5 s').max(300, 'at most 300 s');

export const playerSchema = z
  .object({
    id: playerId,
    /** nickname or team name shown on the scoreboard: never a real name (visitors are often minors) */
    name: z.string().trim().min(1, 'must not be empty').max(24, 'at most 24 characters'),
    group: slug,
  })
  .strict();
export type Player = z.infer<typeof playerSchema>;

export const quizRoundSchema = z
  .object({
    kind: z.literal('quiz'),
    zone: z.enum(ZONE_IDS),
    count,
    timeLimitSec,
    /** question kinds to draw; default DEFAULT_QUIZ_KINDS (multiple-answer questions need a multi-select) */
    kinds: z.array(z.enum(['single', 'multiple', 'truefalse', 'scene'])).min(1).optional(),
  })
  .strict();

export const challengeRoundSchema = z
  .object({
    kind: z.literal('challenge'),
    /** a challenge id from the registry (challenges.ts), e.g. 'safe-to-cross' */
    challenge: slug,
    params: z.record(z.string(), z.unknown()).default({}),
    count,
    timeLimitSec,
  })
  .strict();

export const roundSchema = z.discriminatedUnion('kind', [quizRoundSchema, challengeRoundSchema]);
export type Round = z.infer<typeof roundSchema>;
export type QuizRound = z.infer<typeof quizRoundSchema>;
export type ChallengeRound = z.infer<typeof challengeRoundSchema>;

export const buzzerSchema = z
  .object({
    keys: z.array(z.string().regex(/^[A-Za-z0-9]+$/, 'must be a KeyboardEvent.code such as "KeyA"')).max(6).optional(),
    gamepad: z
      .object({
        index: z.number().int().min(0).max(3),
        button: z.number().int().min(0).max(31),
        choiceButtons: z.array(z.number().int().min(0).max(31)).max(6).optional(),
      })
      .strict()
      .optional(),
    onScreen: z.literal(true).default(true),
  })
  .strict();
export type Buzzer = z.infer<typeof buzzerSchema>;

export const scoringSchema = z
  .object({
    /** points for a correct answer */
    correct: z.number().int().min(1).max(100).default(10),
    /** points taken for a wrong answer after buzzing (or buzzing and not answering); 'buzz' mode only */
    wrongBuzz: z.number().int().min(0).max(100).default(0),
    /** extra points for each correct answer once a player's run of correct answers reaches `after` */
    streakBonus: z.object({ after: z.number().int().min(2).max(20), points: z.number().int().min(1).max(100) }).strict().optional(),
  })
  .strict();
export type Scoring = z.infer<typeof scoringSchema>;

export const setupSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, dashes or underscores'),
    title: z.string().trim().min(1, 'must not be empty').max(60, 'at most 60 characters'),
    /** draws the question order; the same seed and banks give the same competition */
    seed: z.number().int().min(0).max(0xffffffff),
    entrants: z.enum(['players', 'teams']).default('players'),
    players: z.array(playerSchema).min(MIN_PLAYERS, `at least ${MIN_PLAYERS} players or teams`).max(MAX_LIVE_PLAYERS, `at most ${MAX_LIVE_PLAYERS} players or teams`),
    /** run by a hall server's live room: visitors answer on their own devices (more may play) */
    live: z.literal(true).optional(),
    rounds: z.array(roundSchema).min(1, 'at least one round').max(12, 'at most 12 rounds'),
    /** the kiosk's language when the competition was set up: questions hall staff wrote without
     * English are drawn only when it is Chinese (kept in the log, so a resume draws the same) */
    lang: z.enum(LANGS).optional(),
    answering: z.enum(['buzz', 'all']),
    scoring: scoringSchema.default({ correct: 10, wrongBuzz: 0 }),
    /** player id → buzzer; a player without an entry answers on screen only */
    buzzers: z.record(z.string(), buzzerSchema).default({}),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (!s.live && s.players.length > MAX_PLAYERS) ctx.addIssue({ code: 'custom', path: ['players'], message: `at most ${MAX_PLAYERS} players or teams` });
    const ids = new Set<string>();
    const names = new Set<string>();
    s.players.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['players', i, 'id'], message: `duplicate player id "${p.id}"` });
      ids.add(p.id);
      const key = p.name.trim().toLowerCase();
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['players', i, 'name'], message: `duplicate name "${p.name}"` });
      names.add(key);
    });
    const keyOwner = new Map<string, string>();
    const padOwner = new Map<string, string>();
    for (const [pid, b] of Object.entries(s.buzzers)) {
      if (!ids.has(pid)) ctx.addIssue({ code: 'custom', path: ['buzzers', pid], message: `"${pid}" is not one of the players` });
      (b.keys ?? []).forEach((k, i) => {
        const owner = keyOwner.get(k);
        if (owner !== undefined)
          ctx.addIssue({ code: 'custom', path: ['buzzers', pid, 'keys', i], message: `key ${k} is already used by ${owner === pid ? 'this player' : `player "${owner}"`}` });
        else keyOwner.set(k, pid);
      });
      if (b.gamepad) {
        const buttons = [b.gamepad.button, ...(b.gamepad.choiceButtons ?? [])];
        buttons.forEach((btn, i) => {
          const k = `${b.gamepad!.index}:${btn}`;
          const owner = padOwner.get(k);
          const path = i === 0 ? ['buzzers', pid, 'gamepad', 'button'] : ['buzzers', pid, 'gamepad', 'choiceButtons', i - 1];
          if (owner !== undefined)
            ctx.addIssue({ code: 'custom', path, message: `gamepad ${b.gamepad!.index} button ${btn} is already used by ${owner === pid ? 'this player' : `player "${owner}"`}` });
          else padOwner.set(k, pid);
        });
      }
    }
  });
export type CompetitionSetup = z.output<typeof setupSchema>;
export type CompetitionSetupInput = z.input<typeof setupSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** Validates a setup; errors read "players[2].group: must be lower-case letters, digits and dashes". */
export function parseSetup(raw: unknown): ParseResult<CompetitionSetup> {
  const r = setupSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${pathText(i.path) || '(setup)'}: ${i.message}`) };
}

// ---------------------------------------------------------------- question eligibility

/**
 * A quiz round's candidates, best first: questions tagged for every group in play, then those tagged
 * for at least one of them. Questions for none of the groups in play are never drawn (a drivers'
 * question is not put to a class of children). Each tier is sorted by id, so the bank file's order
 * never changes a draw.
 */
export function eligibleQuestions(bank: readonly Question[], round: QuizRound, groups: readonly string[], lang?: Lang): { all: Question[]; some: Question[] } {
  const kinds: readonly string[] = round.kinds ?? DEFAULT_QUIZ_KINDS;
  const inPlay = [...new Set(groups)];
  const byId = (a: Question, b: Question) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const usable = bank.filter((q) => q.zone === round.zone && kinds.includes(q.kind) && (!lang || availableIn(q, lang))).sort(byId);
  return {
    all: usable.filter((q) => inPlay.every((g) => q.groups.includes(g))),
    some: usable.filter((q) => !inPlay.every((g) => q.groups.includes(g)) && inPlay.some((g) => q.groups.includes(g))),
  };
}

export interface SetupEnv {
  /** ids of the hall's audience groups (groups.json) */
  groups?: readonly string[];
  banks?: Partial<Record<ZoneId, readonly Question[]>>;
  challenges?: Readonly<Record<string, Challenge>>;
}

/**
 * What the setup screen must warn about before the competition starts: unknown groups or challenges,
 * challenge parameters the challenge refuses, rounds whose bank holds fewer suitable questions than
 * asked (the round then gets fewer). Empty when everything is fine. Checks only what `env` provides.
 */
export function setupProblems(setup: CompetitionSetup, env: SetupEnv): string[] {
  const problems: string[] = [];
  if (env.groups) {
    const known = new Set(env.groups);
    setup.players.forEach((p, i) => {
      if (!known.has(p.group)) problems.push(`players[${i}].group: "${p.group}" is not an audience group of this hall`);
    });
  }
  const groups = setup.players.map((p) => p.group);
  const used = new Map<ZoneId, number>();
  setup.rounds.forEach((r, i) => {
    if (r.kind === 'quiz' && env.banks) {
      const bank = env.banks[r.zone];
      if (!bank) {
        problems.push(`rounds[${i}].zone: no question bank loaded for "${r.zone}"`);
        return;
      }
      const { all, some } = eligibleQuestions(bank, r, groups, setup.lang);
      const left = all.length + some.length - (used.get(r.zone) ?? 0);
      used.set(r.zone, (used.get(r.zone) ?? 0) + r.count);
      if (left < r.count) problems.push(`rounds[${i}].count: only ${Math.max(0, left)} suitable ${r.zone} questions for these groups (asked for ${r.count})`);
    }
    if (r.kind === 'challenge' && env.challenges) {
      const ch = env.challenges[r.challenge];
      if (!ch) problems.push(`rounds[${i}].challenge: unknown challenge "${r.challenge}"`);
      else for (const p of ch.paramsProblems?.(r.params) ?? []) problems.push(`rounds[${i}].params: ${p}`);
    }
  });
  return problems;
}

// ---------------------------------------------------------------- buzzer input

export type BuzzerInput =
  | { kind: 'key'; code: string }
  | { kind: 'gamepad'; index: number; button: number }
  | { kind: 'screen'; player: string; choice?: number };

/** Who pressed, and in 'all' mode which choice (index in the order shown); null when nobody owns it. */
export function resolveInput(setup: CompetitionSetup, input: BuzzerInput): { player: string; choice?: number } | null {
  const all = setup.answering === 'all';
  if (input.kind === 'screen') {
    if (!setup.players.some((p) => p.id === input.player)) return null;
    return input.choice !== undefined && all ? { player: input.player, choice: input.choice } : { player: input.player };
  }
  for (const p of setup.players) {
    const b = setup.buzzers[p.id];
    if (!b) continue;
    if (input.kind === 'key') {
      const i = b.keys?.indexOf(input.code) ?? -1;
      if (i >= 0) return all ? { player: p.id, choice: i } : { player: p.id };
    } else if (b.gamepad && b.gamepad.index === input.index) {
      if (b.gamepad.button === input.button) return { player: p.id };
      const i = b.gamepad.choiceButtons?.indexOf(input.button) ?? -1;
      if (i >= 0) return all ? { player: p.id, choice: i } : { player: p.id };
    }
  }
  return null;
}
