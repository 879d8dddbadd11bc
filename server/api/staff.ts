// Staff endpoints. Signing in (the hall PIN, or the setup code printed on the server's console to set
// that PIN) gives an httpOnly, SameSite=Strict session cookie; everything else under /api/staff
// answers 401 without one. Sign-in attempts are rate limited per address and for the whole hall.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildExport, toCsv } from '../../src/scoring/exchange.ts';
import {
  kioskSettingsSchema,
  LIMITS,
  loginSchema,
  purgeQuerySchema,
  setupSchema,
  staffQuestionsSchema,
  statsQuerySchema,
} from '../../src/hall/protocol.ts';
import type { HallContext } from '../context.ts';
import { newSetupCode, normaliseCode, saveIdentity } from '../identity.ts';
import { hashPin, storedPinSchema, verifyPin } from '../pin.ts';
import { countByDeviceKind, listAttempts, purgeAttempts, visitorsOf, type AttemptFilter } from '../repo/attempts.ts';
import { listDevices } from '../repo/devices.ts';
import { createSession, endAllSessions, endSession, findSession, SESSION_HOURS } from '../repo/sessions.ts';
import { getSetting, putSetting } from '../repo/settings.ts';
import { statsJson, statsPeriod } from '../stats.ts';
import { HttpError, parse } from './validate.ts';

export const SESSION_COOKIE = 'hall_staff';
const DAY_MS = 86_400_000;

export function staffRoutes(ctx: HallContext) {
  return async (app: FastifyInstance) => {
    const hallId = ctx.identity.hallId;
    // two limits on one request: @fastify/rate-limit's route hooks run one limiter per request, its
    // createRateLimit checkers can be combined (keys prefixed apart from the API-wide per-address limit)
    const perAddress = app.createRateLimit({ max: ctx.limits.signInPerAddress, timeWindow: 60_000, keyGenerator: (req) => `sign-in:${req.ip}` });
    const overall = app.createRateLimit({ max: ctx.limits.signInOverall, timeWindow: 60_000, keyGenerator: () => 'sign-in:everyone' });
    const signInLimits = async (req: FastifyRequest, reply: FastifyReply) => {
      for (const check of [perAddress, overall]) {
        const r = await check(req);
        if (!r.isAllowed && r.isExceeded) {
          reply.header('retry-after', r.ttlInSeconds);
          throw new HttpError(429, `too many sign-in attempts: try again in ${r.ttlInSeconds} s`);
        }
      }
    };

    async function startSession(reply: FastifyReply) {
      const { token, expiresAt } = await createSession(ctx.db, hallId, ctx.now());
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.secureCookies,
        path: '/api',
        maxAge: SESSION_HOURS * 3600,
      });
      return reply.code(200).send({ signedIn: true, expiresAt });
    }

    // A device without a staff PIN asks for the hall's setup code before its own PIN is set (the
    // contract in src/staff/setupCode.ts). The same code as for the hall PIN, not spent here: every
    // kiosk of the hall is set up with it.
    app.get('/api/staff/setup-code', async () => ({ setupCode: 'server' }));
    app.post('/api/staff/setup-code', { preHandler: signInLimits }, async (req, reply) => {
      const code = (req.body as { code?: unknown } | null)?.code;
      if (typeof code !== 'string' || code.length > 64) return reply.code(400).send({ ok: false });
      const ok = normaliseCode(code) === normaliseCode(ctx.identity.setupCode);
      return reply.code(ok ? 200 : 403).send({ ok });
    });

    app.post('/api/staff/setup', { preHandler: signInLimits }, async (req, reply) => {
      const body = parse(setupSchema, req.body);
      if (normaliseCode(body.code) !== normaliseCode(ctx.identity.setupCode)) throw new HttpError(403, 'wrong setup code');
      await putSetting(ctx.db, hallId, 'staffPin', await hashPin(body.pin), ctx.now());
      await endAllSessions(ctx.db, hallId);
      // a used code is spent: the next one is printed where the first one was
      ctx.identity.setupCode = newSetupCode();
      if (ctx.dataDir) saveIdentity(ctx.dataDir, ctx.identity);
      ctx.log(`The hall's staff PIN was set with the setup code. Next setup code (to reset the PIN): ${ctx.identity.setupCode}`);
      return startSession(reply);
    });

    app.post('/api/staff/login', { preHandler: signInLimits }, async (req, reply) => {
      const body = parse(loginSchema, req.body);
      const row = await getSetting(ctx.db, hallId, 'staffPin');
      if (!row) throw new HttpError(409, 'no staff PIN has been set for this hall yet: set one with the setup code');
      const stored = storedPinSchema.parse(row.value);
      if (!(await verifyPin(body.pin, stored))) throw new HttpError(401, 'wrong PIN');
      return startSession(reply);
    });

    app.post('/api/staff/logout', async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return reply.code(204).send();
    });

    // whether this console is signed in: answers 200 either way, so asking logs no error in the browser
    app.get('/api/staff/session', async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      const expiresAt = token ? await findSession(ctx.db, hallId, token, ctx.now()) : null;
      return { signedIn: expiresAt !== null, expiresAt };
    });

    // everything below needs a signed-in staff session (checked before a body is even read)
    await app.register(async (staff) => {
      staff.addHook('onRequest', async (req: FastifyRequest) => {
        const token = req.cookies[SESSION_COOKIE];
        const expiresAt = token ? await findSession(ctx.db, hallId, token, ctx.now()) : null;
        if (expiresAt === null) throw new HttpError(401, 'staff sign-in needed');
      });


      const filterOf = (query: unknown): { filter: AttemptFilter; q: ReturnType<typeof statsQuerySchema.parse> } => {
        const q = parse(statsQuerySchema, query, 'query');
        const p = statsPeriod(q.period, ctx.now());
        return { q, filter: { from: p.from, to: p.to, mode: q.mode, kind: q.kind } };
      };

      staff.get('/api/staff/stats', async (req) => {
        const { q, filter } = filterOf(req.query);
        const attempts = await listAttempts(ctx.db, hallId, filter);
        return {
          stats: statsJson(attempts, { from: filter.from, to: filter.to }, ctx.unsafe, q.mode),
          byDeviceKind: await countByDeviceKind(ctx.db, hallId, filter),
        };
      });

      staff.get('/api/staff/export.csv', async (req, reply) => {
        const { q, filter } = filterOf(req.query);
        const attempts = await listAttempts(ctx.db, hallId, filter);
        const csv = toCsv(attempts, await visitorsOf(ctx.db, hallId, attempts));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="hall-results-${q.period}.csv"`)
          .header('cache-control', 'no-store')
          .send(csv);
      });

      staff.get('/api/staff/export.json', async (req, reply) => {
        const { q, filter } = filterOf(req.query);
        const attempts = await listAttempts(ctx.db, hallId, filter);
        return reply
          .header('content-disposition', `attachment; filename="hall-results-${q.period}.json"`)
          .header('cache-control', 'no-store')
          .send(buildExport(attempts, await visitorsOf(ctx.db, hallId, attempts), ctx.now()));
      });

      staff.get('/api/staff/devices', async () => ({ devices: await listDevices(ctx.db, hallId) }));

      staff.put('/api/staff/settings/kiosk', async (req, reply) => {
        const kiosk = parse(kioskSettingsSchema, req.body, 'kiosk settings');
        await putSetting(ctx.db, hallId, 'kiosk', kiosk, ctx.now());
        return reply.code(204).send();
      });

      staff.put('/api/staff/questions', { bodyLimit: LIMITS.questionsBytes }, async (req) => {
        const body = parse(staffQuestionsSchema, req.body, 'questions');
        const ids = body.questions.map((q) => q.id);
        const dup = ids.find((id, i) => ids.indexOf(id) !== i);
        if (dup) throw new HttpError(400, 'invalid questions', [`questions: duplicate question id "${dup}"`]);
        await putSetting(ctx.db, hallId, 'questions', body, ctx.now());
        return { count: body.questions.length };
      });

      staff.delete('/api/staff/attempts', async (req) => {
        const q = parse(purgeQuerySchema, req.query, 'query');
        const before = q.olderThanDays === undefined ? Infinity : ctx.now() - q.olderThanDays * DAY_MS;
        return purgeAttempts(ctx.db, hallId, before);
      });
    });
  };
}
