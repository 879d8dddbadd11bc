// What a live competition room and its devices say to each other over one WebSocket (/api/live), as
// zod schemas both sides use. The replicated state is the competition's action log
// (modes/competition/log.ts): the room orders every action, stores it, then broadcasts it, and every
// device reduces the same log with the same context (the room sends the question banks it plans with).
// A visitor holds a resume token (given once, by POST /api/live/join) that seats it again as the same
// player after a drop; nothing personal crosses: a nickname and an audience group.
import { z } from 'zod';
import type { Question } from '../content/schema.ts';
import type { Action } from '../modes/competition/log.ts';
import { DEVICE_KINDS, deviceSchema } from './protocol.ts';

export const LIVE_PATH = '/api/live';

export const LIVE_LIMITS = {
  /** bytes of one message from a device (a setup with 12 rounds and 8 buzzer teams is ≈ 3 KB) */
  messageBytes: 16 * 1024,
  /** messages per device per 10 s before the room closes the socket (a human buzzes a few times) */
  messagesPer10s: 60,
} as const;

/** Join codes: no 0/O, 1/I/L; 6 of these 30 characters ≈ 7×10⁸ codes, guessed at 20 tries a minute. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;
export const codeSchema = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), 'not a join code'));

// eslint-disable-next-line no-control-regex
const noControl = /^[^\u0000-\u001f\u007f]*$/;
const roomId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const token = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

export const joinRequestSchema = z.strictObject({
  code: codeSchema,
  nickname: z.string().trim().min(1, 'must not be empty').max(24, 'at most 24 characters').regex(noControl, 'must not hold control characters'),
  group: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be an audience group id'),
  /** the joining device (registered with the hall), so the results count for it */
  device: deviceSchema.optional(),
});
export type JoinRequest = z.input<typeof joinRequestSchema>;

export const joinResponseSchema = z.object({ room: z.string(), player: z.string(), token: z.string(), title: z.string() });
export type JoinResponse = z.infer<typeof joinResponseSchema>;

export const createRoomSchema = z.strictObject({ title: z.string().trim().min(1).max(60) });
export const roomInfoSchema = z.object({ id: z.string(), code: z.string(), title: z.string(), createdAt: z.number() });
export type RoomInfo = z.infer<typeof roomInfoSchema>;

/** Staff commands the host may send (the log's staff actions; `start` comes with the setup). */
export const HOST_COMMANDS = ['showQuestion', 'lock', 'reveal', 'next', 'pause', 'resume', 'skip', 'undo', 'endEarly', 'finish'] as const;
const phase = z.enum(['setup', 'roundIntro', 'question', 'buzzed', 'locked', 'revealed', 'scoreboard', 'podium']);
const qRef = z.number().int().min(0).max(1000);
const choice = z.string().min(1).max(64);
const playerRef = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

/** Everything a device may send; anything else (another kind, an extra field) is refused. */
export const clientMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hello'), room: roomId, token }),
  z.strictObject({ kind: z.literal('host'), room: roomId }),
  z.strictObject({ kind: z.literal('buzz'), q: qRef }),
  z.strictObject({ kind: z.literal('answer'), q: qRef, choice }),
  /** host: the setup without the visitors (the room adds every joined visitor as a player) */
  z.strictObject({ kind: z.literal('start'), setup: z.record(z.string(), z.unknown()) }),
  z.strictObject({ kind: z.literal('command'), type: z.enum(HOST_COMMANDS), phase: phase.optional() }),
  /** host: a kiosk buzzer or on-screen button of a local team */
  z.strictObject({ kind: z.literal('local'), type: z.enum(['buzz', 'answer']), player: playerRef, q: qRef, choice: choice.optional() }),
  z.strictObject({ kind: z.literal('ping'), id: z.number().int().min(0) }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export interface RosterEntry {
  id: string;
  name: string;
  group: string;
  kind: (typeof DEVICE_KINDS)[number] | 'local';
  online: boolean;
}

/** What the room sends (checked on the device too: a hall server of another version is told apart). */
export type ServerMessage =
  | {
      kind: 'welcome';
      role: 'host' | 'visitor';
      room: string;
      code: string;
      title: string;
      /** the visitor's own player id */
      you?: string;
      roster: RosterEntry[];
      log: Action[];
      /** the question banks the room planned with, by zone (only the zones in play) */
      banks: Record<string, Question[]>;
      serverTime: number;
    }
  | { kind: 'action'; action: Action; serverTime: number; banks?: Record<string, Question[]> }
  | { kind: 'roster'; roster: RosterEntry[] }
  | { kind: 'refused'; reason: string; problems?: string[] }
  | { kind: 'pong'; id: number; serverTime: number };

export const serverMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('welcome'), role: z.enum(['host', 'visitor']), room: z.string(), code: z.string(), title: z.string(), you: z.string().optional(), roster: z.array(z.any()), log: z.array(z.any()), banks: z.record(z.string(), z.array(z.any())), serverTime: z.number() }),
  z.object({ kind: z.literal('action'), action: z.any(), serverTime: z.number(), banks: z.record(z.string(), z.array(z.any())).optional() }),
  z.object({ kind: z.literal('roster'), roster: z.array(z.any()) }),
  z.object({ kind: z.literal('refused'), reason: z.string(), problems: z.array(z.string()).optional() }),
  z.object({ kind: z.literal('pong'), id: z.number(), serverTime: z.number() }),
]);

/** Close codes the room uses (4000–4999 are the application's). */
export const CLOSE = { badMessage: 4400, notAllowed: 4401, unknownRoom: 4404, tooMany: 4429, origin: 4403 } as const;
