// What the hall server sends besides the API: the app's files with the security headers (the CSP as a
// header too, framing refused, no sniffing, no referrer, no CORS), compressed copies for browsers that
// take them, and the marker that tells the app a hall server is there. And the embedded database in
// the data directory: created on first start, found again on the next with the same hall identity.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HALL_META_NAME } from '../src/hall/hint.ts';
import { HALL_META } from '../src/hall/protocol.ts';
import { hallApi } from '../src/hall/api.ts';
import { CSP } from '../scripts/build/csp.ts';
import { openDatabase } from './db/open.ts';
import type { Database } from './db/driver.ts';
import { precompress } from './precompress.ts';
import { startHallServer } from './server.ts';
import { cookieClient, ROOT, sampleAttempt, tempDir, testServer } from './testing.ts';

function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** A small built app: an index.html as Vite writes it, a hashed script, the service worker. */
function fakeDist(): { dir: string; script: string } {
  const dir = tempDir('hall-dist-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>\n<html lang="zh-Hans">\n  <head>\n    <meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />\n  </head>\n  <body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body>\n</html>\n`);
  const script = Array.from({ length: 2000 }, (_, i) => `export const zone${i} = { id: 'zone-${i}', title: '行人过街 ${i}', score: ${i % 100} };`).join('\n');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dir, 'sw.js'), `self.addEventListener('fetch', () => {}); // ${'x'.repeat(2000)}`);
  return { dir, script };
}

describe('hall server: the app with security headers, compressed', () => {
  let db: Database;
  let dist: { dir: string; script: string };
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    db = await openDatabase({ memory: true });
    dist = fakeDist();
    server = await testServer(db, { serveApp: true, distDir: dist.dir });
    // the copies are made after listening; the first requests may come before
    expect(await server.precompressed).toMatchObject({ files: 2, written: 4 });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it('sends the CSP and the other security headers on pages and API answers, and no CORS', async () => {
    for (const path of ['/', '/index.html', '/assets/index-abc123.js', '/api/hall']) {
      const res = await raw(`${server.url}${path}`, { origin: 'http://evil.example' });
      expect(`${path} ${res.status}`).toBe(`${path} 200`);
      const csp = String(res.headers['content-security-policy']);
      for (const d of ["default-src 'self'", "connect-src 'self' blob: data:", "script-src 'self' 'wasm-unsafe-eval' blob:", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      // a self-signed hall server must not pin itself with HSTS
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('marks index.html for the app (never cached), and keeps hashed assets for a year', async () => {
    expect(HALL_META_NAME).toBe(HALL_META);
    const page = await raw(`${server.url}/?emulate`);
    expect(page.body.toString()).toMatch(/<head>\s*<meta name="hall-server" content="\/api" \/>/);
    expect(page.headers['cache-control']).toBe('no-cache');
    // the service worker precaches index.html with a revision query: the marker comes along
    expect((await raw(`${server.url}/index.html?__WB_REVISION__=abc`)).body.toString()).toContain('name="hall-server"');
    expect((await raw(`${server.url}/assets/index-abc123.js`)).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(`${server.url}/sw.js`)).headers['cache-control']).toBe('no-cache');
  });

  it('compresses: brotli or gzip copies of the app, gzip on the fly for larger API answers', async () => {
    const url = `${server.url}/assets/index-abc123.js`;
    const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toBe(dist.script);
    expect(br.body.length).toBeLessThan(dist.script.length / 5);
    const gz = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(dist.script);
    const plain = await raw(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(dist.script);
    // the copies are served in place of the file, never by their own name
    expect((await raw(`${url}.br`)).status).toBeGreaterThanOrEqual(400);
    expect((await raw(`${server.url}/assets/../../etc/passwd`)).status).toBe(404);
    expect((await raw(`${server.url}/%2e%2e/%2e%2e/etc/passwd`)).status).toBeGreaterThanOrEqual(400);

    // a file without copies yet (the server has just started) is compressed as it goes
    const late = 'body { color: #0f2233; }\n'.repeat(400);
    writeFileSync(join(dist.dir, 'assets', 'late-def456.css'), late);
    const onTheFly = await raw(`${server.url}/assets/late-def456.css`, { 'accept-encoding': 'br' });
    expect(onTheFly.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(onTheFly.body).toString()).toBe(late);

    const page = await raw(`${server.url}/`, { 'accept-encoding': 'br' });
    expect(page.headers['content-encoding']).toBeUndefined(); // under 1 KB: not worth it
    // API answers over 1 KB are compressed as they go
    const items = Array.from({ length: 30 }, (_, i) => ({ attempt: sampleAttempt({ visitorId: `c${i}`, group: 'adult' }), visitor: { id: `c${i}`, nickname: `访客${i}`, group: 'adult' } }));
    await hallApi(server.url).upload({ device: { id: 'dev-compress1', kind: 'desktop', appVersion: '1' }, items });
    const staff = cookieClient(server.url);
    expect((await staff.req('POST', '/api/staff/setup', { code: server.identity.setupCode, pin: '192837' })).status).toBe(200);
    const cookie = [...staff.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const exp = await raw(`${server.url}/api/staff/export.json?period=all`, { 'accept-encoding': 'gzip', cookie });
    expect(exp.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(exp.body).toString()) as { attempts: unknown[] };
    expect(json.attempts).toHaveLength(30);
    expect(exp.body.length).toBeLessThan(Buffer.byteLength(JSON.stringify(json)) / 4);
  });

  it('makes the compressed copies once: a second start writes none', async () => {
    // the file added after the start gets its copies at the next start; then nothing more is written
    expect(await precompress(dist.dir, { skip: (p) => p.endsWith('index.html') })).toMatchObject({ files: 3, written: 2 });
    const again = await precompress(dist.dir, { skip: (p) => p.endsWith('index.html') });
    expect(again).toMatchObject({ files: 3, written: 0 });
    expect(again.brotliBytes).toBeLessThan(again.rawBytes / 3);
  });
});

describe('the embedded database in the data directory', () => {
  it('is created on first start and found again, with the same hall, setup code and attempts', async () => {
    const dataDir = tempDir('hall-data-');
    const start = () => startHallServer({ root: ROOT, dataDir, port: 0, host: '127.0.0.1', serveApp: false, log: () => undefined });
    const first = await start();
    const a = sampleAttempt({ visitorId: 'p1', group: 'rider' });
    try {
      await hallApi(`http://127.0.0.1:${first.port}`).upload({ device: { id: 'dev-persist1', kind: 'kiosk', appVersion: '1' }, items: [{ attempt: a, visitor: { id: 'p1', nickname: '骑手小李', group: 'rider' } }] });
    } finally {
      await first.close();
    }
    const identity = JSON.parse(readFileSync(join(dataDir, 'hall.json'), 'utf8'));
    expect(identity).toEqual({ hallId: first.identity.hallId, name: '交通安全体验馆', setupCode: first.identity.setupCode });

    const second = await start();
    try {
      expect(second.identity).toEqual(first.identity);
      const rows = await second.db.query<{ id: string; nickname: string }>('select a.id, v.nickname from attempts a join visitors v on v.hall_id = a.hall_id and v.id = a.visitor_id');
      expect(rows).toEqual([{ id: a.id, nickname: '骑手小李' }]);
    } finally {
      await second.close();
    }
  }, 60_000);
});
