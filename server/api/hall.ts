// What every device of the hall may call without signing in: find the hall, register itself, upload
// finished attempts, and read what staff set for the whole hall (kiosk settings, added questions).
import type { FastifyInstance } from 'fastify';
import {
  deviceSchema,
  hallQuestionsSchema,
  kioskSettingsSchema,
  LIMITS,
  uploadItemSchema,
  uploadRequestSchema,
  type HallInfo,
  type HallSettings,
  type UploadItem,
  type UploadResponse,
} from '../../src/hall/protocol.ts';
import type { HallContext } from '../context.ts';
import { storeUploads } from '../repo/attempts.ts';
import { touchDevice } from '../repo/devices.ts';
import { getSetting } from '../repo/settings.ts';
import { problemsOf, parse } from './validate.ts';

export async function pinIsSet(ctx: HallContext): Promise<boolean> {
  return (await getSetting(ctx.db, ctx.identity.hallId, 'staffPin')) !== null;
}

export function hallRoutes(ctx: HallContext) {
  return async (app: FastifyInstance) => {
    const hallId = ctx.identity.hallId;

    app.get('/api/hall', async (): Promise<HallInfo> => ({
      hallId,
      name: ctx.identity.name,
      version: ctx.version,
      pinSet: await pinIsSet(ctx),
      serverTime: ctx.now(),
    }));

    app.post('/api/devices', async (req, reply) => {
      const device = parse(deviceSchema, req.body, 'device');
      await touchDevice(ctx.db, hallId, device, ctx.now());
      return reply.code(204).send();
    });

    app.post('/api/attempts', { bodyLimit: LIMITS.uploadBytes }, async (req): Promise<UploadResponse> => {
      const body = parse(uploadRequestSchema, req.body, 'upload');
      const valid: UploadItem[] = [];
      const rejected: UploadResponse['rejected'] = [];
      body.items.forEach((raw, i) => {
        const rawId = (raw as { attempt?: { id?: unknown } } | null)?.attempt?.id;
        const id = typeof rawId === 'string' ? rawId.slice(0, 100) : `#${i}`;
        if (JSON.stringify(raw).length > LIMITS.attemptBytes) return void rejected.push({ id, problem: `larger than ${LIMITS.attemptBytes} bytes` });
        const r = uploadItemSchema.safeParse(raw);
        if (!r.success) return void rejected.push({ id, problem: problemsOf(r.error, 5).join('; ') });
        if (r.data.visitor && r.data.visitor.id !== r.data.attempt.visitorId)
          return void rejected.push({ id, problem: 'visitor.id: is not the attempt\'s visitorId' });
        valid.push(r.data);
      });
      return storeUploads(ctx.db, hallId, body.device, valid, rejected, ctx.now());
    });

    app.get('/api/hall/settings', async (): Promise<HallSettings> => {
      const row = await getSetting(ctx.db, hallId, 'kiosk');
      const kiosk = row ? kioskSettingsSchema.safeParse(row.value) : null;
      return { kiosk: kiosk?.success ? kiosk.data : null, updatedAt: row?.updatedAt ?? null };
    });

    app.get('/api/hall/questions', async () => {
      const row = await getSetting<{ questions: unknown[] }>(ctx.db, hallId, 'questions');
      // what was stored was valid when staff saved it; checked again in case the schema moved on
      const r = hallQuestionsSchema.safeParse({ questions: row?.value.questions ?? [], updatedAt: row?.updatedAt ?? null });
      return r.success ? r.data : { questions: [], updatedAt: row?.updatedAt ?? null, problems: problemsOf(r.error) };
    });
  };
}
