// The built app (dist/) from the hall server: index.html with a marker that tells the app a hall
// server is here (a static copy of the app has no marker and never asks for one), hashed assets
// cached for a year, everything else revalidated, compressed copies where they exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HALL_META } from '../src/hall/protocol.ts';

/** index.html as this server sends it: the marker goes right after <head>. */
export function markIndexHtml(html: string): string {
  const meta = `<meta name="${HALL_META}" content="/api" />`;
  if (!/<head>/i.test(html)) throw new Error('dist/index.html has no <head>: rebuild the app (npm run build)');
  return html.replace(/<head>/i, (h) => `${h}\n    ${meta}`);
}

export async function registerStatic(app: FastifyInstance, distDir: string): Promise<void> {
  const indexHtml = markIndexHtml(readFileSync(join(distDir, 'index.html'), 'utf8'));
  const sendIndex = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  // the service worker precaches index.html (with a revision query), so the marker is there offline too
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);

  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: false,
    wildcard: true,
    preCompressed: true,
    cacheControl: false,
    dotfiles: 'deny',
    // the compressed copies are served in place of their file, never by their own name
    allowedPath: (path) => !/\.(br|gz)$/.test(path),
    setHeaders(res, path) {
      // which copy was sent depends on Accept-Encoding: caches must keep them apart
      res.setHeader('vary', 'accept-encoding');
      res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
