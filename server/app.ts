// The hall server as a Fastify app: security headers on every answer, compression, the API, and the
// built app. main.ts starts it; the tests build it on a random port.
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { constants as zlibConstants } from 'node:zlib';
import { CSP_DIRECTIVES, CSP_HEADER_ONLY } from '../scripts/build/csp.ts';
import { LIMITS } from '../src/hall/protocol.ts';
import { hallRoutes } from './api/hall.ts';
import { staffRoutes } from './api/staff.ts';
import { HttpError } from './api/validate.ts';
import type { HallContext } from './context.ts';
import { roomRoutes } from './rooms/routes.ts';
import { registerStatic } from './static.ts';

export interface HallAppOptions {
  /** the built app; omitted: API only (tests of the API) */
  distDir?: string;
  https?: { key: Buffer; cert: Buffer };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildHallApp(ctx: HallContext, opts: HallAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: LIMITS.requestBytes, ...(opts.https ? { https: opts.https } : {}) }) as unknown as FastifyInstance;

  // JSON only: a cross-site form can post text/plain without asking first, never application/json
  app.removeContentTypeParser('text/plain');

  // the app's own CSP as a header too, plus what only a header can say (no framing by other origins);
  // no HSTS: a hall server on the LAN has a self-signed certificate, and HSTS would turn the one-time
  // "proceed anyway" into a wall
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries([...CSP_DIRECTIVES, ...CSP_HEADER_ONLY].map(([k, v]) => [k, v.split(' ')])),
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });

  // No CORS plugin: other origins get no Access-Control-Allow-Origin and cannot read answers. Writes
  // from a page of another origin are refused outright (browsers always send Origin with them).
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith('/api/')) return;
    const origin = req.headers.origin;
    if (origin === undefined) return;
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host !== req.headers.host) throw new HttpError(403, 'requests from another origin are refused');
  });

  // on the fly (API answers, and app files until their precompressed copies exist): a quick brotli
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: true,
    max: ctx.limits.apiPerAddress,
    timeWindow: 60_000,
    // the app's files are not limited (a headset loads ≈ 100 of them at once); the API is
    allowList: (req) => !req.url.startsWith('/api/'),
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, _req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: err.message, problems: err.problems });
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      ctx.log(`[server] ${err.stack ?? err.message}`);
      return reply.code(500).send({ error: 'the server failed; the request can be tried again' });
    }
    // Fastify's own 4xx: body too large (413), not JSON (400/415), rate limited (429)
    return reply.code(status).send({ error: err.message });
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: `nothing at ${req.method} ${req.url.split('?')[0]}` }));

  await app.register(hallRoutes(ctx));
  await app.register(staffRoutes(ctx));
  // the live competition rooms (server/rooms/README.md): after the API's hooks, before the static app
  await app.register(roomRoutes(ctx));
  if (opts.distDir) await registerStatic(app, opts.distDir);
  return app;
}
