// The hall server for the load test, in its own process (so its CPU and memory are its own): API and
// live rooms only, data in HALL_DATA_DIR (PGlite on disk) or DATABASE_URL. Prints one line
// "READY <port> <setup code>" when listening. Not `npm start`: the app is not served, joins are not
// limited per address (every simulated visitor comes from 127.0.0.1).
import { startHallServer } from '../server/server.ts';
import { ROOT } from '../server/testing.ts';

const s = await startHallServer({
  root: ROOT,
  dataDir: process.env.HALL_DATA_DIR!,
  databaseUrl: process.env.DATABASE_URL || undefined,
  port: Number(process.env.PORT ?? 0),
  host: '127.0.0.1',
  serveApp: false,
  limits: { joinsPerAddress: 10_000, joinsOverall: 10_000, apiPerAddress: 100_000 },
  log: (l) => console.error(l),
});
console.log(`READY ${s.port} ${s.identity.setupCode}`);
process.once('SIGTERM', () => void s.close().then(() => process.exit(0)));
