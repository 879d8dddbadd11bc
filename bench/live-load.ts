// npm run loadtest -- --clients 40 --minutes 10 [--kill] [--postgres] [--port 4331]
// Simulated visitors on real WebSockets over loopback join one live competition and answer every
// question at human rates (1.5–8 s after it shows); a host runs it (lock when all answered, reveal,
// scoreboard, next). Prints answer-to-broadcast latency (p50/p99/max: from a visitor's send to its
// own action coming back, i.e. ordered, stored and broadcast; and to the last of all clients),
// answers sent vs logged in the database (must be equal), the server's CPU and memory.
// --kill: SIGKILL the server halfway and start it again on the same data; everyone reconnects with
// their resume tokens, the host resumes, nothing may be lost. --postgres: a throwaway PostgreSQL.
// Not a test (never in npm test). Writes bench/live-load-<mode>.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { throwawayDatabase } from '../scripts/postgres.ts';
import { openDatabase } from '../server/db/open.ts';
import { connectLive, type LiveClient } from '../server/rooms/liveClient.ts';
import { cookieClient, ROOT, tempDir } from '../server/testing.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const CLIENTS = Number(arg('clients', '40'));
const MINUTES = Number(arg('minutes', '10'));
const PORT = Number(arg('port', '4331'));
const KILL = process.argv.includes('--kill');
const PG = process.argv.includes('--postgres');
const GROUPS = ['child', 'teen', 'adult', 'senior'];
const ZONES = ['crossing', 'ebike', 'drunk', 'blindspot', 'seatbelt', 'signals'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = tempDir('live-load-');
const pg = PG ? await throwawayDatabase() : null;
let server!: ChildProcess;
let setupCode = '';
const rssSamples: number[] = [];
let cpuMs = 0;
let cpuAtStart = 0;

function cpuOf(pid: number): number {
  // utime + stime in clock ticks (100 Hz on Linux)
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function startServer(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/live-server.ts')], {
    env: { ...process.env, PORT: String(PORT), HALL_DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += String(d);
      const m = /READY (\d+) (\S+)/.exec(out);
      if (m) {
        setupCode = m[2]!;
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  cpuAtStart = cpuOf(server.pid!);
}
const base = `http://127.0.0.1:${PORT}`;

// the server goes with this process, however it ends
process.on('exit', () => server?.kill('SIGKILL'));
await startServer();
const sampler = setInterval(() => {
  try {
    rssSamples.push(rssOf(server.pid!));
  } catch {
    // between a kill and the restart
  }
}, 1000);

const staff = cookieClient(base);
if ((await staff.req('POST', '/api/staff/setup', { code: setupCode, pin: '246810' })).status !== 200) throw new Error('staff setup failed');
const cookie = { cookie: [...staff.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
const room = (await (await staff.req('POST', '/api/staff/rooms', { title: '压力测试' })).json()) as { id: string; code: string };

interface Visitor {
  player: string;
  token: string;
  c: LiveClient | null;
  /** q → when the answer was sent (performance.now) */
  sent: Map<number, { t: number; choice: string }>;
}
const visitors: Visitor[] = [];
for (let i = 0; i < CLIENTS; i++) {
  const r = await fetch(`${base}/api/live/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: room.code, nickname: `游客${i + 1}`, group: GROUPS[i % GROUPS.length], device: { id: `load-device-${i}`, kind: i % 3 === 0 ? 'vr' : 'phone', appVersion: '0.1.0' } }),
  });
  if (!r.ok) throw new Error(`join ${i}: ${r.status} ${await r.text()}`);
  const j = (await r.json()) as { player: string; token: string };
  visitors.push({ player: j.player, token: j.token, c: null, sent: new Map() });
}

const latency: number[] = [];
const toLast: number[] = [];
const arrivals = new Map<string, number[]>();
let answersSent = 0;
let reconnects = 0;

function wire(v: Visitor, c: LiveClient) {
  v.c = c;
  c.onAction = (a, t) => {
    if (a.type !== 'answer') return;
    const key = `${a.player}:${a.q}`;
    const list = arrivals.get(key) ?? [];
    list.push(t);
    arrivals.set(key, list);
    if (a.player === v.player) {
      const s = v.sent.get(a.q);
      if (s) latency.push(t - s.t);
    }
  };
}
async function connectVisitor(v: Visitor) {
  const c = await connectLive(base, { kind: 'hello', room: room.id, token: v.token }, {}, { reduce: false });
  wire(v, c);
  await c.until((x) => x.messages.some((m) => m.kind === 'welcome'), 15_000, 'welcome');
  // an answer sent but never seen in the log (the server died between) is sent again
  if (!host) return;
  const s = host.state;
  const mine = v.sent.get(s.q);
  if (mine && host && s.phase === 'question' && !c.log.some((a) => a.type === 'answer' && a.player === v.player && a.q === s.q)) c.send({ kind: 'answer', q: s.q, choice: mine.choice });
}
let host: LiveClient = null as unknown as LiveClient;
for (const v of visitors) await connectVisitor(v);
host = await connectLive(base, { kind: 'host', room: room.id }, cookie);
await host.until((x) => x.roster.filter((r) => r.online).length === CLIENTS, 60_000, 'everyone online');

host.send({
  kind: 'start',
  setup: { seed: 20261204, entrants: 'players', players: [], rounds: ZONES.map((zone) => ({ kind: 'quiz', zone, count: 12, timeLimitSec: 20 })), answering: 'all', scoring: { correct: 10, wrongBuzz: 0 } },
});
await host.until((x) => x.state.phase === 'roundIntro', 120_000, 'the start');
console.log(`${CLIENTS} visitors joined room ${room.code}; ${host.state.plan.length} questions planned; ${PG ? 'PostgreSQL' : 'PGlite'}${KILL ? ', kill halfway' : ''}`);

const tEnd = Date.now() + MINUTES * 60_000;
const killAt = Date.now() + (MINUTES * 60_000) / 2;
let killed = false;
let killMs = 0;

// each visitor answers the open question once, at a human pace
const scheduled = new Set<string>();
function scheduleAnswers() {
  const s = host.state;
  if (s.phase !== 'question' || s.paused) return;
  for (const v of visitors) {
    const key = `${v.player}:${s.q}`;
    if (scheduled.has(key)) continue;
    scheduled.add(key);
    const q = s.q;
    const planned = s.plan[q]!;
    const choice = Math.random() < 0.7 ? planned.answer[0]! : planned.choices[Math.floor(Math.random() * planned.choices.length)]!;
    setTimeout(() => {
      if (!v.c || v.c.ws.readyState !== v.c.ws.OPEN) {
        v.sent.set(q, { t: performance.now(), choice });
        answersSent++;
        return; // sent again on reconnect
      }
      v.sent.set(q, { t: performance.now(), choice });
      answersSent++;
      v.c.send({ kind: 'answer', q, choice });
    }, 1500 + Math.random() * 6500);
  }
}

async function killAndRestart() {
  killed = true;
  const t0 = performance.now();
  cpuMs += cpuOf(server.pid!) - cpuAtStart;
  server.kill('SIGKILL');
  await new Promise((r) => server.once('exit', r));
  await startServer();
  host = await connectLive(base, { kind: 'host', room: room.id }, cookie);
  await host.until((x) => x.messages.some((m) => m.kind === 'welcome'), 15_000, 'host welcome');
  for (const v of visitors) {
    await connectVisitor(v);
    reconnects++;
  }
  if (host.state.paused) host.send({ kind: 'command', type: 'resume' });
  killMs = performance.now() - t0;
  console.log(`server killed and restarted; everyone back in ${Math.round(killMs)} ms; question ${host.state.q + 1}, phase ${host.state.phase}`);
}

// the host's loop
while (Date.now() < tEnd && host.state.phase !== 'podium') {
  const s = host.state;
  if (KILL && !killed && Date.now() >= killAt && s.phase === 'question') {
    // wait until some of this question's answers are in, so the kill lands mid-question
    await host.until((x) => (x.state.questions[x.state.q]?.answers.length ?? 0) >= CLIENTS / 2, 20_000).catch(() => undefined);
    await killAndRestart();
    continue;
  }
  if (s.phase === 'roundIntro') host.send({ kind: 'command', type: 'next', phase: 'roundIntro' });
  else if (s.phase === 'question') scheduleAnswers();
  else if (s.phase === 'locked') {
    await sleep(800);
    host.send({ kind: 'command', type: 'reveal', phase: 'locked' });
  } else if (s.phase === 'revealed') {
    await sleep(800);
    host.send({ kind: 'command', type: 'next', phase: 'revealed' });
  } else if (s.phase === 'scoreboard') {
    await sleep(800);
    host.send({ kind: 'command', type: 'next', phase: 'scoreboard' });
  }
  const phase = s.phase;
  const q = s.q;
  await host.until((x) => x.state.phase !== phase || x.state.q !== q, 30_000, `leaving ${phase}`).catch(() => undefined);
}
// let the last answers land, then end
await sleep(9000);
if (host.state.phase !== 'podium') host.send({ kind: 'command', type: 'endEarly' });
await host.until((x) => x.state.phase === 'podium', 15_000, 'the podium');
await sleep(1500);
cpuMs += cpuOf(server.pid!) - cpuAtStart;
clearInterval(sampler);

for (const [key, ts] of arrivals) {
  const [player, q] = key.split(':');
  const s = visitors.find((v) => v.player === player)?.sent.get(Number(q));
  if (s && ts.length >= CLIENTS) toLast.push(Math.max(...ts.slice(-CLIENTS)) - s.t);
}

server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
const logged = await (async () => {
  const d = await openDatabase(pg ? { databaseUrl: pg.url } : { dataDir });
  const rows = await d.query<{ n: number }>("select count(*)::int as n from competition_actions where competition_id = $1 and action->>'type' = 'answer'", [room.id]);
  const attempts = await d.query<{ n: number }>('select count(*)::int as n from attempts where id like $1', [`live-${room.id}-%`]);
  await d.close();
  return { answers: rows[0]!.n, attempts: attempts[0]!.n };
})();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10 : NaN;
};
const report = {
  when: new Date().toISOString(),
  machine: { cores: cpus().length, loadAverage1min: Math.round(loadavg()[0]! * 10) / 10, note: 'a shared machine: other work ran at the same time' },
  mode: `${PG ? 'postgres' : 'pglite'}${KILL ? '+kill' : ''}`,
  clients: CLIENTS,
  minutes: MINUTES,
  questionsPlayed: host.state.questions.filter((q) => q.status === 'done').length,
  answerToOwnBroadcastMs: { n: latency.length, p50: pct(latency, 50), p99: pct(latency, 99), max: pct(latency, 100) },
  answerToLastClientMs: { n: toLast.length, p50: pct(toLast, 50), p99: pct(toLast, 99), max: pct(toLast, 100) },
  answersSent,
  answersLogged: logged.answers,
  lost: answersSent - logged.answers,
  attemptsStored: logged.attempts,
  server: { cpuSeconds: Math.round(cpuMs / 100) / 10, cpuPercentOfOneCore: Math.round((cpuMs / (MINUTES * 60_000)) * 1000) / 10, rssMaxMB: Math.round(Math.max(...rssSamples)), rssLastMB: Math.round(rssSamples.at(-1) ?? 0) },
  ...(KILL ? { killRestartAllBackMs: Math.round(killMs), reconnects } : {}),
};
console.log(JSON.stringify(report, null, 2));
writeFileSync(join(ROOT, 'bench', `live-load-${report.mode.replace('+', '-')}.json`), JSON.stringify(report, null, 2) + '\n');
for (const v of visitors) v.c?.close();
host.close();
await pg?.drop();
process.exit(report.lost === 0 ? 0 : 1);
