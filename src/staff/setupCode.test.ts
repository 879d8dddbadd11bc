// Issue 15 item 1: a PIN is set only with the device's setup code — from the hall server, or the hash a
// static deployment carries — so a visitor tapping "Staff" on a fresh kiosk cannot take the console.
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 30_000 });
import { checkSetupCode, generateSetupCode, normalizeSetupCode, probeSetupCode, SETUP_CODE_ALPHABET, setupCodeFile } from './setupCode.ts';

const BASE = 'http://hall.test/';
const res = (status: number, body: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake origin: which paths answer what (everything else 404, like a static server). */
function origin(routes: Record<string, (init?: RequestInit) => Response>) {
  const calls: string[] = [];
  const fetchFn = async (url: string, init?: RequestInit) => {
    const path = new URL(url).pathname;
    calls.push(`${init?.method ?? 'GET'} ${path}`);
    const r = routes[`${init?.method ?? 'GET'} ${path}`];
    return r ? r(init) : new Response('not found', { status: 404 });
  };
  return { fetchFn, calls };
}

describe('setup codes', () => {
  it('are 12 characters without look-alikes, in groups of four, and differ each time', () => {
    const codes = new Set(Array.from({ length: 50 }, () => generateSetupCode()));
    expect(codes.size).toBe(50);
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const ch of c.replace(/-/g, '')) expect(SETUP_CODE_ALPHABET).toContain(ch);
      expect(c).not.toMatch(/[01OIL]/);
    }
    expect(normalizeSetupCode(' k7qm-4xtd 9prw ')).toBe('K7QM4XTD9PRW');
  });

  it('a static copy checks the code against the hash beside the app (never the code itself)', async () => {
    const code = generateSetupCode();
    const file = await setupCodeFile(code);
    expect(JSON.stringify(file)).not.toContain(normalizeSetupCode(code));
    const { fetchFn, calls } = origin({ 'GET /setup-code.json': () => res(200, file) });
    // a page without the hall server's marker asks no API (not even whether there is one)
    expect(await probeSetupCode(fetchFn, BASE, false)).toBe('file');
    expect(await checkSetupCode(code.toLowerCase(), fetchFn, BASE, false)).toBe('ok');
    expect(await checkSetupCode('AAAA-BBBB-CCCC', fetchFn, BASE, false)).toBe('wrong');
    expect(await checkSetupCode('', fetchFn, BASE, false)).toBe('wrong');
    expect(calls.filter((c) => c.includes('/api/'))).toEqual([]);
    expect(calls).toContain('GET /setup-code.json');
    // where the page did come from a hall server that does not check codes, the file still works
    expect(await probeSetupCode(fetchFn, BASE)).toBe('file');
  });

  it('the hall server checks the code when it offers to', async () => {
    const { fetchFn, calls } = origin({
      'GET /api/staff/setup-code': () => res(200, { setupCode: 'server' }),
      'POST /api/staff/setup-code': (init) => (JSON.parse(String(init?.body)).code === 'K7QM4XTD9PRW' ? res(200, { ok: true }) : res(403, { ok: false })),
    });
    expect(await probeSetupCode(fetchFn, BASE)).toBe('server');
    expect(await checkSetupCode('k7qm-4xtd-9prw', fetchFn, BASE)).toBe('ok');
    expect(await checkSetupCode('K7QM-4XTD-9PRX', fetchFn, BASE)).toBe('wrong');
    expect(calls).toContain('POST /api/staff/setup-code');
    const limited = origin({ 'GET /api/staff/setup-code': () => res(200, { setupCode: 'server' }), 'POST /api/staff/setup-code': () => res(429, undefined) });
    expect(await checkSetupCode('K7QM-4XTD-9PRW', limited.fetchFn, BASE)).toBe('limited');
  });

  it('with neither, nothing can be set: no code is "right", and a page that is not a code file is not one', async () => {
    const none = origin({});
    expect(await probeSetupCode(none.fetchFn, BASE)).toBe('none');
    expect(await checkSetupCode('K7QM-4XTD-9PRW', none.fetchFn, BASE)).toBe('unavailable');
    // an SPA fallback answering every path with index.html
    const html = async () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    expect(await probeSetupCode(html, BASE)).toBe('none');
    expect(await checkSetupCode('K7QM-4XTD-9PRW', html, BASE)).toBe('unavailable');
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await checkSetupCode('K7QM-4XTD-9PRW', offline, BASE)).toBe('unavailable');
  });
});
