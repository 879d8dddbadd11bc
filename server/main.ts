// `npm start` (after the build): the hall server on http://localhost:4173 with the embedded database
// in ./data; `npm run start:lan`: the same over HTTPS on every interface, for headsets on the hall's
// network. DATABASE_URL=postgres://… runs it on a real PostgreSQL instead (DATABASE_POOL_MAX
// connections, 8 by default); PORT, HALL_DATA_DIR, HALL_ID and HALL_NAME change the rest (docs/DEPLOY.md).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeDatabase } from './db/open.ts';
import { databaseConfig, startHallServer } from './server.ts';
import { certificate, lanAddresses } from './tls.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lan = process.argv.includes('--lan');
const port = Number(process.env.PORT ?? 4173);
const dataDir = process.env.HALL_DATA_DIR ?? join(root, 'data');
const databaseUrl = process.env.DATABASE_URL || undefined;
const databasePoolMax = process.env.DATABASE_POOL_MAX ? Number(process.env.DATABASE_POOL_MAX) : undefined;

try {
  const server = await startHallServer({
    root,
    dataDir,
    databaseUrl,
    databasePoolMax,
    port,
    host: lan ? '0.0.0.0' : 'localhost',
    https: lan ? certificate(join(root, '.cert')) : undefined,
    env: { HALL_ID: process.env.HALL_ID, HALL_NAME: process.env.HALL_NAME },
  });
  const scheme = lan ? 'https' : 'http';
  const t = server.timings;
  console.log(`\n${server.identity.name} — hall server ${server.identity.hallId}`);
  console.log(`  the app:   ${scheme}://localhost:${server.port}/`);
  if (lan) for (const a of lanAddresses()) console.log(`  on the hall's network: ${scheme}://${a}:${server.port}/`);
  console.log(`  database:  ${describeDatabase(databaseConfig({ databaseUrl, dataDir }))}`);
  console.log(`  started in ${t.total} ms (database ${t.database} ms)`);
  console.log(`\n  Staff setup code: ${server.identity.setupCode}`);
  console.log('  (enter it once on any device — 工作人员 → 统计 → 馆内服务器 — to set the hall\'s staff PIN; it is spent when used)\n');
  if (lan) {
    console.log('On a Quest: open the Browser, type the https address above, accept the certificate warning once');
    console.log('(Advanced → Proceed), then press "Enter VR" in the hall.');
  } else {
    console.log('For headsets (WebXR needs HTTPS): run `npm run start:lan` and open the https address it prints.');
  }
  console.log('Press Ctrl+C to stop.');
  void server.precompressed.then((pre) => {
    if (pre?.written) console.log(`  compressed copies of the app: ${pre.written} written in ${pre.ms} ms (${Math.round(pre.rawBytes / 1024)} KB → ${Math.round(pre.brotliBytes / 1024)} KB brotli)`);
  });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`hall server: port ${port} is in use (another npm start?). Stop it, or set PORT=…`);
  else console.error(`hall server: ${err.message}`);
  process.exit(1);
}
