// What the hall server and the devices say to each other (HTTP JSON under /api), as zod schemas both
// sides use: the server validates every request with them, the device builds its requests from the
// same types. No personal data crosses: a visitor is an id, a nickname and an audience group.
import { z } from 'zod';
import { MODE_IDS } from '../content/ids.ts';
import { questionSchema } from '../content/schema.ts';
import { attemptSchema } from '../scoring/exchange.ts';

/** The page served by a hall server carries this meta tag; a static copy of the app does not. */
export const HALL_META = 'hall-server';

export const DEVICE_KINDS = ['vr', 'desktop', 'kiosk', 'phone'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Limits the server holds every request to (and the device's outbox respects). */
export const LIMITS = {
  /** attempts per upload request */
  batch: 50,
  /** bytes of one attempt as JSON (a ten-minute game with every event is ≈ 20 KB) */
  attemptBytes: 256 * 1024,
  /** bytes of one upload request */
  uploadBytes: 1024 * 1024,
  /** bytes of any other request */
  requestBytes: 64 * 1024,
  /** staff questions the hall may add */
  questions: 2000,
  questionsBytes: 4 * 1024 * 1024,
} as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be 1–100 letters, digits, - or _');

export const deviceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
  kind: z.enum(DEVICE_KINDS),
  appVersion: z.string().max(40),
});
export type DeviceInfo = z.infer<typeof deviceSchema>;

// eslint-disable-next-line no-control-regex
const noControl = /^[^\u0000-\u001f\u007f]*$/;

/** Only these three fields are ever taken from a device about a visitor. */
export const visitorSchema = z.strictObject({
  id,
  nickname: z.string().trim().min(1, 'must not be empty').max(40, 'at most 40 characters').regex(noControl, 'must not hold control characters'),
  group: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be an audience group id'),
});
export type UploadVisitor = z.infer<typeof visitorSchema>;

/** One finished attempt (game, test or competition result) and who played it. */
export const uploadItemSchema = z.strictObject({
  attempt: attemptSchema.and(z.object({ id })),
  visitor: visitorSchema.optional(),
});
export type UploadItem = z.infer<typeof uploadItemSchema>;

/** Items are checked one by one on the server, so one bad attempt does not hold back the others. */
export const uploadRequestSchema = z.strictObject({
  device: deviceSchema,
  items: z.array(z.unknown()).min(1).max(LIMITS.batch),
});

export const uploadResponseSchema = z.object({
  /** newly stored */
  stored: z.array(z.string()),
  /** already there with the same content (a repeated upload) */
  duplicates: z.array(z.string()),
  /** already there with different content: the first one is kept */
  conflicts: z.array(z.string()),
  /** refused for good (the message says why); never worth sending again */
  rejected: z.array(z.object({ id: z.string(), problem: z.string() })),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;

export const hallInfoSchema = z.object({
  hallId: z.string(),
  name: z.string(),
  version: z.string(),
  /** whether the hall's staff PIN has been set (else staff set it with the setup code) */
  pinSet: z.boolean(),
  serverTime: z.number(),
});
export type HallInfo = z.infer<typeof hallInfoSchema>;

export const kioskSettingsSchema = z.strictObject({
  attract: z.boolean(),
  idleSeconds: z.number().int().min(5).max(3600),
  blockContextMenu: z.boolean(),
});

export const hallSettingsSchema = z.object({
  kiosk: kioskSettingsSchema.nullable(),
  updatedAt: z.number().nullable(),
});
export type HallSettings = z.infer<typeof hallSettingsSchema>;

export const staffQuestionsSchema = z.strictObject({
  questions: z.array(questionSchema).max(LIMITS.questions),
});

export const hallQuestionsSchema = z.object({
  questions: z.array(questionSchema),
  updatedAt: z.number().nullable(),
});

/** New hall PINs: 6 to 12 digits (a 4-digit PIN falls to an offline search in minutes). */
export const newPinSchema = z.string().regex(/^\d{6,12}$/, 'the PIN must be 6 to 12 digits');
export const loginSchema = z.strictObject({ pin: z.string().regex(/^\d{1,12}$/, 'the PIN is digits only') });
export const setupSchema = z.strictObject({
  /** printed by the hall server when it starts; spaces and dashes are ignored, case too */
  code: z.string().min(4).max(40),
  pin: newPinSchema,
});

export const STATS_PERIODS = ['today', 'week', 'days30', 'all'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

export const statsQuerySchema = z.strictObject({
  period: z.enum(STATS_PERIODS).default('week'),
  mode: z.enum(MODE_IDS).optional(),
  kind: z.enum(DEVICE_KINDS).optional(),
});
export type StatsQuery = z.infer<typeof statsQuerySchema>;

export const purgeQuerySchema = z.strictObject({
  /** delete what ended more than this many days ago; omitted: everything */
  olderThanDays: z.coerce.number().int().min(0).max(36500).optional(),
});
